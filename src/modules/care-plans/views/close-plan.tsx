import { ConfirmPage } from '../../../platform/ui/confirm';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { InputField, TextArea } from '../../../platform/ui/fields';
import type { PlanView } from '../service-read';
import { fieldLabel, planBase } from './common';

/** "Zamknąć plan?": the plan, what closing does and that it cannot be undone; the final interview and summary are written here. */
export function ClosePlanPage(props: { ctx: PageContext; data: PlanView; form: FormState }) {
  const { ctx, data, form } = props;
  const { t, date } = ctx.i18n;
  const plan = data.plan!;
  const page = `${planBase(ctx, data.case.id)}/${plan.id}`;
  const labels = { final_interview_on: fieldLabel(ctx, 'final_interview_on'), final_summary: fieldLabel(ctx, 'final_summary') };
  const version = String(form.message ? plan.version : (form.values.version ?? plan.version));
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('care_plan.close.confirm_title')}
      back={{ href: page, label: t('care_plan.remove.back') }}
      facts={[
        [t('care_plan.close.case'), data.case.number],
        [t('care_plan.close.person'), data.case.person_name],
        [fieldLabel(ctx, 'valid_from'), date(plan.valid_from)],
        [fieldLabel(ctx, 'valid_until'), date(plan.valid_until)],
      ]}
      consequences={[t('care_plan.close.effect_closed'), t('care_plan.close.effect_resident')]}
      undo={t('care_plan.close.undo')}
      action={`${page}/close`}
      submit={t('care_plan.close.confirm_submit')}
      keep={{ href: page, label: t('care_plan.close.keep') }}
      form={form}
      labels={labels}
    >
      <p>{t('care_plan.close.intro')}</p>
      <input type="hidden" name="version" value={version} />
      <InputField ctx={ctx} form={form} name="final_interview_on" type="date" label={labels.final_interview_on} hint={t('care_plan.hint.date')} required size="medium" />
      <TextArea ctx={ctx} form={form} name="final_summary" label={labels.final_summary} hint={t('care_plan.hint.final_summary')} required rows={6} />
    </ConfirmPage>
  );
}
