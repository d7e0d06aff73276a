import type { SessionRow, UserRow } from '../auth/repository';
import type { Sql } from '../db/types';
import type { Role } from '../auth/roles';

const SESSION = 's.token_hash, s.user_id, s.mfa_verified, s.created_at, s.last_seen_at, s.expires_at';
const USER = 'u.id, u.email, u.display_name, u.password_hash, u.email_verified_at, u.locale, u.totp_secret_enc, u.totp_enabled_at, u.totp_last_step';

type Joined = SessionRow & UserRow & { roles: Role[] | null };

/**
 * Who asks, in one statement: a live session, its user and (given a municipality) their roles there. The
 * membership is visible because the transaction's RLS context names that municipality (memberships' policy).
 * Not a prepared statement: its generic plan cannot see the tenant that row-level security compares with, and on a
 * large municipality it read every membership there (200 000) to find one user's (bench/writes.ts, metro).
 */
export async function sessionWithUser(sql: Sql, tokenHash: string, municipalityId: string | null): Promise<{ session: SessionRow; user: UserRow; roles: Role[] } | undefined> {
  const [row] = await sql.query<Joined>(
    `SELECT ${SESSION}, ${USER}, m.roles FROM sessions s JOIN users u ON u.id = s.user_id
     LEFT JOIN memberships m ON m.municipality_id = $2::uuid AND m.user_id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [tokenHash, municipalityId],
  );
  if (!row) return undefined;
  const { token_hash, user_id, mfa_verified, created_at, last_seen_at, expires_at, roles, ...user } = row;
  return { session: { token_hash, user_id, mfa_verified, created_at, last_seen_at, expires_at }, user, roles: roles ?? [] };
}
