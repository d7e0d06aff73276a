import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext, Sql } from '../../platform/db/types';
import { AppError, validationError } from '../../platform/http/errors';
import { caseAccess, lockOpenCase, type CaseAccess, type CaseViewer } from './access';
import type { OpenInput } from './form';
import { caseApplications, cases, type ApplicationForCase } from './repository';
import { staff, teams, type StaffChoice } from './repository-teams';
import type { CasesDeps } from './routes-common';

/** A case is opened from an accepted application that is in no case yet; anything else is refused by name. */
async function openable(sql: Sql, municipalityId: string, applicationId: string, lock = false): Promise<ApplicationForCase> {
  const a = await caseApplications.find(sql, municipalityId, applicationId, lock);
  if (!a) throw new AppError('not_found');
  if (a.case_id) throw new AppError('case.application_has_case');
  if (a.status !== 'accepted') throw new AppError('case.application_not_accepted');
  return a;
}

/** The coordinator must be staff who may coordinate, the team a team of this centre. */
export async function checkPeople(sql: Sql, municipalityId: string, coordinatorId: string, teamId: string | null): Promise<void> {
  const fields = {
    ...(!(await staff.isCaseStaff(sql, municipalityId, coordinatorId)) ? { coordinator_id: { code: 'invalid' } } : {}),
    ...(teamId && !(await teams.exists(sql, municipalityId, teamId)) ? { team_id: { code: 'invalid' } } : {}),
  };
  if (Object.keys(fields).length) throw validationError(fields);
}

export interface OpenPage {
  application: ApplicationForCase;
  /** The applicant's open case: the application may join it instead. */
  existing: { id: string; number: string; coordinator_name: string } | undefined;
  staff: StaffChoice[];
  teams: { id: string; name: string }[];
  defaultTeam: string | null;
}

/** The application's summary and the choices for its case; reading the application is audited. */
export async function openPage(deps: CasesDeps, ctx: DbContext, municipalityId: string, applicationId: string, viewer: CaseViewer, actor: AuditActor): Promise<OpenPage> {
  return deps.db.tx(ctx, async (sql) => {
    const application = await openable(sql, municipalityId, applicationId);
    await audit(sql, municipalityId, actor, { action: 'application.read', subjectType: 'application', subjectId: application.id, details: { purpose: 'open_case', ids: [application.id], cases: [] } });
    return {
      application,
      existing: application.applicant_id ? await caseApplications.openCaseOf(sql, municipalityId, application.applicant_id) : undefined,
      staff: await staff.caseStaff(sql, municipalityId),
      teams: (await teams.list(sql, municipalityId)).map((t) => ({ id: t.id, name: t.name })),
      defaultTeam: await teams.defaultFor(sql, municipalityId, viewer.userId),
    };
  });
}

export type Openable = Awaited<ReturnType<typeof caseApplications.withoutCase>>;

/** Accepted applications without a case, to open one from (the names shown are an audited read). */
export async function openableApplications(deps: CasesDeps, ctx: DbContext, municipalityId: string, actor: AuditActor): Promise<Openable> {
  return deps.db.tx(ctx, async (sql) => {
    const list = await caseApplications.withoutCase(sql, municipalityId);
    if (list.length > 0) {
      const ids = list.map((a) => a.id);
      await audit(sql, municipalityId, actor, { action: 'application.read', subjectType: 'application_list', subjectId: 'accepted_without_case', details: { purpose: 'open_case', ids, cases: [] } });
    }
    return list;
  });
}

export interface Opened {
  id: string;
  number: string;
  /** The opener's access to the case now (none when handed to another coordinator outside their team). */
  access: CaseAccess | null;
}

/**
 * Opens a case from an accepted application: its number is the next of the year, the identity and
 * contact are copied from the application, and the application names its case.
 */
export async function openCase(deps: CasesDeps, ctx: DbContext, municipalityId: string, applicationId: string, input: OpenInput, viewer: CaseViewer, actor: AuditActor): Promise<Opened> {
  return deps.db.tx(ctx, async (sql) => {
    const a = await openable(sql, municipalityId, applicationId, true);
    await checkPeople(sql, municipalityId, input.coordinatorId, input.teamId);
    // Taken last, so that the counter's row is held for as short a time as possible.
    const number = await cases.nextNumber(sql, municipalityId);
    const id = await cases.insert(sql, municipalityId, { number, applicationId: a.id, coordinatorId: input.coordinatorId, teamId: input.teamId, needsPlan: input.needsPlan });
    await caseApplications.setCase(sql, municipalityId, a.id, id);
    await audit(sql, municipalityId, actor, {
      action: 'case.opened',
      subjectType: 'case',
      subjectId: id,
      details: { cases: [id], ids: [id], number, application: a.id, coordinator: input.coordinatorId, team: input.teamId, needsPlan: input.needsPlan },
    });
    return { id, number, access: await caseAccess(sql, municipalityId, viewer, id) };
  });
}

/** Joins the application to the applicant's open case (sets its case, nothing else). */
export async function joinCase(deps: CasesDeps, ctx: DbContext, municipalityId: string, applicationId: string, viewer: CaseViewer, actor: AuditActor): Promise<Opened> {
  return deps.db.tx(ctx, async (sql) => {
    const a = await openable(sql, municipalityId, applicationId, true);
    const existing = a.applicant_id ? await caseApplications.openCaseOf(sql, municipalityId, a.applicant_id) : undefined;
    if (!existing) throw new AppError('case.closed');
    await lockOpenCase(sql, municipalityId, existing.id);
    await caseApplications.setCase(sql, municipalityId, a.id, existing.id);
    await audit(sql, municipalityId, actor, { action: 'case.application_joined', subjectType: 'case', subjectId: existing.id, details: { cases: [existing.id], ids: [a.id] } });
    return { id: existing.id, number: existing.number, access: await caseAccess(sql, municipalityId, viewer, existing.id) };
  });
}
