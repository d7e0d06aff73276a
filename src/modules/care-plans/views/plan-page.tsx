import type { FormState, PageContext } from '../../../platform/ui/context';
import { ErrorSummary } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import type { PlanView } from '../service-read';
import { caseBase, fieldLabel, planBase } from './common';
import { CaseFacts, PlanFacts, Revisions } from './facts';
import { ApprovalActions, CreateForm, DraftActions, MonitoringActions } from './plan-forms';
import { PlanSections } from './sections';

const FORM_FIELDS = ['valid_from', 'valid_until', 'situation', 'goals', 'services', 'return_note', 'noted_on', 'note_body', 'review_id', 'review_note', 'final_interview_on', 'final_summary'];

/** What the viewer may do with the plan shown, by its status and their part in the case. */
function actionsOf(ctx: PageContext, data: PlanView, form: FormState) {
  const { t } = ctx.i18n;
  const plan = data.plan!;
  const base = `${planBase(ctx, data.case.id)}/${plan.id}`;
  const draftBeside = data.revisions.some((r) => r.id !== plan.id && (r.status === 'draft' || r.status === 'submitted'));
  if (plan.status === 'draft' && data.canEdit) return <DraftActions ctx={ctx} plan={plan} base={base} />;
  if (plan.status === 'submitted') {
    const who = <WhoApproves ctx={ctx} plan={plan} approvers={data.approvers} />;
    if (data.ownPlan) return <>{<p class="notice">{t('care_plan.approve.own')}</p>}{who}</>;
    if (data.canApprove) return <ApprovalActions ctx={ctx} plan={plan} base={base} form={form} edited={data.editedPlan} who={who} />;
    return <><p>{t('care_plan.approve.waiting')}</p>{who}</>;
  }
  if (plan.status === 'approved' && data.canEdit) {
    return <MonitoringActions ctx={ctx} plan={plan} reviews={data.contents!.reviews} base={base} form={form} today={data.today} draftBeside={draftBeside} />;
  }
  return null;
}

/** Four eyes, said on the page: who wrote the plan, and who of the approvers may approve it. */
function WhoApproves(props: { ctx: PageContext; plan: NonNullable<PlanView['plan']>; approvers: string[] }) {
  const { t } = props.ctx.i18n;
  return (
    <p>
      {t('care_plan.approve.editors', { names: props.plan.editor_names.join(', ') })}{' '}
      {props.approvers.length ? t('care_plan.approve.who', { names: props.approvers.join(', ') }) : t('care_plan.approve.nobody')}
    </p>
  );
}

function Actions(props: { ctx: PageContext; data: PlanView; form: FormState }) {
  const content = actionsOf(props.ctx, props.data, props.form);
  if (!content) return null;
  return (
    <>
      <h2 id="actions">{props.ctx.i18n.t('care_plan.actions')}</h2>
      {content}
    </>
  );
}

/** A case's plan for staff (this read is audited): the deadline, the plan shown, what may be done with it, every revision. */
export function PlanPage(props: { ctx: PageContext; data: PlanView; form: FormState }) {
  const { ctx, data, form } = props;
  const { t } = ctx.i18n;
  const plan = data.plan;
  const base = planBase(ctx, data.case.id);
  const labels = Object.fromEntries(FORM_FIELDS.map((f) => [f, fieldLabel(ctx, f)]));
  const approved = data.revisions.some((r) => r.approved_at !== null);
  const beside = plan ? data.revisions.find((r) => r.id !== plan.id && (r.status === 'draft' || r.status === 'submitted')) : undefined;
  return (
    <PageLayout ctx={ctx} title={t('care_plan.title', { number: data.case.number })} back={{ href: caseBase(ctx, data.case.id), label: t('care_plan.back_case') }}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <CaseFacts ctx={ctx} case={data.case} approved={approved} today={data.today} />
      {!plan ? (
        <>
          <p>{t('care_plan.no_plan')}</p>
          {data.canEdit ? <CreateForm ctx={ctx} form={form} base={base} /> : null}
        </>
      ) : (
        <>
          <h2>{t('care_plan.shown', { revision: plan.revision })}</h2>
          <PlanFacts ctx={ctx} plan={plan} today={data.today} />
          {plan.returned_note && plan.status === 'draft' ? (
            <div class="notice">
              <p>
                <strong>{t('care_plan.returned')}</strong>
              </p>
              <p class="prewrap">{plan.returned_note}</p>
            </div>
          ) : null}
          {beside ? (
            <p class="notice">
              <a href={`${base}/${beside.id}`}>{t('care_plan.revision_pending', { revision: beside.revision })}</a>
            </p>
          ) : null}
          <ul class="links">
            <li>
              <a href={`${base}/${plan.id}.pdf`}>{t('care_plan.pdf.link')}</a>
            </li>
          </ul>
          <PlanSections ctx={ctx} plan={plan} contents={data.contents!} today={data.today} editing={plan.status === 'draft' && data.canEdit ? { base: `${base}/${plan.id}`, version: plan.version } : null} />
          <Actions ctx={ctx} data={data} form={form} />
        </>
      )}
      <Revisions ctx={ctx} revisions={data.revisions} href={(id) => `${base}/${id}`} current={plan?.id} />
    </PageLayout>
  );
}
