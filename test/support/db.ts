import type { Harness } from './harness';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';

/** Runs one query as the database owner (row-level security off): for setting up and reading rows in tests. */
export async function ownerQuery<R extends object>(h: Harness, text: string, params: unknown[]): Promise<R[]> {
  return h.db.ownerTx((sql) => sql.query<R>(text, params));
}

/** The audit log of one subject, oldest first. */
export async function auditActions(h: Harness, m: MunicipalityRow, subjectId: string): Promise<{ action: string; reason: string; details: Record<string, unknown> }[]> {
  return ownerQuery(h, 'SELECT action, reason, details FROM audit_log WHERE municipality_id = $1 AND subject_id = $2 ORDER BY id', [m.id, subjectId]);
}
