import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext } from '../../platform/db/types';
import type { CaseViewer } from './access';
import { canSeeAll, PAGE_SIZE, type CaseListRow } from './domain';
import { listPage, type ListFilter } from './repository-list';
import { teams } from './repository-teams';
import type { CasesDeps } from './routes-common';

export interface CaseListPage {
  filter: ListFilter;
  rows: CaseListRow[];
  /** The last case shown when there are more: the next page starts after it. */
  next: string | null;
  /** Whether the viewer supervises a team (the "team" tab) and may see every case (directors). */
  supervises: boolean;
  seesAll: boolean;
}

/**
 * A page of a coordinator's case list. One `case.read` entry lists the cases shown in `details.cases`
 * (none when the page is empty) — once: the auditor's and the resident's look-ups find a case there
 * (its GIN index), and a second copy as `ids` only doubled every page's entry past the size PostgreSQL
 * compresses. "all" is for directors only, anyone else gets their own cases.
 */
export async function caseList(deps: CasesDeps, ctx: DbContext, municipalityId: string, viewer: CaseViewer, asked: ListFilter, actor: AuditActor): Promise<CaseListPage> {
  return deps.db.tx(ctx, async (sql) => {
    const seesAll = canSeeAll(viewer);
    const filter: ListFilter = { ...asked, scope: asked.scope === 'all' && !seesAll ? 'mine' : asked.scope };
    // The team tab needs the supervised teams first; the other tabs get them with their rows (or after an empty page).
    const teamIds = filter.scope === 'team' ? await teams.supervisedBy(sql, municipalityId, viewer.userId) : [];
    const { rows: found, supervised: brought } = await listPage(sql, municipalityId, viewer, filter, teamIds);
    const supervised = filter.scope === 'team' ? teamIds : (brought ?? (await teams.supervisedBy(sql, municipalityId, viewer.userId)));
    const rows = found.slice(0, PAGE_SIZE);
    if (rows.length > 0) {
      const ids = rows.map((r) => r.id);
      await audit(sql, municipalityId, actor, { action: 'case.read', subjectType: 'case_list', subjectId: filter.scope, details: { cases: ids, scope: filter.scope, status: filter.status } });
    }
    return { filter, rows, next: found.length > PAGE_SIZE ? rows.at(-1)!.id : null, supervises: supervised.length > 0, seesAll };
  });
}
