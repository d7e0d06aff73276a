import type { Sql } from '../src/platform/db/types';
import type { MunicipalityRow } from '../src/platform/tenancy/repository';
import { DRAFT_PROGRAMME_TEXT, draftProgramme } from '../src/modules/catalog';
import { seedConsultationFixtures } from '../src/modules/consultations';
import type { TestUser } from '../test/support/factories';

/**
 * The demo consultation (closed, its report published), one of its parts and a remark, for every
 * consultations route; and the name given by the author of the anonymous remark, which no page may show.
 */
export async function consultationIds(sql: Sql, m: MunicipalityRow, director: TestUser): Promise<Record<string, string>> {
  // The demo consultation consults the catalogue's draft programme; a world with the small catalogue gets that draft here.
  if (!(await draftProgramme(sql, m.id))) {
    await sql.query("INSERT INTO programmes (municipality_id, name, period_from, period_to, status, description) VALUES ($1, 'Program usług społecznych na lata 2027–2030', '2027-01-01', '2030-12-31', 'draft', $2)", [
      m.id, DRAFT_PROGRAMME_TEXT,
    ]);
  }
  const id = await seedConsultationFixtures(sql, m.id, { director: director.id });
  const [part] = await sql.query<{ id: string }>('SELECT id FROM consultation_parts WHERE municipality_id = $1 AND consultation_id = $2 AND removed_at IS NULL ORDER BY position LIMIT 1', [m.id, id]);
  const [remark] = await sql.query<{ id: string }>('SELECT id FROM consultation_remarks WHERE municipality_id = $1 AND consultation_id = $2 ORDER BY created_at LIMIT 1', [m.id, id]);
  return {
    'consultations/:id': id,
    'consultations/:id/parts/:partId': part!.id,
    'consultations/:id/remarks/:remarkId': remark!.id,
  };
}

/** Names of anonymous authors: shown to nobody — not to B's people, not to A's residents or staff. */
export async function consultationAnonymousNames(sql: Sql, m: MunicipalityRow): Promise<string[]> {
  const rows = await sql.query<{ name: string }>("SELECT DISTINCT author_name AS name FROM consultation_remarks WHERE municipality_id = $1 AND anonymous AND author_name <> ''", [m.id]);
  return rows.map((r) => r.name);
}
