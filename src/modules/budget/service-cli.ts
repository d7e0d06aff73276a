import type { Database } from '../../platform/db/types';
import { NO_CONTEXT } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import { municipalities } from '../../platform/tenancy/repository';
import { importPb, ruleFromName } from './service-pabulib';
import { editionView, poolResults } from './service-results';

/** What the operator CLI does with the budget: import a `.pb` file, compute an edition's winners. */

async function municipalityId(db: Database, slug: string): Promise<string> {
  const m = await db.tx(NO_CONTEXT, (sql) => municipalities.bySlug(sql, slug));
  if (!m) throw new AppError('not_found');
  return m.id;
}

export async function importPbFile(db: Database, slug: string, text: string) {
  const id = await municipalityId(db, slug);
  return db.tx({ municipalityId: id, userId: null }, (sql) => importPb(sql, id, text));
}

/** The winners under the edition's rule or a named one (pabulib's name or ours), by the file's own project ids. */
export async function editionWinners(db: Database, slug: string, editionId: string, ruleName?: string): Promise<{ selected: string[]; rule: string }> {
  const named = ruleName === undefined ? undefined : ruleFromName(ruleName);
  if (ruleName !== undefined && !named) throw new AppError('budget.unknown_rule');
  const id = await municipalityId(db, slug);
  return db.tx({ municipalityId: id, userId: null }, async (sql) => {
    const view = await editionView(sql, id, editionId, true);
    const results = await poolResults(sql, id, view, named?.rule, named?.options);
    const ext = new Map(view.projects.map((p) => [p.id, p.external_id ?? p.id]));
    return { selected: results.flatMap((r) => r.outcome.selected.map((s) => ext.get(s)!)), rule: named?.rule ?? view.edition.rule };
  });
}
