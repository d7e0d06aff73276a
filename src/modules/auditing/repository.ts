import type { Sql } from '../../platform/db/types';
import { TIME_ZONE } from '../../platform/i18n';

export interface AuditFilter {
  from?: string;
  to?: string;
  action?: string;
  actor?: string;
  subject?: string;
  /** Keyset paging: entries older than this id. */
  before?: number;
}

export interface AuditRow {
  id: number;
  occurred_at: Date;
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string;
  reason: string;
  ip: string;
  request_id: string;
  details: Record<string, unknown>;
}

/** Days are Warsaw calendar days: "to 2026-11-23" includes that whole day in Poland. */
function where(municipalityId: string, f: AuditFilter): { clause: string; params: unknown[] } {
  const params: unknown[] = [municipalityId];
  const parts = ['municipality_id = $1'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    parts.push(sql.replace('?', `$${params.length}`));
  };
  if (f.from) add(`occurred_at >= (?::date)::timestamp AT TIME ZONE '${TIME_ZONE}'`, f.from);
  if (f.to) add(`occurred_at < (?::date + 1)::timestamp AT TIME ZONE '${TIME_ZONE}'`, f.to);
  if (f.action) add('action = ?', f.action);
  if (f.actor) add(`actor_label ILIKE '%' || ? || '%'`, f.actor.replace(/[\\%_]/g, (c) => '\\' + c));
  if (f.subject) add('subject_id = ?', f.subject);
  if (f.before) add('id < ?', f.before);
  return { clause: parts.join(' AND '), params };
}

const COLUMNS = 'id, occurred_at, actor_label, action, subject_type, subject_id, reason, ip, request_id, details';

export const auditLog = {
  async page(sql: Sql, municipalityId: string, f: AuditFilter, limit: number): Promise<AuditRow[]> {
    const { clause, params } = where(municipalityId, f);
    return sql.query<AuditRow>(`SELECT ${COLUMNS} FROM audit_log WHERE ${clause} ORDER BY id DESC LIMIT ${Number(limit)}`, params);
  },
  async actions(sql: Sql, municipalityId: string): Promise<string[]> {
    const rows = await sql.query<{ action: string }>('SELECT DISTINCT action FROM audit_log WHERE municipality_id = $1 ORDER BY action', [municipalityId]);
    return rows.map((r) => r.action);
  },
};
