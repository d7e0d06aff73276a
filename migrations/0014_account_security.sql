-- Review 1 (issue 12): the second factor belongs to the session, recovery codes, and throttling of
-- passwords per (account, source) and of codes per account and per session. Platform tables: no
-- municipality, no RLS (like users and sessions).

-- `mfa_verified` now means "this session gave a code" (it no longer starts true for an account
-- without 2FA). A session opened before 2FA was switched on gave none: it is asked for one.
UPDATE sessions s SET mfa_verified = false
  FROM users u
 WHERE u.id = s.user_id AND u.totp_enabled_at IS NOT NULL AND s.created_at < u.totp_enabled_at;
-- Wrong codes typed in this session; at 20 the session ends.
ALTER TABLE sessions ADD COLUMN mfa_failures int NOT NULL DEFAULT 0;

-- Wrong codes for the account, from any session (counted afresh after an hour without one); from
-- 5 on, each one delays the next try.
ALTER TABLE users ADD COLUMN mfa_failures int NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN mfa_last_failed_at timestamptz;
ALTER TABLE users ADD COLUMN mfa_blocked_until timestamptz;

-- Single-use recovery codes (80 random bits each), kept as SHA-256 only.
CREATE TABLE recovery_codes (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code_hash text NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz,
  PRIMARY KEY (user_id, code_hash)
);
GRANT SELECT, INSERT, UPDATE, DELETE ON recovery_codes TO wspolnota_app;

-- Failed passwords per typed address and source (an IPv4 address or an IPv6 /64): growing delays
-- for that source only, so nobody can lock the owner out of their own account.
CREATE TABLE login_source_throttle (
  email text NOT NULL,
  source text NOT NULL,
  failures int NOT NULL DEFAULT 0,
  last_failed_at timestamptz NOT NULL DEFAULT now(),
  blocked_until timestamptz,
  PRIMARY KEY (email, source)
);
CREATE INDEX login_source_throttle_last_idx ON login_source_throttle (last_failed_at);
GRANT SELECT, INSERT, UPDATE, DELETE ON login_source_throttle TO wspolnota_app;

-- login_throttle keeps counting failures per address, from all sources, but no longer locks:
-- it decides when the owner is told by mail.
ALTER TABLE login_throttle ADD COLUMN notified_at timestamptz;
