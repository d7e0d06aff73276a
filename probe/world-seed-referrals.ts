import type { Sql } from '../src/platform/db/types';
import type { MunicipalityRow } from '../src/platform/tenancy/repository';
import { seedReferralFixtures } from '../src/modules/referrals';
import type { TestUser } from '../test/support/factories';

/**
 * The demo referrals in A (after its cases: when no case was seeded, one is opened here from an
 * accepted application) and the ids their routes take. The unit's inbox is read by A's coordinator
 * (the person the probes read `cases.manage` pages as), so she joins a care team of that unit.
 */
export async function referralIds(sql: Sql, m: MunicipalityRow, coordinator: TestUser, representative: TestUser): Promise<Record<string, string>> {
  const [anyCase] = await sql.query('SELECT 1 FROM cases WHERE municipality_id = $1 AND status = $2 LIMIT 1', [m.id, 'open']);
  if (!anyCase) {
    await sql.query(
      `WITH a AS (SELECT id, beneficiary_name, beneficiary_birth_year, contact_phone FROM applications
                   WHERE municipality_id = $1 AND status = 'accepted' AND case_id IS NULL ORDER BY decided_at DESC, id LIMIT 1),
            c AS (INSERT INTO cases (municipality_id, number, opened_from, person_name, birth_year, contact_phone, coordinator_id)
                  SELECT $1, 'CUS/PROBE/000001', id, beneficiary_name, beneficiary_birth_year, contact_phone, $2 FROM a RETURNING id, opened_from)
       UPDATE applications SET case_id = c.id FROM c WHERE applications.municipality_id = $1 AND applications.id = c.opened_from`,
      [m.id, coordinator.id],
    );
  }
  await seedReferralFixtures(sql, m.id, { coordinator: coordinator.id, representative: representative.id });
  const one = async (text: string) => {
    const [row] = await sql.query<{ id: string; case_id: string; provider: string }>(text, [m.id]);
    if (!row) throw new Error(`no referral: ${text.slice(0, 80)}`);
    return row;
  };
  // A referral in the representative's own case (plans' routes are read for that case too: she sees its plan as hers).
  const ofCase = await one(`SELECT r.id, r.case_id, r.case_id AS provider FROM referrals r JOIN cases c ON c.municipality_id = r.municipality_id AND c.id = r.case_id
    WHERE r.municipality_id = $1 ORDER BY c.resident_user_id IS NULL, r.plan_id IS NULL, r.sent_at, r.id LIMIT 1`);
  const toOrganisation = await one("SELECT id, case_id, organisation_id AS provider FROM referrals WHERE municipality_id = $1 AND organisation_id IS NOT NULL AND status = 'in_progress' LIMIT 1");
  const toUnit = await one('SELECT id, case_id, unit_id AS provider FROM referrals WHERE municipality_id = $1 AND unit_id IS NOT NULL ORDER BY sent_at LIMIT 1');
  const [staff] = await sql.query<{ user_id: string }>("SELECT user_id FROM memberships WHERE municipality_id = $1 AND 'coordinator' = ANY(roles) ORDER BY created_at LIMIT 1", [m.id]);
  if (staff) {
    const [team] = await sql.query<{ id: string }>("INSERT INTO care_teams (municipality_id, name, unit_id) VALUES ($1, 'Zespół realizatorów usług', $2) RETURNING id", [m.id, toUnit.provider]);
    await sql.query('INSERT INTO care_team_members (municipality_id, team_id, user_id) VALUES ($1, $2, $3)', [m.id, team!.id, staff.user_id]);
  }
  return {
    'cases/:caseId': ofCase.case_id,
    'cases/:caseId/referrals/:id': ofCase.id,
    'organisations/:orgId': toOrganisation.provider,
    'organisations/:orgId/referrals/:id': toOrganisation.id,
    'referrals/units/:unitId': toUnit.provider,
    'referrals/units/:unitId/:id': toUnit.id,
  };
}

/** Text only A's people may see: what the providers were told, the outcomes, the delivery notes. */
export async function referralText(sql: Sql, m: MunicipalityRow): Promise<string[]> {
  const rows = await sql.query<{ text: string }>(
    `SELECT shared_details AS text FROM referrals WHERE municipality_id = $1 UNION SELECT outcome FROM referrals WHERE municipality_id = $1
     UNION SELECT note FROM referral_deliveries WHERE municipality_id = $1`,
    [m.id],
  );
  return rows.map((r) => r.text).filter((t) => t.length >= 6);
}
