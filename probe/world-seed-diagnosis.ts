import type { Sql } from '../src/platform/db/types';
import type { MunicipalityRow } from '../src/platform/tenancy/repository';
import { seedDiagnosisFixtures } from '../src/modules/diagnosis';

/**
 * The demo diagnosis twice: one adopted (public: the routes are called with its id) and one still in
 * progress, named after the municipality (so that A's markers are never B's own), whose title and
 * needs are staff's working notes that no outsider may see.
 */
export async function diagnosisIds(sql: Sql, m: MunicipalityRow): Promise<{ ids: Record<string, string>; texts: string[] }> {
  const adopted = await seedDiagnosisFixtures(sql, m.id);
  await sql.query("UPDATE diagnoses SET status = 'adopted', adopted_on = current_date WHERE municipality_id = $1 AND id = $2", [m.id, adopted]);
  const working = await seedDiagnosisFixtures(sql, m.id);
  await sql.query("UPDATE diagnoses SET title = title || ' — ' || $3 WHERE municipality_id = $1 AND id = $2", [m.id, working, m.slug]);
  await sql.query("UPDATE diagnosis_needs SET title = title || ' — ' || $3 WHERE municipality_id = $1 AND diagnosis_id = $2", [m.id, working, m.slug]);
  const rows = await sql.query<{ title: string }>(
    'SELECT title FROM diagnoses WHERE municipality_id = $1 AND id = $2 UNION ALL SELECT title FROM diagnosis_needs WHERE municipality_id = $1 AND diagnosis_id = $2',
    [m.id, working],
  );
  // A need and a resource of the adopted one for the change and removal routes: found, then refused as adopted (409).
  const [need] = await sql.query<{ id: string }>('SELECT id FROM diagnosis_needs WHERE municipality_id = $1 AND diagnosis_id = $2 ORDER BY id LIMIT 1', [m.id, adopted]);
  const [resource] = await sql.query<{ id: string }>('SELECT id FROM diagnosis_resources WHERE municipality_id = $1 AND diagnosis_id = $2 ORDER BY id LIMIT 1', [m.id, adopted]);
  return {
    ids: { 'diagnoza/:id': adopted, 'diagnoza/:id/potrzeby/:itemId': need!.id, 'diagnoza/:id/zasoby/:itemId': resource!.id },
    texts: rows.map((r) => r.title).filter((t) => !/[&<>"']/.test(t)),
  };
}
