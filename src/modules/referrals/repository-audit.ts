import type { AuditSubjectDescription, DescribeAuditSubjects } from '../../platform/audit/subjects';
import { auditSubjectKey } from '../../platform/audit/subjects';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A referral is named by its service and belongs to a case (the cases module names the case and its resident). */
export const describeReferrals: DescribeAuditSubjects = async (sql, municipalityId, refs) => {
  const ids = [...new Set(refs.filter((r) => r.type === 'referral' && UUID.test(r.id)).map((r) => r.id))];
  const found = new Map<string, AuditSubjectDescription>();
  if (ids.length === 0) return found;
  const rows = await sql.query<{ id: string; service_label: string; case_id: string }>(
    'SELECT id, service_label, case_id FROM referrals WHERE municipality_id = $1 AND id = ANY($2::uuid[])', [municipalityId, ids]);
  for (const r of rows) found.set(auditSubjectKey({ type: 'referral', id: r.id }), { label: 'referrals.audit_subject', reference: r.service_label, caseId: r.case_id });
  return found;
};
