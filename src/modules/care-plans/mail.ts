import type { Sql } from '../../platform/db/types';
import { translator, type MessageKey, type Params } from '../../platform/i18n';
import { enqueue } from '../../platform/jobs/outbox';
import { MAIL_QUEUE } from '../../platform/mail/mailer';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import type { CaseRow, PlanRow } from './domain';
import { accounts, type Account } from './repository-warnings';

/**
 * Mails of plans to staff, through the outbox (sent after commit), in each person's language (Polish
 * unless they chose English). They name the case by its number and link to the plan: no resident's
 * name or situation travels by mail.
 */

export const planLink = (publicUrl: string, m: Pick<MunicipalityRow, 'slug'>, caseId: string) => `${publicUrl}/${m.slug}/cases/${caseId}/plan`;

export async function sendMail(sql: Sql, to: Account, subject: MessageKey, body: MessageKey, params: Params): Promise<void> {
  const { t } = translator(to.locale === 'en' ? 'en' : 'pl');
  await enqueue(sql, MAIL_QUEUE, { to: to.email, subject: t(subject, params), text: t(body, params) });
}

/** The plan approved (to the case's coordinator) or returned with a note (to its author and the coordinator). */
export async function mailDecision(sql: Sql, publicUrl: string, m: MunicipalityRow, c: CaseRow, plan: PlanRow, d: { kind: 'approved' | 'returned'; note: string }): Promise<void> {
  const to = await accounts(sql, d.kind === 'approved' ? [c.coordinator_id] : [c.coordinator_id, plan.author_id]);
  const params = { number: c.number, revision: plan.revision, from: plan.valid_from, until: plan.valid_until, note: d.note, municipality: m.cus_name, link: planLink(publicUrl, m, c.id) };
  for (const account of to) await sendMail(sql, account, `mail.care_plan_${d.kind}.subject`, `mail.care_plan_${d.kind}.body`, params);
}
