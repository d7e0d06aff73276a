import type { SessionRow, UserRow } from '../auth/repository';
import type { Sql } from '../db/types';
import type { Role } from '../auth/roles';

const SESSION = 's.token_hash, s.user_id, s.mfa_verified, s.created_at, s.last_seen_at, s.expires_at';
const USER = 'u.id, u.email, u.display_name, u.password_hash, u.email_verified_at, u.locale, u.totp_secret_enc, u.totp_enabled_at, u.totp_last_step';

type Joined = SessionRow & UserRow & { roles: Role[] | null };

/**
 * Who asks, in one statement: a live session, its user and (given a municipality) their roles there. The
 * membership is visible because the transaction's RLS context names that municipality (memberships' policy).
 *
 * Prepared (its parsing and planning were a fifth of the database's work on a small authenticated page), and
 * written so that its generic plan cannot go wrong: the roles are a scalar sub-select, planned on its own with
 * `m.user_id = s.user_id` as a condition it always has, so it reads one user's memberships. As a LEFT JOIN the
 * generic plan could not see the tenant that row-level security compares with and, on a large municipality,
 * joined every membership there (200 000, 1.2 s a request: bench/writes.ts, metro) to find the user's one.
 * test/platform/write-path.test.ts checks the generic plan.
 */
export const SESSION_SQL = `SELECT ${SESSION}, ${USER},
       (SELECT m.roles FROM memberships m WHERE m.municipality_id = $2::uuid AND m.user_id = s.user_id) AS roles
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > now()`;

export async function sessionWithUser(sql: Sql, tokenHash: string, municipalityId: string | null): Promise<{ session: SessionRow; user: UserRow; roles: Role[] } | undefined> {
  const [row] = await sql.query<Joined>(SESSION_SQL, [tokenHash, municipalityId], { prepare: true });
  if (!row) return undefined;
  const { token_hash, user_id, mfa_verified, created_at, last_seen_at, expires_at, roles, ...user } = row;
  return { session: { token_hash, user_id, mfa_verified, created_at, last_seen_at, expires_at }, user, roles: roles ?? [] };
}
