import type { AuditActor } from '../audit/audit';
import { auditPlatform } from '../audit/audit';
import type { Database, Sql } from '../db/types';
import { NO_CONTEXT } from '../db/types';
import { AppError, validationError } from '../http/errors';
import { translator, type Locale } from '../i18n';
import { enqueue, sealQueue, type JobHandler } from '../jobs/outbox';
import { MAIL_QUEUE } from '../mail/mailer';
import { assertPasswordNotThrottled, recordPasswordFailure } from './attempts';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './passwords';
import { loginThrottle, sessions, userTokens, users, type TokenPurpose, type UserRow } from './repository';
import { sourceOf } from './throttle';
import { hashToken, newToken } from './tokens';
import type { SecretBox } from './totp';

export interface AuthDeps {
  db: Database;
  publicUrl: string;
  secretBox: SecretBox;
}

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
 * Password log-in, slowed down per (typed address, source) after repeated failures — never locked
 * for everyone (review 1 #13) — with a constant-time answer for unknown addresses, and a second step
 * for accounts with TOTP. A new session has given no code (`mfa_verified` false) whatever the account.
 */
export async function login(deps: AuthDeps, email: string, password: string, actor: AuditActor, expiresAt: Date): Promise<LoginResult> {
  await assertPasswordNotThrottled(deps, email, actor);
  const user = await deps.db.tx(NO_CONTEXT, (sql) => users.byEmail(sql, email));
  const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
  if (!user || !ok) {
    await recordPasswordFailure(deps, email, user, actor);
    throw new AppError('auth.invalid_credentials');
  }
  if (!user.email_verified_at) throw new AppError('auth.email_not_verified');
  const { token, hash } = newToken();
  const mfaPending = Boolean(user.totp_enabled_at);
  await deps.db.tx(NO_CONTEXT, async (sql) => {
    await loginThrottle.clear(sql, email, sourceOf(actor.ip));
    await sessions.insert(sql, { tokenHash: hash, userId: user.id, mfaVerified: false, expiresAt, ip: actor.ip, userAgent: actor.userAgent });
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

export const PASSWORD_RESET_QUEUE = 'auth.password_reset';
// The requester's address and browser are sealed at rest, like mail; the typed address stays readable, as a mail's `to` does.
sealQueue(PASSWORD_RESET_QUEUE, ['email']);

/**
 * Queues the request and returns: the answer takes the same time whether or not the address has an
 * account (review 1 #14); the job looks the address up and mails a link if there is one.
 */
export async function requestPasswordReset(deps: AuthDeps, email: string, actor: AuditActor): Promise<void> {
  await deps.db.tx(NO_CONTEXT, (sql) =>
    enqueue(sql, PASSWORD_RESET_QUEUE, { email, actor: { ip: actor.ip, userAgent: actor.userAgent, requestId: actor.requestId } }),
  );
}

/** The account module's jobs, for the worker. */
export function authJobs(deps: AuthDeps): Record<string, JobHandler> {
  return {
    [PASSWORD_RESET_QUEUE]: async (payload) => {
      const email = String(payload.email);
      const from = (payload.actor ?? {}) as Partial<AuditActor>;
      await deps.db.tx(NO_CONTEXT, async (sql) => {
        const user = await users.byEmail(sql, email);
        if (!user) return;
        await mailLink(sql, deps, user, 'reset_password', 'reset');
        const actor = { userId: user.id, label: user.email, ip: String(from.ip ?? ''), userAgent: String(from.userAgent ?? ''), requestId: String(from.requestId ?? '') };
        await auditPlatform(sql, actor, { action: 'auth.password_reset_requested' });
      });
    },
  };
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
