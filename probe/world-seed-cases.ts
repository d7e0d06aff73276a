import type { Sql } from '../src/platform/db/types';
import type { MunicipalityRow } from '../src/platform/tenancy/repository';
import { demoCases, seedCaseFixtures } from '../src/modules/cases';
import type { TestUser } from '../test/support/factories';

/**
 * The demo cases in A, coordinated by A's coordinator (the person the probes read `cases.manage`
 * pages as) in a team A's director supervises, the representative's own case among them, a
 * "break the glass" grant for the auditor's list, and the ids the cases' routes take.
 */
export async function caseIds(sql: Sql, m: MunicipalityRow, representative: TestUser): Promise<Record<string, string>> {
  const staff = async (role: string) => {
    const [row] = await sql.query<{ user_id: string }>('SELECT user_id FROM memberships WHERE municipality_id = $1 AND $2 = ANY(roles) ORDER BY created_at LIMIT 1', [m.id, role]);
    if (!row) throw new Error(`no ${role} in ${m.slug}`);
    return row.user_id;
  };
  const coordinator = await staff('coordinator');
  const director = await staff('director');
  await seedCaseFixtures(sql, m.id, { coordinator, supervisor: director, resident: representative.id });
  const cases = await demoCases(sql, m.id);
  const open = cases.find((c) => c.status === 'open' && c.needs_plan) ?? cases.find((c) => c.status === 'open');
  if (!open) throw new Error('no open demo case');
  const [team] = await sql.query<{ id: string }>('SELECT id FROM care_teams WHERE municipality_id = $1 ORDER BY name LIMIT 1', [m.id]);
  const [grant] = await sql.query<{ id: string }>(
    "INSERT INTO case_access_grants (municipality_id, case_id, user_id, reason, expires_at) VALUES ($1, $2, $3, 'Zastępstwo w czasie urlopu koordynatorki.', now() + interval '8 hours') RETURNING id",
    [m.id, open.id, director],
  );
  return {
    'cases/:id': open.id,
    'cases/glass/:id': grant!.id,
    'cases/teams/:id': team!.id,
    'cases/teams/:id/members/:userId': coordinator,
  };
}
