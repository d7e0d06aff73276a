-- Platform kernel: municipalities, accounts, sessions, memberships, audit, jobs, dev mailbox.
-- Every tenant table carries municipality_id (first in its primary key: the Citus distribution column)
-- and a row-level security policy; the application runs as wspolnota_app, which owns no table.

DO $$ BEGIN
  CREATE ROLE wspolnota_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
GRANT wspolnota_app TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO wspolnota_app;

CREATE FUNCTION app_municipality_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT NULLIF(current_setting('app.municipality_id', true), '')::uuid $$;
CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;

CREATE TABLE municipalities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,48}[a-z0-9])?$'),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  teryt text NOT NULL UNIQUE CHECK (teryt ~ '^[0-9]{7}$'),
  cus_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT ON municipalities TO wspolnota_app;

CREATE TABLE units (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  address text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  position int NOT NULL DEFAULT 0,
  PRIMARY KEY (municipality_id, id)
);
ALTER TABLE units ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON units
  USING (municipality_id = app_municipality_id()) WITH CHECK (municipality_id = app_municipality_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON units TO wspolnota_app;

-- Accounts are global: one person, one login, roles per municipality (memberships).
CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
  password_hash text NOT NULL,
  email_verified_at timestamptz,
  locale text NOT NULL DEFAULT 'pl' CHECK (locale IN ('pl', 'en')),
  totp_secret_enc text,
  totp_enabled_at timestamptz,
  totp_last_step bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);
GRANT SELECT, INSERT, UPDATE ON users TO wspolnota_app;

-- Failed logins counted per e-mail address typed, whether or not an account exists (no enumeration).
CREATE TABLE login_throttle (
  email text PRIMARY KEY,
  failures int NOT NULL DEFAULT 0,
  window_started_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz
);
GRANT SELECT, INSERT, UPDATE, DELETE ON login_throttle TO wspolnota_app;

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  mfa_verified boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text NOT NULL DEFAULT '',
  user_agent text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO wspolnota_app;

CREATE TABLE user_tokens (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('confirm_email', 'reset_password')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX user_tokens_user_idx ON user_tokens (user_id, purpose);
GRANT SELECT, INSERT, UPDATE ON user_tokens TO wspolnota_app;

CREATE TABLE memberships (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  user_id uuid NOT NULL REFERENCES users(id),
  roles text[] NOT NULL CHECK (
    cardinality(roles) > 0 AND roles <@ ARRAY['resident', 'ngo_member', 'coordinator', 'community_organiser',
      'grants_officer', 'evaluator', 'analyst', 'director', 'administrator', 'auditor']::text[]),
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
-- A person also sees their own memberships elsewhere ("my municipalities"), but writes only in the current one.
CREATE POLICY tenant_isolation ON memberships
  USING (municipality_id = app_municipality_id() OR user_id = app_user_id())
  WITH CHECK (municipality_id = app_municipality_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON memberships TO wspolnota_app;

CREATE TABLE invitations (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email)),
  roles text[] NOT NULL CHECK (cardinality(roles) > 0),
  token_hash text NOT NULL UNIQUE,
  invited_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_by uuid REFERENCES users(id),
  revoked_at timestamptz,
  PRIMARY KEY (municipality_id, id)
);
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invitations
  USING (municipality_id = app_municipality_id()) WITH CHECK (municipality_id = app_municipality_id());
GRANT SELECT, INSERT, UPDATE ON invitations TO wspolnota_app;

-- Append-only: the application role may insert and read, never update or delete;
-- the trigger stops even the owner from rewriting history by accident.
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'audit log is append-only'; END $$;

CREATE TABLE audit_log (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  actor_label text NOT NULL DEFAULT '',
  action text NOT NULL,
  subject_type text NOT NULL DEFAULT '',
  subject_id text NOT NULL DEFAULT '',
  reason text NOT NULL DEFAULT '',
  ip text NOT NULL DEFAULT '',
  user_agent text NOT NULL DEFAULT '',
  request_id text NOT NULL DEFAULT '',
  details jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (municipality_id, id)
);
CREATE INDEX audit_log_time_idx ON audit_log (municipality_id, occurred_at DESC, id DESC);
CREATE INDEX audit_log_subject_idx ON audit_log (municipality_id, subject_type, subject_id);
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_log
  USING (municipality_id = app_municipality_id()) WITH CHECK (municipality_id = app_municipality_id());
GRANT SELECT, INSERT ON audit_log TO wspolnota_app;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();

-- Account events that belong to no municipality (log-in, password reset, 2FA enrolment).
CREATE TABLE platform_audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  actor_label text NOT NULL DEFAULT '',
  action text NOT NULL,
  subject_type text NOT NULL DEFAULT '',
  subject_id text NOT NULL DEFAULT '',
  reason text NOT NULL DEFAULT '',
  ip text NOT NULL DEFAULT '',
  user_agent text NOT NULL DEFAULT '',
  request_id text NOT NULL DEFAULT '',
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX platform_audit_log_actor_idx ON platform_audit_log (actor_user_id, occurred_at DESC);
GRANT INSERT ON platform_audit_log TO wspolnota_app;
CREATE TRIGGER platform_audit_log_append_only BEFORE UPDATE OR DELETE ON platform_audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();

-- Transactional outbox: a job is enqueued in the same transaction as the change that causes it.
CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  queue text NOT NULL,
  payload jsonb NOT NULL,
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts int NOT NULL DEFAULT 0,
  max_attempts int NOT NULL DEFAULT 8,
  locked_until timestamptz,
  last_error text,
  done_at timestamptz,
  failed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE done_at IS NULL AND failed_at IS NULL;
GRANT SELECT, INSERT, UPDATE ON jobs TO wspolnota_app;

-- Where mail lands when no SMTP server is configured (development and the demo).
CREATE TABLE dev_mailbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  to_address text NOT NULL,
  subject text NOT NULL,
  body_text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT ON dev_mailbox TO wspolnota_app;
