import { rolesWith } from '../../platform/auth/roles';
import { NO_CONTEXT, type Database, type Sql } from '../../platform/db/types';
import { translator } from '../../platform/i18n';
import { enqueue } from '../../platform/jobs/outbox';
import type { Schedule } from '../../platform/jobs/scheduler';
import { addDays, warsawDay } from '../../platform/time';
import { MAIL_QUEUE } from '../../platform/mail/mailer';
import { deadline, DUE_WARNING_DAYS, EXPIRY_WARNING_DAYS } from './domain';
import { planLink } from './mail';
import { accounts, warnings, type Warning, type WarnedMunicipality } from './repository-warnings';

/**
 * The daily deadline warnings (`care-plans.warn`): cases that need a plan and have none approved yet
 * whose 30-day deadline is within a week or past, and approved plans that expire within 30 days. The
 * coordinator (whoever it is when the job runs) and every director (holders of plans.approve) get one
 * mail each with what is new to them; a row of care_plan_warnings per deadline and person, written in
 * the same transaction as the mail, makes each warning reach each person once.
 *
 * Daily at 06:00 Warsaw by the kernel's scheduler (`WARN_SCHEDULE`): one run a day, whatever the
 * restarts or the number of instances.
 */

export const WARN_QUEUE = 'care-plans.warn';
/** The warnings go out before the working day starts. */
export const WARN_SCHEDULE: Schedule = { name: 'care-plans.warnings', queue: WARN_QUEUE, dailyAt: '06:00' };

/** The warnings each person has not had yet, by person. */
async function newWarnings(sql: Sql, municipalityId: string, today: string): Promise<Map<string, Warning[]>> {
  const candidates = await warnings.candidates(sql, municipalityId, addDays(today, DUE_WARNING_DAYS), addDays(today, EXPIRY_WARNING_DAYS));
  const directors = await warnings.holdersOf(sql, municipalityId, rolesWith('plans.approve'));
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
