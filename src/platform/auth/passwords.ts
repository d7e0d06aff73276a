import { hash, verify } from '@node-rs/argon2';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const ARGON2_ID = 2; // Algorithm.Argon2id (a const enum, not importable under verbatimModuleSyntax)
const ARGON2 = { algorithm: ARGON2_ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when no account exists, so timing tells nothing. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-' + Math.random());
  return dummyHash;
}

/** The dictionaries are large: loaded on the first password check, not at start-up. */
let estimator: Promise<ZxcvbnFactory> | undefined;
function strength(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, polish] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-pl'),
    ]);
    return new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...polish.dictionary }, graphs: common.adjacencyGraphs });
  })();
  return estimator;
}

/**
 * Why a new password is refused, or null when it is fine: too short, or guessable (common and
 * leaked passwords, keyboard walks, dates, names — zxcvbn with Polish and common dictionaries).
 */
export async function passwordProblem(password: string, userInputs: string[] = []): Promise<'too_short' | 'password_weak' | 'password_contains_email' | null> {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too_short';
  const lower = password.toLowerCase();
  if (userInputs.some((input) => input.length >= 4 && lower.includes(input.toLowerCase()))) return 'password_contains_email';
  return (await strength()).check(password, userInputs).score >= 3 ? null : 'password_weak';
}
