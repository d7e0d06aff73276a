import type { MessageKey } from '../../../platform/i18n';
import { BarChart } from '../../../platform/ui/bar-chart';
import type { PageContext } from '../../../platform/ui/context';
import { acceptanceRate, completionRate, type ProviderRow } from '../domain';
import type { ReferralSection } from '../service';
import { CsvLink, NumbersTable, numbers } from './table';

/** Referrals sent in the period: by status, by provider, acceptance and completion rates, time to accept, overdue. */
export function ReferralsSection(props: { ctx: PageContext; data: ReferralSection; period: number }) {
  const { ctx, data, period } = props;
  const { t } = ctx.i18n;
  const f = numbers(ctx);
  const total = data.total;
  const status = (s: string) => t(`dashboards.referrals.status.${s}` as MessageKey);
  const cells = (r: ProviderRow, name: string) => [
    name, r.sent, r.accepted, r.rejected, f.pct(acceptanceRate(r)), f.n(r.median_accept_hours), f.n(r.p90_accept_hours), r.completed, f.pct(completionRate(r)), r.overdue,
  ];
  return (
    <section aria-labelledby="referrals">
      <h2 id="referrals">{t('dashboards.referrals.title')}</h2>
      <p>{t('dashboards.referrals.intro', { days: period })}</p>
      {total.sent === 0 ? (
        <p class="empty">{t('dashboards.referrals.empty', { days: period })}</p>
      ) : (
        <>
          <p>
            {t('dashboards.referrals.summary', {
              sent: total.sent, acceptance: f.pct(acceptanceRate(total)), median: f.n(total.median_accept_hours), p90: f.n(total.p90_accept_hours),
              completion: f.pct(completionRate(total)), overdue: total.overdue,
            })}
          </p>
          <h3 id="referrals-chart">{t('dashboards.referrals.by_status')}</h3>
          <BarChart
            titleId="referrals-chart"
            groups={[{ title: '', bars: data.statuses.map((s) => ({ label: status(s.status), value: s.n })) }]}
            summary={data.statuses.map((s) => t('dashboards.referrals.chart_line', { status: status(s.status), count: s.n })).join(' ')}
          />
          <NumbersTable
            caption={t('dashboards.referrals.status_table', { days: period })}
            head={[t('dashboards.referrals.status'), t('dashboards.referrals.count')]}
            rows={data.statuses.map((s) => [status(s.status), s.n])}
            total={[t('dashboards.total'), total.sent]}
          />
          <CsvLink ctx={ctx} name="referral-statuses" period={period} label={t('dashboards.csv', { table: t('dashboards.referrals.by_status') })} />
          <h3>{t('dashboards.referrals.by_provider')}</h3>
          <NumbersTable
            caption={t('dashboards.referrals.provider_table', { days: period })}
            head={[t('dashboards.referrals.provider'), t('dashboards.referrals.sent'), t('dashboards.referrals.accepted'), t('dashboards.referrals.rejected'),
              t('dashboards.referrals.acceptance'), t('dashboards.referrals.median_hours'), t('dashboards.referrals.p90_hours'), t('dashboards.referrals.completed'),
              t('dashboards.referrals.completion'), t('dashboards.referrals.overdue')]}
            rows={data.rows.map((r) => cells(r, r.provider_name ?? ''))}
            total={cells(total, t('dashboards.total'))}
          />
        </>
      )}
      <CsvLink ctx={ctx} name="referrals" period={period} label={t('dashboards.csv', { table: t('dashboards.referrals.by_provider') })} />
    </section>
  );
}
