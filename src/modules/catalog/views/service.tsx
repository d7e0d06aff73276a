import type { PageContext } from '../../../platform/ui/context';
import { Layout } from '../../../platform/ui/layout';
import { applicationFormPath, takesApplications } from '../../applications';
import type { ProgrammeRef } from '../repository-search';
import { accessibilityOf, type ProviderRow, type ServiceRow } from '../repository';
import type { PlaceDetails, ServiceDetails } from '../public-service';
import { count, languageName, money, paragraphs, telHref, webHref, weeklyHours } from './public-format';

const WEEK = [1, 2, 3, 4, 5, 6, 7] as const;

function Text(props: { text: string }) {
  return (
    <>
      {paragraphs(props.text).map((p) => (
        <p class="prewrap">{p}</p>
      ))}
    </>
  );
}

function Cost(props: { ctx: PageContext; service: ServiceRow }) {
  const { ctx, service: s } = props;
  const { t } = ctx.i18n;
  if (s.fee_kind === 'free') return <p>{t('service_page.fee_free')}</p>;
  if (s.fee_kind === 'fixed' && s.fee_amount !== null) return <p>{t('service_page.fee_fixed', { amount: money(ctx.i18n.locale, s.fee_amount) })}</p>;
  return (
    <>
      <p>{t('service_page.fee_income')}</p>
      {s.fee_rule ? <p class="prewrap">{t('service_page.fee_rule', { rule: s.fee_rule })}</p> : null}
    </>
  );
}

