import crypto from 'node:crypto';

/**
 * A payload kept sealed at rest: AES-256-GCM under a key derived from APP_SECRET (HKDF, purpose
 * "outbox"), the queue as associated data (a sealed mail cannot be replayed as another job). Fields
 * named in `clear` stay readable beside it (a mail's recipient, for looking into what went where).
 */
export function sealPayload(key: Buffer, queue: string, payload: Record<string, unknown>, clear: readonly string[]): Record<string, unknown> {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(queue));
  const body = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  const sealed = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
  const open = Object.fromEntries(clear.filter((f) => f in payload).map((f) => [f, payload[f]]));
  return { ...open, sealed };
}

/** The payload as enqueued; one stored before sealing began (no `sealed`) is returned as it is. */
export function openPayload(key: Buffer, queue: string, stored: Record<string, unknown>): Record<string, unknown> {
  if (typeof stored.sealed !== 'string') return stored;
  const [iv, tag, body] = stored.sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !body) throw new Error('malformed sealed payload');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(queue));
  decipher.setAuthTag(tag);
  return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')) as Record<string, unknown>;
}
