import { audit, type AuditActor } from '../../platform/audit/audit';
import type { Database, DbContext } from '../../platform/db/types';
import { auditLog, type AuditFilter, type AuditRow } from './repository';

export const PAGE_SIZE = 50;
export const EXPORT_LIMIT = 100_000;

/** Reading the audit log is itself recorded (who looked, with which filter). */
export async function browse(db: Database, ctx: DbContext, municipalityId: string, filter: AuditFilter, actor: AuditActor) {
  return db.tx(ctx, async (sql) => {
    const rows = await auditLog.page(sql, municipalityId, filter, PAGE_SIZE + 1);
    const actions = await auditLog.actions(sql, municipalityId);
    await audit(sql, municipalityId, actor, { action: 'audit.viewed', details: { ...filter } });
    return { rows: rows.slice(0, PAGE_SIZE), hasMore: rows.length > PAGE_SIZE, actions };
  });
}

export async function exportRows(db: Database, ctx: DbContext, municipalityId: string, filter: AuditFilter, actor: AuditActor): Promise<AuditRow[]> {
  return db.tx(ctx, async (sql) => {
    const rows = await auditLog.page(sql, municipalityId, { ...filter, before: undefined }, EXPORT_LIMIT);
    await audit(sql, municipalityId, actor, { action: 'audit.exported', details: { ...filter, rows: rows.length } });
    return rows;
  });
}