function Place(props: { ctx: PageContext; place: PlaceDetails; index: number }) {
  const { ctx, place: l } = props;
  const { t } = ctx.i18n;
  const features = accessibilityOf(l);
  const days = weeklyHours(l.hours);
  return (
    <section class="place" aria-labelledby={`place-${props.index}`}>
      <h3 id={`place-${props.index}`}>{l.name}</h3>
      <p>
        <span class="label">{t('service_page.address')}</span> {l.street}, {l.postal_code} {l.city}
      </p>
      <p>
        <span class="label">{t('service_page.accessibility')}</span>{' '}
        {features.length ? features.map((f) => t(`access.${f}`)).join(', ') : t('service_page.accessibility_none')}
      </p>
      {l.accessibility_notes ? <p class="prewrap">{l.accessibility_notes}</p> : null}
      {l.hours.length ? (
        <div class="table-wrap">
          <table class="hours">
            <caption>{t('service_page.hours', { name: l.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('service_page.col.day')}</th>
                <th scope="col">{t('service_page.col.hours')}</th>
              </tr>
            </thead>
            <tbody>
              {WEEK.map((d) => (
                <tr>
                  <th scope="row">{t(`weekday.${d}`)}</th>
                  <td>{days.get(d)?.join(', ') ?? t('service_page.closed_day')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('service_page.no_hours')}</p>
      )}
      {l.exceptions.length ? (
        <>
          <p class="label">{t('service_page.exceptions')}</p>
          <ul>
            {l.exceptions.map((e) => {
              const day = ctx.i18n.date(e.day);
              const line = e.closed ? t('service_page.exception_closed', { day }) : t('service_page.exception_hours', { day, hours: `${e.opens}–${e.closes}` });
              return <li>{e.note ? `${line} (${e.note})` : line}</li>;
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function Contact(props: { ctx: PageContext; service: ServiceRow; provider: ProviderRow | undefined }) {
  const { ctx, service: s, provider: p } = props;
  const { t } = ctx.i18n;
  const phone = s.contact_phone || p?.phone || '';
  const email = s.contact_email || p?.email || '';
  const website = p ? webHref(p.website) : null;
  return (
    <>
      {p ? (
        <p>
          <strong>{p.name}</strong> ({t(`provider_kind.${p.kind}`)})
        </p>
      ) : null}
      {p?.description ? <p class="prewrap">{p.description}</p> : null}
      <ul class="contact">
        {phone ? (
          <li>
            <span class="label">{t('service_page.phone')}</span> <a href={telHref(phone)}>{phone}</a>
          </li>
        ) : null}
        {email ? (
          <li>
            <span class="label">{t('service_page.email')}</span> <a href={`mailto:${email}`}>{email}</a>
          </li>
        ) : null}
        {website ? (
          <li>
            <span class="label">{t('service_page.website')}</span> <a href={website}>{website}</a>
          </li>
        ) : null}
      </ul>
    </>
  );
}

function Programmes(props: { ctx: PageContext; programmes: ProgrammeRef[] }) {
  const { ctx } = props;
  const { t, date } = ctx.i18n;
  if (props.programmes.length === 0) return <p>{t('service_page.no_programmes')}</p>;
  return (
    <ul>
      {props.programmes.map((g) => (
        <li>
          {g.name} — {t('service_page.programme_period', { from: date(g.period_from), to: date(g.period_to) })}, {t(`programme_status.${g.status}`)}
          {g.resolution_number ? `, ${t('service_page.resolution', { number: g.resolution_number })}` : ''}
        </li>
      ))}
    </ul>
  );
}

export function ServicePage(props: { ctx: PageContext } & ServiceDetails) {
  const { ctx, service: s } = props;
  const { t, locale } = ctx.i18n;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={s.name} description={s.summary.trim() || s.name}>
      <article class="service-page">
        <p class="no-print">
          <a href={`/${slug}/services`}>{t('service_page.back')}</a>
        </p>
        <h1>{s.name}</h1>
        {s.status !== 'active' ? (
          <div class="notice status-notice" role="note">
            <p>
              <strong>
                {t('service_page.status')} {t(`service_status.${s.status}`)}.
              </strong>{' '}
              {t(s.status === 'suspended' ? 'service_page.status_notice.suspended' : 'service_page.status_notice.closed')}
            </p>
          </div>
        ) : null}
        {s.summary ? <p class="lead">{s.summary}</p> : null}
        {takesApplications(s) ? (
          <p class="service-apply">
            <a href={applicationFormPath(slug, s.id)} class="button">
              {t('service_page.apply')}
            </a>
          </p>
        ) : null}
        <dl class="facts">
          <dt>{t('directory.area')}</dt>
          <dd>{t(`area.${s.area}`)}</dd>
          <dt>{t('service_page.status')}</dt>
          <dd>{t(`service_status.${s.status}`)}</dd>
        </dl>

        <h2>{t('service_page.about')}</h2>
        <Text text={s.description} />

        <h2>{t('service_page.for_whom')}</h2>
        {s.target_groups.length ? (
          <ul>
            {s.target_groups.map((g) => (
              <li>{t(`group.${g}`)}</li>
            ))}
          </ul>
        ) : null}
        {s.eligibility ? (
          <>
            <h3>{t('service_page.eligibility')}</h3>
            <Text text={s.eligibility} />
          </>
        ) : null}

        <h2>{t('service_page.how_to_apply')}</h2>
        <Text text={s.how_to_apply} />
        <h3>{t('service_page.documents')}</h3>
        {s.required_documents.length ? (
          <ul>
            {s.required_documents.map((d) => (
              <li>{d}</li>
            ))}
          </ul>
        ) : (
          <p>{t('service_page.no_documents')}</p>
        )}

        <h2>{t('service_page.cost')}</h2>
        <Cost ctx={ctx} service={s} />

        <h2>{t('service_page.limits')}</h2>
        <p>{s.capacity ? t('service_page.capacity', { capacity: `${count(locale, s.capacity)} ${s.capacity_period}`.trim() }) : t('service_page.no_limit')}</p>

        <h2>{t('service_page.where')}</h2>
        {props.locations.length ? props.locations.map((l, i) => <Place ctx={ctx} place={l} index={i + 1} />) : <p>{t('service_page.no_locations')}</p>}

        <h2>{t('service_page.provider')}</h2>
        <Contact ctx={ctx} service={s} provider={props.provider} />

        <h2>{t('service_page.programmes')}</h2>
        <Programmes ctx={ctx} programmes={props.programmes} />

        <h2>{t('service_page.languages')}</h2>
        <p>{s.languages.map((code) => languageName(locale, code)).join(', ')}</p>

        <p class="muted">{t('service_page.updated', { date: ctx.i18n.date(s.updated_at) })}</p>
        <p class="muted no-print">{t('service_page.print')}</p>
      </article>
    </Layout>
  );
}
