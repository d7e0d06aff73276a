import type { Sql } from '../db/types';
import type { MessageKey } from '../i18n';

/** An audit entry's subject as written: `subject_type` and `subject_id` of the log. */
export interface AuditSubjectRef {
  type: string;
  id: string;
}

/** What the subject is, in words ("wniosek", "sprawa CUS/2026/000123") and whose data it holds, as the module that owns it knows. */
export interface AuditSubjectDescription {
  /** A message naming the kind of record, with {reference}, e.g. 'sprawa {reference}'. */
  label: MessageKey;
  reference: string;
  /** The person whose data the record holds; none for a record of nobody in particular (a list, a queue). */
  personName?: string;
  /** The case the record belongs to, described by the cases module (its number, its resident). */
  caseId?: string;
}

export const auditSubjectKey = (ref: AuditSubjectRef): string => `${ref.type}:${ref.id}`;

/**
 * The module's subjects among these, described (keyed by `auditSubjectKey`); others it leaves out.
 * Read in the caller's transaction from the module's own tables (ADR 0018): the auditing module reads none.
 */
export type DescribeAuditSubjects = (sql: Sql, municipalityId: string, refs: AuditSubjectRef[]) => Promise<Map<string, AuditSubjectDescription>>;

/** Records of the people whose name contains this text, as the log names them: case ids (`details.cases`) and record ids (`details.ids`, `subject_id`). */
export interface PersonRecords {
  cases: string[];
  ids: string[];
}

export type AuditRecordsOfPerson = (sql: Sql, municipalityId: string, name: string) => Promise<PersonRecords>;

/** Every module's answers, merged, in the caller's transaction (what the auditor's log calls). */
export interface AuditSubjects {
  describe: DescribeAuditSubjects;
  recordsOfPerson: AuditRecordsOfPerson;
}

export function collectAuditSubjects(owners: readonly { describeAuditSubjects?: DescribeAuditSubjects; auditRecordsOfPerson?: AuditRecordsOfPerson }[]): AuditSubjects {
  return {
    async describe(sql, municipalityId, refs) {
      const all = new Map<string, AuditSubjectDescription>();
      if (refs.length === 0) return all;
      for (const o of owners) for (const [key, d] of (await o.describeAuditSubjects?.(sql, municipalityId, refs)) ?? []) all.set(key, d);
      return all;
    },
    async recordsOfPerson(sql, municipalityId, name) {
      const found: PersonRecords = { cases: [], ids: [] };
      for (const o of owners) {
        const r = await o.auditRecordsOfPerson?.(sql, municipalityId, name);
        if (!r) continue;
        found.cases.push(...r.cases);
        found.ids.push(...r.ids);
      }
      return { cases: [...new Set(found.cases)], ids: [...new Set(found.ids)] };
    },
  };
}
