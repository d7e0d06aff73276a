import { PageLayout } from '../../../platform/ui/layout';
import type { PageContext } from '../../../platform/ui/context';
import { isOverdue, progressOf } from '../domain';
import type { PlanRow } from '../repository';
import type { GoalWithActions } from '../service';
import { ActionStatusText, indicatorText, periodText, planStatusLabel, plansBase, responsibleParts } from './common';

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => <p class="prewrap">{p}</p>);

/** One goal's actions as a table: what, who, when, status (overdue in words), indicator. */
export function ActionsTable(props: { ctx: PageContext; goal: GoalWithActions; number: number; today: string; staff: boolean; full: boolean }) {
  const { ctx, goal } = props;
  const { t } = ctx.i18n;
  if (goal.actions.length === 0) return <p class="admin-empty">{t('action_plan.goal.no_actions')}</p>;
  return (
    <div class="table-wrap">
      <table class="plan-actions">
        <caption class="visually-hidden">{t('action_plan.goal.actions_caption', { number: props.number })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('action_plan.col.action')}</th>
            <th scope="col">{t('action_plan.col.responsible')}</th>
            <th scope="col">{t('action_plan.col.dates')}</th>
            <th scope="col">{t('action_plan.col.status')}</th>
            <th scope="col">{t('action_plan.col.indicator')}</th>
          </tr>
        </thead>
        <tbody>
          {goal.actions.map((a, i) => (
            <tr id={`action-${a.id}`} class={isOverdue(a, props.today) ? 'plan-overdue' : undefined}>
              <th scope="row">
                {props.number}.{i + 1}. {a.title}
                {props.full && a.description ? <span class="action-description prewrap">{a.description}</span> : null}
              </th>
              <td>{responsibleParts(ctx, a, props.staff).join('; ')}</td>
              <td>
                {ctx.i18n.date(a.starts_on)} – {ctx.i18n.date(a.due_on)}
              </td>
              <td>
                <ActionStatusText ctx={ctx} action={a} today={props.today} />
              </td>
              <td>{indicatorText(ctx, a)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The progress of a goal in words: "2 of 5 actions done", and how many are overdue. */
export function GoalProgress(props: { ctx: PageContext; goal: GoalWithActions; today: string }) {
  const { t } = props.ctx.i18n;
  const { done, total } = progressOf(props.goal.actions);
  const overdue = props.goal.actions.filter((a) => isOverdue(a, props.today)).length;
  return (
    <p class="goal-progress">
      {t('action_plan.progress', { done, count: total })}
      {overdue ? <strong class="overdue-label"> {t('action_plan.overdue_count', { count: overdue })}</strong> : null}
    </p>
  );
}

/**
 * A plan as residents read it (variant `page`), or its printable version (`print`: every detail, no
 * links to follow, laid out for paper by the print stylesheet).
 */
export function PlanPage(props: { ctx: PageContext; plan: PlanRow; goals: GoalWithActions[]; staff: boolean; today: string; variant: 'page' | 'print' }) {
  const { ctx, plan: p } = props;
  const { t } = ctx.i18n;
  const base = plansBase(ctx);
  const print = props.variant === 'print';
  const back = print ? { href: `${base}/${p.id}`, label: t('action_plan.print.back') } : { href: base, label: t('action_plan.back_list') };
  return (
    <PageLayout ctx={ctx} title={p.title} back={back}>
      <div class={print ? 'plan-print' : 'plan-page'}>
        {p.status === 'draft' ? <p class="notice">{t('action_plan.draft_notice')}</p> : null}
        {print ? <p class="print-hint">{t('action_plan.print.hint')}</p> : null}
        <dl class="facts plan-facts">
          <dt>{t('action_plan.field.area')}</dt>
          <dd>{p.area}</dd>
          <dt>{t('action_plan.period')}</dt>
          <dd>{periodText(ctx, p)}</dd>
          <dt>{t('action_plan.field.status')}</dt>
          <dd>{planStatusLabel(ctx, p.status)}</dd>
          <dt>{t('action_plan.prepared_by')}</dt>
          <dd>{ctx.municipality!.cusName}</dd>
        </dl>
        {print ? null : (
          <ul class="links plan-links">
            <li>
              <a href={`${base}/${p.id}/print`}>{t('action_plan.print.link')}</a>
            </li>
            <li>
              <a href={`${base}/${p.id}.pdf`}>{t('action_plan.pdf.link')}</a>
            </li>
            {props.staff ? (
              <li>
                <a href={`${base}/${p.id}/manage`}>{t('action_plan.manage.link')}</a>
              </li>
            ) : null}
          </ul>
        )}
        {p.main_goal ? (
          <>
            <h2>{t('action_plan.field.main_goal')}</h2>
            {paragraphs(p.main_goal)}
          </>
        ) : null}
        {p.diagnosis ? (
          <>
            <h2>{t('action_plan.field.diagnosis')}</h2>
            {paragraphs(p.diagnosis)}
          </>
        ) : null}
        <h2 id="goals">{t('action_plan.goals')}</h2>
        {props.goals.length === 0 ? <p class="admin-empty">{t('action_plan.no_goals')}</p> : null}
        {props.goals.map((g, i) => (
          <section class="plan-goal" id={`goal-${g.id}`} aria-labelledby={`goal-${g.id}-title`}>
            <h3 id={`goal-${g.id}-title`}>{t('action_plan.goal.heading', { number: i + 1, title: g.title })}</h3>
            {g.description ? paragraphs(g.description) : null}
            <GoalProgress ctx={ctx} goal={g} today={props.today} />
            <ActionsTable ctx={ctx} goal={g} number={i + 1} today={props.today} staff={props.staff} full={print} />
          </section>
        ))}
        {print ? <p class="muted">{t('action_plan.print.generated', { date: ctx.i18n.dateTime(new Date()) })}</p> : null}
      </div>
    </PageLayout>
  );
}
