import type { Sql } from '../../platform/db/types';
import type { DataSubject, PersonalDataSection } from '../../platform/module';

/** One of the person's referrals in their data download (data.json `referrals`), as "Moje skierowania" shows it, with its history and deliveries. */
export interface ReferralRecord {
  id: string;
  case_id: string;
  case_number: string;
  service_label: string;
  provider: string;
  status: string;
  status_reason: string;
  shared_details: string;
  override_basis: string | null;
  override_reason: string;
  respond_by: string;
  sent_at: Date;
  accepted_at: Date | null;
  completed_at: Date | null;
  outcome: string;
  events: { status_from: string; status_to: string; reason: string; actor_name: string | null; at: Date }[];
  deliveries: { delivered_on: string; minutes: number | null; units: string | null; note: string }[];
}

type Part<K extends 'events' | 'deliveries'> = ReferralRecord[K][number] & { referral_id: string };

const DAY = (c: string) => `to_char(${c}, 'YYYY-MM-DD')`;
const MY_REFERRALS = `SELECT r.id FROM referrals r JOIN cases c ON c.municipality_id = r.municipality_id AND c.id = r.case_id
  WHERE r.municipality_id = $1 AND c.resident_user_id = $2`;

export async function referralsOf(sql: Sql, { municipalityId: m, userId: u }: DataSubject): Promise<PersonalDataSection> {
  const referrals = await sql.query<Omit<ReferralRecord, 'events' | 'deliveries'>>(
    `SELECT r.id, r.case_id, c.number AS case_number, r.service_label, coalesce(o.name, un.name, '') AS provider, r.status, r.status_reason,
       r.shared_details, r.override_basis, r.override_reason, ${DAY('r.respond_by')} AS respond_by, r.sent_at, r.accepted_at, r.completed_at, r.outcome
     FROM referrals r JOIN cases c ON c.municipality_id = r.municipality_id AND c.id = r.case_id
     LEFT JOIN organisations o ON o.municipality_id = r.municipality_id AND o.id = r.organisation_id
     LEFT JOIN units un ON un.municipality_id = r.municipality_id AND un.id = r.unit_id
     WHERE r.municipality_id = $1 AND c.resident_user_id = $2 ORDER BY r.sent_at DESC, r.id`,
    [m, u],
  );
  const events = await sql.query<Part<'events'>>(
    `SELECT e.referral_id, e.status_from, e.status_to, e.reason, u.display_name AS actor_name, e.at FROM referral_events e LEFT JOIN users u ON u.id = e.actor_id
     WHERE e.municipality_id = $1 AND e.referral_id IN (${MY_REFERRALS}) ORDER BY e.referral_id, e.id`,
    [m, u],
  );
  const deliveries = await sql.query<Part<'deliveries'>>(
    `SELECT referral_id, ${DAY('delivered_on')} AS delivered_on, minutes, units::text AS units, note FROM referral_deliveries
     WHERE municipality_id = $1 AND referral_id IN (${MY_REFERRALS}) ORDER BY referral_id, delivered_on, id`,
    [m, u],
  );
  const of = <R extends { referral_id: string }>(rows: R[], id: string) => rows.filter((r) => r.referral_id === id).map(({ referral_id: _r, ...r }) => r);
  const records: ReferralRecord[] = referrals.map((r) => ({ ...r, events: of(events, r.id), deliveries: of(deliveries, r.id) }));
  return { section: 'referrals', records };
}
