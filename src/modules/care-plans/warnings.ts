import { ROLES, ROLE_PERMISSIONS } from '../../platform/auth/roles';
import { NO_CONTEXT, type Database, type Sql } from '../../platform/db/types';
import { translator, warsawDay } from '../../platform/i18n';
import { enqueue, schedulingTx } from '../../platform/jobs/outbox';
import { MAIL_QUEUE } from '../../platform/mail/mailer';
import { addDays, deadline, DUE_WARNING_DAYS, EXPIRY_WARNING_DAYS } from './domain';
import { accounts, planLink } from './mail';

/**
 * The daily deadline warnings (`care-plans.warn`): cases that need a plan and have none approved yet
 * whose 30-day deadline is within a week or past, and approved plans that expire within 30 days. The
 * coordinator (whoever it is when the job runs) and every director (holders of plans.approve) get one
 * mail each with what is new to them; a row of care_plan_warnings per deadline and person, written in
 * the same transaction as the mail, makes each warning reach each person once.
 *
 * Recurring without piling up: a job is keyed by its Warsaw day (a unique index on the jobs table), each
 * run first enqueues the next day's, and every start of the app makes sure today's exists — a restart,
 * or several instances, only meet the day's one job.
 */

export const WARN_QUEUE = 'care-plans.warn';
/** The wall-clock hour the warnings go out (Europe/Warsaw). */
const RUN_AT = '06:00';

const APPROVER_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('plans.approve'));

/** Enqueues the run of `day` (at 06:00 Warsaw, or now when that has passed) unless that day has one; true when it was added. */
export async function scheduleWarnings(db: Database, day: string = warsawDay()): Promise<boolean> {
  return schedulingTx(db, async (sql) => {
    const rows = await sql.query(
      `INSERT INTO jobs (queue, payload, run_at) VALUES ($1, $2, greatest(now(), ($3::date + $4::time) AT TIME ZONE 'Europe/Warsaw'))
       ON CONFLICT DO NOTHING RETURNING id`,
      [WARN_QUEUE, JSON.stringify({ day }), day, RUN_AT],
    );
    return rows.length === 1;
  });
}

interface Warning {
  case_id: string;
  number: string;
  coordinator_id: string;
  kind: 'plan_due' | 'plan_expiring';
  subject_id: string;
  day: string;
  revision: number | null;
}

/** The warnings each person has not had yet, by person. */
async function newWarnings(sql: Sql, municipalityId: string, today: string): Promise<Map<string, Warning[]>> {
  const candidates = await sql.query<Warning>(
    `SELECT c.id AS case_id, c.number, c.coordinator_id, 'plan_due' AS kind, c.id AS subject_id, c.plan_due_on AS day, NULL::int AS revision
       FROM cases c WHERE c.municipality_id = $1 AND c.status = 'open' AND c.needs_plan AND c.plan_due_on <= $2::date
        AND NOT EXISTS (SELECT 1 FROM care_plans p WHERE p.municipality_id = c.municipality_id AND p.case_id = c.id AND p.approved_at IS NOT NULL)
     UNION ALL
     SELECT c.id, c.number, c.coordinator_id, 'plan_expiring', p.id, p.valid_until, p.revision
       FROM care_plans p JOIN cases c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
      WHERE p.municipality_id = $1 AND p.status = 'approved' AND p.valid_until <= $3::date AND c.status = 'open'
     ORDER BY number, kind`,
    [municipalityId, addDays(today, DUE_WARNING_DAYS), addDays(today, EXPIRY_WARNING_DAYS)],
  );
  const directors = await sql.query<{ user_id: string }>('SELECT user_id FROM memberships WHERE municipality_id = $1 AND roles && $2::text[]', [municipalityId, APPROVER_ROLES]);
  const fresh = new Map<string, Warning[]>();
  for (const w of candidates) {
    // Whoever answers for the case today: its coordinator now (after a handover, the new one) and the directors.
    for (const recipient of new Set([w.coordinator_id, ...directors.map((d) => d.user_id)])) {
      const added = await sql.query(
        'INSERT INTO care_plan_warnings (municipality_id, case_id, kind, subject_id, recipient_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING kind',
        [municipalityId, w.case_id, w.kind, w.subject_id, recipient],
      );
      if (added.length) fresh.set(recipient, [...(fresh.get(recipient) ?? []), w]);
    }
  }
  return fresh;
}

/** One municipality's warnings: returns how many deadlines were new to someone (each mailed to whoever had not had it). */
async function warnMunicipality(db: Database, m: { id: string; slug: string; cus_name: string }, publicUrl: string, today: string): Promise<number> {
  return db.tx({ municipalityId: m.id, userId: null }, async (sql) => {
    const perPerson = await newWarnings(sql, m.id, today);
    if (perPerson.size === 0) return 0;
    for (const account of await accounts(sql, [...perPerson.keys()])) {
      const { t, date } = translator(account.locale === 'en' ? 'en' : 'pl');
      const lines = perPerson.get(account.id)!.map((w) => {
        const d = deadline(w.day, today);
        const when = d.overdue ? t('care_plan.deadline.overdue') : d.days === 0 ? t('care_plan.deadline.today') : t('care_plan.deadline.in_days', { count: d.days });
        const params = { number: w.number, date: date(w.day), when, revision: w.revision ?? 1, link: planLink(publicUrl, m, w.case_id) };
        return t(w.kind === 'plan_due' ? 'mail.care_plan_warnings.due' : 'mail.care_plan_warnings.expiring', params);
      });
      const params = { count: lines.length, municipality: m.cus_name, lines: lines.join('\n\n') };
      await enqueue(sql, MAIL_QUEUE, { to: account.email, subject: t('mail.care_plan_warnings.subject', params), text: t('mail.care_plan_warnings.body', params) });
    }
    return new Set([...perPerson.values()].flat().map((w) => `${w.kind}:${w.subject_id}`)).size;
  });
}

/** Every municipality's new warnings as of `now`; returns how many went out. */
export async function sendWarnings(db: Database, publicUrl: string, now: Date = new Date()): Promise<number> {
  const today = warsawDay(now);
  const list = await db.tx(NO_CONTEXT, (sql) => sql.query<{ id: string; slug: string; cus_name: string }>('SELECT id, slug, cus_name FROM municipalities ORDER BY id'));
  let sent = 0;
  for (const m of list) sent += await warnMunicipality(db, m, publicUrl, today);
  return sent;
}

/** The job: the next day's run is enqueued first (a run that keeps failing never stops the days after), then today's warnings. */
export async function warnJob(db: Database, publicUrl: string, payload: Record<string, unknown>): Promise<void> {
  const today = warsawDay();
  const day = typeof payload.day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(payload.day) ? payload.day : today;
  // A run late by days (the app was down) goes on from tomorrow, never in a catch-up chain.
  const next = addDays(day > today ? day : today, 1);
  await scheduleWarnings(db, next);
  await sendWarnings(db, publicUrl);
}
