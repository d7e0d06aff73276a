import type { Sql } from '../src/platform/db/types';
import type { MunicipalityRow } from '../src/platform/tenancy/repository';
import { seedCommissioningFixtures } from '../src/modules/commissioning';
import type { TestUser } from '../test/support/factories';

/** The demo commissioning: a resolved call and an open one, with their offers; one of each named for the probes. */
export async function commissioningIds(sql: Sql, m: MunicipalityRow, staff: TestUser): Promise<Record<string, string>> {
  await seedCommissioningFixtures(sql, m, { officer: staff.id, representative: staff.id });
  const [call] = await sql.query<{ id: string }>("SELECT id FROM commissioning_calls WHERE municipality_id = $1 ORDER BY (status <> 'resolved'), created_at, id LIMIT 1", [m.id]);
  // A submitted offer of the resolved call first (its committee, seeded with it, opens its pages); the fixtures' rows
  // share one created_at (one transaction), so the id decides among them, never the engine's sort.
  let [offer] = await sql.query<{ id: string }>(
    "SELECT id FROM commissioning_offers WHERE municipality_id = $1 AND call_id = $2 ORDER BY (status = 'draft'), created_at, id LIMIT 1",
    [m.id, call!.id],
  );
  // The small world has none of the demo's organisations the fixtures name: a draft offer of one of its own.
  offer ??= (
    await sql.query<{ id: string }>(
      `INSERT INTO commissioning_offers (municipality_id, call_id, organisation_id, created_by)
       SELECT $1, $2, id, $3 FROM organisations WHERE municipality_id = $1 ORDER BY name LIMIT 1 RETURNING id`,
      [m.id, call!.id, staff.id],
    )
  )[0];
  offer ??= (
    await sql.query<{ id: string }>(
      `WITH org AS (INSERT INTO organisations (municipality_id, name, kind, spheres, email, registered_by) VALUES ($1, 'Stowarzyszenie Sondy', 'association', ARRAY['social_assistance'], 'sonda@example.org', $3) RETURNING id)
       INSERT INTO commissioning_offers (municipality_id, call_id, organisation_id, created_by) SELECT $1, $2, id, $3 FROM org RETURNING id`,
      [m.id, call!.id, staff.id],
    )
  )[0];
  return { 'grants/calls/:id': call!.id, 'grants/offers/:id': offer!.id };
}
