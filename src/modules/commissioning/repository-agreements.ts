import type { Sql } from '../../platform/db/types';
import type { CostLine, ScheduleRow } from './domain';
import type { AgreementRow, AgreementStatus, ChangeKind, ChangeRequest, ReportKind, ReportRow, ReportStatus, TermsVersion } from './agreements-domain';

const AGREEMENT = `a.id, a.offer_id, a.number, a.task, a.grant_amount, to_char(a.period_from, 'YYYY-MM-DD') AS period_from, to_char(a.period_to, 'YYYY-MM-DD') AS period_to,
  a.status, to_char(a.signed_on, 'YYYY-MM-DD') AS signed_on, a.closing_reasons, a.version, o.organisation_id, org.name AS organisation_name, c.id AS call_id, c.title AS call_title`;
const AGREEMENT_FROM = `commissioning_agreements a
  JOIN commissioning_offers o ON o.municipality_id = a.municipality_id AND o.id = a.offer_id
  JOIN organisations org ON org.municipality_id = o.municipality_id AND org.id = o.organisation_id
  JOIN commissioning_calls c ON c.municipality_id = o.municipality_id AND c.id = o.call_id`;
const REPORT = 'r.id, r.agreement_id, r.kind, r.status, r.done, r.results, r.expenses, r.remarks, r.version, r.updated_at';

/** The offeror as the registry has it: the agreement's party, never retyped. */
export interface Party { name: string; krs: string | null; nip: string | null; regon: string | null; street: string; postal_code: string; city: string; leader_name: string }

export const agreements = {
  async awardedAmount(sql: Sql, m: string, offerId: string): Promise<number | null> {
    const [row] = await sql.query<{ amount: number | null }>("SELECT amount FROM commissioning_decisions WHERE municipality_id = $1 AND offer_id = $2 AND kind = 'awarded'", [m, offerId]);
    return row?.amount ?? null;
  },
  async party(sql: Sql, m: string, organisationId: string): Promise<Party> {
    const [row] = await sql.query<Party>('SELECT name, krs, nip, regon, street, postal_code, city, leader_name FROM organisations WHERE municipality_id = $1 AND id = $2', [m, organisationId]);
    return row!;
  },
  async find(sql: Sql, m: string, id: string, lock = false): Promise<AgreementRow | undefined> {
    const [row] = await sql.query<AgreementRow>(`SELECT ${AGREEMENT} FROM ${AGREEMENT_FROM} WHERE a.municipality_id = $1 AND a.id = $2${lock ? ' FOR UPDATE OF a' : ''}`, [m, id]);
    return row;
  },
  async ofOffer(sql: Sql, m: string, offerId: string): Promise<string | undefined> {
    const [row] = await sql.query<{ id: string }>('SELECT id FROM commissioning_agreements WHERE municipality_id = $1 AND offer_id = $2', [m, offerId]);
    return row?.id;
  },
  /** Staff: all; anyone else: their organisations' agreements. */
  async list(sql: Sql, m: string, userId: string | null, all: boolean): Promise<(AgreementRow & { final_status: ReportStatus | null })[]> {
    return sql.query(
      `SELECT ${AGREEMENT}, (SELECT r.status FROM commissioning_reports r WHERE r.municipality_id = a.municipality_id AND r.agreement_id = a.id AND r.kind = 'final' ORDER BY r.created_at DESC, r.id LIMIT 1) AS final_status
       FROM ${AGREEMENT_FROM}
       WHERE a.municipality_id = $1 AND ($3 OR EXISTS (SELECT 1 FROM organisation_members mm WHERE mm.municipality_id = o.municipality_id AND mm.organisation_id = o.organisation_id AND mm.user_id = $2))
       ORDER BY a.created_at DESC, a.id`,
      [m, userId, all],
    );
  },
  async insert(sql: Sql, m: string, a: { offer_id: string; task: string; grant_amount: number; period_from: string; period_to: string }, year: number, by: string | null): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO commissioning_agreements (municipality_id, offer_id, number, task, grant_amount, period_from, period_to, created_by)
       VALUES ($1, $2, (SELECT (count(*) + 1)::text || '/' || $7::text FROM commissioning_agreements WHERE municipality_id = $1 AND number LIKE '%/' || $7::text), $3, $4, $5, $6, $8) RETURNING id`,
      [m, a.offer_id, a.task, a.grant_amount, a.period_from, a.period_to, String(year), by],
    );
    return row!.id;
  },
  /** A new state (the signing date with `signed`, the reasons with `terminated`), at the version read. */
  async move(sql: Sql, m: string, id: string, status: AgreementStatus, version: number, signedOn: string | null, reasons: string): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE commissioning_agreements SET status = $3, signed_on = coalesce($5::date, signed_on), closing_reasons = CASE WHEN $6 = '' THEN closing_reasons ELSE $6 END,
         version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $4 RETURNING id`,
      [m, id, status, version, signedOn, reasons],
    );
    return rows.length === 1;
  },
  /** Any change to what hangs on the agreement (a request, an answer): one version further, at the version read. */
  async touch(sql: Sql, m: string, id: string, version: number): Promise<boolean> {
    const rows = await sql.query('UPDATE commissioning_agreements SET version = version + 1, updated_at = now() WHERE municipality_id = $1 AND id = $2 AND version = $3 RETURNING id', [m, id, version]);
    return rows.length === 1;
  },
};

