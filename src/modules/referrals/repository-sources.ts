import type { Sql } from '../../platform/db/types';
import type { ConsentManner, ProviderRef } from './domain';
import type { ConsentStatement } from './form';
import type { Account } from './repository-providers';

/**
 * What a referral is made from and sent to, read with this module's own SQL: the case, a service of
 * its plan, an application of the case, the consents to share with a provider, the providers.
 */

export interface CaseFacts {
  id: string;
  number: string;
  person_name: string;
  opened_from: string;
  status: 'open' | 'closed';
}

export interface PlanServiceFacts {
  id: string;
  plan_id: string;
  description: string;
  service_id: string | null;
  service_name: string | null;
  provider_kind: 'unit' | 'organisation' | 'other';
  provider_unit_id: string | null;
  provider_organisation_id: string | null;
}

export interface ConsentRow {
  id: string;
  application_id: string;
  recipient: string;
  recipient_unit_id: string | null;
  recipient_organisation_id: string | null;
  given_at: Date;
  withdrawn_at: Date | null;
  recorded_by_name: string | null;
  /** The resident's statement when staff recorded it after a withdrawal ('' otherwise). */
  statement: string;
  stated_on: string | null;
  stated_manner: ConsentManner | null;
}

export interface Choice {
  id: string;
  name: string;
}

/** The applications of a case: joined to it, or the one it was opened from. */
const OF_CASE = '(a.case_id = c.id OR a.id = c.opened_from)';

