import type { Sql } from '../../platform/db/types';
import { TIME_ZONE } from '../../platform/time';
import { visibleCasesCondition, type CaseViewer } from './access';
import { DUE_SOON_DAYS, PAGE_SIZE, type CaseListRow, type CaseStatus, type Scope } from './domain';
import { PLAN_APPROVED, PLAN_APPROVED_JOIN } from './repository';

export interface ListFilter {
  scope: Scope;
  status: CaseStatus;
  /** Only cases whose plan is due within 7 days or overdue. */
  dueSoon: boolean;
  /** A case number (or its digits) or part of a name. */
  q: string;
  /** The last case of the previous page. */
  after: string | null;
}

/**
 * The list's statements are kept prepared (PostgreSQL): their texts are a few fixed shapes (scope, after,
 * due soon, number or name), the values always parameters, and parsing and planning them again was most
 * of the database's work per page (docs/performance.md, "The case list").
 */
const PREPARED = { prepare: true } as const;

export interface ListedPage {
  rows: CaseListRow[];
  /** The teams the viewer supervises (by name), when the page's statement brought them: not on the team tab nor on an empty page. */
  supervised: string[] | null;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One page of a case list, newest first. Each scope is one range of one index of migration 0010
 * (coordinator, team, or status for directors) read in order from the keyset (opened_at, id) of the
 * previous page's last case, so a page costs the same on the first page and the thousandth.
 */
export async function listPage(sql: Sql, municipalityId: string, viewer: CaseViewer, f: ListFilter, teamIds: string[]): Promise<ListedPage> {
  const params: unknown[] = [municipalityId, f.status];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where = ['c.municipality_id = $1', 'c.status = $2'];
  if (f.scope === 'mine') where.push(`c.coordinator_id = ${p(viewer.userId)}`);
  else if (f.scope === 'team') {
    if (teamIds.length === 0) return { rows: [], supervised: null };
    where.push(teamIds.length === 1 ? `c.team_id = ${p(teamIds[0])}` : `c.team_id = ANY(${p(teamIds)}::uuid[])`);
  } else {
    const visible = visibleCasesCondition(viewer, params.length + 1);
    // A director's condition is `true` and names no parameter (PostgreSQL cannot type an unused one).
    if (visible.includes(`$${params.length + 1}`)) params.push(viewer.userId);
    where.push(visible);
  }
  if (f.after) {
    // The anchor's time is read in the statement itself (an InitPlan, run once): one round trip less a page.
    // The InitPlan's value alone in the row comparison keeps it the index range's start (wrapped in a
    // coalesce outside the sub-select it became a filter over the coordinator's whole range). An id that is
    // no case anchors nowhere ('infinity'): the first page, as before.
    const after = p(f.after);
    where.push(`(c.opened_at, c.id) < ((SELECT coalesce(max(a.opened_at), 'infinity') FROM cases a WHERE a.municipality_id = $1 AND a.id = ${after}::uuid), ${after}::uuid)`);
  }
  if (f.dueSoon) where.push(`c.needs_plan AND c.plan_due_on <= (now() AT TIME ZONE ${p(TIME_ZONE)}::text)::date + ${DUE_SOON_DAYS} AND NOT ${PLAN_APPROVED}`);
  if (f.q) {
    where.push(/\d/.test(f.q) ? `c.number ILIKE ${p(`%${likeEscape(f.q)}`)}` : `c.person_name ILIKE ${p(`%${likeEscape(f.q)}%`)}`);
  }
  // Outside the team tab (which needs them first) the viewer's supervised teams come with the rows: one
  // round trip less a page (an InitPlan, run once). An empty page brings none, and the caller asks for them.
  const supervisedColumn = f.scope === 'team' ? ''
    : `, ARRAY(SELECT st.id FROM care_teams st WHERE st.municipality_id = $1 AND st.supervisor_id = ${p(viewer.userId)} ORDER BY st.name) AS supervised_teams`;
  const found = await sql.query<CaseListRow & { supervised_teams?: string[] }>(
    `SELECT c.id, c.number, c.person_name, c.birth_year, u.display_name AS coordinator_name, t.name AS team_name, c.status,
       c.needs_plan, c.plan_due_on, coalesce(pa.approved, false) AS plan_approved, c.opened_at${supervisedColumn}
     FROM cases c JOIN users u ON u.id = c.coordinator_id
     LEFT JOIN care_teams t ON t.municipality_id = c.municipality_id AND t.id = c.team_id
     ${PLAN_APPROVED_JOIN}
     WHERE ${where.join(' AND ')}
     ORDER BY c.opened_at DESC, c.id DESC LIMIT ${PAGE_SIZE + 1}`,
    params,
    PREPARED,
  );
  const supervised = found[0]?.supervised_teams ?? null;
  return { rows: found.map(({ supervised_teams: _, ...row }) => row), supervised };
}
