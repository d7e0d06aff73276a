import type { FastifyInstance } from 'fastify';
import { DEVELOPMENT } from '../auth/access';
import type { Database } from '../db/types';
import { NO_CONTEXT } from '../db/types';
import { Layout } from '../ui/layout';
import { AppError } from '../http/errors';
import { devMailbox } from './repository';

/** Without SMTP, mail lands here: the demo's way to see confirmation and reset links. */
export async function devMailboxRoutes(app: FastifyInstance, opts: { db: Database }) {
  await attachmentRoute(app, opts.db);
  app.get('/dev/mail', { config: { access: DEVELOPMENT } }, async (request, reply) => {
    const mails = await opts.db.tx(NO_CONTEXT, (sql) => devMailbox.latest(sql));
    const { t, dateTime } = request.i18n;
    return reply.page((ctx) => (
      <Layout ctx={ctx} title={t('mailbox.title')}>
        <h1>{t('mailbox.title')}</h1>
        <p>{t('mailbox.intro')}</p>
        {mails.length === 0 ? <p>{t('mailbox.empty')}</p> : null}
        {mails.map((m) => (
          <article class="mail" aria-labelledby={`mail-${m.id}`}>
            <h2 id={`mail-${m.id}`}>{m.subject}</h2>
            <p class="muted">
              {t('mailbox.to', { to: m.to_address })} · <time dateTime={new Date(m.created_at).toISOString()}>{dateTime(m.created_at)}</time>
            </p>
            <pre class="mail-body">{linkify(m.body_text)}</pre>
            {m.attachments.length > 0 ? (
              <p>
                {t('mailbox.attachments')}{' '}
                {m.attachments.map((a, i) => (
                  <a href={`/dev/mail/${m.id}/attachments/${i}`} download={a.filename}>
                    {a.filename}
                  </a>
                ))}
              </p>
            ) : null}
          </article>
        ))}
      </Layout>
    ));
  });
}

async function attachmentRoute(app: FastifyInstance, db: Database) {
  app.get<{ Params: { id: string; index: string } }>('/dev/mail/:id/attachments/:index', { config: { access: DEVELOPMENT } }, async (request, reply) => {
    const id = Number(request.params.id);
    const index = Number(request.params.index);
    if (!Number.isSafeInteger(id) || !Number.isSafeInteger(index) || index < 0) throw new AppError('not_found');
    const attachment = await db.tx(NO_CONTEXT, (sql) => devMailbox.attachment(sql, id, index));
    if (!attachment) throw new AppError('not_found');
    return reply
      .header('content-type', attachment.contentType)
      .header('content-disposition', `attachment; filename="${attachment.filename.replace(/[^\w.-]/g, '_')}"`)
      .send(attachment.content);
  });
}

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part) => (/^https?:\/\//.test(part) ? <a href={part}>{part}</a> : part));
}
