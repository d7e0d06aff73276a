import type { AuditActor } from '../audit/audit';
import { auditPlatform } from '../audit/audit';
import type { Database, Sql } from '../db/types';
import { NO_CONTEXT } from '../db/types';
import { AppError, validationError } from '../http/errors';
import { translator, type Locale } from '../i18n';
import { enqueue } from '../jobs/outbox';
import { MAIL_QUEUE } from '../mail/mailer';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './passwords';
import { loginThrottle, sessions, userTokens, users, type TokenPurpose, type UserRow } from './repository';
import { hashToken, newToken } from './tokens';
import { newTotpSecret, verifyTotp, type SecretBox } from './totp';

export interface AuthDeps {
  db: Database;
  publicUrl: string;
  secretBox: SecretBox;
}

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MINUTES = 15;
export const LOGIN_LOCK_MINUTES = 15;
const CONFIRM_TTL_MINUTES = 24 * 60;
const RESET_TTL_MINUTES = 60;

/** Rejects a weak new password with a field error on `field`. */
export async function assertStrongPassword(password: string, email: string, field = 'password'): Promise<void> {
  const problem = await passwordProblem(password, [email, email.split('@')[0] ?? '']);
  if (problem) throw validationError({ [field]: { code: problem, params: { min: 12 } } });
}

async function mailLink(sql: Sql, deps: AuthDeps, user: Pick<UserRow, 'id' | 'email' | 'locale'>, purpose: TokenPurpose, kind: 'confirm' | 'reset' | 'exists') {
  const { token, hash } = newToken();
  await userTokens.voidOthers(sql, user.id, purpose);
  await userTokens.insert(sql, { hash, userId: user.id, purpose, ttlMinutes: purpose === 'confirm_email' ? CONFIRM_TTL_MINUTES : RESET_TTL_MINUTES });
  const link = purpose === 'confirm_email' ? `${deps.publicUrl}/confirm/${token}` : `${deps.publicUrl}/password/reset/${token}`;
  const { t } = translator(user.locale);
  await enqueue(sql, MAIL_QUEUE, { to: user.email, subject: t(`mail.${kind}.subject`), text: t(`mail.${kind}.body`, { link }) });
}

/**
 * Registration answers the same whether or not the address is taken (no enumeration): a new
 * address gets a confirmation link, a taken one gets a note with a password-reset link.
 */
