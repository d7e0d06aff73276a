import type { FormState, PageContext } from '../../../platform/ui/context';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import type { CaseRow, PlanRow } from '../domain';
import { HEADER_FIELDS } from '../form';
import { ConflictPanel, fieldLabel, planBase, type Conflict } from './common';
import { HeaderFields } from './plan-forms';

/** A draft's validity and the resident's situation; a stale save shows what was typed beside what is saved. */
export function HeaderFormPage(props: { ctx: PageContext; case: CaseRow; plan: PlanRow; form: FormState; conflict?: Conflict }) {
  const { ctx, plan, form } = props;
  const { t } = ctx.i18n;
  const base = `${planBase(ctx, props.case.id)}/${plan.id}`;
  const labels = Object.fromEntries([...HEADER_FIELDS, 'version'].map((n) => [n, fieldLabel(ctx, n)]));
  const version = props.conflict ? plan.version : Number(form.values.version ?? plan.version);
  return (
    <PageLayout ctx={ctx} title={t('care_plan.header.title', { revision: plan.revision })} back={{ href: base, label: t('care_plan.back_plan', { number: props.case.number }) }}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      {props.conflict ? <ConflictPanel ctx={ctx} conflict={props.conflict} /> : null}
      <Form ctx={ctx} action={`${base}/edit`} class="admin-form">
        <input type="hidden" name="version" value={String(version)} />
        <HeaderFields ctx={ctx} form={form} />
        <p class="admin-actions">
          <button type="submit">{t('care_plan.item.save')}</button> <a href={base}>{t('care_plan.cancel')}</a>
        </p>
      </Form>
    </PageLayout>
  );
}
