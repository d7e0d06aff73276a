import type { Sql } from '../../platform/db/types';
import { TIME_ZONE } from '../../platform/time';
import type { OverrideBasis, ProviderRef, Status } from './domain';

export interface ReferralRow {
  id: string;
  case_id: string;
  case_number: string;
  person_name: string;
  contact_phone: string;
  coordinator_id: string;
  plan_id: string | null;
  plan_service_id: string | null;
  application_id: string | null;
  provider_kind: 'unit' | 'organisation';
  unit_id: string | null;
  organisation_id: string | null;
  provider_name: string;
  service_id: string | null;
  service_label: string;
  shared_details: string;
  consent_id: string | null;
  consent_given_at: Date | null;
  consent_withdrawn_at: Date | null;
  override_basis: OverrideBasis | null;
  override_reason: string;
  status: Status;
  status_reason: string;
  /** YYYY-MM-DD */
  respond_by: string;
  sent_by_name: string | null;
  sent_at: Date;
  accepted_at: Date | null;
  completed_at: Date | null;
  outcome: string;
  version: number;
  updated_at: Date;
  deliveries: number;
}

/** Whether the provider may still see what was shared: the consent relied on is live, or the override stands. */
export const sharingStands = (r: Pick<ReferralRow, 'consent_id' | 'consent_withdrawn_at' | 'override_basis'>) =>
  r.consent_id ? r.consent_withdrawn_at === null : r.override_basis !== null;

const SELECT = `
  SELECT r.id, r.case_id, c.number AS case_number, c.person_name, c.contact_phone, c.coordinator_id,
         r.plan_id, r.plan_service_id, r.application_id, r.provider_kind, r.unit_id, r.organisation_id,
         COALESCE(u.name, o.name, '') AS provider_name, r.service_id, r.service_label, r.shared_details,
         r.consent_id, ac.given_at AS consent_given_at, ac.withdrawn_at AS consent_withdrawn_at, r.override_basis, r.override_reason,
         r.status, r.status_reason, r.respond_by, su.display_name AS sent_by_name, r.sent_at, r.accepted_at, r.completed_at,
         r.outcome, r.version, r.updated_at,
         (SELECT count(*) FROM referral_deliveries d WHERE d.municipality_id = r.municipality_id AND d.referral_id = r.id) AS deliveries
    FROM referrals r
    JOIN cases c ON c.municipality_id = r.municipality_id AND c.id = r.case_id
    LEFT JOIN units u ON u.municipality_id = r.municipality_id AND u.id = r.unit_id
    LEFT JOIN organisations o ON o.municipality_id = r.municipality_id AND o.id = r.organisation_id
    LEFT JOIN application_consents ac ON ac.municipality_id = r.municipality_id AND ac.id = r.consent_id
    LEFT JOIN users su ON su.id = r.sent_by`;

export interface NewReferral {
  caseId: string;
  planId: string | null;
  planServiceId: string | null;
  applicationId: string | null;
  provider: ProviderRef;
  serviceId: string | null;
  serviceLabel: string;
  sharedDetails: string;
  consentId: string | null;
  overrideBasis: OverrideBasis | null;
  overrideReason: string;
  respondBy: string;
  sentBy: string;
}

export interface StatusChange {
  status: Status;
  reason?: string;
  outcome?: string;
}

