import type { Sql } from '../../platform/db/types';
import type { DataSubject, PersonalDataSection } from '../../platform/module';

/** A room booking the person asked for in their data download (data.json `bookings`), as "Moje rezerwacje" shows it. */
export interface BookingRecord {
  id: string;
  venue: string;
  room: string;
  organisation: string | null;
  title: string;
  people: number;
  starts_at: Date;
  ends_at: Date;
  status: 'requested' | 'approved' | 'declined' | 'cancelled';
  decision_reason: string;
  decided_at: Date | null;
  cancelled_at: Date | null;
  requested_at: Date;
}

export async function bookingsOf(sql: Sql, { municipalityId, userId }: DataSubject): Promise<PersonalDataSection> {
  const records = await sql.query<BookingRecord>(
    `SELECT b.id, v.name AS venue, r.name AS room, o.name AS organisation, b.title, b.people, lower(b.during) AS starts_at, upper(b.during) AS ends_at,
       b.status, b.decision_reason, b.decided_at, b.cancelled_at, b.created_at AS requested_at
     FROM room_bookings b JOIN venue_rooms r ON r.municipality_id = b.municipality_id AND r.id = b.room_id
     JOIN venues v ON v.municipality_id = r.municipality_id AND v.id = r.venue_id
     LEFT JOIN organisations o ON o.municipality_id = b.municipality_id AND o.id = b.organisation_id
     WHERE b.municipality_id = $1 AND b.requested_by = $2 AND b.source = 'request'
     ORDER BY lower(b.during) DESC, b.id`,
    [municipalityId, userId],
  );
  return { section: 'bookings', records };
}
