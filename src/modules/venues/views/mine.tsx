import type { PageContext } from '../../../platform/ui/context';
import { Form } from '../../../platform/ui/forms';
import { Layout } from '../../../platform/ui/layout';
import { roomLabel, type BookingRow } from '../domain';
import { slot, statusLabel, venuesBase } from './common';

function Cancel(props: { ctx: PageContext; b: BookingRow }) {
  const { ctx, b } = props;
  const { t } = ctx.i18n;
  const action = `${venuesBase(ctx)}/bookings/${b.id}/cancel`;
  const what = `${b.title}, ${slot(ctx, b)}`;
  return (
    <>
      <Form ctx={ctx} action={action}>
        <input type="hidden" name="scope" value="one" />
        <button type="submit" class="secondary" aria-label={t('venues.mine.cancel_one_label', { what })}>
          {t('venues.mine.cancel_one')}
        </button>
      </Form>
      {b.series_id ? (
        <Form ctx={ctx} action={action}>
          <input type="hidden" name="scope" value="series" />
          <button type="submit" class="secondary" aria-label={t('venues.mine.cancel_series_label', { what })}>
            {t('venues.mine.cancel_series')}
          </button>
        </Form>
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
      {props.bookings.length === 0 ? (
        <p class="admin-empty">{t('venues.mine.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('venues.mine.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('venues.col.when')}</th>
                <th scope="col">{t('venues.col.room')}</th>
                <th scope="col">{t('venues.col.title')}</th>
                <th scope="col">{t('venues.col.status')}</th>
                <th scope="col">{t('venues.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {props.bookings.map((b) => (
                <tr>
                  <th scope="row">{slot(ctx, b)}</th>
                  <td>{roomLabel({ venue_name: b.venue_name, name: b.room_name })}</td>
                  <td>
                    {b.title}
                    {b.organisation_name ? <p class="muted">{t('venues.mine.for', { name: b.organisation_name })}</p> : null}
                  </td>
                  <td>
                    {statusLabel(ctx, b.status)}
                    {b.status === 'declined' ? <p class="prewrap">{t('venues.mine.reason', { reason: b.decision_reason })}</p> : null}
                  </td>
                  <td>{(b.status === 'requested' || b.status === 'approved') && b.starts_at.getTime() > now ? <Cancel ctx={ctx} b={b} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
