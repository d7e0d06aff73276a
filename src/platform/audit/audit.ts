import type { Sql } from '../db/types';

/** Who acted and from where: taken from the request once, passed to every audit entry. */
export interface AuditActor {
  userId: string | null;
  label: string;
  ip: string;
  userAgent: string;
  requestId: string;
}

export interface AuditEntry {
  action: string;
  subjectType?: string;
  subjectId?: string;
  /**
   * A code or reference only. What people type (a glass reason, a decline, a note) stays in the
   * module's own record, which retention anonymises; the log names that record (ADR 0016).
   */
  reason?: string;
  /** Ids, codes, counts: never a copy of personal free text (the log is append-only and outlives retention). */
  details?: Record<string, unknown>;
}

/** Nothing reads an entry back in the transaction that writes it: it goes with the COMMIT (one round trip fewer). */
async function append(sql: Sql, text: string, params: unknown[]): Promise<void> {
  if (sql.atCommit) sql.atCommit(text, params);
  else await sql.query(text, params);
}

/**
 * Appends to the municipality's audit log, in the caller's transaction: the read or change and its
 * record commit together or not at all. RLS stops a write into another municipality's log.
 */
export async function audit(sql: Sql, municipalityId: string, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await append(
    sql,
    `INSERT INTO audit_log (municipality_id, actor_user_id, actor_label, action, subject_type, subject_id, reason, ip, user_agent, request_id, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [municipalityId, actor.userId, actor.label, entry.action, entry.subjectType ?? '', entry.subjectId ?? '', entry.reason ?? '',
      actor.ip, actor.userAgent.slice(0, 300), actor.requestId, JSON.stringify(entry.details ?? {})],
  );
}

/** Account events that belong to no municipality: log-in, log-out, password reset, 2FA enrolment. */
export async function auditPlatform(sql: Sql, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await append(
    sql,
    `INSERT INTO platform_audit_log (actor_user_id, actor_label, action, subject_type, subject_id, reason, ip, user_agent, request_id, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [actor.userId, actor.label, entry.action, entry.subjectType ?? '', entry.subjectId ?? '', entry.reason ?? '',
      actor.ip, actor.userAgent.slice(0, 300), actor.requestId, JSON.stringify(entry.details ?? {})],
  );
}
