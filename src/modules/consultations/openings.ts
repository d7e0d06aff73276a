import { NO_CONTEXT } from '../../platform/db/types';
import { translator } from '../../platform/i18n';
import { enqueue } from '../../platform/jobs/outbox';
import { MAIL_QUEUE } from '../../platform/mail/mailer';
import { openings } from './repository';
import type { ConsultationsDeps } from './service';

/** The sweep that announces consultations at their opening to the organisations whose spheres match. */
export const OPENINGS_QUEUE = 'consultations.openings';
/** Every 5 minutes, once whatever the instances (the kernel's scheduler). */
export const OPENINGS_SCHEDULE = { name: 'consultations.openings', queue: OPENINGS_QUEUE, everyMs: 5 * 60_000 } as const;

/**
 * One municipality's consultations whose opening has come: each claimed once (marked in the same UPDATE,
 * so two instances never announce one twice), then one mail job per contact address of a verified
 * organisation working in any of its spheres — all in one transaction, so a claim without its mails
 * never commits. A consultation with no spheres, or already closed, is claimed and mails nobody.
 * Then the open ones whose spheres staff widened after the opening: the organisations of the new
 * spheres not mailed yet (claimed once the same way). Each mail in the recipient's language (the
 * account of that address; Polish by default). Returns the mails queued.
 */
export async function announceOpenings(deps: ConsultationsDeps, m: { id: string; slug: string; cus_name: string }): Promise<number> {
  return deps.db.tx({ municipalityId: m.id, userId: null }, async (sql) => {
    let queued = 0;
    const mail = async (c: { id: string; subject: string; opens_at: Date; closes_at: Date }, to: { email: string; locale: 'pl' | 'en' }[]) => {
      for (const o of to) {
        const i18n = translator(o.locale === 'en' ? 'en' : 'pl');
        const params = { subject: c.subject, from: i18n.dateTime(c.opens_at), to: i18n.dateTime(c.closes_at), link: `${deps.publicUrl}/${m.slug}/consultations/${c.id}`, municipality: m.cus_name };
        await enqueue(sql, MAIL_QUEUE, { to: o.email, subject: i18n.t('consultations.mail.opened.subject', params), text: i18n.t('consultations.mail.opened.body', params) });
        queued++;
      }
    };
    for (const c of await openings.claim(sql, m.id)) {
      if (c.spheres.length === 0 || c.closes_at <= new Date()) continue;
      await mail(c, await openings.organisationsIn(sql, m.id, c.spheres));
    }
    for (const c of await openings.claimAddedSpheres(sql, m.id)) {
      const added = c.spheres.filter((s) => !c.mailed.includes(s));
      if (added.length) await mail(c, await openings.organisationsIn(sql, m.id, added, c.mailed));
    }
    return queued;
  });
}

/** The sweep over every municipality (or one: a job queued when staff widened an open consultation's spheres). */
export async function sweepOpenings(deps: ConsultationsDeps, municipalityId?: string): Promise<number> {
  const list = (await deps.db.tx(NO_CONTEXT, (sql) => openings.municipalities(sql))).filter((m) => !municipalityId || m.id === municipalityId);
  let queued = 0;
  for (const m of list) queued += await announceOpenings(deps, m);
  return queued;
}
