import type { PageContext } from '../../../platform/ui/context';
import { Layout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import { roomLabel, type BookingRow } from '../domain';
import { slot, statusLabel, venuesBase } from './common';

function Cancel(props: { ctx: PageContext; b: BookingRow }) {
  const { ctx, b } = props;
  const { t } = ctx.i18n;
  const action = `${venuesBase(ctx)}/bookings/${b.id}/cancel`;
  const what = `${b.title}, ${slot(ctx, b)}`;
  return (
    <>
      <p>
        <a href={action} aria-label={t('venues.mine.cancel_one_label', { what })}>
          {t('venues.mine.cancel_one')}
        </a>
      </p>
      {b.series_id ? (
        <p>
          <a href={`${action}?scope=series`} aria-label={t('venues.mine.cancel_series_label', { what })}>
            {t('venues.mine.cancel_series')}
          </a>
        </p>
      ) : null}
    </>
  );
}

/** "Moje rezerwacje": what a person asked for, its status, staff's reason for a decline, and cancelling what has not started. */
export function MyBookingsPage(props: { ctx: PageContext; bookings: BookingRow[] }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const now = Date.now();
  return (
    <Layout ctx={ctx} title={t('venues.mine.title')}>
      <h1>{t('venues.mine.title')}</h1>
      <p>{t('venues.mine.intro')}</p>
      <p>
        <a href={venuesBase(ctx)}>{t('venues.mine.find_room')}</a>
      </p>
      <Table
        id="my-bookings"
        caption={t('venues.mine.title')}
        captionHidden
        rows={props.bookings}
        empty={t('venues.mine.empty')}
        columns={[
          { header: t('venues.col.when'), rowHeader: true, cell: (b) => slot(ctx, b) },
          { header: t('venues.col.room'), cell: (b) => roomLabel({ venue_name: b.venue_name, name: b.room_name }) },
          {
            header: t('venues.col.title'),
            cell: (b) => (
              <>
                {b.title}
                {b.organisation_name ? <p class="muted">{t('venues.mine.for', { name: b.organisation_name })}</p> : null}
              </>
            ),
          },
          {
            header: t('venues.col.status'),
            cell: (b) => (
              <>
                {statusLabel(ctx, b.status)}
                {b.status === 'declined' ? <p class="prewrap">{t('venues.mine.reason', { reason: b.decision_reason })}</p> : null}
              </>
            ),
          },
          { header: t('venues.col.actions'), cell: (b) => ((b.status === 'requested' || b.status === 'approved') && b.starts_at.getTime() > now ? <Cancel ctx={ctx} b={b} /> : null) },
        ]}
      />
    </Layout>
  );
}
