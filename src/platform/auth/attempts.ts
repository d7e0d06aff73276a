import type { AuditActor } from '../audit/audit';
import { auditPlatform } from '../audit/audit';
import type { Database, Sql } from '../db/types';
import { NO_CONTEXT } from '../db/types';
import { AppError, validationError } from '../http/errors';
import { tellOwner } from './notify';
import { verifyPassword } from './passwords';
import { recoveryCodeHash } from './recovery-codes';
import { loginThrottle, recoveryCodes, sessions, users, type UserRow } from './repository';
import { LOGIN_FREE_FAILURES, LOGIN_NOTIFY_FAILURES, MFA_FREE_FAILURES, MFA_SESSION_MAX_FAILURES, delaySeconds, sourceOf } from './throttle';
import { verifyTotp, type SecretBox } from './totp';
import { rateLimitHits } from '../http/repository-rate-limits';
import type { JobHandler } from '../jobs/outbox';
import type { Schedule } from '../jobs/scheduler';

interface AttemptDeps {
  db: Database;
  publicUrl: string;
  secretBox: SecretBox;
}

/** Refuses while the (address, source) pair waits out its delay, without looking at the password. */
export async function assertPasswordNotThrottled(deps: AttemptDeps, email: string, actor: AuditActor): Promise<void> {
  const seconds = await deps.db.tx(NO_CONTEXT, (sql) => loginThrottle.blockedSeconds(sql, email, sourceOf(actor.ip)));
  if (seconds > 0) throw new AppError('auth.locked', { params: { seconds } });
}

/**
 * A wrong password (or an unknown address), in a transaction of its own that commits: counted for
 * its source (growing delays), counted for the address (the owner is told of repeated failures), audited.
 */
export async function recordPasswordFailure(deps: AttemptDeps, email: string, user: UserRow | undefined, actor: AuditActor): Promise<void> {
  const source = sourceOf(actor.ip);
  await deps.db.tx(NO_CONTEXT, async (sql) => {
    const failures = await loginThrottle.fail(sql, email, source);
    const delay = delaySeconds(failures, LOGIN_FREE_FAILURES);
    if (delay > 0) await loginThrottle.block(sql, email, source, delay);
    if ((await loginThrottle.failForAccount(sql, email, LOGIN_NOTIFY_FAILURES)) && user) await tellOwner(sql, deps.publicUrl, user, 'login_failures');
    await auditPlatform(sql, { ...actor, userId: user?.id ?? null, label: email }, { action: 'auth.login_failed', details: { source, failures } });
  });
}

/** The password part of a step-up (changing the password or the second factor): throttled and counted like a log-in. */
export async function checkCurrentPassword(deps: AttemptDeps, user: UserRow, password: string, actor: AuditActor): Promise<void> {
  await assertPasswordNotThrottled(deps, user.email, actor);
  if (await verifyPassword(user.password_hash, password)) return;
  await recordPasswordFailure(deps, user.email, user, actor);
  throw validationError({ current_password: { code: 'password_wrong' } });
}

export type CodeCheck = { kind: 'ok'; used: 'totp' | 'recovery'; user: UserRow } | { kind: 'throttled'; seconds: number } | { kind: 'failed'; sessionEnded: boolean };

/**
 * Checks a second-factor answer — a TOTP code (its time step is spent: no replay) or one of the
 * account's recovery codes (spent) — in the caller's transaction, which must commit whatever the
 * answer: a failure is counted for the account (growing delays from the fifth) and for the session
 * (it ends at the twentieth) and audited. The account's row is locked first, so attempts made at
 * the same moment from many sessions are counted one after another, never all let through.
 */
export async function checkSecondFactor(sql: Sql, deps: AttemptDeps, userId: string, sessionTokenHash: string, code: string, actor: AuditActor): Promise<CodeCheck> {
  const locked = await users.lockForMfa(sql, userId);
  if (!locked) throw new AppError('auth.required');
  const { user, blockedSeconds } = locked;
  const who = { ...actor, userId: user.id, label: user.email };
  if (blockedSeconds > 0) {
    await auditPlatform(sql, who, { action: 'auth.mfa_throttled', details: { seconds: blockedSeconds } });
    return { kind: 'throttled', seconds: blockedSeconds };
  }
  const used = await spend(sql, deps, user, code);
  if (used) {
    await users.mfaClear(sql, user.id);
    if (used === 'recovery') await auditPlatform(sql, who, { action: 'auth.recovery_code_used', details: { left: await recoveryCodes.unusedCount(sql, user.id) } });
    return { kind: 'ok', used, user };
  }
  const failures = await users.mfaFail(sql, user.id);
  const delay = delaySeconds(failures, MFA_FREE_FAILURES);
  if (delay > 0) await users.mfaBlock(sql, user.id, delay);
  // Wrong codes after a right password: someone may know it. The owner hears of it once per series.
  if (failures === MFA_FREE_FAILURES) await tellOwner(sql, deps.publicUrl, user, 'mfa_failures');
  const sessionFailures = await sessions.mfaFail(sql, sessionTokenHash);
  const sessionEnded = sessionFailures >= MFA_SESSION_MAX_FAILURES;
  if (sessionEnded) await sessions.delete(sql, sessionTokenHash);
  await auditPlatform(sql, who, { action: 'auth.mfa_failed', details: { failures, sessionFailures, sessionEnded } });
  return { kind: 'failed', sessionEnded };
}

async function spend(sql: Sql, deps: AttemptDeps, user: UserRow, code: string): Promise<'totp' | 'recovery' | null> {
  const recovery = recoveryCodeHash(code);
  if (recovery) return (await recoveryCodes.use(sql, user.id, recovery)) ? 'recovery' : null;
  const secret = user.totp_secret_enc ? deps.secretBox.open(user.totp_secret_enc) : null;
  const step = secret ? verifyTotp(secret, code) : null;
  return step !== null && (await users.useTotpStep(sql, user.id, step)) ? 'totp' : null;
}

/** The error for a check that did not pass, on the form field that carried the code. */
export function refusal(check: Exclude<CodeCheck, { kind: 'ok' }>, field: string): AppError {
  if (check.kind === 'throttled') return new AppError('auth.mfa_throttled', { params: { seconds: check.seconds } });
  if (check.sessionEnded) return new AppError('auth.mfa_attempts_exhausted');
  return validationError({ [field]: { code: 'totp_invalid' } });
}

/** The daily purge of counters that no longer count: log-in throttles and the shared rate limits (0021). */
export const PURGE_THROTTLES_QUEUE = 'auth.purge_throttles';
export const PURGE_THROTTLES_SCHEDULE: Schedule = { name: 'auth.purge_throttles', queue: PURGE_THROTTLES_QUEUE, dailyAt: '04:20' };

export async function purgeThrottles(db: Database): Promise<{ sources: number; addresses: number; rateLimits: number }> {
  return db.tx(NO_CONTEXT, async (sql) => ({ ...(await loginThrottle.purgeExpired(sql)), rateLimits: await rateLimitHits.purge(sql) }));
}

export function throttleJobs(db: Database): Record<string, JobHandler> {
  return { [PURGE_THROTTLES_QUEUE]: async () => void (await purgeThrottles(db)) };
}
