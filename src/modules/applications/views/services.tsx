import type { PageContext } from '../../../platform/ui/context';
import { Layout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import type { QueueSummary } from '../repository-queue';
import { applicationsBase } from './common';

/** Staff's start: every service open for applications (and any with a queue), how many wait, since when. */
export function ServicesPage(props: { ctx: PageContext; services: QueueSummary[] }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const base = applicationsBase(ctx);
  return (
    <Layout ctx={ctx} title={t('applications.queues.title')}>
      <h1>{t('applications.queues.title')}</h1>
      <p>{t('applications.queues.intro')}</p>
      <p>
        <a href={`${base}/register`}>{t('applications.register.link')}</a>
      </p>
      <Table
        id="service-queues"
        caption={t('applications.queues.title')}
        captionHidden
        rows={props.services}
        empty={t('applications.queues.empty')}
        columns={[
          {
            header: t('applications.col.service'),
            rowHeader: true,
            cell: (s) => (
              <>
                <a href={`${base}/services/${s.id}`}>{s.name}</a>
                {s.status !== 'active' ? <span class="muted"> ({t(`applications.service_status.${s.status === 'closed' ? 'closed' : 'suspended'}`)})</span> : null}
              </>
            ),
          },
          { header: t('applications.col.in_queue'), numeric: true, cell: (s) => s.in_queue },
          { header: t('applications.col.waiting'), numeric: true, cell: (s) => s.waiting },
          { header: t('applications.col.oldest'), cell: (s) => (s.oldest ? ctx.i18n.dateTime(s.oldest) : '—') },
          {
            header: t('applications.col.capacity'),
            cell: (s) => (
              <a href={`${base}/services/${s.id}/capacity`} aria-label={t('applications.capacity.link_label', { service: s.name })}>
                {t('applications.capacity.link')}
              </a>
            ),
          },
        ]}
      />
    </Layout>
  );
}
