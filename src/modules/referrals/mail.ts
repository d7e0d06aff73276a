import type { Sql } from '../../platform/db/types';
import { translator, type MessageKey } from '../../platform/i18n';
import { enqueue } from '../../platform/jobs/outbox';
import { MAIL_QUEUE } from '../../platform/mail/mailer';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import type { ProviderRef, Status } from './domain';
import { casePath, inboxPath } from './provider';
import { providers, type Account } from './repository-providers';

/**
 * Mail through the outbox (sent after commit). Nothing of the resident travels by mail — no name,
 * no shared details: the service, the provider, the status, and a link to the page behind a log-in.
 */

const t = (a: Account) => translator(a.locale === 'en' ? 'en' : 'pl').t;

/** The provider's members hear of a new referral in their inbox. */
export async function mailNewReferral(sql: Sql, publicUrl: string, m: MunicipalityRow, p: ProviderRef, r: { id: string; service: string; provider: string; respondBy: string }): Promise<void> {
  const link = `${publicUrl}${inboxPath(m.slug, p)}/${r.id}`;
  for (const account of await providers.memberAccounts(sql, m.id, p)) {
    const params = { service: r.service, provider: r.provider, municipality: m.cus_name, day: r.respondBy, link };
    await enqueue(sql, MAIL_QUEUE, { to: account.email, subject: t(account)('referrals.mail.new.subject', params), text: t(account)('referrals.mail.new.body', params) });
  }
}

/** The case's coordinator hears that the provider accepted, rejected or completed a referral (the reason or outcome is on the page). */
export async function mailCoordinator(
  sql: Sql,
  publicUrl: string,
  m: MunicipalityRow,
  r: { id: string; case_id: string; case_number: string; coordinator_id: string; service_label: string; provider_name: string },
  status: Extract<Status, 'accepted' | 'rejected' | 'completed'>,
): Promise<void> {
  const account = await providers.account(sql, r.coordinator_id);
  if (!account) return;
  const params = { service: r.service_label, provider: r.provider_name, case: r.case_number, link: `${publicUrl}${casePath(m.slug, r.case_id)}/${r.id}` };
  await enqueue(sql, MAIL_QUEUE, {
    to: account.email,
    subject: t(account)(`referrals.mail.${status}.subject` as MessageKey, params),
    text: t(account)(`referrals.mail.${status}.body` as MessageKey, params),
  });
}
