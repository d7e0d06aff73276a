import type { FormState, PageContext } from '../../../platform/ui/context';
import { fieldMessageKey } from '../../../platform/http/errors';
import { InputField, SelectField, TextArea } from '../../../platform/ui/fields';
import { ConfirmPage } from '../../../platform/ui/confirm';
import { ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import { Layout, PageLayout } from '../../../platform/ui/layout';
import { formatMoney, formatPercent, offerSums, SOURCES, type OfferRow } from '../domain';
import { rowsShown } from '../form';
import type { OfferView } from '../service';
import { grantsBase, zl } from './common';

const AMOUNTS = ['total', ...SOURCES] as const;

/** Labels of every field of the offer form (the error summary and the check page link to them). */
export function offerLabels(ctx: PageContext, rows = 40): Record<string, string> {
  const { t } = ctx.i18n;
  const labels: Record<string, string> = {
    title: t('commissioning.offer.field.title'),
    task_description: t('commissioning.offer.field.task_description'),
    expected_results: t('commissioning.offer.field.expected_results'),
    grant_total: t('commissioning.offer.field.grant_total'),
    own_total: t('commissioning.offer.field.own_total'),
  };
  for (let i = 0; i < rows; i++) {
    const n = i + 1;
    labels[`partner_${i}_organisation`] = `${t('commissioning.offer.partner', { n })}: ${t('commissioning.offer.field.partner_organisation')}`;
    labels[`partner_${i}_share`] = `${t('commissioning.offer.partner', { n })}: ${t('commissioning.offer.field.partner_share')}`;
    labels[`schedule_${i}_action`] = `${t('commissioning.offer.schedule_row', { n })}: ${t('commissioning.offer.field.action')}`;
    labels[`schedule_${i}_from`] = `${t('commissioning.offer.schedule_row', { n })}: ${t('commissioning.offer.field.from')}`;
    labels[`schedule_${i}_to`] = `${t('commissioning.offer.schedule_row', { n })}: ${t('commissioning.offer.field.to')}`;
    labels[`cost_${i}_name`] = `${t('commissioning.offer.cost_row', { n })}: ${t('commissioning.offer.field.cost_name')}`;
    for (const k of AMOUNTS) labels[`cost_${i}_${k}`] = `${t('commissioning.offer.cost_row', { n })}: ${t(`commissioning.offer.field.${k}`)}`;
  }
  return labels;
}

/** The saved offer as the form's values. */
export function offerToValues(o: OfferRow): FormState['values'] {
  const v: FormState['values'] = { title: o.title, task_description: o.task_description, expected_results: o.expected_results, version: String(o.version) };
  o.partners.forEach((p, i) => {
    v[`partner_${i}_organisation`] = p.organisation_id;
    v[`partner_${i}_share`] = String(p.share_basis_points / 100).replace('.', ',');
  });
  o.schedule.forEach((s, i) => {
    v[`schedule_${i}_action`] = s.action;
    v[`schedule_${i}_from`] = s.from;
    v[`schedule_${i}_to`] = s.to;
  });
  o.cost_lines.forEach((l, i) => {
    v[`cost_${i}_name`] = l.name;
    for (const k of AMOUNTS) v[`cost_${i}_${k}`] = formatMoney(l[k]).replace(/\u00a0/g, ' ');
  });
  return v;
}

/** The sums, computed by the server from what is saved (the script updates them as one types). */
export function Sums(props: { ctx: PageContext; offer: OfferRow }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const s = offerSums(props.offer.cost_lines);
  return (
    <section aria-labelledby="sums-title" class="offer-sums" data-offer-sums>
      <h2 id="sums-title">{t('commissioning.offer.sums')}</h2>
      <dl class="facts" aria-live="polite">
        {SOURCES.map((k) => (
          <>
            <dt>{t(`commissioning.offer.sum.${k}`)}</dt>
            <dd data-sum={k}>{zl(ctx, s.bySource[k])}</dd>
          </>
        ))}
        <dt>{t('commissioning.offer.sum.total')}</dt>
        <dd data-sum="total">{zl(ctx, s.total)}</dd>
        <dt>{t('commissioning.offer.sum.own_share')}</dt>
        <dd data-sum="own">{t('commissioning.percent', { value: formatPercent(s.ownBasisPoints) })}</dd>
      </dl>
    </section>
  );
}

export function OfferPage(props: { ctx: PageContext; view: OfferView; form: FormState; closed: boolean }) {
  const { ctx, view, form } = props;
  const { t } = ctx.i18n;
  const o = view.offer;
  const base = grantsBase(ctx);
  const editable = view.member && o.status === 'draft' && !props.closed;
  const labels = offerLabels(ctx);
  const field = { ctx, form };
  const title = t('commissioning.offer.title', { title: o.title || t('commissioning.offer.untitled') });
  const limits = t('commissioning.offer.limits', { ceiling: formatMoney(view.call.grant_ceiling), own: formatPercent(view.call.min_own_basis_points) });
  const head = (
    <dl class="facts">
      <dt>{t('commissioning.offer.call')}</dt>
      <dd>
        <a href={`${base}/calls/${view.call.id}`}>{view.call.title}</a> — {t('commissioning.call.closes', { when: ctx.i18n.dateTime(view.call.offers_close_at) })}
      </dd>
      <dt>{t('commissioning.offer.offeror')}</dt>
      <dd>{o.organisation_name}</dd>
      <dt>{t('commissioning.fact.status')}</dt>
      <dd>{t(`commissioning.offer_status.${o.status}`)}</dd>
    </dl>
  );
  if (!editable) return <ReadOnlyOffer ctx={ctx} view={view} title={title} head={head} closed={props.closed} />;
  const rows = (saved: number) => Array.from({ length: rowsShown(saved) }, (_, i) => i);
  return (
    <PageLayout ctx={ctx} title={title} back={{ href: `${base}/calls/${view.call.id}`, label: view.call.title }}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      {head}
      <p>{limits}</p>
      <Sums ctx={ctx} offer={o} />
      {view.problems.length > 0 ? (
        <section aria-labelledby="problems-title">
          <h2 id="problems-title">{t('commissioning.offer.problems')}</h2>
          <ProblemList ctx={ctx} view={view} />
        </section>
      ) : null}
      <Form ctx={ctx} action={`${base}/offers/${o.id}`} class="admin-form offer-form">
        <input type="hidden" name="version" value={String(form.values.version ?? o.version)} />
        <TextField {...field} name="title" label={labels.title!} required />
        <TextArea {...field} name="task_description" label={labels.task_description!} rows={6} required />
        <fieldset>
          <legend>{t('commissioning.offer.partners')}</legend>
          <p class="hint">{t('commissioning.offer.partners_hint')}</p>
          {rows(o.partners.length).slice(0, Math.max(2, o.partners.length + 1)).map((i) => (
            <div class="admin-row">
              <SelectField {...field} name={`partner_${i}_organisation`} label={labels[`partner_${i}_organisation`]!} placeholder="—" options={view.organisations.map((x) => ({ value: x.id, label: x.name }))} />
              <InputField {...field} name={`partner_${i}_share`} label={labels[`partner_${i}_share`]!} inputmode="decimal" size="short" />
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('commissioning.offer.schedule')}</legend>
          {rows(o.schedule.length).map((i) => (
            <div class="admin-row">
              <InputField {...field} name={`schedule_${i}_action`} label={labels[`schedule_${i}_action`]!} />
              <InputField {...field} name={`schedule_${i}_from`} label={labels[`schedule_${i}_from`]!} size="medium" />
              <InputField {...field} name={`schedule_${i}_to`} label={labels[`schedule_${i}_to`]!} size="medium" />
            </div>
          ))}
        </fieldset>
        <TextArea {...field} name="expected_results" label={labels.expected_results!} rows={4} required />
        <fieldset data-cost-lines>
          <legend>{t('commissioning.offer.costs')}</legend>
          <p class="hint">{t('commissioning.offer.costs_hint')}</p>
          {rows(o.cost_lines.length).map((i) => (
            <fieldset class="cost-line" data-cost-line>
              <legend>{t('commissioning.offer.cost_row', { n: i + 1 })}</legend>
              <InputField {...field} name={`cost_${i}_name`} label={t('commissioning.offer.field.cost_name')} />
              <div class="admin-row">
                {AMOUNTS.map((k) => (
                  <InputField {...field} name={`cost_${i}_${k}`} label={t(`commissioning.offer.field.${k}`)} inputmode="decimal" size="medium" />
                ))}
              </div>
            </fieldset>
          ))}
        </fieldset>
        <p class="admin-actions">
          <button type="submit">{t('commissioning.offer.save')}</button>
        </p>
      </Form>
      <p>
        <a href={`${base}/offers/${o.id}/submit`}>{t('commissioning.offer.check')}</a>
      </p>
      <script src="/static/commissioning-sums.js" defer />
    </PageLayout>
  );
}

function ProblemList(props: { ctx: PageContext; view: OfferView }) {
  const { ctx, view } = props;
  const base = grantsBase(ctx);
  const labels = offerLabels(ctx);
  const anchor = (f: string) => (f === 'grant_total' || f === 'own_total' ? 'sums-title' : `f-${f}`);
  return (
    <ul>
      {view.problems.map((p) => (
        <li>
          <a href={`${base}/offers/${view.offer.id}#${anchor(p.field)}`}>
            {labels[p.field] ?? p.field}: {ctx.i18n.t(fieldMessageKey(p.code), p.params)}
          </a>
        </li>
      ))}
    </ul>
  );
}

function ReadOnlyOffer(props: { ctx: PageContext; view: OfferView; title: string; head: preact.ComponentChildren; closed: boolean }) {
  const { ctx, view } = props;
  const { t } = ctx.i18n;
  const o = view.offer;
  const base = grantsBase(ctx);
  return (
    <PageLayout ctx={ctx} title={props.title} back={{ href: `${base}/calls/${view.call.id}`, label: view.call.title }}>
      {props.head}
      <p>{o.status === 'draft' ? t('commissioning.offer.closed') : t('commissioning.offer.read_only')}</p>
      {view.member && o.status === 'submitted' && !props.closed ? (
        <p>
          <a href={`${base}/offers/${o.id}/withdraw`}>{t('committee.withdraw.link')}</a>
        </p>
      ) : null}
      {view.submitted ? (
        <p>
          {t('commissioning.offer.submitted_at')}: {secondsOf(ctx, view.submitted.submitted_at)} · {t('commissioning.offer.hash')}: <code>{view.submitted.sha256}</code>
        </p>
      ) : null}
      <h2>{t('commissioning.offer.field.task_description')}</h2>
      <p class="prewrap">{o.task_description}</p>
      {o.partners.length > 0 ? (
        <>
          <h2>{t('commissioning.offer.partners')}</h2>
          <ul>{o.partners.map((p) => <li>{p.name} — {formatPercent(p.share_basis_points)}%</li>)}</ul>
        </>
      ) : null}
      <h2>{t('commissioning.offer.schedule')}</h2>
      <ul>{o.schedule.map((s) => <li>{s.action}: {s.from} – {s.to}</li>)}</ul>
      <h2>{t('commissioning.offer.field.expected_results')}</h2>
      <p class="prewrap">{o.expected_results}</p>
      <h2>{t('commissioning.offer.costs')}</h2>
      <ul>
        {o.cost_lines.map((l) => (
          <li>
            {l.name}: {zl(ctx, l.total)} ({SOURCES.map((k) => `${t(`commissioning.offer.field.${k}`)} ${zl(ctx, l[k])}`).join(', ')})
          </li>
        ))}
      </ul>
      <Sums ctx={ctx} offer={o} />
    </PageLayout>
  );
}

export const secondsOf = (ctx: PageContext, d: Date) =>
  new Intl.DateTimeFormat(ctx.i18n.locale === 'en' ? 'en-GB' : 'pl-PL', { timeZone: 'Europe/Warsaw', dateStyle: 'long', timeStyle: 'medium' }).format(new Date(d));

/** "Sprawdź ofertę": the problems first (nothing submitted while any is left), else the confirmation of the submission. */
export function CheckPage(props: { ctx: PageContext; view: OfferView; form: FormState }) {
  const { ctx, view } = props;
  const { t } = ctx.i18n;
  const o = view.offer;
  const base = grantsBase(ctx);
  const s = offerSums(o.cost_lines);
  const title = t('commissioning.offer.check_title', { title: o.title || t('commissioning.offer.untitled') });
  if (view.problems.length > 0) {
    return (
      <PageLayout ctx={ctx} title={title} back={{ href: `${base}/offers/${o.id}`, label: t('commissioning.offer.back_to_edit') }}>
        <ErrorSummary ctx={ctx} form={props.form} labels={offerLabels(ctx)} />
        <h2>{t('commissioning.offer.problems')}</h2>
        <ProblemList ctx={ctx} view={view} />
        <p>
          <a href={`${base}/offers/${o.id}`}>{t('commissioning.offer.back_to_edit')}</a>
        </p>
      </PageLayout>
    );
  }
  return (
    <ConfirmPage
      ctx={ctx}
      title={title}
      back={{ href: `${base}/offers/${o.id}`, label: t('commissioning.offer.back_to_edit') }}
      facts={[
        [t('commissioning.offer.call'), view.call.title],
        [t('commissioning.offer.offeror'), o.organisation_name],
        [t('commissioning.offer.sum.grant'), zl(ctx, s.bySource.grant)],
        [t('commissioning.offer.sum.total'), zl(ctx, s.total)],
        [t('commissioning.offer.sum.own_share'), t('commissioning.percent', { value: formatPercent(s.ownBasisPoints) })],
        [t('commissioning.fact.closes'), ctx.i18n.dateTime(view.call.offers_close_at)],
      ]}
      consequences={[t('commissioning.offer.no_problems')]}
      undo={t('commissioning.offer.read_only')}
      action={`${base}/offers/${o.id}/submit`}
      submit={t('commissioning.offer.submit')}
      keep={{ href: `${base}/offers/${o.id}`, label: t('commissioning.offer.back_to_edit') }}
      form={props.form}
      labels={offerLabels(ctx)}
    >
      <input type="hidden" name="version" value={String(o.version)} />
    </ConfirmPage>
  );
}

export function SubmittedPage(props: { ctx: PageContext; view: OfferView }) {
  const { ctx, view } = props;
  const { t } = ctx.i18n;
  const o = view.offer;
  const base = grantsBase(ctx);
  return (
    <PageLayout ctx={ctx} title={t('commissioning.offer.submitted_title')} back={{ href: `${base}/calls/${view.call.id}`, label: view.call.title }}>
      <p>{t('commissioning.offer.submitted_lead', { title: o.title, call: view.call.title })}</p>
      {view.submitted ? (
        <dl class="facts">
          <dt>{t('commissioning.offer.submitted_at')}</dt>
          <dd>{secondsOf(ctx, view.submitted.submitted_at)}</dd>
          <dt>{t('commissioning.offer.version')}</dt>
          <dd>{view.submitted.number}</dd>
          <dt>{t('commissioning.offer.hash')}</dt>
          <dd>
            <code>{view.submitted.sha256}</code>
          </dd>
        </dl>
      ) : null}
      <p>
        <a href={`${base}/offers/${o.id}`}>{t('commissioning.manage.open_offer')}</a>
      </p>
    </PageLayout>
  );
}

export function MinePage(props: { ctx: PageContext; list: (OfferRow & { call_title: string; offers_close_at: Date })[] }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const base = grantsBase(ctx);
  return (
    <Layout ctx={ctx} title={t('commissioning.mine.title')}>
      <h1>{t('commissioning.mine.title')}</h1>
      {props.list.length === 0 ? (
        <p class="admin-empty">{t('commissioning.mine.empty')}</p>
      ) : (
        <ul class="results">
          {props.list.map((o) => (
            <li class="result">
              <h2>
                <a href={`${base}/offers/${o.id}`}>{o.title || t('commissioning.offer.untitled')}</a>
              </h2>
              <p>
                {o.organisation_name} · {o.call_title} · {t(`commissioning.offer_status.${o.status}`)} · {t('commissioning.call.closes', { when: ctx.i18n.dateTime(o.offers_close_at) })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
