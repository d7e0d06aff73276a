import type { Sql } from '../../platform/db/types';
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

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One page of a case list, newest first. Each scope is one range of one index of migration 0010
 * (coordinator, team, or status for directors) read in order from the keyset (opened_at, id) of the
 * previous page's last case, so a page costs the same on the first page and the thousandth.
 */
export async function listPage(sql: Sql, municipalityId: string, viewer: CaseViewer, f: ListFilter, teamIds: string[]): Promise<CaseListRow[]> {
  const params: unknown[] = [municipalityId, f.status];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where = ['c.municipality_id = $1', 'c.status = $2'];
  if (f.scope === 'mine') where.push(`c.coordinator_id = ${p(viewer.userId)}`);
  else if (f.scope === 'team') {
    if (teamIds.length === 0) return [];
    where.push(teamIds.length === 1 ? `c.team_id = ${p(teamIds[0])}` : `c.team_id = ANY(${p(teamIds)}::uuid[])`);
  } else {
    const visible = visibleCasesCondition(viewer, params.length + 1);
    // A director's condition is `true` and names no parameter (PostgreSQL cannot type an unused one).
    if (visible.includes(`$${params.length + 1}`)) params.push(viewer.userId);
    where.push(visible);
  }
  if (f.after) {
    // The anchor's time as text keeps its microseconds (a JavaScript Date would round them away).
    const [anchor] = await sql.query<{ opened_at: string; id: string }>('SELECT opened_at::text AS opened_at, id FROM cases WHERE municipality_id = $1 AND id = $2', [municipalityId, f.after]);
    if (anchor) where.push(`(c.opened_at, c.id) < (${p(anchor.opened_at)}::timestamptz, ${p(anchor.id)}::uuid)`);
  }
  if (f.dueSoon) where.push(`c.needs_plan AND c.plan_due_on <= (now() AT TIME ZONE 'Europe/Warsaw')::date + ${DUE_SOON_DAYS} AND NOT ${PLAN_APPROVED}`);
  if (f.q) {
    where.push(/\d/.test(f.q) ? `c.number ILIKE ${p(`%${likeEscape(f.q)}`)}` : `c.person_name ILIKE ${p(`%${likeEscape(f.q)}%`)}`);
  }
  return sql.query<CaseListRow>(
    `SELECT c.id, c.number, c.person_name, c.birth_year, u.display_name AS coordinator_name, t.name AS team_name, c.status,
       c.needs_plan, c.plan_due_on, coalesce(pa.approved, false) AS plan_approved, c.opened_at
     FROM cases c JOIN users u ON u.id = c.coordinator_id
     LEFT JOIN care_teams t ON t.municipality_id = c.municipality_id AND t.id = c.team_id
     ${PLAN_APPROVED_JOIN}
     WHERE ${where.join(' AND ')}
     ORDER BY c.opened_at DESC, c.id DESC LIMIT ${PAGE_SIZE + 1}`,
    params,
  );
}
