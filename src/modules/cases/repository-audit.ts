import type { AuditRecordsOfPerson, AuditSubjectDescription, DescribeAuditSubjects } from '../../platform/audit/subjects';
import { auditSubjectKey } from '../../platform/audit/subjects';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const idsOfType = (refs: { type: string; id: string }[], type: string): string[] => [...new Set(refs.filter((r) => r.type === type && UUID.test(r.id)).map((r) => r.id))];
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

/** A case is named by its number and holds the data of its resident. */
export const describeCases: DescribeAuditSubjects = async (sql, municipalityId, refs) => {
  const ids = idsOfType(refs, 'case');
  const found = new Map<string, AuditSubjectDescription>();
  if (ids.length === 0) return found;
  const rows = await sql.query<{ id: string; number: string; person_name: string }>(
    'SELECT id, number, person_name FROM cases WHERE municipality_id = $1 AND id = ANY($2::uuid[])', [municipalityId, ids]);
  for (const r of rows) found.set(auditSubjectKey({ type: 'case', id: r.id }), { label: 'cases.audit_subject', reference: r.number, personName: r.person_name });
  return found;
};

/** The cases of residents whose name contains the text (the audit entries name them in `details.cases`). */
export const caseRecordsOfPerson: AuditRecordsOfPerson = async (sql, municipalityId, name) => {
  const rows = await sql.query<{ id: string }>(
    'SELECT id FROM cases WHERE municipality_id = $1 AND person_name ILIKE $2 LIMIT 1000', [municipalityId, likePattern(name)]);
  const cases = rows.map((r) => r.id);
  return { cases, ids: cases };
};
