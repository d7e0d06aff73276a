import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../platform/ui/context';
import { Layout } from '../../../platform/ui/layout';
import type { QueueRow } from '../repository';
import { kindLabel, organisationsBase } from './common';

function Section(props: { id: string; title: string; count: number; empty: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={props.id} class="admin-section">
      <h2 id={props.id}>
        {props.title} <span class="admin-count">({props.count})</span>
      </h2>
      {props.count === 0 ? <p class="admin-empty">{props.empty}</p> : <div class="table-wrap">{props.children}</div>}
    </section>
  );
}

function Rows(props: { ctx: PageContext; rows: QueueRow[]; caption: string; verified?: boolean }) {
  const { ctx } = props;
  const { t, dateTime } = ctx.i18n;
  const base = organisationsBase(ctx);
  return (
    <table>
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('organisations.queue.col.name')}</th>
          <th scope="col">{t('organisations.queue.col.kind')}</th>
          <th scope="col">{props.verified ? t('organisations.queue.col.verified') : t('organisations.queue.col.submitted')}</th>
          <th scope="col">{props.verified ? t('organisations.queue.col.registrant') : t('organisations.queue.col.note')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr>
            <th scope="row">
              <a href={`${base}/${r.id}/review`}>{r.name}</a>
            </th>
            <td>{kindLabel(ctx, r.kind)}</td>
            <td>{dateTime(props.verified && r.verified_at ? r.verified_at : r.submitted_at)}</td>
            <td class="prewrap">
              {props.verified ? (r.registrant_name ?? '') : r.status === 'pending' ? (r.rejection_reason ? t('organisations.queue.resubmitted') : r.registrant_name ?? '') : r.rejection_reason}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
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
      <Section id="pending-title" title={t('organisations.queue.pending')} count={props.pending.length} empty={t('organisations.queue.pending_empty')}>
        <Rows ctx={ctx} rows={props.pending} caption={t('organisations.queue.pending')} />
      </Section>
      <Section id="rejected-title" title={t('organisations.queue.rejected')} count={props.rejected.length} empty={t('organisations.queue.rejected_empty')}>
        <Rows ctx={ctx} rows={props.rejected} caption={t('organisations.queue.rejected')} />
      </Section>
      <Section id="verified-title" title={t('organisations.queue.verified')} count={props.verified.length} empty={t('organisations.queue.verified_empty')}>
        <Rows ctx={ctx} rows={props.verified} caption={t('organisations.queue.verified')} verified />
      </Section>
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
