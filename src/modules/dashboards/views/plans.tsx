import { BarChart } from '../../../platform/ui/bar-chart';
import type { PageContext } from '../../../platform/ui/context';
import { PLAN_DUE_DAYS, PLAN_EXPIRY_DAYS, type PlanRow } from '../domain';
import type { Section } from '../service';
import { CsvLink, NumbersTable } from './table';

const sum = (r: PlanRow) => r.due_soon + r.due_passed + r.expiring + r.expired;

/** Plans approaching their limits (the 30-day deadline, the year of validity), per care team and in total. */
export function PlansSection(props: { ctx: PageContext; data: Section<PlanRow>; period: number }) {
  const { ctx, data } = props;
  const { t } = ctx.i18n;
  const labels = [
    t('dashboards.plans.due_soon', { days: PLAN_DUE_DAYS }), t('dashboards.plans.due_passed'),
    t('dashboards.plans.expiring', { days: PLAN_EXPIRY_DAYS }), t('dashboards.plans.expired'),
  ];
  const values = (r: PlanRow) => [r.due_soon, r.due_passed, r.expiring, r.expired];
  const name = (r: PlanRow) => r.team_name ?? t('dashboards.plans.no_team');
  const shown = data.rows.filter((r) => sum(r) > 0);
  return (
    <section aria-labelledby="plans">
      <h2 id="plans">{t('dashboards.plans.title')}</h2>
      <p>{t('dashboards.plans.intro', { due: PLAN_DUE_DAYS, expiry: PLAN_EXPIRY_DAYS })}</p>
      {sum(data.total) === 0 ? (
        <p class="empty">{t('dashboards.plans.empty', { due: PLAN_DUE_DAYS, expiry: PLAN_EXPIRY_DAYS })}</p>
      ) : (
        <>
          <h3 id="plans-chart">{t('dashboards.plans.chart')}</h3>
          <BarChart
            titleId="plans-chart"
            labelWidth={190}
            groups={shown.map((r) => ({ title: name(r), bars: values(r).map((value, i) => ({ label: labels[i]!, value })) }))}
            summary={shown.map((r) => t('dashboards.plans.chart_line', { team: name(r), soon: r.due_soon, passed: r.due_passed, expiring: r.expiring, expired: r.expired })).join(' ')}
          />
          <NumbersTable
            caption={t('dashboards.plans.table')}
            head={[t('dashboards.plans.team'), ...labels]}
            rows={data.rows.map((r) => [name(r), ...values(r)])}
            total={[t('dashboards.total'), ...values(data.total)]}
          />
        </>
      )}
      <CsvLink ctx={ctx} name="plans" period={props.period} label={t('dashboards.csv', { table: t('dashboards.plans.title') })} />
    </section>
  );
}