export const terms = {
  async list(sql: Sql, m: string, agreementId: string): Promise<TermsVersion[]> {
    return sql.query('SELECT number, kind, schedule, cost_lines, reasons, accepted_at FROM commissioning_agreement_versions WHERE municipality_id = $1 AND agreement_id = $2 ORDER BY number', [m, agreementId]);
  },
  async insert(sql: Sql, m: string, agreementId: string, kind: 'offer' | ChangeKind, t: { schedule: ScheduleRow[]; cost_lines: CostLine[] }, reasons: string, by: string | null, at?: Date): Promise<number> {
    const [row] = await sql.query<{ number: number }>(
      `INSERT INTO commissioning_agreement_versions (municipality_id, agreement_id, number, kind, schedule, cost_lines, reasons, accepted_by, accepted_at)
       VALUES ($1, $2, (SELECT coalesce(max(number), 0) + 1 FROM commissioning_agreement_versions WHERE municipality_id = $1 AND agreement_id = $2), $3, $4::jsonb, $5::jsonb, $6, $7, coalesce($8::timestamptz, now()))
       RETURNING number`,
      [m, agreementId, kind, JSON.stringify(t.schedule), JSON.stringify(t.cost_lines), reasons, by, at ?? null],
    );
    return row!.number;
  },
};

