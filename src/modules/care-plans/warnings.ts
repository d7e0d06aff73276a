import { ROLES, ROLE_PERMISSIONS } from '../../platform/auth/roles';
import { NO_CONTEXT, type Database, type Sql } from '../../platform/db/types';
import { translator, warsawDay } from '../../platform/i18n';
import { enqueue, schedulingTx } from '../../platform/jobs/outbox';
import { MAIL_QUEUE } from '../../platform/mail/mailer';
import { addDays, deadline, DUE_WARNING_DAYS, EXPIRY_WARNING_DAYS } from './domain';
import { planLink } from './mail';
import { accounts, warnings, type Warning, type WarnedMunicipality } from './repository-warnings';

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
  return schedulingTx(db, (sql) => warnings.schedule(sql, WARN_QUEUE, day, RUN_AT));
}

/** The warnings each person has not had yet, by person. */
async function newWarnings(sql: Sql, municipalityId: string, today: string): Promise<Map<string, Warning[]>> {
  const candidates = await warnings.candidates(sql, municipalityId, addDays(today, DUE_WARNING_DAYS), addDays(today, EXPIRY_WARNING_DAYS));
  const directors = await warnings.holdersOf(sql, municipalityId, APPROVER_ROLES);
  const fresh = new Map<string, Warning[]>();
  for (const w of candidates) {
    // Whoever answers for the case today: its coordinator now (after a handover, the new one) and the directors.
    for (const recipient of new Set([w.coordinator_id, ...directors])) {
      if (await warnings.record(sql, municipalityId, w, recipient)) fresh.set(recipient, [...(fresh.get(recipient) ?? []), w]);
    }
  }
  return fresh;
}

/** One municipality's warnings: returns how many deadlines were new to someone (each mailed to whoever had not had it). */
async function warnMunicipality(db: Database, m: WarnedMunicipality, publicUrl: string, today: string): Promise<number> {
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
  const list = await db.tx(NO_CONTEXT, (sql) => warnings.municipalities(sql));
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
