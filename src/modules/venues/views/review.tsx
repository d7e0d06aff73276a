import { PageLayout } from '../../../platform/ui/layout';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import { roomLabel, type BookingRow } from '../domain';
import { warsawParts } from '../../../platform/time';
import { slot, statusLabel, venuesBase } from './common';

export interface ReviewData {
  booking: BookingRow;
  series: BookingRow[];
  requester: { name: string; email: string } | null;
}

/** A request as staff decide it: what, where, when (every date of a weekly series), who asked; approve, or decline with a reason. */
export function ReviewPage(props: { ctx: PageContext; data: ReviewData; form: FormState }) {
  const { ctx, data, form } = props;
  const { t, dateTime } = ctx.i18n;
  const b = data.booking;
  const base = venuesBase(ctx);
  const waiting = data.series.some((x) => x.status === 'requested');
  return (
    <PageLayout ctx={ctx} title={t('venues.review.title', { title: b.title })} back={{ href: `${base}/queue`, label: t('venues.review.back') }}>
      <ErrorSummary ctx={ctx} form={form} labels={{ reason: t('venues.review.reason') }} />
      <dl class="facts">
        <dt>{t('venues.col.room')}</dt>
        <dd>
          <a href={`${base}/rooms/${b.room_id}?week=${warsawParts(b.starts_at).day}`}>{roomLabel({ venue_name: b.venue_name, name: b.room_name })}</a>
        </dd>
        <dt>{t('venues.col.who')}</dt>
        <dd>
          {data.requester ? `${data.requester.name} (${data.requester.email})` : t('venues.none')}
          {b.organisation_name ? `, ${t('venues.mine.for', { name: b.organisation_name })}` : ''}
        </dd>
        <dt>{t('venues.book.field.people')}</dt>
        <dd>{b.people}</dd>
        <dt>{t('venues.col.asked')}</dt>
        <dd>{dateTime(b.created_at)}</dd>
      </dl>
      <h2>{t('venues.review.dates', { count: data.series.length })}</h2>
      <ul>
        {data.series.map((x) => (
          <li>
            {slot(ctx, x)} — {statusLabel(ctx, x.status)}
            {x.decision_reason ? ` (${x.decision_reason})` : ''}
          </li>
        ))}
      </ul>
      {waiting ? (
        <section aria-labelledby="decision-title">
          <h2 id="decision-title">{t('venues.review.decision')}</h2>
          <p>{t('venues.review.decision_intro')}</p>
          <Form ctx={ctx} action={`${base}/bookings/${b.id}/approve`}>
            <button type="submit">{t('venues.review.approve')}</button>
          </Form>
          <p>
            <a href={`${base}/bookings/${b.id}/decline`}>
              {t('venues.review.decline')}
            </a>
          </p>
        </section>
      ) : (
        <p class="notice">{t('venues.review.decided')}</p>
      )}
      {b.source === 'request' && b.status === 'approved' && b.starts_at.getTime() > Date.now() ? (
        <p>
          <a href={`${base}/bookings/${b.id}/cancel?${b.series_id ? 'scope=series&' : ''}from=queue`}>
            {t(b.series_id ? 'venues.review.cancel_series' : 'venues.review.cancel')}
          </a>
        </p>
      ) : null}
    </PageLayout>
  );
}
