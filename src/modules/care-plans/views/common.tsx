import type { MessageKey } from '../../../platform/i18n';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { deadline, type PlanStatus } from '../domain';

export const caseBase = (ctx: PageContext, caseId: string) => `/${ctx.municipality!.slug}/cases/${caseId}`;
export const planBase = (ctx: PageContext, caseId: string) => `${caseBase(ctx, caseId)}/plan`;
export const statusLabel = (ctx: PageContext, s: PlanStatus) => ctx.i18n.t(`care_plan.status.${s}`);
export const fieldLabel = (ctx: PageContext, name: string) => ctx.i18n.t(`care_plan.field.${name}` as MessageKey);

/** A deadline in words, never colour alone: "12 maja 2026 (za 5 dni)", "(dziś)", "(po terminie)". */
export function DeadlineText(props: { ctx: PageContext; day: string; today: string }) {
  const { t, date } = props.ctx.i18n;
  const d = deadline(props.day, props.today);
  const when = d.overdue ? t('care_plan.deadline.overdue') : d.days === 0 ? t('care_plan.deadline.today') : t('care_plan.deadline.in_days', { count: d.days });
  return (
    <>
      {date(props.day)}{' '}
      {d.overdue ? <strong class="overdue-label">({when})</strong> : <span>({when})</span>}
    </>
  );
}

export interface Conflict {
  typed: FormState['values'];
  saved: FormState['values'];
  fields: readonly string[];
  version: number;
}

/** After a stale edit: each field that differs, what the person typed next to what is saved now (nothing was overwritten). */
export function ConflictPanel(props: { ctx: PageContext; conflict: Conflict; show?: (field: string, value: string) => string }) {
  const { ctx, conflict } = props;
  const { t } = ctx.i18n;
  const text = (f: string, v: string | string[] | undefined) => {
    const raw = (Array.isArray(v) ? v.join(', ') : (v ?? '')).trim();
    const shown = props.show ? props.show(f, raw) : raw;
    return shown === '' ? t('care_plan.conflict.empty') : shown;
  };
  const differing = conflict.fields.filter((f) => text(f, conflict.typed[f]) !== text(f, conflict.saved[f]));
  return (
    <section class="notice" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('care_plan.conflict.title')}</h2>
      <p>{t('care_plan.conflict.intro', { version: conflict.version })}</p>
      {differing.length === 0 ? (
        <p>{t('care_plan.conflict.same')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('care_plan.conflict.field')}</th>
                <th scope="col">{t('care_plan.conflict.yours')}</th>
                <th scope="col">{t('care_plan.conflict.saved', { version: conflict.version })}</th>
              </tr>
            </thead>
            <tbody>
              {differing.map((f) => (
                <tr>
                  <th scope="row">{fieldLabel(ctx, f)}</th>
                  <td class="prewrap">{text(f, conflict.typed[f])}</td>
                  <td class="prewrap">{text(f, conflict.saved[f])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
