import { audit, type AuditActor } from '../../platform/audit/audit';
import { auditSubjectKey, type AuditSubjectDescription, type AuditSubjects, type PersonRecords } from '../../platform/audit/subjects';
import type { Database, DbContext, Sql } from '../../platform/db/types';
import { collapseRepeatedReads, type CollapsedRow } from './collapse';
import { auditLog, type AuditFilter, type AuditRow } from './repository';

export const PAGE_SIZE = 50;
export const EXPORT_LIMIT = 100_000;

/** What a row is about, as the owning modules describe it: the record, the case it belongs to, whose data it is. */
export interface RowSubject {
  record?: AuditSubjectDescription;
  case?: AuditSubjectDescription;
}

export type ShownRow = CollapsedRow & { about: RowSubject };

const casesOf = (r: AuditRow): string[] => (Array.isArray(r.details.cases) ? r.details.cases.filter((c): c is string => typeof c === 'string') : []);

async function describeRows(sql: Sql, subjects: AuditSubjects, municipalityId: string, rows: CollapsedRow[]): Promise<ShownRow[]> {
  const refs = rows.filter((r) => r.subject_type && r.subject_id).map((r) => ({ type: r.subject_type, id: r.subject_id }));
  const records = await subjects.describe(sql, municipalityId, refs);
  const caseOf = (r: AuditRow): string | undefined => {
    const record = records.get(auditSubjectKey({ type: r.subject_type, id: r.subject_id }));
    if (record?.caseId) return record.caseId;
    const cases = casesOf(r);
    return r.subject_type !== 'case' && cases.length === 1 ? cases[0] : undefined;
  };
  const caseIds = [...new Set(rows.flatMap((r) => caseOf(r) ?? []))];
  const cases = await subjects.describe(sql, municipalityId, caseIds.map((id) => ({ type: 'case', id })));
  return rows.map((r) => {
    const caseId = caseOf(r);
    return { ...r, about: { record: records.get(auditSubjectKey({ type: r.subject_type, id: r.subject_id })), case: caseId ? cases.get(auditSubjectKey({ type: 'case', id: caseId })) : undefined } };
  });
}

const personShown = (r: ShownRow) => Boolean(r.about.record?.personName ?? r.about.case?.personName);

/**
 * Reading the audit log is itself recorded (who looked, with which filter). A page that names whose data
 * entries concern is also a read of those records (`case.read`, purpose `audit_log`: the residents see it
 * among who read their data); a name typed as a filter is not copied into the log (ADR 0016), only whether one was given.
 */
export async function browse(db: Database, ctx: DbContext, subjects: AuditSubjects, municipalityId: string, filter: AuditFilter, actor: AuditActor) {
  return db.tx(ctx, async (sql) => {
    const person: PersonRecords | undefined = filter.person ? await subjects.recordsOfPerson(sql, municipalityId, filter.person) : undefined;
    const raw = await auditLog.page(sql, municipalityId, filter, PAGE_SIZE + 1, person);
    const hasMore = raw.length > PAGE_SIZE;
    const page = raw.slice(0, PAGE_SIZE);
    const rows = await describeRows(sql, subjects, municipalityId, collapseRepeatedReads(page));
    const actions = await auditLog.actions(sql, municipalityId);
    const { person: typed, ...rest } = filter;
    const withPerson = rows.filter(personShown);
    const shownCases = [...new Set(withPerson.flatMap((r) => [...casesOf(r), ...(r.about.record?.caseId ? [r.about.record.caseId] : []), ...(r.subject_type === 'case' ? [r.subject_id] : [])]))];
    const shownRecords = [...new Set(withPerson.filter((r) => r.about.record?.personName).map((r) => r.subject_id))];
    await audit(sql, municipalityId, actor, { action: 'audit.viewed', details: { ...rest, ...(typed ? { person_filter: true } : {}) } });
    if (withPerson.length) {
      await audit(sql, municipalityId, actor, { action: 'case.read', subjectType: 'audit_log', subjectId: 'page', details: { purpose: 'audit_log', cases: shownCases, ids: [...new Set([...shownRecords, ...shownCases])] } });
    }
    return { rows, hasMore, lastId: page.at(-1)?.id, actions };
  });
}

export async function exportRows(db: Database, ctx: DbContext, subjects: AuditSubjects, municipalityId: string, filter: AuditFilter, actor: AuditActor): Promise<AuditRow[]> {
  return db.tx(ctx, async (sql) => {
    const person = filter.person ? await subjects.recordsOfPerson(sql, municipalityId, filter.person) : undefined;
    const rows = await auditLog.page(sql, municipalityId, { ...filter, before: undefined }, EXPORT_LIMIT, person);
    const { person: typed, ...rest } = filter;
    await audit(sql, municipalityId, actor, { action: 'audit.exported', details: { ...rest, ...(typed ? { person_filter: true } : {}), rows: rows.length } });
    return rows;
  });
}
