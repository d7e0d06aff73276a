import type { PageContext } from '../../../platform/ui/context';
import { PageLayout } from '../../../platform/ui/layout';
import type { QueuePage } from '../service-read';
import { applicationsBase, relationLabel, statusLabel, Warnings } from './common';

/** One service's queue in order: place, applicant, beneficiary, waiting since, warnings (this read is audited). */
export function QueuePageView(props: { ctx: PageContext; data: QueuePage }) {
  const { ctx, data } = props;
  const { t } = ctx.i18n;
  const base = applicationsBase(ctx);
  const p = data.period;
  return (
    <PageLayout ctx={ctx} title={t('applications.queue.title', { service: data.service.name })} back={{ href: base, label: t('applications.back_queues') }}>
      <p>
        {p
          ? t('applications.capacity.current', { from: p.period_from, to: p.period_to, places: p.places, accepted: p.accepted, left: Math.max(0, p.places - p.accepted) })
          : t('applications.capacity.none')}
      </p>
      <p>
        <a href={`${base}/services/${data.service.id}/capacity`}>{t('applications.capacity.link')}</a>
        {' · '}
        <a href={`${base}/services/${data.service.id}/export.csv`}>{t('applications.queue.export')}</a>
      </p>
      <p class="muted">{t('applications.queue.audited')}</p>
      {data.entries.length === 0 ? (
        <p class="admin-empty">{t('applications.queue.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('applications.queue.title', { service: data.service.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('applications.col.position')}</th>
                <th scope="col">{t('applications.col.beneficiary')}</th>
                <th scope="col">{t('applications.col.applicant')}</th>
                <th scope="col">{t('applications.col.since')}</th>
                <th scope="col">{t('applications.col.status')}</th>
                <th scope="col">{t('applications.col.warnings')}</th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((e) => (
                <tr>
                  <td>{e.queue_position}</td>
                  <th scope="row">
                    <a href={`${base}/${e.id}`}>{e.beneficiary_name}</a>
                    <br />
                    <span class="muted">{t('applications.born', { year: e.beneficiary_birth_year })}</span>
                  </th>
                  <td>
                    {e.applicant_name}
                    <br />
                    <span class="muted">{relationLabel(ctx, e.relation)}</span>
                  </td>
                  <td>{ctx.i18n.dateTime(e.submitted_at)}</td>
                  <td>{statusLabel(ctx, e.status)}</td>
                  <td>{e.warnings.length ? <Warnings ctx={ctx} warnings={e.warnings} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </PageLayout>
  );
}
