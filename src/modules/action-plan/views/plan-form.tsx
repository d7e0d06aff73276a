import { PageLayout } from '../../../platform/ui/layout';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { InputField, RadioGroup, TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import { PLAN_STATUSES } from '../domain';
import { PLAN_FIELDS } from '../form';
import type { PlanRow } from '../repository';
import { ConflictPanel, type Conflict } from '../../../platform/ui/conflict';
import { fieldLabels, planStatusLabel, plansBase } from './common';

type Field = (typeof PLAN_FIELDS)[number];

/** A new plan, or the saved one being edited (its status too: adopting it publishes it). */
export function PlanFormPage(props: { ctx: PageContext; form: FormState; plan?: PlanRow; conflict?: Conflict<Field> }) {
  const { ctx, form, plan } = props;
  const { t } = ctx.i18n;
  const labels = fieldLabels(ctx, 'action_plan.field', PLAN_FIELDS);
  const field = { ctx, form };
  const base = plansBase(ctx);
  const back = plan ? { href: `${base}/${plan.id}/manage`, label: t('action_plan.manage.back') } : { href: base, label: t('action_plan.back_list') };
  const statusOf = (_f: Field, v: string | string[] | undefined) => (v === 'draft' || v === 'adopted' || v === 'closed' ? planStatusLabel(ctx, v) : String(v ?? ''));
  return (
    <PageLayout ctx={ctx} title={plan ? t('action_plan.form.edit_title', { title: plan.title }) : t('action_plan.form.new_title')} back={back}>
      <p>{t('action_plan.form.intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      {props.conflict ? <ConflictPanel ctx={ctx} conflict={props.conflict} labels={labels} show={(f, v) => (f === 'status' ? statusOf(f, v) : Array.isArray(v) ? v.join(', ') : (v ?? '').trim())} /> : null}
      <Form ctx={ctx} action={plan ? `${base}/${plan.id}/edit` : `${base}/new`} class="admin-form">
        {plan ? <input type="hidden" name="version" value={String(form.values.version ?? '')} /> : null}
        <InputField {...field} name="title" label={labels.title} hint={t('action_plan.hint.title')} required />
        <InputField {...field} name="area" label={labels.area} hint={t('action_plan.hint.area')} required />
        <div class="admin-row">
          <InputField {...field} name="period_from" type="date" label={labels.period_from} required size="medium" />
          <InputField {...field} name="period_to" type="date" label={labels.period_to} required size="medium" />
        </div>
        <TextArea {...field} name="main_goal" label={labels.main_goal} hint={t('action_plan.hint.main_goal')} rows={3} />
        <TextArea {...field} name="diagnosis" label={labels.diagnosis} hint={t('action_plan.hint.diagnosis')} rows={8} />
        <RadioGroup {...field} name="status" label={labels.status} hint={t('action_plan.hint.status')} options={PLAN_STATUSES.map((s) => ({ value: s, label: planStatusLabel(ctx, s) }))} />
        <p class="admin-actions">
          <button type="submit">{plan ? t('form.save') : t('action_plan.form.create')}</button> <a href={back.href}>{t('form.cancel')}</a>
        </p>
      </Form>
    </PageLayout>
  );
}
