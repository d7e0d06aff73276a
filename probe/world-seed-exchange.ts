import type { Sql } from '../src/platform/db/types';
import type { MunicipalityRow } from '../src/platform/tenancy/repository';
import { INDICATORS } from '../src/modules/exchange';
import type { TestUser } from '../test/support/factories';

/**
 * An exchange group convened by `m` (issue 20): `admin` its delegate, a round over the last 30 days, and m's
 * snapshots of every indicator — one shared (services per 1 000), the others not, one suppressed. With
 * `partner`, that municipality is invited, joins and shares nothing: the probe's cross-municipality case
 * (a delegate of the partner may read m's one shared row and nothing else; an outsider nothing).
 * Route-param ids: the group and the round, which exist only for m (and its partner) — for every other
 * municipality they must be 404 or 403 through every route.
 */
export async function exchangeIds(sql: Sql, m: MunicipalityRow, admin: TestUser, partner?: { m: MunicipalityRow; delegate: TestUser }): Promise<Record<string, string>> {
  const [group] = await sql.query<{ id: string }>(
    "INSERT INTO exchange_groups (municipality_id, theme, cadence, named, min_count, created_by) VALUES ($1, 'Usługi opiekuńcze (sonda)', 'co dwa miesiące', true, 5, $2) RETURNING id",
    [m.id, admin.id],
  );
  const groupId = group!.id;
  await sql.query('INSERT INTO exchange_members (municipality_id, group_municipality_id, group_id, population, joined_by) VALUES ($1, $1, $2, 20000, $3)', [m.id, groupId, admin.id]);
  await sql.query('INSERT INTO exchange_delegates (municipality_id, group_id, user_id, added_by) VALUES ($1, $2, $3, $3)', [m.id, groupId, admin.id]);
  // Every one of m's staff who may take part is a delegate too: the probe's control opens the round as whichever holds the permission.
  await sql.query(
    `INSERT INTO exchange_delegates (municipality_id, group_id, user_id, added_by)
     SELECT $1, $2, user_id, $3 FROM memberships WHERE municipality_id = $1 AND user_id <> $3
       AND roles && ARRAY['coordinator', 'community_organiser', 'analyst', 'director', 'administrator']::text[]`,
    [m.id, groupId, admin.id],
  );
  await sql.query("INSERT INTO exchange_sharing (municipality_id, group_id, indicator, shared_by) VALUES ($1, $2, 'services_per_1000', $3)", [m.id, groupId, admin.id]);
  const [round] = await sql.query<{ id: string }>(
    "INSERT INTO exchange_rounds (municipality_id, group_id, label, period_from, period_to, created_by) VALUES ($1, $2, 'Runda sondy', current_date - 30, current_date, $3) RETURNING id",
    [m.id, groupId, admin.id],
  );
  const roundId = round!.id;
  for (const [i, indicator] of INDICATORS.entries()) {
    const suppressed = i === 0;
    await sql.query(
      `INSERT INTO exchange_snapshots (municipality_id, group_municipality_id, group_id, round_id, indicator, value, count, suppressed, shared, computed_by)
       VALUES ($1, $1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [m.id, groupId, roundId, indicator, suppressed ? null : 1717 + i, suppressed ? null : 17 + i, suppressed, indicator === 'services_per_1000', admin.id],
    );
  }
  if (partner) {
    await sql.query('INSERT INTO exchange_invitations (municipality_id, group_id, invited_municipality_id, invited_by) VALUES ($1, $2, $3, $4)', [m.id, groupId, partner.m.id, admin.id]);
    await sql.query('INSERT INTO exchange_members (municipality_id, group_municipality_id, group_id, population) VALUES ($1, $2, $3, 15000)', [partner.m.id, m.id, groupId]);
    await sql.query('INSERT INTO exchange_delegates (municipality_id, group_id, user_id) VALUES ($1, $2, $3)', [partner.m.id, groupId, partner.delegate.id]);
  }
  return { 'wymiana/grupy/:id': groupId, 'wymiana/rundy/:id': roundId };
}
