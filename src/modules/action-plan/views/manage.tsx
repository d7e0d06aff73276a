import { PageLayout } from '../../../platform/ui/layout';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import type { Move } from '../domain';
import type { PlanRow } from '../repository';
import type { GoalWithActions } from '../service';
import { ActionStatusText, periodText, planStatusLabel, plansBase, responsibleParts } from './common';
import { GoalProgress } from './plan';

/** "Move up" / "move down" as a plain form: works by keyboard and without JavaScript; the item's name is in the button's name. */
function MoveButtons(props: { ctx: PageContext; action: string; name: string; first: boolean; last: boolean }) {
  const { t } = props.ctx.i18n;
  const button = (move: Move) => (
    <Form ctx={props.ctx} action={props.action} class="inline-form">
      <input type="hidden" name="move" value={move} />
      <button type="submit" class="secondary small">
        {t(`action_plan.move.${move}`)}
        <span class="visually-hidden">: {props.name}</span>
      </button>
    </Form>
  );
  return (
    <>
      {props.first ? null : button('up')}
      {props.last ? null : button('down')}
    </>
  );
}

/** The plan as staff keep it: its facts and links, goals and actions in order with edit and move buttons. */
export function ManagePage(props: { ctx: PageContext; plan: PlanRow; goals: GoalWithActions[]; today: string; form?: FormState }) {
  const { ctx, plan: p } = props;
  const { t } = ctx.i18n;
  const base = `${plansBase(ctx)}/${p.id}`;
  return (
    <PageLayout ctx={ctx} title={t('action_plan.manage.title', { title: p.title })} back={{ href: plansBase(ctx), label: t('action_plan.back_list') }}>
      {props.form ? <ErrorSummary ctx={ctx} form={props.form} labels={{ move: t('action_plan.move.label') }} /> : null}
      <dl class="facts plan-facts">
        <dt>{t('action_plan.field.area')}</dt>
        <dd>{p.area}</dd>
        <dt>{t('action_plan.period')}</dt>
        <dd>{periodText(ctx, p)}</dd>
        <dt>{t('action_plan.field.status')}</dt>
        <dd>{planStatusLabel(ctx, p.status)}</dd>
      </dl>
      <ul class="links">
        <li>
          <a href={`${base}/edit`}>{t('action_plan.manage.edit')}</a>
        </li>
        <li>
          <a href={base}>{p.status === 'draft' ? t('action_plan.manage.preview') : t('action_plan.manage.public')}</a>
        </li>
        <li>
          <a href={`${base}/print`}>{t('action_plan.print.link')}</a>
        </li>
        <li>
          <a href={`${base}.pdf`}>{t('action_plan.pdf.link')}</a>
        </li>
        <li>
          <a href={`${base}/actions.csv`}>{t('action_plan.export.csv')}</a>
        </li>
        <li>
          <a href={`${base}/actions.xlsx`}>{t('action_plan.export.xlsx')}</a>
        </li>
      </ul>
      <h2 id="goals">{t('action_plan.goals')}</h2>
      <p>
        <a class="admin-add" href={`${base}/goals/new`}>
          {t('action_plan.goal.add')}
        </a>
      </p>
      {props.goals.length === 0 ? <p class="admin-empty">{t('action_plan.no_goals')}</p> : null}
      <ol class="plan-manage">
        {props.goals.map((g, gi) => (
          <li id={`goal-${g.id}`} class="plan-goal">
            <h3>{t('action_plan.goal.heading', { number: gi + 1, title: g.title })}</h3>
            <GoalProgress ctx={ctx} goal={g} today={props.today} />
            <p class="admin-actions">
              <a href={`${base}/goals/${g.id}/edit`}>
                {t('action_plan.goal.edit')}
                <span class="visually-hidden">: {g.title}</span>
              </a>
              <a href={`${base}/actions/new?goal=${g.id}`}>
                {t('action_plan.action.add')}
                <span class="visually-hidden">: {g.title}</span>
              </a>
              <MoveButtons ctx={ctx} action={`${base}/goals/${g.id}/move`} name={g.title} first={gi === 0} last={gi === props.goals.length - 1} />
            </p>
            <ol class="plan-manage-actions">
              {g.actions.map((a, ai) => (
                <li id={`action-${a.id}`}>
                  <p>
                    <strong>{a.title}</strong> — {ctx.i18n.date(a.starts_on)} – {ctx.i18n.date(a.due_on)}; <ActionStatusText ctx={ctx} action={a} today={props.today} />
                  </p>
                  <p class="muted">{t('action_plan.responsible', { who: responsibleParts(ctx, a, true).join('; ') })}</p>
                  <p class="admin-actions">
                    <a href={`${base}/actions/${a.id}/edit`}>
                      {t('action_plan.action.edit')}
                      <span class="visually-hidden">: {a.title}</span>
                    </a>
                    <MoveButtons ctx={ctx} action={`${base}/actions/${a.id}/move`} name={a.title} first={ai === 0} last={ai === g.actions.length - 1} />
                  </p>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </PageLayout>
  );
}
