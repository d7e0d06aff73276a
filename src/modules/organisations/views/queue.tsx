import type { PageContext } from '../../../platform/ui/context';
import { Layout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import type { QueueRow } from '../repository';
import { kindLabel, organisationsBase } from './common';

function Section(props: { id: string; title: string; rows: QueueRow[]; empty: string; ctx: PageContext; verified?: boolean }) {
  const { ctx } = props;
  const { t, dateTime } = ctx.i18n;
  const base = organisationsBase(ctx);
  const verified = props.verified === true;
  return (
    <section aria-labelledby={props.id} class="admin-section">
      <h2 id={props.id}>
        {props.title} <span class="admin-count">({props.rows.length})</span>
      </h2>
      <Table
        id={`${props.id}-table`}
        caption={props.title}
        captionHidden
        rows={props.rows}
        empty={props.empty}
        columns={[
          { header: t('organisations.queue.col.name'), rowHeader: true, cell: (r) => <a href={`${base}/${r.id}/review`}>{r.name}</a> },
          { header: t('organisations.queue.col.kind'), cell: (r) => kindLabel(ctx, r.kind) },
          {
            header: verified ? t('organisations.queue.col.verified') : t('organisations.queue.col.submitted'),
            cell: (r) => dateTime(verified && r.verified_at ? r.verified_at : r.submitted_at),
          },
          {
            header: verified ? t('organisations.queue.col.registrant') : t('organisations.queue.col.note'),
            cell: (r) => (
              <span class="prewrap">
                {verified ? (r.registrant_name ?? '') : r.status === 'pending' ? (r.rejection_reason ? t('organisations.queue.resubmitted') : r.registrant_name ?? '') : r.rejection_reason}
              </span>
            ),
          },
        ]}
      />
    </section>
  );
}

/** The staff's registry: the verification queue (oldest first), registrations sent back for corrections, verified organisations; the export. */
export function QueuePage(props: { ctx: PageContext; pending: QueueRow[]; rejected: QueueRow[]; verified: QueueRow[] }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const base = organisationsBase(ctx);
  return (
    <Layout ctx={ctx} title={t('organisations.queue.title')}>
      <h1>{t('organisations.queue.title')}</h1>
      <p>{t('organisations.queue.intro')}</p>
      <Section ctx={ctx} id="pending-title" title={t('organisations.queue.pending')} rows={props.pending} empty={t('organisations.queue.pending_empty')} />
      <Section ctx={ctx} id="rejected-title" title={t('organisations.queue.rejected')} rows={props.rejected} empty={t('organisations.queue.rejected_empty')} />
      <Section ctx={ctx} id="verified-title" title={t('organisations.queue.verified')} rows={props.verified} empty={t('organisations.queue.verified_empty')} verified />
      <h2>{t('organisations.queue.export')}</h2>
      <ul class="links">
        <li>
          <a href={`${base}/export.csv`}>{t('organisations.queue.export_csv')}</a>
        </li>
        <li>
          <a href={`${base}/export.xlsx`}>{t('organisations.queue.export_xlsx')}</a>
        </li>
      </ul>
    </Layout>
  );
}
