import type { Sql } from '../db/types';
import type { Locale } from '../i18n';

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  email_verified_at: Date | null;
  locale: Locale;
  totp_secret_enc: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
}

export interface SessionRow {
  token_hash: string;
  user_id: string;
  mfa_verified: boolean;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

const USER_COLUMNS = 'id, email, display_name, password_hash, email_verified_at, locale, totp_secret_enc, totp_enabled_at, totp_last_step';

export const users = {
  async byEmail(sql: Sql, email: string): Promise<UserRow | undefined> {
    const [row] = await sql.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE email = $1`, [email]);
    return row;
  },
  async byId(sql: Sql, id: string): Promise<UserRow | undefined> {
    const [row] = await sql.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    return row;
  },
  /** Returns the new user, or undefined when the e-mail is taken (a race lost to another registration). */
  async insert(
    sql: Sql,
    u: { email: string; displayName: string; passwordHash: string; locale: Locale; verified?: boolean },
  ): Promise<UserRow | undefined> {
    const [row] = await sql.query<UserRow>(
      `INSERT INTO users (email, display_name, password_hash, locale, email_verified_at)
       VALUES ($1, $2, $3, $4, CASE WHEN $5 THEN now() END)
       ON CONFLICT (email) DO NOTHING RETURNING ${USER_COLUMNS}`,
      [u.email, u.displayName, u.passwordHash, u.locale, u.verified ?? false],
    );
    return row;
  },
  async markVerified(sql: Sql, id: string): Promise<void> {
    await sql.query('UPDATE users SET email_verified_at = COALESCE(email_verified_at, now()), updated_at = now() WHERE id = $1', [id]);
  },
  async setPassword(sql: Sql, id: string, passwordHash: string): Promise<void> {
    await sql.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [id, passwordHash]);
  },
  async setLocale(sql: Sql, id: string, locale: Locale): Promise<void> {
    await sql.query('UPDATE users SET locale = $2 WHERE id = $1', [id, locale]);
  },
  async enableTotp(sql: Sql, id: string, secretEnc: string, step: number): Promise<void> {
    await sql.query(
      'UPDATE users SET totp_secret_enc = $2, totp_enabled_at = now(), totp_last_step = $3, updated_at = now() WHERE id = $1',
      [id, secretEnc, step],
    );
  },
  async disableTotp(sql: Sql, id: string): Promise<void> {
    await sql.query(
      'UPDATE users SET totp_secret_enc = NULL, totp_enabled_at = NULL, totp_last_step = NULL, mfa_failures = 0, mfa_blocked_until = NULL, updated_at = now() WHERE id = $1',
      [id],
    );
    await sql.query('DELETE FROM recovery_codes WHERE user_id = $1', [id]);
  },
  /** Locks the account's row for a second-factor check; its state now and the seconds it must still wait (0: none). */
  async lockForMfa(sql: Sql, id: string): Promise<{ user: UserRow; blockedSeconds: number } | undefined> {
    const [row] = await sql.query<UserRow & { blocked_seconds: number }>(
      `SELECT ${USER_COLUMNS}, CASE WHEN mfa_blocked_until > now() THEN ceil(extract(epoch FROM mfa_blocked_until - now()))::int ELSE 0 END AS blocked_seconds
       FROM users WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) return undefined;
    const { blocked_seconds, ...user } = row;
    return { user, blockedSeconds: blocked_seconds };
  },
  /** Counts a wrong code (afresh after an hour without one) and returns the count. */
  async mfaFail(sql: Sql, id: string): Promise<number> {
    const [row] = await sql.query<{ mfa_failures: number }>(
      `UPDATE users SET mfa_failures = CASE WHEN mfa_last_failed_at < now() - interval '1 hour' THEN 1 ELSE mfa_failures + 1 END,
         mfa_last_failed_at = now()
       WHERE id = $1 RETURNING mfa_failures`,
      [id],
    );
    return row?.mfa_failures ?? 0;
  },
  async mfaBlock(sql: Sql, id: string, seconds: number): Promise<void> {
    await sql.query('UPDATE users SET mfa_blocked_until = now() + make_interval(secs => $2) WHERE id = $1', [id, seconds]);
  },
  async mfaClear(sql: Sql, id: string): Promise<void> {
    await sql.query('UPDATE users SET mfa_failures = 0, mfa_blocked_until = NULL WHERE id = $1 AND (mfa_failures > 0 OR mfa_blocked_until IS NOT NULL)', [id]);
  },
  /** Records a used TOTP step; false when the step was already used (a replayed code). */
  async useTotpStep(sql: Sql, id: string, step: number): Promise<boolean> {
    const rows = await sql.query(
      'UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id',
      [id, step],
    );
    return rows.length === 1;
  },
};

