import type { Sql } from '../../platform/db/types';
import { translator } from '../../platform/i18n';
import { enqueue } from '../../platform/jobs/outbox';
import { MAIL_QUEUE } from '../../platform/mail/mailer';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import type { RelyingReferral } from './repository-consents';

/**
 * Tells the coordinator of each open referral that relied on a consent the resident has withdrawn,
 * through the outbox (sent after commit), in the coordinator's language. The mail names the case by
 * its number and links to it; no personal data travels by mail.
 */
export async function mailConsentWithdrawn(sql: Sql, publicUrl: string, municipality: MunicipalityRow, recipient: string, referrals: RelyingReferral[]): Promise<void> {
  for (const r of referrals) {
    const { t } = translator(r.coordinator_locale === 'en' ? 'en' : 'pl');
    const params = {
      number: r.case_number,
      service: r.service_label,
      provider: r.provider || recipient,
      recipient,
      municipality: municipality.cus_name,
      link: `${publicUrl}/${municipality.slug}/cases/${r.case_id}`,
    };
    await enqueue(sql, MAIL_QUEUE, { to: r.coordinator_email, subject: t('mail.consent_withdrawn.subject', params), text: t('mail.consent_withdrawn.body', params) });
  }
}
