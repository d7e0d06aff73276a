import type { Sql } from '../db/types';
import { translator } from '../i18n';
import { enqueue } from '../jobs/outbox';
import { MAIL_QUEUE } from '../mail/mailer';
import type { UserRow } from './repository';

export type AccountNotice = 'login_failures' | 'mfa_failures' | 'password_changed' | 'mfa_enabled' | 'mfa_replaced' | 'mfa_removed' | 'recovery_codes';

/**
 * Tells the owner by mail, in the caller's transaction, that something happened to their account,
 * with the way out if it was not them (a password reset).
 */
export async function tellOwner(sql: Sql, publicUrl: string, user: Pick<UserRow, 'email' | 'locale'>, notice: AccountNotice): Promise<void> {
  const { t } = translator(user.locale);
  await enqueue(sql, MAIL_QUEUE, {
    to: user.email,
    subject: t(`mail.${notice}.subject`),
    text: t(`mail.${notice}.body`, { link: `${publicUrl}/password/forgot` }),
  });
}