export const sessions = {
  async insert(sql: Sql, s: { tokenHash: string; userId: string; mfaVerified: boolean; expiresAt: Date; ip: string; userAgent: string }) {
    await sql.query(
      `INSERT INTO sessions (token_hash, user_id, mfa_verified, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6)`,
      [s.tokenHash, s.userId, s.mfaVerified, s.expiresAt, s.ip, s.userAgent.slice(0, 300)],
    );
  },
  async find(sql: Sql, tokenHash: string): Promise<SessionRow | undefined> {
    const [row] = await sql.query<SessionRow>(
      'SELECT token_hash, user_id, mfa_verified, created_at, last_seen_at, expires_at FROM sessions WHERE token_hash = $1 AND expires_at > now()',
      [tokenHash],
    );
    return row;
  },
  async touch(sql: Sql, tokenHash: string, expiresAt: Date): Promise<void> {
    await sql.query('UPDATE sessions SET last_seen_at = now(), expires_at = $2 WHERE token_hash = $1', [tokenHash, expiresAt]);
  },
  async markMfaVerified(sql: Sql, tokenHash: string): Promise<void> {
    await sql.query('UPDATE sessions SET mfa_verified = true WHERE token_hash = $1', [tokenHash]);
  },
  async delete(sql: Sql, tokenHash: string): Promise<void> {
    await sql.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  },
  async deleteAllOf(sql: Sql, userId: string): Promise<void> {
    await sql.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  },
  /** Ends every session of the account but the one in use. */
  async deleteOthersOf(sql: Sql, userId: string, keepTokenHash: string): Promise<void> {
    await sql.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2', [userId, keepTokenHash]);
  },
  /** Counts a wrong code typed in this session and returns the count. */
  async mfaFail(sql: Sql, tokenHash: string): Promise<number> {
    const [row] = await sql.query<{ mfa_failures: number }>('UPDATE sessions SET mfa_failures = mfa_failures + 1 WHERE token_hash = $1 RETURNING mfa_failures', [tokenHash]);
    return row?.mfa_failures ?? 0;
  },
};

export const recoveryCodes = {
  /** The account's codes become exactly these (the old ones, used or not, are void). */
  async replace(sql: Sql, userId: string, hashes: string[]): Promise<void> {
    await sql.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
    await sql.query('INSERT INTO recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])', [userId, hashes]);
  },
  /** Spends a code; false when it is not one of the account's or was used already. */
  async use(sql: Sql, userId: string, hash: string): Promise<boolean> {
    const rows = await sql.query('UPDATE recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING code_hash', [userId, hash]);
    return rows.length === 1;
  },
  async unusedCount(sql: Sql, userId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL', [userId]);
    return row?.n ?? 0;
  },
};

export type TokenPurpose = 'confirm_email' | 'reset_password';

