import type { AuditRecordsOfPerson, AuditSubjectDescription, DescribeAuditSubjects } from '../../platform/audit/subjects';
import { auditSubjectKey } from '../../platform/audit/subjects';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const idsOfType = (refs: { type: string; id: string }[], type: string): string[] => [...new Set(refs.filter((r) => r.type === type && UUID.test(r.id)).map((r) => r.id))];
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

/** An application is named by its service and holds the data of its beneficiary; a queue by its service, nobody's in particular. */
export const describeApplications: DescribeAuditSubjects = async (sql, municipalityId, refs) => {
  const found = new Map<string, AuditSubjectDescription>();
  const applications = idsOfType(refs, 'application');
  if (applications.length) {
    const rows = await sql.query<{ id: string; service: string; beneficiary_name: string; case_id: string | null }>(
      `SELECT a.id, s.name AS service, a.beneficiary_name, a.case_id FROM applications a
       JOIN services s ON s.municipality_id = a.municipality_id AND s.id = a.service_id
       WHERE a.municipality_id = $1 AND a.id = ANY($2::uuid[])`, [municipalityId, applications]);
    for (const r of rows) {
      found.set(auditSubjectKey({ type: 'application', id: r.id }), { label: 'applications.audit_subject', reference: r.service, personName: r.beneficiary_name, ...(r.case_id ? { caseId: r.case_id } : {}) });
    }
  }
  const queues = idsOfType(refs, 'service_queue');
  if (queues.length) {
    const rows = await sql.query<{ id: string; name: string }>('SELECT id, name FROM services WHERE municipality_id = $1 AND id = ANY($2::uuid[])', [municipalityId, queues]);
    for (const r of rows) found.set(auditSubjectKey({ type: 'service_queue', id: r.id }), { label: 'applications.audit_subject_queue', reference: r.name });
  }
  return found;
};

/** The applications whose applicant or beneficiary has a name containing the text, and the cases opened from them. */
export const applicationRecordsOfPerson: AuditRecordsOfPerson = async (sql, municipalityId, name) => {
  const rows = await sql.query<{ id: string; case_id: string | null }>(
    `SELECT id, case_id FROM applications WHERE municipality_id = $1 AND (beneficiary_name ILIKE $2 OR applicant_name ILIKE $2) LIMIT 1000`,
    [municipalityId, likePattern(name)]);
  return { cases: rows.flatMap((r) => (r.case_id ? [r.case_id] : [])), ids: rows.map((r) => r.id) };
};
