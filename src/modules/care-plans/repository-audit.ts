import type { AuditSubjectDescription, DescribeAuditSubjects } from '../../platform/audit/subjects';
import { auditSubjectKey } from '../../platform/audit/subjects';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A plan is named by its revision and belongs to a case (the cases module names the case and its resident). */
export const describePlans: DescribeAuditSubjects = async (sql, municipalityId, refs) => {
  const ids = [...new Set(refs.filter((r) => r.type === 'care_plan' && UUID.test(r.id)).map((r) => r.id))];
  const found = new Map<string, AuditSubjectDescription>();
  if (ids.length === 0) return found;
  const rows = await sql.query<{ id: string; revision: number; case_id: string }>(
    'SELECT id, revision, case_id FROM care_plans WHERE municipality_id = $1 AND id = ANY($2::uuid[])', [municipalityId, ids]);
  for (const r of rows) found.set(auditSubjectKey({ type: 'care_plan', id: r.id }), { label: 'care_plan.audit_subject', reference: String(r.revision), caseId: r.case_id });
  return found;
};
