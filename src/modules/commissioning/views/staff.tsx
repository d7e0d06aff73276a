import type { MessageKey } from '../../../platform/i18n';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { ConflictPanel, type Conflict } from '../../../platform/ui/conflict';
import { InputField, RadioGroup, SelectField, TextArea } from '../../../platform/ui/fields';
import { CheckboxGroup, ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import { SPHERE_CODES } from '../../organisations';
import { acceptsOffers, DECISION_KINDS, offerSums, type CallRow, type OfferRow } from '../domain';
import { Table } from '../../../platform/ui/table';
import { CALL_FIELDS, DECISION_FIELDS } from '../form';
import type { callView } from '../service';
import { grantsBase, sphereLabel, zl } from './common';
import { CallFacts } from './public';

export function callLabels(ctx: PageContext): Record<string, string> {
  return Object.fromEntries(CALL_FIELDS.map((f) => [f, ctx.i18n.t(`commissioning.form.field.${f}` as MessageKey)]));
}

export function CallFormPage(props: { ctx: PageContext; form: FormState; call?: CallRow; services: { id: string; name: string }[]; conflict?: Conflict }) {
  const { ctx, form, call: c } = props;
  const { t } = ctx.i18n;
  const base = grantsBase(ctx);
  const labels = callLabels(ctx);
  const field = { ctx, form };
  const title = c ? t('commissioning.form.edit_title', { title: c.title }) : t('commissioning.form.new_title');
  return (
    <PageLayout ctx={ctx} title={title} back={{ href: c ? `${base}/calls/${c.id}` : base, label: c ? c.title : t('commissioning.back') }}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <ConflictPanel ctx={ctx} labels={labels} conflict={props.conflict} />
      <Form ctx={ctx} action={c ? `${base}/calls/${c.id}/edit` : `${base}/calls/new`} class="admin-form">
        {c ? <input type="hidden" name="version" value={String(form.values.version ?? '')} /> : null}
        <TextField {...field} name="title" label={labels.title!} required />
        <SelectField {...field} name="sphere" label={labels.sphere!} required options={SPHERE_CODES.map((s) => ({ value: s, label: sphereLabel(ctx, s) }))} />
        <TextArea {...field} name="tasks" label={labels.tasks!} rows={4} required />
        {props.services.length > 0 ? (
          <CheckboxGroup {...field} name="service_ids" legend={labels.service_ids!} options={props.services.map((s) => ({ value: s.id, label: s.name }))} />
        ) : null}
        <InputField {...field} name="total_amount" label={labels.total_amount!} hint={t('commissioning.form.hint.money')} inputmode="decimal" size="medium" required />
        <InputField {...field} name="grant_ceiling" label={labels.grant_ceiling!} hint={t('commissioning.form.hint.money')} inputmode="decimal" size="medium" required />
        <InputField {...field} name="min_own_percent" label={labels.min_own_percent!} inputmode="decimal" size="short" />
        <TextArea {...field} name="criteria" label={labels.criteria!} hint={t('commissioning.form.hint.criteria')} rows={5} />
        <TextArea {...field} name="rules" label={labels.rules!} rows={8} />
        <div class="admin-row">
          <InputField {...field} name="closes_on" type="date" label={labels.closes_on!} hint={t('commissioning.form.hint.closes')} required size="medium" />
          <InputField {...field} name="closes_time" label={labels.closes_time!} required size="short" />
        </div>
        <p class="admin-actions">
          <button type="submit">{c ? t('form.save') : t('commissioning.form.create')}</button>
        </p>
      </Form>
    </PageLayout>
  );
}

type View = Awaited<ReturnType<typeof callView>>;

export function decisionLabels(ctx: PageContext): Record<string, string> {
  return Object.fromEntries(DECISION_FIELDS.map((f) => [f, ctx.i18n.t(`commissioning.decision.field.${f}` as MessageKey)]));
}

/** Staff: the call's offers (each decided on its own page), publishing the call and its results. */
export function ManagePage(props: { ctx: PageContext; view: View; publishForm: FormState }) {
  const { ctx, view } = props;
  const { t } = ctx.i18n;
  const c = view.call;
  const base = grantsBase(ctx);
  const open = acceptsOffers(c, new Date());
  return (
    <PageLayout ctx={ctx} title={t('commissioning.manage.title', { title: c.title })} back={{ href: `${base}/calls/${c.id}`, label: c.title }}>
      <ErrorSummary ctx={ctx} form={props.publishForm} labels={{ closes_on: t('commissioning.form.field.closes_on') }} />
      <CallFacts ctx={ctx} c={c} services={view.services} />
      <p>
        <a href={`${base}/calls/${c.id}/committee`}>{t('committee.link')}</a>
      </p>
      {c.status === 'draft' ? (
        <Form ctx={ctx} action={`${base}/calls/${c.id}/publish`}>
          <input type="hidden" name="version" value={String(c.version)} />
          <p>
            <button type="submit">{t('commissioning.manage.publish')}</button>
          </p>
        </Form>
      ) : null}
      <Table
        id="offers"
        caption={t('commissioning.manage.link')}
        columns={[
          { header: t('commissioning.results.offeror'), cell: (o) => o.organisation_name, rowHeader: true },
          { header: t('commissioning.results.offer'), cell: (o) => <a href={`${base}/offers/${o.id}`}>{o.title || t('commissioning.offer.untitled')}</a> },
          { header: t('commissioning.results.submitted'), cell: (o) => (o.submitted_at ? ctx.i18n.dateTime(o.submitted_at) : '—') },
          { header: t('commissioning.results.requested'), cell: (o) => zl(ctx, offerSums(o.cost_lines).bySource.grant), numeric: true },
          { header: t('committee.consensus_total'), cell: (o) => (o.consensus_total === null ? '—' : <a href={`${base}/offers/${o.id}/assessment`}>{String(o.consensus_total)}</a>), numeric: true },
          {
            header: t('commissioning.results.decision'),
            cell: (o) => (
              <>
                {t(`commissioning.decision.${o.decision_kind ?? 'none'}` as MessageKey)}
                {o.amount ? ` — ${zl(ctx, o.amount)}` : ''}
                {c.status === 'published' ? (
                  <>
                    {' '}
                    <a href={`${base}/offers/${o.id}/decision`}>{t('commissioning.manage.decide')}</a>
                  </>
                ) : null}
                {c.status === 'resolved' && o.decision_kind === 'awarded' ? (
                  o.agreement_id ? (
                    <>
                      {' '}
                      <a href={`${base}/agreements/${o.agreement_id}`}>{t('agreement.list.title')}</a>
                    </>
                  ) : (
                    <Form ctx={ctx} action={`${base}/offers/${o.id}/agreement`}>
                      <button type="submit">{t('agreement.create')}</button>
                    </Form>
                  )
                ) : null}
              </>
            ),
          },
        ]}
        rows={view.results}
        empty={t('commissioning.results.empty')}
      />
      {c.status === 'published' ? (
        open ? (
          <p>{t('commissioning.manage.results_wait')}</p>
        ) : (
          <Form ctx={ctx} action={`${base}/calls/${c.id}/results`}>
            <p>{t('commissioning.manage.results_wait')}</p>
            <p>
              <button type="submit">{t('commissioning.manage.results')}</button>
            </p>
          </Form>
        )
      ) : null}
    </PageLayout>
  );
}

export function DecisionPage(props: { ctx: PageContext; offer: OfferRow; call: CallRow; form: FormState }) {
  const { ctx, offer: o, call: c, form } = props;
  const { t } = ctx.i18n;
  const base = grantsBase(ctx);
  const labels = decisionLabels(ctx);
  const sums = offerSums(o.cost_lines);
  return (
    <PageLayout ctx={ctx} title={`${o.organisation_name}: ${o.title || t('commissioning.offer.untitled')}`} back={{ href: `${base}/calls/${c.id}/offers`, label: t('commissioning.manage.title', { title: c.title }) }}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <p>
        {t('commissioning.results.requested')}: {zl(ctx, sums.bySource.grant)} · {t('commissioning.fact.ceiling')}: {zl(ctx, c.grant_ceiling)} · <a href={`${base}/offers/${o.id}`}>{t('commissioning.manage.open_offer')}</a>
      </p>
      <Form ctx={ctx} action={`${base}/offers/${o.id}/decision`} class="admin-form">
        <RadioGroup ctx={ctx} form={form} name="kind" label={labels.kind!} options={DECISION_KINDS.map((k) => ({ value: k, label: t(`commissioning.decision.${k}`) }))} />
        <InputField ctx={ctx} form={form} name="amount" label={labels.amount!} hint={t('commissioning.form.hint.money')} inputmode="decimal" size="medium" />
        <TextArea ctx={ctx} form={form} name="reasons" label={labels.reasons!} rows={4} required />
        <p class="admin-actions">
          <button type="submit">{t('commissioning.manage.decide')}</button>
        </p>
      </Form>
    </PageLayout>
  );
}
