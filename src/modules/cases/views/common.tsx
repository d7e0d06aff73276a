import type { FormState, PageContext } from '../../../platform/ui/context';

/** A field's value as a conflict panel shows it: the first of a list. */
export const firstValue = (v: FormState['values'][string] | undefined): string => (Array.isArray(v) ? v[0] : v) ?? '';
import { planDeadline, type CaseListRow, type CaseStatus } from '../domain';

export const casesBase = (ctx: PageContext) => `/${ctx.municipality!.slug}/cases`;
export const caseStatusLabel = (ctx: PageContext, s: CaseStatus) => ctx.i18n.t(`cases.status.${s}`);

/** The plan's deadline in words — "(po terminie)", days left, met — never a colour alone. */
export function DeadlineText(props: { ctx: PageContext; c: Pick<CaseListRow, 'needs_plan' | 'plan_due_on' | 'plan_approved' | 'status'> }) {
  const { ctx, c } = props;
  const { t } = ctx.i18n;
  const d = planDeadline(c);
  if (d.kind === 'none') return <>{t('cases.deadline.none')}</>;
  const date = ctx.i18n.date(c.plan_due_on!);
  if (d.kind === 'met') return <>{t('cases.deadline.met', { date })}</>;
  if (d.kind === 'overdue') return <strong class="overdue-label">{t('cases.deadline.overdue', { date })}</strong>;
  return <>{d.days === 0 ? t('cases.deadline.today', { date }) : t('cases.deadline.left', { date, count: d.days })}</>;
}
