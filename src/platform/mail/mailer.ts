import nodemailer from 'nodemailer';
import type { Database } from '../db/types';
import { NO_CONTEXT } from '../db/types';
import { sealQueue } from '../jobs/outbox';
import { devMailbox } from './repository';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Small text attachments, such as an invitation's iCalendar file. */
  attachments?: MailAttachment[];
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) of a mailing list's mail. */
  headers?: Record<string, string>;
}

export interface Mailer {
  readonly kind: 'smtp' | 'dev-mailbox';
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** SMTP when SMTP_URL is set (nodemailer); otherwise mail lands in the development mailbox page. */
export function createMailer(opts: { smtpUrl: string | undefined; from: string; db: Database }): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      kind: 'smtp',
      async send(m) {
        await transport.sendMail({ from: opts.from, to: m.to, subject: m.subject, text: m.text, attachments: m.attachments, headers: m.headers });
      },
      close: () => transport.close(),
    };
  }
  return {
    kind: 'dev-mailbox',
    async send(m) {
      await opts.db.tx(NO_CONTEXT, (sql) => devMailbox.add(sql, m));
    },
    close: () => undefined,
  };
}

export const MAIL_QUEUE = 'mail.send';
// A mail's text holds live links (password reset, invitations) and personal data: sealed in the
// outbox, opened only when it is sent. The recipient stays readable.
sealQueue(MAIL_QUEUE, ['to']);
