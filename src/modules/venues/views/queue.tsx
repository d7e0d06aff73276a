import type { PageContext } from '../../../platform/ui/context';
import { Layout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import { roomLabel, type BookingRow } from '../domain';
import type { Request } from '../service-review';
import { slot, statusLabel, venuesBase } from './common';

const who = (b: BookingRow) => b.organisation_name ?? b.requester_name ?? '';

/** Staff's queue: requests waiting for a decision (oldest first; a weekly series is one request), then the approved bookings to come. */
export function QueuePage(props: { ctx: PageContext; waiting: Request[]; approved: BookingRow[] }) {
  const { ctx } = props;
  const { t, dateTime } = ctx.i18n;
  const base = venuesBase(ctx);
  return (
    <Layout ctx={ctx} title={t('venues.queue.title')}>
      <h1>{t('venues.queue.title')}</h1>
      <p>{t('venues.queue.intro')}</p>
      <ul class="links">
        <li>
          <a href={`${base}/manage`}>{t('venues.manage.title')}</a>
        </li>
      </ul>
      <section aria-labelledby="waiting-title" class="admin-section">
        <h2 id="waiting-title">
          {t('venues.queue.waiting')} <span class="admin-count">({props.waiting.length})</span>
        </h2>
        <Table
          id="waiting"
          caption={t('venues.queue.waiting')}
          captionHidden
          rows={props.waiting}
          empty={t('venues.queue.waiting_empty')}
          columns={[
            { header: t('venues.col.title'), rowHeader: true, cell: ({ first: b }) => <a href={`${base}/bookings/${b.id}`}>{b.title}</a> },
            {
              header: t('venues.col.when'),
              cell: ({ first: b, count }) => (
                <>
                  {slot(ctx, b)}
                  {count > 1 ? <p class="muted">{t('venues.queue.weekly', { count })}</p> : null}
                </>
              ),
            },
            { header: t('venues.col.room'), cell: ({ first: b }) => roomLabel({ venue_name: b.venue_name, name: b.room_name }) },
            { header: t('venues.col.who'), cell: ({ first: b }) => who(b) },
            { header: t('venues.col.asked'), cell: ({ first: b }) => dateTime(b.created_at) },
          ]}
        />
      </section>
      <section aria-labelledby="approved-title" class="admin-section">
        <h2 id="approved-title">{t('venues.queue.approved')}</h2>
        {props.approved.length === 0 ? (
          <p class="admin-empty">{t('venues.queue.approved_empty')}</p>
        ) : (
          <ul>
            {props.approved.map((b) => (
              <li>
                <a href={`${base}/bookings/${b.id}`}>{slot(ctx, b)}</a> — {roomLabel({ venue_name: b.venue_name, name: b.room_name })}: {b.title} ({who(b)}, {statusLabel(ctx, b.status)})
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}
