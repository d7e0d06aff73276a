import type { AuditActor } from '../audit/audit';
import { auditPlatform } from '../audit/audit';
import { NO_CONTEXT } from '../db/types';
import { AppError, validationError, type FieldErrors } from '../http/errors';
import { checkCurrentPassword, checkSecondFactor, refusal, type CodeCheck } from './attempts';
import { tellOwner } from './notify';
import { newRecoveryCodes } from './recovery-codes';
import { recoveryCodes, sessions, users, type UserRow } from './repository';
import type { AuthDeps } from './service';
import { newTotpSecret, verifyTotp } from './totp';

/** What proves it is the owner before the second factor changes: the password and a current code (or a recovery code). */
export interface StepUp {
  currentPassword: string;
  currentCode: string;
}

/** The second step of a log-in: a TOTP code or a recovery code makes this session (and only it) trusted. */
export async function completeMfaLogin(deps: AuthDeps, sessionTokenHash: string, userId: string, code: string, actor: AuditActor): Promise<void> {
  const check = await deps.db.tx(NO_CONTEXT, async (sql) => {
    const checked = await checkSecondFactor(sql, deps, userId, sessionTokenHash, code, actor);
    if (checked.kind === 'ok') {
      await sessions.markMfaVerified(sql, sessionTokenHash);
      await auditPlatform(sql, { ...actor, userId, label: checked.user.email }, { action: 'auth.login', details: { secondFactor: checked.used } });
    }
    return checked;
  });
  if (check.kind !== 'ok') throw refusal(check, 'code');
}

/** A fresh secret for the enrolment page, sealed so it can travel in a hidden form field. */
export function startMfaEnrolment(deps: AuthDeps): { secret: string; sealed: string } {
  const secret = newTotpSecret();
  return { secret, sealed: deps.secretBox.seal(secret) };
}

function requireStepUp(stepUp: StepUp | undefined): StepUp {
  const missing: FieldErrors = {};
  if (!stepUp?.currentPassword) missing.current_password = { code: 'required' };
  if (!stepUp?.currentCode.trim()) missing.current_code = { code: 'required' };
  if (Object.keys(missing).length) throw validationError(missing);
  return stepUp!;
}

/**
 * Enrols a new authenticator, or replaces the one there is — which needs the password and a current
 * code or recovery code (review 1 #3). Either way the account gets ten new recovery codes (returned
 * to be shown once), this session counts as having given a code, every other session ends
 * (review 1 #2) and the owner is mailed.
 */
export async function finishMfaEnrolment(deps: AuthDeps, user: UserRow, sealed: string, code: string, sessionTokenHash: string, actor: AuditActor, stepUp?: StepUp): Promise<string[]> {
  let secret: string;
  try {
    secret = deps.secretBox.open(sealed);
  } catch {
    throw validationError({ code: { code: 'totp_invalid' } });
  }
  const replacing = Boolean(user.totp_enabled_at);
  if (replacing) await checkCurrentPassword(deps, user, requireStepUp(stepUp).currentPassword, actor);
  const { codes, hashes } = newRecoveryCodes();
  const check = await deps.db.tx(NO_CONTEXT, async (sql): Promise<CodeCheck | null> => {
    if (replacing) {
      const checked = await checkSecondFactor(sql, deps, user.id, sessionTokenHash, stepUp!.currentCode, actor);
      if (checked.kind !== 'ok') return checked;
    } else if ((await users.lockForMfa(sql, user.id))?.user.totp_enabled_at) {
      // Enrolled meanwhile (another tab): now it is a replacement, which needs the step-up.
      requireStepUp(undefined);
    }
    const step = verifyTotp(secret, code);
    if (step === null) throw validationError({ code: { code: 'totp_invalid' } });
    await users.enableTotp(sql, user.id, deps.secretBox.seal(secret), step);
    await recoveryCodes.replace(sql, user.id, hashes);
    await sessions.markMfaVerified(sql, sessionTokenHash);
    await sessions.deleteOthersOf(sql, user.id, sessionTokenHash);
    await auditPlatform(sql, actor, { action: replacing ? 'auth.mfa_replaced' : 'auth.mfa_enabled', subjectType: 'user', subjectId: user.id });
    await tellOwner(sql, deps.publicUrl, user, replacing ? 'mfa_replaced' : 'mfa_enabled');
    return null;
  });
  if (check && check.kind !== 'ok') throw refusal(check, 'current_code');
  return codes;
}

/** Turns the second factor off (password and a code needed); other sessions end, the owner is mailed. */
export async function removeMfa(deps: AuthDeps, user: UserRow, sessionTokenHash: string, stepUp: StepUp, actor: AuditActor): Promise<void> {
  if (!user.totp_enabled_at) return;
  await checkCurrentPassword(deps, user, requireStepUp(stepUp).currentPassword, actor);
  const check = await deps.db.tx(NO_CONTEXT, async (sql) => {
    const checked = await checkSecondFactor(sql, deps, user.id, sessionTokenHash, stepUp.currentCode, actor);
    if (checked.kind !== 'ok') return checked;
    await users.disableTotp(sql, user.id);
    await sessions.deleteOthersOf(sql, user.id, sessionTokenHash);
    await auditPlatform(sql, actor, { action: 'auth.mfa_removed', subjectType: 'user', subjectId: user.id });
    await tellOwner(sql, deps.publicUrl, user, 'mfa_removed');
    return checked;
  });
  if (check.kind !== 'ok') throw refusal(check, 'current_code');
}

/** Ten new recovery codes (password and a code needed); the old ones are void. */
export async function regenerateRecoveryCodes(deps: AuthDeps, user: UserRow, sessionTokenHash: string, stepUp: StepUp, actor: AuditActor): Promise<string[]> {
  if (!user.totp_enabled_at) throw new AppError('auth.forbidden');
  await checkCurrentPassword(deps, user, requireStepUp(stepUp).currentPassword, actor);
  const { codes, hashes } = newRecoveryCodes();
  const check = await deps.db.tx(NO_CONTEXT, async (sql) => {
    const checked = await checkSecondFactor(sql, deps, user.id, sessionTokenHash, stepUp.currentCode, actor);
    if (checked.kind !== 'ok') return checked;
    await recoveryCodes.replace(sql, user.id, hashes);
    await auditPlatform(sql, actor, { action: 'auth.recovery_codes_regenerated', subjectType: 'user', subjectId: user.id });
    await tellOwner(sql, deps.publicUrl, user, 'recovery_codes');
    return checked;
  });
  if (check.kind !== 'ok') throw refusal(check, 'current_code');
  return codes;
}
