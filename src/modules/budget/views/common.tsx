import type { MessageKey } from '../../../platform/i18n';
import type { PageContext } from '../../../platform/ui/context';
import { formatZl, type EditionRow, type PhaseRow, type ProjectRow } from '../domain';
import type { ProjectResult } from '../rules';

export const budgetBase = (ctx: PageContext) => `/${ctx.municipality!.slug}/budzet`;
export const zl = (ctx: PageContext, amount: number) => formatZl(amount, ctx.i18n.locale);
export const phaseName = (ctx: PageContext, phase: string | null) => ctx.i18n.t(`budget.phase.${phase ?? 'none'}` as MessageKey);
export const periodOf = (ctx: PageContext, p: PhaseRow) => ctx.i18n.t('budget.period', { from: ctx.i18n.dateTime(p.starts_at), to: ctx.i18n.dateTime(p.ends_at) });

/** The ballot in one sentence: "Wybierz co najwyżej 5 projektów". */
export function ballotText(ctx: PageContext, e: EditionRow): string {
  const { t } = ctx.i18n;
  if (e.ballot_kind === 'approval') return e.max_projects ? t('budget.ballot.approval', { max: e.max_projects }) : t('budget.ballot.approval_any');
  if (e.ballot_kind === 'cumulative') return t('budget.ballot.cumulative', { max: e.max_points ?? 10 });
  if (e.ballot_kind === 'ordinal') {
    const points = e.rank_points?.length ? e.rank_points : [3, 2, 1];
    return t('budget.ballot.ordinal', { max: Math.min(e.max_projects ?? points.length, points.length), points: points.join('-') });
  }
  return t('budget.ballot.choose-one');
}

export const ruleText = (ctx: PageContext, e: EditionRow) => ctx.i18n.t(`budget.rule.${e.rule}` as MessageKey, { min: e.min_score ?? 0 });

/** Why a project won or not, in words: "zabrakło 120 000 zł: kosztuje 300 000 zł". */
export function reasonText(ctx: PageContext, r: ProjectResult, e: EditionRow): string {
  const { t } = ctx.i18n;
  const code = r.reason.code;
  if (code === 'over_budget' || code === 'stopped') return t(`budget.reason.${code}`, { missing: zl(ctx, r.reason.missing ?? r.cost), cost: zl(ctx, r.cost) });
  if (code === 'below_min_score') return t('budget.reason.below_min_score', { min: e.min_score ?? 0 });
  return t(`budget.reason.${code}` as MessageKey);
}

export const projectTitle = (p: ProjectRow) => (p.external_id ? `${p.title} (${p.external_id})` : p.title);
