import { BarChart } from '../../../platform/ui/bar-chart';
import type { PageContext } from '../../../platform/ui/context';
import { ACCEPTANCE_WEEKS, type QueueRow } from '../domain';
import type { Section } from '../service';
import { CsvLink, NumbersTable, numbers } from './table';

/** Services shown in the chart (the longest queues) and in the table (the CSV has them all). */
const CHART_SERVICES = 10;
const TABLE_SERVICES = 100;

/** Queue length and waiting time per service, as of today. */
export function QueuesSection(props: { ctx: PageContext; data: Section<QueueRow>; period: number }) {
  const { ctx, data } = props;
  const { t } = ctx.i18n;
  const f = numbers(ctx);
  const total = data.total;
  const queued = data.rows.filter((r) => r.waiting + r.on_hold > 0).slice(0, CHART_SERVICES);
  const cells = (r: QueueRow, name: string) => [name, r.waiting, r.on_hold, f.n(r.median_wait_days), f.n(r.longest_wait_days), r.accepted, f.n(r.median_accept_days)];
  return (
    <section aria-labelledby="queues">
      <h2 id="queues">{t('dashboards.queues.title')}</h2>
      <p>{t('dashboards.queues.intro', { weeks: ACCEPTANCE_WEEKS })}</p>
      {data.rows.length === 0 ? (
        <p class="empty">{t('dashboards.queues.empty', { weeks: ACCEPTANCE_WEEKS })}</p>
      ) : (
        <>
          <p>
            {t('dashboards.queues.summary', {
              waiting: total.waiting, on_hold: total.on_hold, median: f.n(total.median_wait_days), longest: f.n(total.longest_wait_days),
              accept: f.n(total.median_accept_days), weeks: ACCEPTANCE_WEEKS,
            })}
          </p>
          {queued.length > 0 ? (
            <>
              <h3 id="queues-chart">{t('dashboards.queues.chart', { count: queued.length })}</h3>
              <BarChart
                titleId="queues-chart"
                labelWidth={150}
                groups={queued.map((r) => ({ title: r.service_name ?? '', bars: [{ label: t('dashboards.queues.waiting'), value: r.waiting }, { label: t('dashboards.queues.on_hold'), value: r.on_hold }] }))}
                summary={queued.map((r) => t('dashboards.queues.chart_line', { service: r.service_name ?? '', waiting: r.waiting, on_hold: r.on_hold })).join(' ')}
              />
            </>
          ) : null}
          <NumbersTable
            caption={t('dashboards.queues.table')}
            head={[t('dashboards.queues.service'), t('dashboards.queues.waiting'), t('dashboards.queues.on_hold'), t('dashboards.queues.median_wait'),
              t('dashboards.queues.longest_wait'), t('dashboards.queues.accepted', { weeks: ACCEPTANCE_WEEKS }), t('dashboards.queues.median_accept')]}
            rows={data.rows.slice(0, TABLE_SERVICES).map((r) => cells(r, r.service_name ?? ''))}
            total={cells(total, t('dashboards.total'))}
          />
          {data.rows.length > TABLE_SERVICES ? <p>{t('dashboards.queues.more', { shown: TABLE_SERVICES, count: data.rows.length })}</p> : null}
        </>
      )}
      <CsvLink ctx={ctx} name="queues" period={props.period} label={t('dashboards.csv', { table: t('dashboards.queues.title') })} />
    </section>
  );
}
