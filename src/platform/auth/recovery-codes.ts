import { Secret } from 'otpauth';
import { hashToken } from './tokens';

export const RECOVERY_CODE_COUNT = 10;

/** Ten codes of 80 random bits each, written as four groups of base32 ("abcd-efgh-ijkl-mnop"). */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => new Secret({ size: 10 }).base32.toLowerCase().replace(/(.{4})(?!$)/g, '$1-'));
  return { codes, hashes: codes.map((c) => recoveryCodeHash(c)!) };
}

/**
 * The stored hash of what was typed, when it has the shape of a recovery code (case, spaces and
 * dashes do not matter), or null (then it is a TOTP code or nothing). 80 random bits need no slow hash.
 */
export function recoveryCodeHash(input: string): string | null {
  const clean = input.replace(/[\s-]+/g, '').toLowerCase();
  return /^[a-z2-7]{16}$/.test(clean) ? hashToken(`recovery:${clean}`) : null;
}
