import type { Sql } from '../src/platform/db/types';
import type { MunicipalityRow } from '../src/platform/tenancy/repository';
import { seedDiagnosisFixtures } from '../src/modules/diagnosis';

/**
 * The demo diagnosis (in progress, so for staff only) named after the municipality, so that A's
 * markers are never B's own; its needs' titles are staff's working notes too.
 */
export async function diagnosisIds(sql: Sql, m: MunicipalityRow): Promise<{ ids: Record<string, string>; texts: string[] }> {
  const id = await seedDiagnosisFixtures(sql, m.id);
  await sql.query("UPDATE diagnoses SET title = title || ' — ' || $2 WHERE municipality_id = $1", [m.id, m.slug]);
  await sql.query("UPDATE diagnosis_needs SET title = title || ' — ' || $2 WHERE municipality_id = $1", [m.id, m.slug]);
  const rows = await sql.query<{ title: string }>(
    "SELECT title FROM diagnoses WHERE municipality_id = $1 AND status <> 'adopted' UNION ALL SELECT n.title FROM diagnosis_needs n JOIN diagnoses d ON d.municipality_id = n.municipality_id AND d.id = n.diagnosis_id WHERE n.municipality_id = $1 AND d.status <> 'adopted'",
    [m.id],
  );
  return { ids: { 'diagnoza/:id': id }, texts: rows.map((r) => r.title).filter((t) => !/[&<>"']/.test(t)) };
}
