import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext, Sql } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import { translator } from '../../platform/i18n';
import { enqueue } from '../../platform/jobs/outbox';
import { MAIL_QUEUE } from '../../platform/mail/mailer';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import { roomLabel, type BookingRow } from './domain';
import { bookings } from './repository-bookings';
import type { VenuesDeps } from './service';
import { slotText } from './time';

/** One request as staff see it in the queue: a single booking or a weekly series (its first occurrence and how many). */
export interface Request {
  first: BookingRow;
  count: number;
}

const bySeries = (rows: BookingRow[]): Request[] => {
  const groups = new Map<string, Request>();
  for (const b of rows) {
    const key = b.series_id ?? b.id;
    const g = groups.get(key);
    if (g) g.count += 1;
    else groups.set(key, { first: b, count: 1 });
  }
  return [...groups.values()];
};

/** Requests waiting for a decision (oldest first) and the approved bookings still to come. */
export async function queue(deps: VenuesDeps, ctx: DbContext, municipalityId: string) {
  return deps.db.tx(ctx, async (sql) => ({
    waiting: bySeries(await bookings.withStatus(sql, municipalityId, 'requested', 1000)),
    approved: await bookings.withStatus(sql, municipalityId, 'approved', 100),
  }));
}

async function findBooking(sql: Sql, municipalityId: string, id: string): Promise<BookingRow> {
  const b = await bookings.find(sql, municipalityId, id);
  if (!b) throw new AppError('not_found');
  return b;
}

/** A request with every occurrence of its series and who asked (their e-mail to reach them). */
export async function reviewData(deps: VenuesDeps, ctx: DbContext, municipalityId: string, id: string) {
  return deps.db.tx(ctx, async (sql) => {
    const booking = await findBooking(sql, municipalityId, id);
    const requester = await bookings.requester(sql, booking.requested_by);
    return { booking, series: await bookings.seriesOf(sql, municipalityId, booking), requester: requester ? { name: requester.display_name, email: requester.email } : null };
  });
}

export type Decision = { status: 'approved' } | { status: 'declined'; reason: string };

/** Tells the requester what staff decided (a decline with its reason) through the outbox, in their language. */
async function notify(sql: Sql, deps: VenuesDeps, municipality: MunicipalityRow, b: BookingRow, count: number, decision: Decision): Promise<void> {
  const person = await bookings.requester(sql, b.requested_by);
  if (!person) return;
  const { t } = translator(person.locale);
  const params = {
    room: roomLabel({ venue_name: b.venue_name, name: b.room_name }), slot: slotText(b, person.locale), count, title: b.title,
    municipality: municipality.name, link: `${deps.publicUrl}/${municipality.slug}/venues/bookings`,
  };
  await enqueue(sql, MAIL_QUEUE, {
    to: person.email,
    ...(decision.status === 'approved'
      ? { subject: t('mail.venue_booking_approved.subject', params), text: t('mail.venue_booking_approved.body', params) }
      : { subject: t('mail.venue_booking_declined.subject', params), text: t('mail.venue_booking_declined.body', { ...params, reason: decision.reason }) }),
  });
}

/**
 * Staff approve or decline a waiting request — every waiting occurrence of its series at once. A
 * request decided or cancelled since the page was shown is `conflict.stale`. Declining frees the slots.
 */
export async function decide(deps: VenuesDeps, ctx: DbContext, municipality: MunicipalityRow, id: string, decision: Decision, actor: AuditActor): Promise<BookingRow> {
  return deps.db.tx(ctx, async (sql) => {
    const b = await findBooking(sql, municipality.id, id);
    const reason = decision.status === 'declined' ? decision.reason : '';
    const decided = await bookings.decide(sql, municipality.id, b, decision.status, reason, actor.userId!);
    if (decided.length === 0) throw new AppError('conflict.stale');
    if (b.source === 'request') await notify(sql, deps, municipality, b, decided.length, decision);
    await audit(sql, municipality.id, actor, {
      action: decision.status === 'approved' ? 'venue.booking_approved' : 'venue.booking_declined',
      subjectType: 'room_booking',
      subjectId: id,
      ...(decision.status === 'declined' ? { reason: decision.reason } : {}),
      details: { occurrences: decided.length },
    });
    return b;
  });
}
