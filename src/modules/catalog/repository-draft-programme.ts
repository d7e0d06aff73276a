import type { Sql } from '../../platform/db/types';

/** What another module may read of the catalogue's draft programme (ADR 0018): the consultations module consults its text. */
export interface DraftProgramme {
  id: string;
  name: string;
  period_from: string;
  period_to: string;
  /** The draft's text, as staff keep it in the programme's description. */
  text: string;
}

/** The newest programme still being prepared (status draft or consultation) with a text, in the caller's transaction; undefined when there is none. */
export async function draftProgramme(sql: Sql, municipalityId: string): Promise<DraftProgramme | undefined> {
  const [row] = await sql.query<DraftProgramme>(
    `SELECT id, name, period_from::text AS period_from, period_to::text AS period_to, description AS text FROM programmes
     WHERE municipality_id = $1 AND status IN ('draft', 'consultation') AND description <> '' ORDER BY period_from DESC, created_at DESC, id LIMIT 1`,
    [municipalityId],
  );
  return row;
}
