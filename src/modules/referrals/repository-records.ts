import type { Sql } from '../../platform/db/types';
import type { Status } from './domain';

export interface EventRow {
  status_from: Status | '';
  status_to: Status;
  reason: string;
  actor_name: string | null;
  at: Date;
}

export interface DeliveryRow {
  id: number;
  /** YYYY-MM-DD */
  delivered_on: string;
  minutes: number | null;
  /** numeric comes back as text: "1.50" */
  units: string | null;
  note: string;
  recorded_by_name: string | null;
  created_at: Date;
}

export interface NewDelivery {
  deliveredOn: string;
  minutes: number | null;
  units: number | null;
  note: string;
}

/** Every change of a referral's status, in order: when, by whom, why. */
export const events = {
  async add(sql: Sql, municipalityId: string, referralId: string, e: { from: Status | ''; to: Status; reason: string }, actorId: string | null): Promise<void> {
    await sql.query(
      'INSERT INTO referral_events (municipality_id, referral_id, status_from, status_to, reason, actor_id) VALUES ($1, $2, $3, $4, $5, $6)',
      [municipalityId, referralId, e.from, e.to, e.reason, actorId],
    );
  },
  async of(sql: Sql, municipalityId: string, referralId: string): Promise<EventRow[]> {
    return sql.query<EventRow>(
      `SELECT e.status_from, e.status_to, e.reason, u.display_name AS actor_name, e.at
         FROM referral_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.municipality_id = $1 AND e.referral_id = $2 ORDER BY e.id`,
      [municipalityId, referralId],
    );
  },
};

/** What the provider delivered, newest day first. */
export const deliveries = {
  async add(sql: Sql, municipalityId: string, referralId: string, d: NewDelivery, recordedBy: string): Promise<number> {
    const [row] = await sql.query<{ id: number }>(
      `INSERT INTO referral_deliveries (municipality_id, referral_id, delivered_on, minutes, units, note, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [municipalityId, referralId, d.deliveredOn, d.minutes, d.units, d.note, recordedBy],
    );
    return row!.id;
  },
  async of(sql: Sql, municipalityId: string, referralId: string): Promise<DeliveryRow[]> {
    return sql.query<DeliveryRow>(
      `SELECT d.id, d.delivered_on, d.minutes, d.units::text AS units, d.note, u.display_name AS recorded_by_name, d.created_at
         FROM referral_deliveries d LEFT JOIN users u ON u.id = d.recorded_by
        WHERE d.municipality_id = $1 AND d.referral_id = $2 ORDER BY d.delivered_on DESC, d.id DESC`,
      [municipalityId, referralId],
    );
  },
};