export const sources = {
  async caseFacts(sql: Sql, municipalityId: string, caseId: string): Promise<CaseFacts | undefined> {
    const [row] = await sql.query<CaseFacts>('SELECT id, number, person_name, opened_from, status FROM cases WHERE municipality_id = $1 AND id = $2', [municipalityId, caseId]);
    return row;
  },

  async planService(sql: Sql, municipalityId: string, caseId: string, planServiceId: string): Promise<PlanServiceFacts | undefined> {
    const [row] = await sql.query<PlanServiceFacts>(
      `SELECT s.id, s.plan_id, s.description, s.service_id, sv.name AS service_name, s.provider_kind, s.provider_unit_id, s.provider_organisation_id
         FROM care_plan_services s
         JOIN care_plans p ON p.municipality_id = s.municipality_id AND p.id = s.plan_id
         LEFT JOIN services sv ON sv.municipality_id = s.municipality_id AND sv.id = s.service_id
        WHERE s.municipality_id = $1 AND s.id = $2 AND p.case_id = $3`,
      [municipalityId, planServiceId, caseId],
    );
    return row;
  },

  async application(sql: Sql, municipalityId: string, caseId: string, applicationId: string): Promise<{ id: string; service_id: string; service_name: string } | undefined> {
    const [row] = await sql.query<{ id: string; service_id: string; service_name: string }>(
      `SELECT a.id, a.service_id, sv.name AS service_name
         FROM applications a
         JOIN cases c ON c.municipality_id = a.municipality_id AND c.id = $3
         JOIN services sv ON sv.municipality_id = a.municipality_id AND sv.id = a.service_id
        WHERE a.municipality_id = $1 AND a.id = $2 AND ${OF_CASE}`,
      [municipalityId, applicationId, caseId],
    );
    return row;
  },

  /** Consents to share with a provider given on the case's applications, newest first (withdrawn ones too). */
  async consents(sql: Sql, municipalityId: string, caseId: string): Promise<ConsentRow[]> {
    return sql.query<ConsentRow>(
      `SELECT ac.id, ac.application_id, ac.recipient, ac.recipient_unit_id, ac.recipient_organisation_id, ac.given_at, ac.withdrawn_at,
              ru.display_name AS recorded_by_name, ac.statement, ac.stated_on, ac.stated_manner
         FROM application_consents ac
         JOIN applications a ON a.municipality_id = ac.municipality_id AND a.id = ac.application_id
         JOIN cases c ON c.municipality_id = a.municipality_id AND c.id = $2
         LEFT JOIN users ru ON ru.id = ac.recorded_by
        WHERE ac.municipality_id = $1 AND ac.purpose = 'provider_sharing' AND ${OF_CASE}
        ORDER BY ac.given_at DESC, ac.id`,
      [municipalityId, caseId],
    );
  },

  /**
   * Records a consent the resident gave in person to share with this provider, naming it by id and by
   * its name now; with the resident's statement when it follows a withdrawal.
   */
  async recordConsent(sql: Sql, municipalityId: string, applicationId: string, provider: ProviderRef, name: string, recordedBy: string, statement: ConsentStatement | null = null): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO application_consents (municipality_id, application_id, purpose, recipient, recipient_unit_id, recipient_organisation_id, recorded_by,
         statement, stated_on, stated_manner)
       VALUES ($1, $2, 'provider_sharing', $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [municipalityId, applicationId, name.slice(0, 300), provider.kind === 'unit' ? provider.id : null, provider.kind === 'organisation' ? provider.id : null, recordedBy,
        statement?.text ?? '', statement?.givenOn ?? null, statement?.manner ?? null],
    );
    return row!.id;
  },

  /** Who gave a consent on this application — its applicant, else the case's resident — to be told of a new one. */
  async consentGiver(sql: Sql, municipalityId: string, applicationId: string, caseId: string): Promise<Account | undefined> {
    const [row] = await sql.query<Account>(
      `SELECT u.email, u.locale FROM applications a
         JOIN cases c ON c.municipality_id = a.municipality_id AND c.id = $3
         JOIN users u ON u.id = coalesce(a.applicant_id, c.resident_user_id)
        WHERE a.municipality_id = $1 AND a.id = $2`,
      [municipalityId, applicationId, caseId],
    );
    return row;
  },

  async displayName(sql: Sql, userId: string): Promise<string> {
    const [row] = await sql.query<{ display_name: string }>('SELECT display_name FROM users WHERE id = $1', [userId]);
    return row?.display_name ?? '';
  },

  async units(sql: Sql, municipalityId: string): Promise<Choice[]> {
    return sql.query<Choice>('SELECT id, name FROM units WHERE municipality_id = $1 ORDER BY position, name', [municipalityId]);
  },

  /** Verified organisations, those matching `q` (name, accents ignored) when given; at most `limit`. */
  async organisations(sql: Sql, municipalityId: string, q: string, limit = 50): Promise<Choice[]> {
    return sql.query<Choice>(
      `SELECT id, name FROM organisations WHERE municipality_id = $1 AND status = 'verified'
          AND ($2 = '' OR id IN (SELECT organisation_matching_ids($2)))
        ORDER BY name LIMIT $3`,
      [municipalityId, q, limit],
    );
  },

  /** The provider's name, if it may receive referrals: a unit of the centre, or a verified organisation. */
  async providerName(sql: Sql, municipalityId: string, p: ProviderRef): Promise<string | undefined> {
    const [row] = await sql.query<{ name: string }>(
      p.kind === 'unit'
        ? 'SELECT name FROM units WHERE municipality_id = $1 AND id = $2'
        : "SELECT name FROM organisations WHERE municipality_id = $1 AND id = $2 AND status = 'verified'",
      [municipalityId, p.id],
    );
    return row?.name;
  },

  async services(sql: Sql, municipalityId: string): Promise<Choice[]> {
    return sql.query<Choice>("SELECT id, name FROM services WHERE municipality_id = $1 AND status = 'active' ORDER BY name", [municipalityId]);
  },

  async serviceName(sql: Sql, municipalityId: string, serviceId: string): Promise<string | undefined> {
    const [row] = await sql.query<{ name: string }>('SELECT name FROM services WHERE municipality_id = $1 AND id = $2', [municipalityId, serviceId]);
    return row?.name;
  },
};
