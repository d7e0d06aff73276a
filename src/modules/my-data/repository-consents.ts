import type { Sql } from '../../platform/db/types';
import { referralsRelyingOnConsent } from '../referrals';

/** An open referral (sent, accepted, in progress) that relies on a consent to share, and whom to tell of its withdrawal. */
export interface RelyingReferral {
  id: string;
  case_id: string;
  case_number: string;
  service_label: string;
  provider: string;
  coordinator_email: string;
  coordinator_locale: string;
}

export const consentRecords = {
  /** Withdraws a live consent; false when it was withdrawn already (by another tab, or twice). */
  async withdraw(sql: Sql, municipalityId: string, id: string): Promise<boolean> {
    const rows = await sql.query(
      'UPDATE application_consents SET withdrawn_at = now() WHERE municipality_id = $1 AND id = $2 AND withdrawn_at IS NULL RETURNING id',
      [municipalityId, id],
    );
    return rows.length === 1;
  },
  /**
   * The open referrals made on this consent, as the referrals module decides it, with what the
   * coordinator's mail names: the case's number, the service, the coordinator's language.
   */
  async relyingReferrals(sql: Sql, municipalityId: string, consentId: string): Promise<RelyingReferral[]> {
    const relying = await referralsRelyingOnConsent(sql, municipalityId, consentId);
    if (relying.length === 0) return [];
    const more = await sql.query<{ id: string; case_number: string; service_label: string; coordinator_locale: string }>(
      `SELECT r.id, c.number AS case_number, r.service_label, u.locale AS coordinator_locale
       FROM referrals r JOIN cases c ON c.municipality_id = r.municipality_id AND c.id = r.case_id JOIN users u ON u.id = c.coordinator_id
       WHERE r.municipality_id = $1 AND r.id = ANY($2::uuid[])`,
      [municipalityId, relying.map((r) => r.id)],
    );
    const byId = new Map(more.map((r) => [r.id, r]));
    return relying.map((r) => ({
      id: r.id,
      case_id: r.case_id,
      case_number: byId.get(r.id)?.case_number ?? '',
      service_label: byId.get(r.id)?.service_label ?? '',
      provider: r.provider_name,
      coordinator_email: r.coordinator_email,
      coordinator_locale: byId.get(r.id)?.coordinator_locale ?? 'pl',
    }));
  },
};