export const changes = {
  async list(sql: Sql, m: string, agreementId: string): Promise<ChangeRequest[]> {
    return sql.query(
      'SELECT id, kind, schedule, cost_lines, reasons, status, requested_by, requested_at, decided_at, answer FROM commissioning_change_requests WHERE municipality_id = $1 AND agreement_id = $2 ORDER BY requested_at DESC, id',
      [m, agreementId],
    );
  },
  async insert(sql: Sql, m: string, agreementId: string, kind: ChangeKind, t: { schedule: ScheduleRow[]; cost_lines: CostLine[] }, reasons: string, by: string | null, at?: Date): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO commissioning_change_requests (municipality_id, agreement_id, kind, schedule, cost_lines, reasons, requested_by, requested_at)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, coalesce($8::timestamptz, now())) RETURNING id`,
      [m, agreementId, kind, JSON.stringify(t.schedule), JSON.stringify(t.cost_lines), reasons, by, at ?? null],
    );
    return row!.id;
  },
  async decide(sql: Sql, m: string, id: string, status: 'accepted' | 'refused', answer: string, by: string | null, at?: Date): Promise<boolean> {
    const rows = await sql.query(
      "UPDATE commissioning_change_requests SET status = $3, answer = $4, decided_by = $5, decided_at = coalesce($6::timestamptz, now()) WHERE municipality_id = $1 AND id = $2 AND status = 'pending' RETURNING id",
      [m, id, status, answer, by, at ?? null],
    );
    return rows.length === 1;
  },
};

export const reports = {
  async find(sql: Sql, m: string, id: string, lock = false): Promise<ReportRow | undefined> {
    const [row] = await sql.query<ReportRow>(`SELECT ${REPORT} FROM commissioning_reports r WHERE r.municipality_id = $1 AND r.id = $2${lock ? ' FOR UPDATE' : ''}`, [m, id]);
    return row;
  },
  async ofAgreement(sql: Sql, m: string, agreementId: string): Promise<ReportRow[]> {
    return sql.query(`SELECT ${REPORT} FROM commissioning_reports r WHERE r.municipality_id = $1 AND r.agreement_id = $2 ORDER BY r.created_at, r.id`, [m, agreementId]);
  },
  async insert(sql: Sql, m: string, agreementId: string, kind: ReportKind, by: string | null): Promise<string> {
    const [row] = await sql.query<{ id: string }>('INSERT INTO commissioning_reports (municipality_id, agreement_id, kind, created_by) VALUES ($1, $2, $3, $4) RETURNING id', [m, agreementId, kind, by]);
    return row!.id;
  },
  async save(sql: Sql, m: string, id: string, r: { done: string; results: string; expenses: CostLine[] }, version: number): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE commissioning_reports SET done = $3, results = $4, expenses = $5::jsonb, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $6 AND status IN ('draft', 'returned') RETURNING id`,
      [m, id, r.done, r.results, JSON.stringify(r.expenses), version],
    );
    return rows.length === 1;
  },
  async setStatus(sql: Sql, m: string, id: string, status: ReportStatus, version: number, review?: { remarks: string; by: string | null; at?: Date }): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE commissioning_reports SET status = $3, version = version + 1, updated_at = now(),
         remarks = CASE WHEN $5 THEN $6 ELSE remarks END, reviewed_by = CASE WHEN $5 THEN $7::uuid ELSE reviewed_by END,
         reviewed_at = CASE WHEN $5 THEN coalesce($8::timestamptz, now()) ELSE reviewed_at END
       WHERE municipality_id = $1 AND id = $2 AND version = $4 RETURNING id`,
      [m, id, status, version, Boolean(review), review?.remarks ?? '', review?.by ?? null, review?.at ?? null],
    );
    return rows.length === 1;
  },
};

export const submissions = {
  async insert(sql: Sql, m: string, reportId: string, content: unknown, sha256: string, by: string | null, at?: Date): Promise<number> {
    const [row] = await sql.query<{ number: number }>(
      `INSERT INTO commissioning_report_submissions (municipality_id, report_id, number, content, sha256, submitted_by, submitted_at)
       VALUES ($1, $2, (SELECT coalesce(max(number), 0) + 1 FROM commissioning_report_submissions WHERE municipality_id = $1 AND report_id = $2), $3::jsonb, $4, $5, coalesce($6::timestamptz, now()))
       RETURNING number`,
      [m, reportId, JSON.stringify(content), sha256, by, at ?? null],
    );
    return row!.number;
  },
  async list(sql: Sql, m: string, reportId: string): Promise<{ number: number; sha256: string; submitted_at: Date; submitted_by: string | null; content: { done: string; results: string; expenses: CostLine[] } }[]> {
    return sql.query('SELECT number, sha256, submitted_at, submitted_by, content FROM commissioning_report_submissions WHERE municipality_id = $1 AND report_id = $2 ORDER BY number', [m, reportId]);
  },
};

/** Whether the user is on the committee of the call (the agreement's contents are theirs to read). */
export async function onCommittee(sql: Sql, m: string, callId: string, userId: string): Promise<boolean> {
  const rows = await sql.query('SELECT 1 FROM commissioning_committee_members WHERE municipality_id = $1 AND call_id = $2 AND user_id = $3', [m, callId, userId]);
  return rows.length > 0;
}

/** The start cards' counts: staff's reports and requests to answer and overdue reports; a member's reports due soon or overdue. */
export async function agreementCounts(sql: Sql, m: string, userId: string, today: string, warnUntil: string): Promise<{ toReview: number; overdue: number; mineDue: number; mineOverdue: number }> {
  // A signed agreement whose final report is neither submitted nor accepted, by the day its report is due (period_to + 30 days).
  const pending = `FROM commissioning_agreements a JOIN commissioning_offers o ON o.municipality_id = a.municipality_id AND o.id = a.offer_id
    WHERE a.municipality_id = $1 AND a.status = 'signed' AND NOT EXISTS (SELECT 1 FROM commissioning_reports r WHERE r.municipality_id = a.municipality_id AND r.agreement_id = a.id
      AND r.kind = 'final' AND r.status IN ('submitted', 'accepted'))`;
  const mine = 'AND EXISTS (SELECT 1 FROM organisation_members mm WHERE mm.municipality_id = o.municipality_id AND mm.organisation_id = o.organisation_id AND mm.user_id = $2)';
  const [row] = await sql.query<{ to_review: number; overdue: number; mine_due: number; mine_overdue: number }>(
    `SELECT (SELECT count(*)::int FROM commissioning_reports WHERE municipality_id = $1 AND status = 'submitted')
          + (SELECT count(*)::int FROM commissioning_change_requests WHERE municipality_id = $1 AND status = 'pending') AS to_review,
       (SELECT count(*)::int ${pending} AND a.period_to + 30 < $3::date) AS overdue,
       (SELECT count(*)::int ${pending} ${mine} AND a.period_to + 30 >= $3::date AND a.period_to + 30 <= $4::date) AS mine_due,
       (SELECT count(*)::int ${pending} ${mine} AND a.period_to + 30 < $3::date) AS mine_overdue`,
    [m, userId, today, warnUntil],
  );
  return { toReview: row?.to_review ?? 0, overdue: row?.overdue ?? 0, mineDue: row?.mine_due ?? 0, mineOverdue: row?.mine_overdue ?? 0 };
}
