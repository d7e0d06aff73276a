import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext, Sql } from '../../platform/db/types';
import { assertVersion, expectUpdated } from '../../platform/http/conflict';
import { AppError } from '../../platform/http/errors';
import { caseAccess, mayWriteCase, requireCaseAccess, requireCaseWrite, type CaseAccess, type CaseViewer } from './access';
import type { CaseApplication, CaseRow } from './domain';
import { cases, type CaseChanges } from './repository';
import { staff, teams, type StaffChoice } from './repository-teams';
import type { CasesDeps } from './routes-common';
import { checkPeople } from './service-open';

export interface CasePage {
  c: CaseRow;
  access: CaseAccess;
  /** Whether the edit, handover and closing forms are the reader's to use (a glass grant only reads). */
  mayWrite: boolean;
  applications: CaseApplication[];
  staff: StaffChoice[];
  teams: { id: string; name: string }[];
}

/** One case, for those with need-to-know (or a grant): every read is audited, with the access it came by. */
export async function casePage(deps: CasesDeps, ctx: DbContext, municipalityId: string, id: string, viewer: CaseViewer, actor: AuditActor): Promise<CasePage> {
  return deps.db.tx(ctx, async (sql) => {
    const access = await requireCaseAccess(sql, municipalityId, viewer, id);
    const c = (await cases.find(sql, municipalityId, id))!;
    await audit(sql, municipalityId, actor, { action: 'case.read', subjectType: 'case', subjectId: id, details: { cases: [id], ids: [id], access } });
    return {
      c,
      access,
      mayWrite: mayWriteCase(access),
      applications: await cases.applications(sql, municipalityId, id),
      staff: await staff.caseStaff(sql, municipalityId),
      teams: (await teams.list(sql, municipalityId)).map((t) => ({ id: t.id, name: t.name })),
    };
  });
}

/** The case to change: locked, written by one who answers for it, open, and still at the version the page showed. */
async function forChange(sql: Sql, municipalityId: string, id: string, version: number, viewer: CaseViewer): Promise<CaseRow> {
  await requireCaseWrite(sql, municipalityId, viewer, id);
  const c = (await cases.find(sql, municipalityId, id))!;
  assertVersion(c, version);
  return c;
}

const FIELD_OF: Record<keyof CaseChanges, string> = {
  contactPhone: 'contact_phone',
  contactEmail: 'contact_email',
  representativeName: 'representative_name',
  coordinatorId: 'coordinator_id',
  teamId: 'team_id',
  needsPlan: 'needs_plan',
};
const current = (c: CaseRow): CaseChanges => ({
  contactPhone: c.contact_phone,
  contactEmail: c.contact_email,
  representativeName: c.representative_name,
  coordinatorId: c.coordinator_id,
  teamId: c.team_id,
  needsPlan: c.needs_plan,
});

/**
 * Saves contact, representative, coordinator (a handover), team and whether a plan is needed.
 * Returns what changed and whether the editor still has access (a handover may take it away).
 */
export async function updateCase(deps: CasesDeps, ctx: DbContext, municipalityId: string, id: string, input: CaseChanges & { version: number }, viewer: CaseViewer, actor: AuditActor): Promise<{ changed: string[]; access: CaseAccess | null; number: string }> {
  return deps.db.tx(ctx, async (sql) => {
    const c = await forChange(sql, municipalityId, id, input.version, viewer);
    const before = current(c);
    const changed = (Object.keys(FIELD_OF) as (keyof CaseChanges)[]).filter((k) => before[k] !== input[k]).map((k) => FIELD_OF[k]);
    if (changed.length === 0) return { changed, access: await caseAccess(sql, municipalityId, viewer, id), number: c.number };
    await checkPeople(sql, municipalityId, input.coordinatorId, input.teamId);
    expectUpdated(await cases.update(sql, municipalityId, id, input.version, input));
    const handover = before.coordinatorId !== input.coordinatorId ? { coordinator: { from: before.coordinatorId, to: input.coordinatorId } } : {};
    await audit(sql, municipalityId, actor, { action: 'case.updated', subjectType: 'case', subjectId: id, details: { cases: [id], ids: [id], changed, ...handover } });
    return { changed, access: await caseAccess(sql, municipalityId, viewer, id), number: c.number };
  });
}

/** Closes the case with a closing note; it takes no more changes, and the retention clock starts. */
export async function closeCase(deps: CasesDeps, ctx: DbContext, municipalityId: string, id: string, version: number, note: string, viewer: CaseViewer, actor: AuditActor): Promise<CaseRow> {
  return deps.db.tx(ctx, async (sql) => {
    const c = await forChange(sql, municipalityId, id, version, viewer);
    if ((await cases.openReferrals(sql, municipalityId, id)) > 0) throw new AppError('case.open_referrals');
    expectUpdated(await cases.close(sql, municipalityId, id, version, note));
    await audit(sql, municipalityId, actor, { action: 'case.closed', subjectType: 'case', subjectId: id, details: { cases: [id], ids: [id] } });
    return c;
  });
}
