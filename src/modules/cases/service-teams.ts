import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext, Sql } from '../../platform/db/types';
import { assertVersion, expectUpdated } from '../../platform/http/conflict';
import { AppError, validationError } from '../../platform/http/errors';
import { staff, teams, type StaffChoice, type TeamInput, type TeamRow } from './repository-teams';
import type { CasesDeps } from './routes-common';

export interface TeamsPage {
  teams: TeamRow[];
  staff: StaffChoice[];
  units: { id: string; name: string }[];
}

export async function teamsPage(deps: CasesDeps, ctx: DbContext, municipalityId: string): Promise<TeamsPage> {
  return deps.db.tx(ctx, async (sql) => ({ teams: await teams.list(sql, municipalityId), staff: await staff.caseStaff(sql, municipalityId), units: await teams.units(sql, municipalityId) }));
}

export async function teamPage(deps: CasesDeps, ctx: DbContext, municipalityId: string, id: string): Promise<TeamsPage & { team: TeamRow }> {
  return deps.db.tx(ctx, async (sql) => {
    const team = await teams.find(sql, municipalityId, id);
    if (!team) throw new AppError('not_found');
    return { team, teams: [], staff: await staff.caseStaff(sql, municipalityId), units: await teams.units(sql, municipalityId) };
  });
}

/** The unit must be the centre's, the supervisor someone who may coordinate cases. */
async function check(sql: Sql, municipalityId: string, t: TeamInput): Promise<void> {
  const units = await teams.units(sql, municipalityId);
  const fields = {
    ...(t.unitId && !units.some((u) => u.id === t.unitId) ? { unit_id: { code: 'invalid' } } : {}),
    ...(t.supervisorId && !(await staff.isCaseStaff(sql, municipalityId, t.supervisorId)) ? { supervisor_id: { code: 'invalid' } } : {}),
  };
  if (Object.keys(fields).length) throw validationError(fields);
}

export async function createTeam(deps: CasesDeps, ctx: DbContext, municipalityId: string, t: TeamInput, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    await check(sql, municipalityId, t);
    const id = await teams.insert(sql, municipalityId, t);
    if (!id) throw validationError({ name: { code: 'taken' } });
    await audit(sql, municipalityId, actor, { action: 'care_team.created', subjectType: 'care_team', subjectId: id, details: { supervisor: t.supervisorId } });
    return id;
  });
}

export async function updateTeam(deps: CasesDeps, ctx: DbContext, municipalityId: string, id: string, version: number, t: TeamInput, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const before = await teams.find(sql, municipalityId, id, true);
    if (!before) throw new AppError('not_found');
    assertVersion(before, version);
    await check(sql, municipalityId, t);
    if (await teams.nameTaken(sql, municipalityId, t.name, id)) throw validationError({ name: { code: 'taken' } });
    expectUpdated(await teams.update(sql, municipalityId, id, version, t));
    await audit(sql, municipalityId, actor, { action: 'care_team.updated', subjectType: 'care_team', subjectId: id, details: { supervisor: { from: before.supervisor_id, to: t.supervisorId } } });
  });
}

/** Adds or removes a member on the team's version (a change of members is a change of the team). */
export async function changeMember(deps: CasesDeps, ctx: DbContext, municipalityId: string, id: string, version: number, userId: string, add: boolean, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const team = await teams.find(sql, municipalityId, id, true);
    if (!team) throw new AppError('not_found');
    assertVersion(team, version);
    if (add && !(await staff.isCaseStaff(sql, municipalityId, userId))) throw validationError({ user_id: { code: 'invalid' } });
    if (!add && !team.members.some((m) => m.id === userId)) throw new AppError('not_found');
    if (add) await teams.addMember(sql, municipalityId, id, userId);
    else await teams.removeMember(sql, municipalityId, id, userId);
    await teams.bump(sql, municipalityId, id, version);
    await audit(sql, municipalityId, actor, { action: add ? 'care_team.member_added' : 'care_team.member_removed', subjectType: 'care_team', subjectId: id, details: { user: userId } });
  });
}
