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
  // An agreement (ADR 0038) with a report: the demo's first; in the small world, one made here on the offer, awarded.
  let [agreement] = await sql.query<{ id: string }>('SELECT id FROM commissioning_agreements WHERE municipality_id = $1 ORDER BY number, id LIMIT 1', [m.id]);
  if (!agreement) {
    await sql.query(
      `INSERT INTO commissioning_decisions (municipality_id, offer_id, kind, amount, reasons, decided_by) VALUES ($1, $2, 'awarded', 100000, 'Sonda.', $3)
       ON CONFLICT (municipality_id, offer_id) DO NOTHING`,
      [m.id, offer!.id, staff.id],
    );
    await sql.query("UPDATE commissioning_offers SET status = 'awarded' WHERE municipality_id = $1 AND id = $2", [m.id, offer!.id]);
    [agreement] = await sql.query<{ id: string }>(
      `INSERT INTO commissioning_agreements (municipality_id, offer_id, number, task, grant_amount, period_from, period_to, status, signed_on, created_by)
       VALUES ($1, $2, '1/2026', 'Zadanie sondy', 100000, '2026-03-01', '2026-11-30', 'signed', '2026-03-02', $3) RETURNING id`,
      [m.id, offer!.id, staff.id],
    );
    await sql.query(
      `INSERT INTO commissioning_agreement_versions (municipality_id, agreement_id, number, kind, schedule, cost_lines, accepted_by)
       VALUES ($1, $2, 1, 'offer', '[{"action":"Działanie","from":"2026-03-01","to":"2026-11-30"}]',
         '[{"name":"Koszt","total":120000,"grant":100000,"own_financial":20000,"own_in_kind":0,"volunteer":0}]', $3)`,
      [m.id, agreement!.id, staff.id],
    );
  }
  let [report] = await sql.query<{ id: string }>('SELECT id FROM commissioning_reports WHERE municipality_id = $1 AND agreement_id = $2 ORDER BY created_at, id LIMIT 1', [m.id, agreement!.id]);
  report ??= (await sql.query<{ id: string }>("INSERT INTO commissioning_reports (municipality_id, agreement_id, kind, created_by) VALUES ($1, $2, 'partial', $3) RETURNING id", [m.id, agreement!.id, staff.id]))[0];
  return { 'grants/calls/:id': call!.id, 'grants/offers/:id': offer!.id, 'grants/agreements/:id': agreement!.id, 'grants/reports/:id': report!.id };
}
