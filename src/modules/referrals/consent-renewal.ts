import type { Sql } from '../../platform/db/types';
import { validationError } from '../../platform/http/errors';
import { translator, type MessageKey } from '../../platform/i18n';
import { warsawDay } from '../../platform/time';
import { enqueue } from '../../platform/jobs/outbox';
import { MAIL_QUEUE } from '../../platform/mail/mailer';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import type { ProviderRef } from './domain';
import type { ConsentStatement } from './form';
import { sources, type ConsentRow } from './repository-sources';

/**
 * A consent the resident withdrew is theirs to give again. Staff record one anew for the same
 * recipient only with the resident's new statement — what they agreed to, on which day, how it was
 * given in person — kept in the consent row, flagged to the auditor, and told to the resident by mail
 * (the consent also shows in "Moje zgody", where it can be withdrawn again).
 */

/** The latest consent to share with this provider that the resident withdrew, if any. */
export function withdrawnConsentFor(consents: ConsentRow[], p: ProviderRef): ConsentRow | undefined {
  const mine = consents.filter((c) => c.withdrawn_at !== null && (p.kind === 'unit' ? c.recipient_unit_id === p.id : c.recipient_organisation_id === p.id));
  return mine.sort((a, b) => new Date(b.withdrawn_at!).getTime() - new Date(a.withdrawn_at!).getTime())[0];
}

/** The statement a renewed consent needs, given after the withdrawal (field errors otherwise). */
export function requireStatement(statement: ConsentStatement | null, withdrawn: ConsentRow, provider: string): ConsentStatement {
  const day = warsawDay(new Date(withdrawn.withdrawn_at!));
  if (!statement) throw validationError({ consent_statement: { code: 'referral_consent_renewal_required', params: { provider, day } } });
  if (statement.givenOn < day) throw validationError({ consent_given_on: { code: 'referral_consent_given_before_withdrawal', params: { day } } });
  return statement;
}

/** The resident hears that staff recorded a new consent in their name, with a link to withdraw it. */
export async function mailConsentRenewed(
  sql: Sql,
  publicUrl: string,
  m: MunicipalityRow,
  r: { applicationId: string; caseId: string; recipient: string; staffId: string; statement: ConsentStatement },
): Promise<void> {
  const account = await sources.consentGiver(sql, m.id, r.applicationId, r.caseId);
  if (!account) return;
  const { t, date } = translator(account.locale === 'en' ? 'en' : 'pl');
  const params = {
    staff: await sources.displayName(sql, r.staffId),
    recipient: r.recipient,
    day: date(r.statement.givenOn),
    manner: t(`referrals.consent_manner.${r.statement.manner}` as MessageKey),
    link: `${publicUrl}/${m.slug}/my/consents`,
    municipality: m.cus_name,
  };
  await enqueue(sql, MAIL_QUEUE, { to: account.email, subject: t('referrals.mail.consent_renewed.subject', params), text: t('referrals.mail.consent_renewed.body', params) });
}
