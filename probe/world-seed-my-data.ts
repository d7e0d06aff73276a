import type { Sql } from '../src/platform/db/types';
import type { MunicipalityRow } from '../src/platform/tenancy/repository';
import { seedMyDataFixtures } from '../src/modules/my-data';
import type { TestUser } from '../test/support/factories';

/** The representative's document (on her first application) and one of her consents, for the routes of the resident's own view. */
export async function myDataIds(sql: Sql, m: MunicipalityRow, representative: TestUser): Promise<Record<string, string>> {
  await seedMyDataFixtures(sql, m.id, { resident: representative.id });
  const [document] = await sql.query<{ id: string }>(
    'SELECT id FROM resident_documents WHERE municipality_id = $1 AND uploaded_by = $2 ORDER BY uploaded_at, id LIMIT 1',
    [m.id, representative.id],
  );
  const [consent] = await sql.query<{ id: string }>(
    `SELECT c.id FROM application_consents c JOIN applications a ON a.municipality_id = c.municipality_id AND a.id = c.application_id
     WHERE c.municipality_id = $1 AND a.applicant_id = $2 AND c.withdrawn_at IS NULL ORDER BY a.submitted_at, c.given_at, c.id LIMIT 1`,
    [m.id, representative.id],
  );
  if (!document || !consent) throw new Error('the representative has no application to attach a document to');
  return { 'documents/:id': document.id, 'my/consents/:id': consent.id };
}

/** What residents' documents are (their descriptions): for A's people only. */
export async function myDataText(sql: Sql, m: MunicipalityRow): Promise<string[]> {
  const rows = await sql.query<{ text: string }>("SELECT DISTINCT description AS text FROM resident_documents WHERE municipality_id = $1 AND description <> ''", [m.id]);
  return rows.map((r) => r.text).filter((t) => t.length >= 6);
}
