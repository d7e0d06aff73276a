import { audit, type AuditActor } from '../platform/audit/audit';
import type { Sql } from '../platform/db/types';

/** A demo member of staff as the audit log records a request of theirs (the address of the machine the demo runs on). */
const staffActor = (userId: string, email: string): AuditActor => ({ userId, label: email, ip: '127.0.0.1', userAgent: 'demo', requestId: 'demo-seed' });

/**
 * The staff's reads of the demo resident's data, written with the kernel's `audit()` in the shapes the
 * real read paths write them (applications' decision page, the case page, the plan page), so that
 * "Kto czytał moje dane" shows who opened her accepted application, her case and her plan. Needs the
 * demo application, case and plan; writes nothing without them.
 */
export async function seedDemoReads(
  sql: Sql,
  municipalityId: string,
  people: { resident?: string; coordinator?: { id?: string; email: string }; director?: { id?: string; email: string } },
): Promise<void> {
  const { resident, coordinator, director } = people;
  if (!resident || !coordinator?.id) return;
  const [row] = await sql.query<{ application_id: string; case_id: string; plan_id: string | null }>(
    `SELECT a.id AS application_id, c.id AS case_id,
       (SELECT p.id FROM care_plans p WHERE p.municipality_id = c.municipality_id AND p.case_id = c.id AND p.status = 'approved' ORDER BY p.revision DESC LIMIT 1) AS plan_id
     FROM applications a JOIN cases c ON c.municipality_id = a.municipality_id AND c.opened_from = a.id
     WHERE a.municipality_id = $1 AND a.applicant_id = $2 AND a.status = 'accepted' ORDER BY a.decided_at LIMIT 1`,
    [municipalityId, resident],
  );
  if (!row) return;
  const { application_id: applicationId, case_id: caseId, plan_id: planId } = row;
  const joanna = staffActor(coordinator.id, coordinator.email);
  // The coordinator reads the application (its decision page), then the case she opened from it, then its plan.
  await audit(sql, municipalityId, joanna, { action: 'application.read', subjectType: 'application', subjectId: applicationId, details: { ids: [applicationId], cases: [caseId] } });
  await audit(sql, municipalityId, joanna, { action: 'case.read', subjectType: 'case', subjectId: caseId, details: { cases: [caseId], ids: [caseId], access: 'coordinator' } });
  if (!planId) return;
  await audit(sql, municipalityId, joanna, { action: 'plan.read', subjectType: 'care_plan', subjectId: planId, details: { cases: [caseId], ids: [planId], purpose: 'page' } });
  // The director read the plan she approved.
  if (director?.id) {
    await audit(sql, municipalityId, staffActor(director.id, director.email), {
      action: 'plan.read', subjectType: 'care_plan', subjectId: planId, details: { cases: [caseId], ids: [planId], purpose: 'page' },
    });
  }
}
