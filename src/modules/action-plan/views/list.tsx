import type { PageContext } from '../../../platform/ui/context';
import { Layout } from '../../../platform/ui/layout';
import type { PlanListRow } from '../repository';
import { periodText, planStatusLabel, plansBase } from './common';

/** The municipality's community action plans: what is planned in each neighbourhood and how far it has got. */
export function PlanListPage(props: { ctx: PageContext; plans: PlanListRow[]; staff: boolean }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const base = plansBase(ctx);
  return (
    <Layout ctx={ctx} title={t('action_plan.list.title')}>
      <h1>{t('action_plan.list.title')}</h1>
      <p class="lead">{t('action_plan.list.intro')}</p>
      {props.staff ? (
        <p>
          <a class="admin-add" href={`${base}/new`}>
            {t('action_plan.list.new')}
          </a>
        </p>
      ) : null}
      {props.plans.length === 0 ? (
        <p class="admin-empty">{t('action_plan.list.empty')}</p>
      ) : (
        <ul class="programme-list">
          {props.plans.map((p) => (
            <li class="programme-item">
              <h2>
                <a href={`${base}/${p.id}`}>{p.title}</a>
              </h2>
              <dl class="facts plan-facts">
                <dt>{t('action_plan.field.area')}</dt>
                <dd>{p.area}</dd>
                <dt>{t('action_plan.period')}</dt>
                <dd>{periodText(ctx, p)}</dd>
                <dt>{t('action_plan.field.status')}</dt>
                <dd>{planStatusLabel(ctx, p.status)}</dd>
                <dt>{t('action_plan.progress_label')}</dt>
                <dd>{t('action_plan.progress', { done: p.done, count: p.actions })}</dd>
              </dl>
              {props.staff ? (
                <p>
                  <a href={`${base}/${p.id}/manage`}>{t('action_plan.list.manage', { title: p.title })}</a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
