import type { Sql } from '../../platform/db/types';
import type { RemarkRow } from './domain';

/** A page of remarks: at most this many, read by keyset from the previous page's last remark. */
export const REMARKS_PAGE = 50;

const REMARK = `r.id, r.consultation_id, r.part_id, p.label AS part_label, r.source, r.author_id, r.author_name, r.organisation_id, r.organisation_name,
  r.anonymous, r.quote, r.content, r.proposal, to_char(r.received_on, 'YYYY-MM-DD') AS received_on, r.hidden_at, r.hidden_reason, r.position, r.reasons,
  r.position_at, r.version, r.created_at`;
const FROM = 'consultation_remarks r LEFT JOIN consultation_parts p ON p.municipality_id = r.municipality_id AND p.id = r.part_id';
/** The staff list's order, the report's: by part (remarks on the whole text last), then as they came. */
const STAFF_KEY = '(coalesce(p.position, 2147483647), r.created_at, r.id)';

/**
 * Pages of remarks read by keyset (ADR 0028): the anchor is the previous page's last remark, its key read
 * in SQL (no timestamp rounded through JavaScript), so the thousandth page costs what the first does.
 * An anchor that is not a remark of the consultation gives an empty page.
 */
export const remarkPages = {
  /** A part's remarks, newest first (a remark just sent is on the first page). */
  async ofPart(sql: Sql, municipalityId: string, consultationId: string, partId: string, after: string | null): Promise<RemarkRow[]> {
    const anchor = after
      ? `AND (r.created_at, r.id) < (SELECT a.created_at, a.id FROM consultation_remarks a WHERE a.municipality_id = $1 AND a.consultation_id = $2 AND a.part_id = $3 AND a.id = $4)`
      : 'AND $4::uuid IS NULL';
    return sql.query<RemarkRow>(
      `SELECT ${REMARK} FROM ${FROM} WHERE r.municipality_id = $1 AND r.consultation_id = $2 AND r.part_id = $3 ${anchor}
       ORDER BY r.created_at DESC, r.id DESC LIMIT ${REMARKS_PAGE + 1}`,
      [municipalityId, consultationId, partId, after],
    );
  },
  /** Every remark of the consultation in the report's order (staff answer them). */
  async ofConsultation(sql: Sql, municipalityId: string, consultationId: string, after: string | null): Promise<RemarkRow[]> {
    const anchor = after
      ? `AND ${STAFF_KEY} > (SELECT coalesce(ap.position, 2147483647), a.created_at, a.id FROM consultation_remarks a
           LEFT JOIN consultation_parts ap ON ap.municipality_id = a.municipality_id AND ap.id = a.part_id
           WHERE a.municipality_id = $1 AND a.consultation_id = $2 AND a.id = $3)`
      : 'AND $3::uuid IS NULL';
    return sql.query<RemarkRow>(
      `SELECT ${REMARK} FROM ${FROM} WHERE r.municipality_id = $1 AND r.consultation_id = $2 ${anchor}
       ORDER BY coalesce(p.position, 2147483647), r.created_at, r.id LIMIT ${REMARKS_PAGE + 1}`,
      [municipalityId, consultationId, after],
    );
  },
  /** How many remarks come before the page that follows the anchor (the staff list numbers remarks as the report does). */
  async countUpTo(sql: Sql, municipalityId: string, consultationId: string, after: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${FROM} WHERE r.municipality_id = $1 AND r.consultation_id = $2
         AND ${STAFF_KEY} <= (SELECT coalesce(ap.position, 2147483647), a.created_at, a.id FROM consultation_remarks a
           LEFT JOIN consultation_parts ap ON ap.municipality_id = a.municipality_id AND ap.id = a.part_id
           WHERE a.municipality_id = $1 AND a.consultation_id = $2 AND a.id = $3)`,
      [municipalityId, consultationId, after],
    );
    return row?.n ?? 0;
  },
  /** How many remarks each part has ('' for remarks on the whole text): the consultation's page shows counts and pages the remarks. */
  async countsByPart(sql: Sql, municipalityId: string, consultationId: string): Promise<{ part_id: string | null; n: number }[]> {
    return sql.query<{ part_id: string | null; n: number }>(
      'SELECT part_id, count(*)::int AS n FROM consultation_remarks WHERE municipality_id = $1 AND consultation_id = $2 GROUP BY part_id',
      [municipalityId, consultationId],
    );
  },
};
