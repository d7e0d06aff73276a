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

export const loginThrottle = {
  async lockedMinutes(sql: Sql, email: string): Promise<number> {
    const [row] = await sql.query<{ minutes: number }>(
      `SELECT ceil(extract(epoch FROM locked_until - now()) / 60)::int AS minutes FROM login_throttle WHERE email = $1 AND locked_until > now()`,
      [email],
    );
    return row?.minutes ?? 0;
  },
  /** Counts a failure; after `max` failures within the window the address is locked for `lockMinutes`. */
  async fail(sql: Sql, email: string, max: number, windowMinutes: number, lockMinutes: number): Promise<void> {
    await sql.query(
      `INSERT INTO login_throttle AS t (email, failures) VALUES ($1, 1)
       ON CONFLICT (email) DO UPDATE SET
         failures = CASE WHEN t.window_started_at < now() - make_interval(mins => $3) THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at < now() - make_interval(mins => $3) THEN now() ELSE t.window_started_at END,
         locked_until = CASE WHEN t.window_started_at >= now() - make_interval(mins => $3) AND t.failures + 1 >= $2
                             THEN now() + make_interval(mins => $4) ELSE t.locked_until END`,
      [email, max, windowMinutes, lockMinutes],
    );
  },
  async clear(sql: Sql, email: string): Promise<void> {
    await sql.query('DELETE FROM login_throttle WHERE email = $1', [email]);
  },
};
