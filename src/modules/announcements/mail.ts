import { translator } from '../../platform/i18n';
import type { MailMessage } from '../../platform/mail/mailer';
import type { CategoryRow } from './domain';

interface LinkDeps {
  publicUrl: string;
}
type Municipality = { slug: string; name: string; cus_name: string };

/** RFC 8058: one click in the mail client unsubscribes (a POST to the same link, no log-in, no CSRF token). */
const listHeaders = (unsubscribe: string): Record<string, string> => ({ 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });

/** The language of a mail to an address: English if the account of that address is in English, Polish otherwise. */
export type MailLocale = 'pl' | 'en';

/** The double opt-in mail: nothing more is sent to the address until its link is followed. */
export function confirmationMail(deps: LinkDeps, m: Municipality, to: string, chosen: CategoryRow[], token: string, unsubscribe: string, locale: MailLocale = 'pl'): MailMessage {
  const { t } = translator(locale);
  const params = { municipality: m.cus_name, categories: chosen.map((c) => c.name).join(', '), link: `${deps.publicUrl}/${m.slug}/ogloszenia/subskrypcja/potwierdz/${token}`, unsubscribe };
  return { to, subject: t('announcements.mail.confirm.subject', params), text: t('announcements.mail.confirm.body', params), headers: listHeaders(unsubscribe) };
}

/** A new announcement to one subscriber: title, lead, the permanent link, and the way out. */
export function announcementMail(deps: LinkDeps, m: Municipality, a: { number: number; title: string; lead: string }, to: string, unsubscribe: string, locale: MailLocale = 'pl'): MailMessage {
  const { t } = translator(locale);
  const params = { municipality: m.cus_name, title: a.title, lead: a.lead, link: `${deps.publicUrl}/${m.slug}/ogloszenia/${a.number}`, unsubscribe };
  return { to, subject: t('announcements.mail.new.subject', params), text: t('announcements.mail.new.body', params), headers: listHeaders(unsubscribe) };
}
