import type { Sql } from '../../platform/db/types';
import { translator, type MessageKey } from '../../platform/i18n';
import { enqueue } from '../../platform/jobs/outbox';
import { MAIL_QUEUE } from '../../platform/mail/mailer';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import type { ApplicationRow, Status } from './domain';
import { applications } from './repository';

/**
 * Tells the applicant of a change of their application, through the outbox (sent after commit):
 * to their account's address in their language, or to the contact address given to staff, in Polish.
 * The mail names the service, the new status and the reason, and links to "Moje wnioski" — no
 * description of the need travels by mail.
 */
export async function mailStatusChange(
  sql: Sql,
  publicUrl: string,
  municipality: MunicipalityRow,
  a: Pick<ApplicationRow, 'applicant_id' | 'contact_email' | 'service_name'>,
  change: { status: Status | 'submitted'; reason: string; position: number | null; unit?: string },
): Promise<void> {
  const account = a.applicant_id ? await applications.applicantAccount(sql, a.applicant_id) : undefined;
  const to = account?.email ?? a.contact_email;
  if (!to) return;
  const { t } = translator(account?.locale === 'en' ? 'en' : 'pl');
  const params = {
    service: a.service_name,
    municipality: municipality.cus_name,
    reason: change.reason || '—',
    position: change.position ?? 0,
    unit: change.unit ?? '',
    link: account ? `${publicUrl}/${municipality.slug}/applications/mine` : '',
  };
  const kind = change.status;
  await enqueue(sql, MAIL_QUEUE, {
    to,
    subject: t(`mail.application_${kind}.subject` as MessageKey, params),
    text: t(`mail.application_${kind}.body` as MessageKey, params) + (params.link ? `\n\n${t('mail.application.link', params)}` : ''),
  });
}
