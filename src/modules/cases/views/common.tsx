import type { FormState, PageContext } from '../../../platform/ui/context';
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

export interface Conflict {
  typed: FormState['values'];
  saved: FormState['values'];
  differing: string[];
  version: number;
}

/** After a stale edit: each field that differs, what the person typed next to what is saved now. */
export function ConflictPanel(props: { ctx: PageContext; conflict: Conflict; labels: Record<string, string>; show: (field: string, value: string) => string }) {
  const { ctx, conflict } = props;
  const { t } = ctx.i18n;
  const shown = (f: string, v: FormState['values'][string] | undefined) => {
    const text = props.show(f, (Array.isArray(v) ? v[0] : v) ?? '').trim();
    return text === '' ? t('cases.conflict.empty') : text;
  };
  return (
    <section class="notice" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('cases.conflict.title')}</h2>
      <p>{t('cases.conflict.intro')}</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('cases.conflict.field')}</th>
              <th scope="col">{t('cases.conflict.yours')}</th>
              <th scope="col">{t('cases.conflict.saved', { version: conflict.version })}</th>
            </tr>
          </thead>
          <tbody>
            {conflict.differing.map((f) => (
              <tr>
                <th scope="row">{props.labels[f]}</th>
                <td class="prewrap">{shown(f, conflict.typed[f])}</td>
                <td class="prewrap">{shown(f, conflict.saved[f])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