export const userTokens = {
  async insert(sql: Sql, t: { hash: string; userId: string; purpose: TokenPurpose; ttlMinutes: number }): Promise<void> {
    await sql.query(
      `INSERT INTO user_tokens (token_hash, user_id, purpose, expires_at) VALUES ($1, $2, $3, now() + make_interval(mins => $4))`,
      [t.hash, t.userId, t.purpose, t.ttlMinutes],
    );
  },
  async find(sql: Sql, hash: string, purpose: TokenPurpose) {
    const [row] = await sql.query<{ user_id: string; expired: boolean; used: boolean }>(
      `SELECT user_id, expires_at <= now() AS expired, used_at IS NOT NULL AS used FROM user_tokens WHERE token_hash = $1 AND purpose = $2 FOR UPDATE`,
      [hash, purpose],
    );
    return row;
  },
  async markUsed(sql: Sql, hash: string): Promise<void> {
    await sql.query('UPDATE user_tokens SET used_at = now() WHERE token_hash = $1', [hash]);
  },
  /** A new reset link makes the older unused ones void. */
  async voidOthers(sql: Sql, userId: string, purpose: TokenPurpose): Promise<void> {
    await sql.query('UPDATE user_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL', [userId, purpose]);
  },
};

/** Failed passwords per typed address (existing or not) and source: growing delays for that source only. */
export const loginThrottle = {
  async blockedSeconds(sql: Sql, email: string, source: string): Promise<number> {
    const [row] = await sql.query<{ seconds: number }>(
      `SELECT ceil(extract(epoch FROM blocked_until - now()))::int AS seconds FROM login_source_throttle
       WHERE email = $1 AND source = $2 AND blocked_until > now()`,
      [email, source],
    );
    return row?.seconds ?? 0;
  },
  /** Counts a failure from the source (afresh after an hour without one) and returns the count. */
  async fail(sql: Sql, email: string, source: string): Promise<number> {
    const [row] = await sql.query<{ failures: number }>(
      `INSERT INTO login_source_throttle AS t (email, source, failures) VALUES ($1, $2, 1)
       ON CONFLICT (email, source) DO UPDATE SET
         failures = CASE WHEN t.last_failed_at < now() - interval '1 hour' THEN 1 ELSE t.failures + 1 END,
         last_failed_at = now()
       RETURNING failures`,
      [email, source],
    );
    return row!.failures;
  },
  async block(sql: Sql, email: string, source: string, seconds: number): Promise<void> {
    await sql.query('UPDATE login_source_throttle SET blocked_until = now() + make_interval(secs => $3) WHERE email = $1 AND source = $2', [email, source, seconds]);
  },
  async clear(sql: Sql, email: string, source: string): Promise<void> {
    await sql.query('DELETE FROM login_source_throttle WHERE email = $1 AND source = $2', [email, source]);
  },
  /**
   * Forgets what no longer counts: a source's failures an hour old (a new failure would start afresh)
   * whose delay ran out, and an address's failures older than a day once its owner may be told again.
   */
  async purgeExpired(sql: Sql): Promise<{ sources: number; addresses: number }> {
    const sources = await sql.query(
      `DELETE FROM login_source_throttle WHERE last_failed_at < now() - interval '1 hour'
         AND (blocked_until IS NULL OR blocked_until < now()) RETURNING 1`,
    );
    const addresses = await sql.query(
      `DELETE FROM login_throttle WHERE window_started_at < now() - interval '1 day'
         AND (notified_at IS NULL OR notified_at < now() - interval '1 day') RETURNING 1`,
    );
    return { sources: sources.length, addresses: addresses.length };
  },
  /**
   * Counts a failure for the address from any source, within an hour; true when the owner should
   * be told now (the count reached `notifyAfter`, and nobody was told in the last day).
   */
  async failForAccount(sql: Sql, email: string, notifyAfter: number): Promise<boolean> {
    await sql.query(
      `INSERT INTO login_throttle AS t (email, failures) VALUES ($1, 1)
       ON CONFLICT (email) DO UPDATE SET
         failures = CASE WHEN t.window_started_at < now() - interval '1 hour' THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at < now() - interval '1 hour' THEN now() ELSE t.window_started_at END`,
      [email],
    );
    const told = await sql.query(
      `UPDATE login_throttle SET notified_at = now()
       WHERE email = $1 AND failures >= $2 AND (notified_at IS NULL OR notified_at < now() - interval '1 day') RETURNING email`,
      [email, notifyAfter],
    );
    return told.length === 1;
  },
};
