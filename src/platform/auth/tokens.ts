import crypto from 'node:crypto';

/** A URL-safe random token (256 bits) and the hash we store instead of it. */
export function newToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** A key for one purpose, derived from the app secret (HKDF), so that purposes never share a key. */
export function derivedKey(appSecret: string, purpose: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', appSecret, 'wspolnota', purpose, 32));
}

/** A token that can be made again from the same key and subject (an invitation's id), and its stored hash. */
export function subjectToken(key: Buffer, subject: string): { token: string; hash: string } {
  const token = crypto.createHmac('sha256', key).update(subject).digest('base64url');
  return { token, hash: hashToken(token) };
}
