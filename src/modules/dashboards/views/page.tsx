import { PageLayout } from '../../../platform/ui/layout';
import type { PageContext } from '../../../platform/ui/context';
import { Form } from '../../../platform/ui/forms';
import { PERIODS } from '../domain';
import type { Dashboard } from '../service';
import { PlansSection } from './plans';
import { QueuesSection } from './queues';
import { ReferralsSection } from './referrals';

/** The dashboards: queues, plans near their limits, referrals — tables with charts beside them, and the period of the referral figures. */
export function DashboardPage(props: { ctx: PageContext; data: Dashboard }) {
  const { ctx, data } = props;
  const { t } = ctx.i18n;
  const period = data.moment.period;
  return (
    <PageLayout ctx={ctx} title={t('dashboards.title')}>
      <p>{t('dashboards.intro', { date: ctx.i18n.date(data.moment.now) })}</p>
      <Form ctx={ctx} action={`/${ctx.municipality!.slug}/dashboards`} method="get" class="inline-form">
        <label for="f-period">{t('dashboards.period')}</label>{' '}
        <select id="f-period" name="period">
          {PERIODS.map((p) => (
            <option value={String(p)} selected={p === period}>
              {t('dashboards.period_days', { count: p })}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="secondary">
          {t('dashboards.show')}
        </button>
      </Form>
      <QueuesSection ctx={ctx} data={data.queues} period={period} />
      <PlansSection ctx={ctx} data={data.plans} period={period} />
      <ReferralsSection ctx={ctx} data={data.referrals} period={period} />
    </PageLayout>
  );
}
