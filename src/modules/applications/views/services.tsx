import type { PageContext } from '../../../platform/ui/context';
import { Layout } from '../../../platform/ui/layout';
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
      {props.services.length === 0 ? (
        <p class="admin-empty">{t('applications.queues.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('applications.queues.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('applications.col.service')}</th>
                <th scope="col">{t('applications.col.in_queue')}</th>
                <th scope="col">{t('applications.col.waiting')}</th>
                <th scope="col">{t('applications.col.oldest')}</th>
                <th scope="col">{t('applications.col.capacity')}</th>
              </tr>
            </thead>
            <tbody>
              {props.services.map((s) => (
                <tr>
                  <th scope="row">
                    <a href={`${base}/services/${s.id}`}>{s.name}</a>
                    {s.status !== 'active' ? <span class="muted"> ({t(`applications.service_status.${s.status === 'closed' ? 'closed' : 'suspended'}`)})</span> : null}
                  </th>
                  <td>{s.in_queue}</td>
                  <td>{s.waiting}</td>
                  <td>{s.oldest ? ctx.i18n.dateTime(s.oldest) : '—'}</td>
                  <td>
                    <a href={`${base}/services/${s.id}/capacity`} aria-label={t('applications.capacity.link_label', { service: s.name })}>
                      {t('applications.capacity.link')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
