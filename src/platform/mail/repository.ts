import type { Sql } from '../db/types';
import type { MailAttachment, MailMessage } from './mailer';

/** The development mailbox (dev_mailbox): where mail lands without SMTP. */

export interface MailRow {
  id: number;
  to_address: string;
  subject: string;
  body_text: string;
  attachments: { filename: string; contentType: string }[];
  created_at: Date;
}

export const devMailbox = {
  async add(sql: Sql, m: MailMessage): Promise<void> {
    await sql.query('INSERT INTO dev_mailbox (to_address, subject, body_text, attachments) VALUES ($1, $2, $3, $4)', [
      m.to,
      m.subject,
      m.text,
      JSON.stringify(m.attachments ?? []),
    ]);
  },
  /** The 50 latest, newest first. */
  latest(sql: Sql): Promise<MailRow[]> {
    return sql.query<MailRow>('SELECT id, to_address, subject, body_text, attachments, created_at FROM dev_mailbox ORDER BY id DESC LIMIT 50');
  },
  async attachment(sql: Sql, id: number, index: number): Promise<MailAttachment | null> {
    const [row] = await sql.query<{ attachment: MailAttachment | null }>('SELECT attachments -> $2::int AS attachment FROM dev_mailbox WHERE id = $1', [id, index]);
    return row?.attachment ?? null;
  },
};
