import type { Sql } from '../src/platform/db/types';
import type { MunicipalityRow } from '../src/platform/tenancy/repository';
import { seedCarePlanFixtures } from '../src/modules/care-plans';
import type { TestUser } from '../test/support/factories';

/**
 * A's demo plans (after its cases): the approved one on the representative's own case (her
 * "my/plans" pages), and a draft on the case the routes are read for (`caseId`: the referrals' one,
 * else A's first open case), so that its editing forms are served too; the ids their routes take.
 */
export async function carePlanIds(sql: Sql, m: MunicipalityRow, caseId: string | undefined, representative: TestUser): Promise<Record<string, string>> {
  const one = async <T extends object>(text: string, params: unknown[]): Promise<T> => {
    const [row] = await sql.query<T>(text, params);
    if (!row) throw new Error(`no row: ${text.slice(0, 80)}`);
    return row;
  };
  const routed = await one<{ id: string; coordinator_id: string }>(
    "SELECT id, coordinator_id FROM cases WHERE municipality_id = $1 AND status = 'open' ORDER BY id::text = $2 DESC, number LIMIT 1",
    [m.id, caseId ?? ''],
  );
  const [own] = await sql.query<{ id: string }>("SELECT id FROM cases WHERE municipality_id = $1 AND resident_user_id = $2 AND status = 'open' LIMIT 1", [m.id, representative.id]);
  const director = await one<{ user_id: string }>("SELECT user_id FROM memberships WHERE municipality_id = $1 AND 'director' = ANY(roles) AND user_id <> $2 LIMIT 1", [m.id, routed.coordinator_id]);
  await seedCarePlanFixtures(sql, m.id, { coordinator: routed.coordinator_id, director: director.user_id, cases: { approved: own?.id, submitted: routed.id } });
  // The routed case's plan is kept a draft: its forms are what the probes read.
  const draft = await one<{ id: string }>(
    "UPDATE care_plans SET status = 'draft', submitted_at = NULL WHERE municipality_id = $1 AND case_id = $2 AND status = 'submitted' RETURNING id",
    [m.id, routed.id],
  );
  const approved = own ? await one<{ id: string }>("SELECT id FROM care_plans WHERE municipality_id = $1 AND case_id = $2 AND status = 'approved'", [m.id, own.id]) : draft;
  const item = async (table: string) => (await one<{ id: string }>(`SELECT id FROM ${table} WHERE municipality_id = $1 AND plan_id = $2 ORDER BY id LIMIT 1`, [m.id, draft.id])).id;
  const base = 'cases/:caseId/plan/:planId';
  return {
    ...(caseId === routed.id ? {} : { 'cases/:caseId': routed.id }),
    [base]: draft.id,
    [`${base}/goals/:itemId`]: await item('care_plan_goals'),
    [`${base}/services/:itemId`]: await item('care_plan_services'),
    [`${base}/commitments/:itemId`]: await item('care_plan_commitments'),
    [`${base}/reviews/:itemId`]: await item('care_plan_reviews'),
    'my/plans/:planId': approved.id,
  };
}

/** Text only A's staff and the case's resident may see: the situation, goals, notes, reviews' findings. */
export async function carePlanText(sql: Sql, m: MunicipalityRow): Promise<string[]> {
  const rows = await sql.query<{ text: string }>(
    `SELECT situation AS text FROM care_plans WHERE municipality_id = $1
     UNION SELECT description FROM care_plan_goals WHERE municipality_id = $1
     UNION SELECT body FROM care_plan_notes WHERE municipality_id = $1
     UNION SELECT note FROM care_plan_reviews WHERE municipality_id = $1`,
    [m.id],
  );
  // Long texts are looked for by their beginning (pages may wrap or shorten them); quotes are escaped on pages.
  return rows.map((r) => r.text.slice(0, 60)).filter((t) => t.length >= 6 && !/[&<>"'„”]/.test(t));
}
