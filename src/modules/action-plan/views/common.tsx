import type { MessageKey } from '../../../platform/i18n';
import type { PageContext } from '../../../platform/ui/context';
import { isOverdue, type ActionStatus, type PlanStatus } from '../domain';
import { numberText } from '../form-action';
import type { PlanRow } from '../repository';
import type { ActionRow } from '../repository-actions';

export const plansBase = (ctx: PageContext) => `/${ctx.municipality!.slug}/action-plans`;
export const planStatusLabel = (ctx: PageContext, s: PlanStatus) => ctx.i18n.t(`action_plan.status.${s}`);
export const actionStatusLabel = (ctx: PageContext, s: ActionStatus) => ctx.i18n.t(`action_plan.action_status.${s}`);
export const periodText = (ctx: PageContext, p: Pick<PlanRow, 'period_from' | 'period_to'>) => `${ctx.i18n.date(p.period_from)} – ${ctx.i18n.date(p.period_to)}`;

/** Who is responsible for an action; a staff member is named to staff only (the public sees the centre). */
export function responsibleParts(ctx: PageContext, a: ActionRow, staffNames: boolean): string[] {
  const person = a.responsible_user_id ? (staffNames && a.responsible_name ? a.responsible_name : ctx.municipality!.cusName) : null;
  return [...(person ? [person] : []), ...a.organisations.map((o) => o.name), ...(a.partner ? [a.partner] : [])];
}

/** The status in words, and "overdue" in words too (never only a colour). */
export function ActionStatusText(props: { ctx: PageContext; action: ActionRow; today: string }) {
  const { ctx, action: a } = props;
  const overdue = isOverdue(a, props.today);
  return (
    <>
      <span class={`plan-status plan-status-${a.status}`}>{actionStatusLabel(ctx, a.status)}</span>
      {overdue ? (
        <>
          {' '}
          <strong class="overdue-label">{ctx.i18n.t('action_plan.overdue')}</strong>
        </>
      ) : null}
      {a.status === 'dropped' && a.drop_note ? <span class="prewrap muted"> — {a.drop_note}</span> : null}
    </>
  );
}

export function indicatorText(ctx: PageContext, a: ActionRow): string {
  if (!a.indicator) return '';
  const values = [
    a.target_value !== null ? ctx.i18n.t('action_plan.target', { value: numberText(a.target_value) }) : null,
    a.achieved_value !== null ? ctx.i18n.t('action_plan.achieved', { value: numberText(a.achieved_value) }) : null,
  ].filter(Boolean);
  return values.length ? `${a.indicator} (${values.join(', ')})` : a.indicator;
}


export const fieldLabels = <F extends string>(ctx: PageContext, prefix: string, fields: readonly F[]) =>
  Object.fromEntries(fields.map((f) => [f, ctx.i18n.t(`${prefix}.${f}` as MessageKey)])) as Record<F, string>;