export async function register(deps: AuthDeps, input: { email: string; displayName: string; password: string; locale: Locale }, actor: AuditActor) {
  await assertStrongPassword(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  await deps.db.tx(NO_CONTEXT, async (sql) => {
    const created = await users.insert(sql, { email: input.email, displayName: input.displayName, passwordHash, locale: input.locale });
    if (created) {
      await mailLink(sql, deps, created, 'confirm_email', 'confirm');
      await auditPlatform(sql, { ...actor, userId: created.id, label: created.email }, { action: 'account.registered', subjectType: 'user', subjectId: created.id });
    } else {
      const existing = await users.byEmail(sql, input.email);
      if (existing) await mailLink(sql, deps, existing, 'reset_password', 'exists');
    }
  });
}

/** Validates a one-time link: unknown, expired and already used each get their own error. */
async function consumeToken(sql: Sql, token: string, purpose: TokenPurpose): Promise<string> {
  const hash = hashToken(token);
  const row = await userTokens.find(sql, hash, purpose);
  if (!row) throw new AppError('token.invalid');
  if (row.used) throw new AppError('token.used');
  if (row.expired) throw new AppError('token.expired');
  await userTokens.markUsed(sql, hash);
  return row.user_id;
}

export async function checkToken(deps: AuthDeps, token: string, purpose: TokenPurpose): Promise<void> {
  await deps.db.tx(NO_CONTEXT, async (sql) => {
    const row = await userTokens.find(sql, hashToken(token), purpose);
    if (!row) throw new AppError('token.invalid');
    if (row.used) throw new AppError('token.used');
    if (row.expired) throw new AppError('token.expired');
  });
}

export async function confirmEmail(deps: AuthDeps, token: string, actor: AuditActor): Promise<void> {
  await deps.db.tx(NO_CONTEXT, async (sql) => {
    const userId = await consumeToken(sql, token, 'confirm_email');
    await users.markVerified(sql, userId);
    await auditPlatform(sql, { ...actor, userId }, { action: 'account.email_confirmed', subjectType: 'user', subjectId: userId });
  });
}

export async function resendConfirmation(deps: AuthDeps, email: string): Promise<void> {
  await deps.db.tx(NO_CONTEXT, async (sql) => {
    const user = await users.byEmail(sql, email);
    if (user && !user.email_verified_at) await mailLink(sql, deps, user, 'confirm_email', 'confirm');
  });
}

export interface LoginResult {
  token: string;
  user: UserRow;
  mfaPending: boolean;
}

/**
 * Password log-in with a lockout counted per typed address (existing or not), a constant-time
 * answer for unknown addresses, and a second step for accounts with TOTP.
 */
export async function login(deps: AuthDeps, email: string, password: string, actor: AuditActor, expiresAt: Date): Promise<LoginResult> {
  const { user, minutes } = await deps.db.tx(NO_CONTEXT, async (sql) => ({
    minutes: await loginThrottle.lockedMinutes(sql, email),
    user: await users.byEmail(sql, email),
  }));
  if (minutes > 0) throw new AppError('auth.locked', { params: { minutes } });
  const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
  if (!user || !ok) {
    await deps.db.tx(NO_CONTEXT, async (sql) => {
      await loginThrottle.fail(sql, email, LOGIN_MAX_FAILURES, LOGIN_WINDOW_MINUTES, LOGIN_LOCK_MINUTES);
      await auditPlatform(sql, { ...actor, userId: user?.id ?? null, label: email }, { action: 'auth.login_failed' });
    });
    throw new AppError('auth.invalid_credentials');
  }
  if (!user.email_verified_at) throw new AppError('auth.email_not_verified');
  const { token, hash } = newToken();
  const mfaPending = Boolean(user.totp_enabled_at);
  await deps.db.tx(NO_CONTEXT, async (sql) => {
    await loginThrottle.clear(sql, email);
    await sessions.insert(sql, { tokenHash: hash, userId: user.id, mfaVerified: !mfaPending, expiresAt, ip: actor.ip, userAgent: actor.userAgent });
    await auditPlatform(sql, { ...actor, userId: user.id, label: user.email }, { action: mfaPending ? 'auth.password_verified' : 'auth.login' });
  });
  return { token, user, mfaPending };
}

export async function logout(deps: AuthDeps, sessionTokenHash: string, actor: AuditActor): Promise<void> {
  await deps.db.tx(NO_CONTEXT, async (sql) => {
    await sessions.delete(sql, sessionTokenHash);
    if (actor.userId) await auditPlatform(sql, actor, { action: 'auth.logout' });
  });
}

/** Checks a TOTP code for the user and burns its time step (no replay). */
async function useTotp(sql: Sql, deps: AuthDeps, user: UserRow, code: string, secret?: string): Promise<number> {
  const plain = secret ?? (user.totp_secret_enc ? deps.secretBox.open(user.totp_secret_enc) : null);
  const step = plain ? verifyTotp(plain, code) : null;
  if (step === null || !(secret || (await users.useTotpStep(sql, user.id, step)))) {
    throw validationError({ code: { code: 'totp_invalid' } });
  }
  return step;
}

export async function completeMfaLogin(deps: AuthDeps, sessionTokenHash: string, userId: string, code: string, actor: AuditActor): Promise<UserRow> {
  return deps.db.tx(NO_CONTEXT, async (sql) => {
    const user = await users.byId(sql, userId);
    if (!user) throw new AppError('auth.required');
    try {
      await useTotp(sql, deps, user, code);
    } catch (err) {
      await auditPlatform(sql, { ...actor, userId, label: user.email }, { action: 'auth.mfa_failed' });
      throw err;
    }
    await sessions.markMfaVerified(sql, sessionTokenHash);
    await auditPlatform(sql, { ...actor, userId, label: user.email }, { action: 'auth.login' });
    return user;
  });
}

/** A fresh secret for the enrolment page, sealed so it can travel in a hidden form field. */
export function startMfaEnrolment(deps: AuthDeps): { secret: string; sealed: string } {
  const secret = newTotpSecret();
  return { secret, sealed: deps.secretBox.seal(secret) };
}

export async function finishMfaEnrolment(deps: AuthDeps, user: UserRow, sealed: string, code: string, sessionTokenHash: string, actor: AuditActor) {
  let secret: string;
  try {
    secret = deps.secretBox.open(sealed);
  } catch {
    throw validationError({ code: { code: 'totp_invalid' } });
  }
  await deps.db.tx(NO_CONTEXT, async (sql) => {
    const step = await useTotp(sql, deps, user, code, secret);
    await users.enableTotp(sql, user.id, deps.secretBox.seal(secret), step);
    await sessions.markMfaVerified(sql, sessionTokenHash);
    await auditPlatform(sql, actor, { action: 'auth.mfa_enabled', subjectType: 'user', subjectId: user.id });
  });
}

export async function requestPasswordReset(deps: AuthDeps, email: string, actor: AuditActor): Promise<void> {
  await deps.db.tx(NO_CONTEXT, async (sql) => {
    const user = await users.byEmail(sql, email);
    if (!user) return;
    await mailLink(sql, deps, user, 'reset_password', 'reset');
    await auditPlatform(sql, { ...actor, userId: user.id, label: user.email }, { action: 'auth.password_reset_requested' });
  });
}

/** Sets the new password, spends the link, and ends every session of the account. */
export async function resetPassword(deps: AuthDeps, token: string, password: string, actor: AuditActor): Promise<void> {
  const pre = await deps.db.tx(NO_CONTEXT, async (sql) => {
    const row = await userTokens.find(sql, hashToken(token), 'reset_password');
    return row ? users.byId(sql, row.user_id) : undefined;
  });
  if (pre) await assertStrongPassword(password, pre.email);
  const passwordHash = await hashPassword(password);
  await deps.db.tx(NO_CONTEXT, async (sql) => {
    const userId = await consumeToken(sql, token, 'reset_password');
    await users.setPassword(sql, userId, passwordHash);
    await users.markVerified(sql, userId);
    await sessions.deleteAllOf(sql, userId);
    await auditPlatform(sql, { ...actor, userId }, { action: 'auth.password_reset', subjectType: 'user', subjectId: userId });
  });
}

export async function setLocale(deps: AuthDeps, userId: string, locale: Locale): Promise<void> {
  await deps.db.tx(NO_CONTEXT, (sql) => users.setLocale(sql, userId, locale));
}
