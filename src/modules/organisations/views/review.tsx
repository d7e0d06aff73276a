import { PageLayout } from '../../../platform/ui/layout';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import type { OrganisationRow } from '../repository';
import type { LinkedOrganisation } from '../repository-members';
import { kindLabel, organisationsBase, sphereLabel } from './common';
import { formLabels } from './form';

export interface ReviewData {
  organisation: OrganisationRow;
  registrant: { name: string; email: string } | null;
  federations: LinkedOrganisation[];
  federationMembers: LinkedOrganisation[];
}

function Data(props: { ctx: PageContext; o: OrganisationRow }) {
  const { ctx, o } = props;
  const { t } = ctx.i18n;
  const labels = formLabels(ctx);
  const none = t('organisations.review.none');
  const value = (v: string | number | null) => (v === null || v === '' ? none : String(v));
  const rows: [string, string][] = [
    [labels.name, o.name],
    [labels.kind, kindLabel(ctx, o.kind)],
    [labels.krs, value(o.krs)],
    [labels.nip, value(o.nip)],
    [labels.regon, value(o.regon)],
    ...(o.kind === 'informal_group' ? ([[labels.leader_name, o.leader_name]] as [string, string][]) : []),
    [t('organisations.profile.spheres'), o.spheres.map((s) => sphereLabel(ctx, s)).join('; ')],
    [labels.description, value(o.description)],
    [labels.founded_year, value(o.founded_year)],
    [labels.members_count, value(o.members_count)],
    [labels.volunteers_count, value(o.volunteers_count)],
    [labels.street, value(o.street)],
    [labels.postal_code, value(o.postal_code)],
    [labels.city, value(o.city)],
    [labels.email, o.email],
    [labels.phone, value(o.phone)],
    [labels.website, value(o.website)],
    [labels.social_links, o.social_links.length ? o.social_links.join('\n') : none],
    [labels.published_contacts, o.published_contacts.length ? o.published_contacts.map((c) => t(`organisations.form.publish.${c}`)).join(', ') : none],
  ];
  return (
    <dl class="facts organisation-facts">
      {rows.map(([label, v]) => (
        <>
          <dt>{label}</dt>
          <dd class="prewrap">{v}</dd>
        </>
      ))}
    </dl>
  );
}

/** A registration as staff review it: every detail, who sent it, and the decision (verify, or reject with a reason). */
export function ReviewPage(props: { ctx: PageContext; data: ReviewData; form: FormState }) {
  const { ctx, data, form } = props;
  const { t, dateTime } = ctx.i18n;
  const o = data.organisation;
  const base = `${organisationsBase(ctx)}/${o.id}`;
  const version = String(o.version);
  return (
    <PageLayout ctx={ctx} title={t('organisations.review.title', { name: o.name })} back={{ href: `${organisationsBase(ctx)}/queue`, label: t('organisations.review.back') }}>
      <ErrorSummary ctx={ctx} form={form} labels={{ reason: t('organisations.review.reason') }} />
      <p>
        {t('organisations.review.status', { status: t(`organisation_status.${o.status}`) })}
        {o.status === 'verified' ? (
          <>
            {' · '}
            <a href={`${base}/cooperation`}>{t('cooperation.link')}</a>
          </>
        ) : null}
      </p>
      <p>
        {data.registrant
          ? t('organisations.review.registrant', { name: data.registrant.name, email: data.registrant.email, date: dateTime(o.submitted_at) })
          : t('organisations.review.registrant_unknown', { date: dateTime(o.submitted_at) })}
      </p>
      {o.rejection_reason ? (
        <div class="notice">
          <p>{t('organisations.review.previous_reason')}</p>
          <blockquote class="prewrap">{o.rejection_reason}</blockquote>
        </div>
      ) : null}
      <ul class="links">
        <li>
          <a href={`${base}/edit`}>{t('organisations.review.edit')}</a>
        </li>
        {o.status === 'verified' ? (
          <li>
            <a href={base}>{t('organisations.review.profile')}</a>
          </li>
        ) : null}
        {o.status === 'verified' && o.kind === 'federation' ? (
          <li>
            <a href={`${base}/federation`}>{t('organisations.review.federation')}</a>
          </li>
        ) : null}
      </ul>
      <h2>{t('organisations.review.data')}</h2>
      <Data ctx={ctx} o={o} />
      {o.status === 'pending' ? (
        <section aria-labelledby="decision-title">
          <h2 id="decision-title">{t('organisations.review.decision')}</h2>
          <p>{t('organisations.review.decision_intro')}</p>
          <Form ctx={ctx} action={`${base}/verify`}>
            <input type="hidden" name="version" value={version} />
            <button type="submit">{t('organisations.review.verify')}</button>
          </Form>
          <p>
            <a href={`${base}/reject`}>{t('organisations.confirm.reject.link')}</a>
          </p>
        </section>
      ) : (
        <p class="notice">{t('organisations.review.decided')}</p>
      )}
    </PageLayout>
  );
}
