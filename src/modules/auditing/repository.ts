import type { PersonRecords } from '../../platform/audit/subjects';
import type { Sql } from '../../platform/db/types';
import { TIME_ZONE } from '../../platform/time';

export interface AuditFilter {
  from?: string;
  to?: string;
  action?: string;
  actor?: string;
  subject?: string;
  /** A resident's name: entries naming the records of people so named (found by the modules that own them). */
  person?: string;
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
function where(municipalityId: string, f: AuditFilter, person?: PersonRecords): { clause: string; params: unknown[] } {
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
  if (person) {
    params.push(person.cases, person.ids);
    const [cases, ids] = [`$${params.length - 1}::text[]`, `$${params.length}::text[]`];
    parts.push(`(details -> 'cases' ?| ${cases} OR details -> 'ids' ?| ${ids} OR subject_id = ANY(${ids}))`);
  }
  return { clause: parts.join(' AND '), params };
}

const UUID = (e: string) => `(CASE WHEN ${e} ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN (${e})::uuid END)`;
const SUBJECT = UUID('l.subject_id');

/**
 * The log names records, it keeps no copy of what people typed (ADR 0016): a reason is read from the
 * record that holds it, so retention's anonymisation of that record reaches the auditor's view too.
 * Events written with the entry share its transaction's now(), which pairs them.
 */
const REASON = `coalesce(nullif(l.reason, ''), CASE
  WHEN l.action = 'case.break_glass' THEN (SELECT g.reason FROM case_access_grants g
    WHERE g.municipality_id = l.municipality_id AND g.id = ${UUID("l.details -> 'ids' ->> 0")})
  WHEN l.action = 'referral.consent_override' THEN (SELECT r.override_reason FROM referrals r
    WHERE r.municipality_id = l.municipality_id AND r.id = ${SUBJECT})
  WHEN l.action LIKE 'referral.%' AND l.action NOT IN ('referral.read', 'referral.sent') THEN (SELECT e.reason FROM referral_events e
    WHERE e.municipality_id = l.municipality_id AND e.referral_id = ${SUBJECT} AND e.at = l.occurred_at AND e.status_to = split_part(l.action, '.', 2)
    ORDER BY e.id DESC LIMIT 1)
  WHEN l.action LIKE 'application.%' AND l.action <> 'application.read' THEN (SELECT e.reason FROM application_events e
    WHERE e.municipality_id = l.municipality_id AND e.application_id = ${SUBJECT} AND e.at = l.occurred_at AND e.reason <> ''
    ORDER BY e.id DESC LIMIT 1)
  WHEN l.action = 'plan.returned' THEN (SELECT p.returned_note FROM care_plans p
    WHERE p.municipality_id = l.municipality_id AND p.id = ${SUBJECT})
END, '')`;

const COLUMNS = `l.id, l.occurred_at, l.actor_label, l.action, l.subject_type, l.subject_id, ${REASON} AS reason, l.ip, l.request_id, l.details`;

export const auditLog = {
  async page(sql: Sql, municipalityId: string, f: AuditFilter, limit: number, person?: PersonRecords): Promise<AuditRow[]> {
    const { clause, params } = where(municipalityId, f, person);
    return sql.query<AuditRow>(`SELECT ${COLUMNS} FROM audit_log l WHERE ${clause} ORDER BY l.id DESC LIMIT ${Number(limit)}`, params);
  },
  async actions(sql: Sql, municipalityId: string): Promise<string[]> {
    const rows = await sql.query<{ action: string }>('SELECT DISTINCT action FROM audit_log WHERE municipality_id = $1 ORDER BY action', [municipalityId]);
    return rows.map((r) => r.action);
  },
};
