import crypto from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** RFC 6238 TOTP, SHA-1, 6 digits, 30 s: what Aegis, FreeOTP, Google and Microsoft Authenticator expect. */
const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: 'Wspólnota', label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

export function totpUri(secretBase32: string, label: string): string {
  return totp(secretBase32, label).toString();
}

/**
 * Checks a code within ±1 period and returns its time step, or null. The caller stores the step and
 * refuses a step at or below the last one used, so a code cannot be replayed.
 */
export function verifyTotp(secretBase32: string, code: string, now = Date.now()): number | null {
  const clean = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(clean)) return null;
  const delta = totp(secretBase32, 'x').validate({ token: clean, timestamp: now, window: 1 });
  if (delta === null) return null;
  return Math.floor(now / 1000 / PERIOD) + delta;
}

export function totpCode(secretBase32: string, now = Date.now()): string {
  return totp(secretBase32, 'x').generate({ timestamp: now });
}

/** TOTP secrets are kept encrypted at rest (AES-256-GCM under a key derived from APP_SECRET). */
export class SecretBox {
  private readonly key: Buffer;
  constructor(appSecret: string) {
    this.key = crypto.createHash('sha256').update('wspolnota:totp:' + appSecret).digest();
  }
  seal(plain: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
  }
  open(sealed: string): string {
    const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
    if (!iv || !tag || !body) throw new Error('malformed sealed secret');
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }
}