export const referrals = {
  async insert(sql: Sql, municipalityId: string, r: NewReferral): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO referrals (municipality_id, case_id, plan_id, plan_service_id, application_id, provider_kind, unit_id, organisation_id,
         service_id, service_label, shared_details, consent_id, override_basis, override_reason, respond_by, sent_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [municipalityId, r.caseId, r.planId, r.planServiceId, r.applicationId, r.provider.kind, r.provider.kind === 'unit' ? r.provider.id : null,
        r.provider.kind === 'organisation' ? r.provider.id : null, r.serviceId, r.serviceLabel, r.sharedDetails, r.consentId, r.overrideBasis,
        r.overrideReason, r.respondBy, r.sentBy],
    );
    return row!.id;
  },

  async find(sql: Sql, municipalityId: string, id: string, lock = false): Promise<ReferralRow | undefined> {
    if (lock) await sql.query('SELECT 1 FROM referrals WHERE municipality_id = $1 AND id = $2 FOR UPDATE', [municipalityId, id]);
    const [row] = await sql.query<ReferralRow>(`${SELECT} WHERE r.municipality_id = $1 AND r.id = $2`, [municipalityId, id]);
    return row;
  },

  async ofCase(sql: Sql, municipalityId: string, caseId: string): Promise<ReferralRow[]> {
    return sql.query<ReferralRow>(`${SELECT} WHERE r.municipality_id = $1 AND r.case_id = $2 ORDER BY r.sent_at DESC, r.id`, [municipalityId, caseId]);
  },

  /** A provider's inbox: open referrals first, then the rest, newest first (at most 200). */
  async ofProvider(sql: Sql, municipalityId: string, p: ProviderRef): Promise<ReferralRow[]> {
    const column = p.kind === 'unit' ? 'r.unit_id' : 'r.organisation_id';
    return sql.query<ReferralRow>(
      `${SELECT} WHERE r.municipality_id = $1 AND ${column} = $2
       ORDER BY (r.status IN ('sent', 'accepted', 'in_progress')) DESC, r.sent_at DESC, r.id LIMIT 200`,
      [municipalityId, p.id],
    );
  },

  /** Sent referrals past their answer-by day, of the cases a viewer may list (`visible`: a condition on `c` with the viewer's id as $2). */
  async overdue(sql: Sql, municipalityId: string, viewerId: string, visible: string): Promise<ReferralRow[]> {
    return sql.query<ReferralRow>(
      `${SELECT} WHERE r.municipality_id = $1 AND r.status = 'sent' AND r.respond_by < (now() AT TIME ZONE $3::text)::date AND (${visible}) AND $2::uuid IS NOT NULL
       ORDER BY r.respond_by, r.id LIMIT 500`,
      [municipalityId, viewerId, TIME_ZONE],
    );
  },

  async ofResident(sql: Sql, municipalityId: string, userId: string): Promise<ReferralRow[]> {
    return sql.query<ReferralRow>(`${SELECT} WHERE r.municipality_id = $1 AND c.resident_user_id = $2 ORDER BY r.sent_at DESC, r.id`, [municipalityId, userId]);
  },

  /** Moves the status if the row is still at `version`; false when someone changed it in between. */
  async setStatus(sql: Sql, municipalityId: string, id: string, version: number, change: StatusChange): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE referrals SET status = $4,
         status_reason = CASE WHEN $4 IN ('rejected', 'cancelled') THEN $5 ELSE status_reason END,
         outcome = CASE WHEN $4 = 'completed' THEN $6 ELSE outcome END,
         accepted_at = CASE WHEN $4 = 'accepted' THEN now() ELSE accepted_at END,
         completed_at = CASE WHEN $4 = 'completed' THEN now() ELSE completed_at END,
         version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $3 RETURNING id`,
      [municipalityId, id, version, change.status, change.reason ?? '', change.outcome ?? ''],
    );
    return rows.length === 1;
  },

  /** Open referrals (sent, accepted, in progress) that rely on a consent: whom to tell when it is withdrawn. */
  async relyingOnConsent(sql: Sql, municipalityId: string, consentId: string) {
    return sql.query<{ id: string; case_id: string; coordinator_email: string; provider_name: string }>(
      `SELECT r.id, r.case_id, cu.email AS coordinator_email, COALESCE(u.name, o.name, '') AS provider_name
         FROM referrals r
         JOIN cases c ON c.municipality_id = r.municipality_id AND c.id = r.case_id
         JOIN users cu ON cu.id = c.coordinator_id
         LEFT JOIN units u ON u.municipality_id = r.municipality_id AND u.id = r.unit_id
         LEFT JOIN organisations o ON o.municipality_id = r.municipality_id AND o.id = r.organisation_id
        WHERE r.municipality_id = $1 AND r.consent_id = $2 AND r.status IN ('sent', 'accepted', 'in_progress')
        ORDER BY r.sent_at, r.id`,
      [municipalityId, consentId],
    );
  },
};
