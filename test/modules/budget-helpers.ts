import fs from 'node:fs';
import path from 'node:path';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { importPbFile } from '../../src/modules/budget';
import type { Harness } from '../support/harness';

/** Shared by the budget tests: the small hand-made election, its import, the voting period moved, valid PESEL numbers. */

export const SMALL_PB = path.resolve(import.meta.dirname, '../fixtures/budget/small.pb');

/** Imports the small election (4 projects, budget 1000; greedy picks 1 and 3, greedy without skip only 1). */
export async function importSmall(h: Harness, m: MunicipalityRow) {
  const r = await importPbFile(h.db, m.slug, fs.readFileSync(SMALL_PB, 'utf8'));
  const projects = await h.db.ownerTx((sql) =>
    sql.query<{ id: string; external_id: string }>('SELECT id, external_id FROM budget_projects WHERE municipality_id = $1 AND edition_id = $2 ORDER BY external_id', [m.id, r.editionId]),
  );
  return { ...r, project: Object.fromEntries(projects.map((p) => [p.external_id, p.id])) as Record<string, string> };
}

/** Voting open now (or ended, or not yet), set straight in the table as the owner. */
export async function setVoting(h: Harness, m: MunicipalityRow, editionId: string, when: 'open' | 'closed' | 'later', edition: Record<string, unknown> = {}) {
  const day = 86_400_000;
  const [from, to] = when === 'open' ? [-day, day] : when === 'closed' ? [-2 * day, -day] : [day, 2 * day];
  await h.db.ownerTx(async (sql) => {
    await sql.query(
      `INSERT INTO budget_phases (municipality_id, edition_id, phase, starts_at, ends_at) VALUES ($1, $2, 'voting', $3, $4)
       ON CONFLICT (municipality_id, edition_id, phase) DO UPDATE SET starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at`,
      [m.id, editionId, new Date(Date.now() + from), new Date(Date.now() + to)],
    );
    for (const [column, value] of Object.entries(edition)) {
      await sql.query(`UPDATE budget_editions SET ${column} = $3 WHERE municipality_id = $1 AND id = $2`, [m.id, editionId, value]);
    }
  });
}

/** A PESEL with the right check digit for a birth date (YYMMDD with the century in the month) and a serial. */
export function pesel(yymmdd: string, serial: string): string {
  const digits = `${yymmdd}${serial}`;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = [...digits].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return `${digits}${(10 - (sum % 10)) % 10}`;
}
