-- Cases of residents known to the centre, the coordinators' teams and need-to-know access (ADR 0014).
-- A case is opened from an accepted application; it holds the resident's identity and contact for as
-- long as the retention period allows, then a scheduled job anonymises it (statistics stay).

-- Teams of coordinators under a supervisor: a coordinator sees their own cases, a supervisor the
-- cases of their team's coordinators. A team may belong to a unit of the centre: referrals to that
-- unit reach the unit's teams.
CREATE TABLE care_teams (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 3 AND 200),
  unit_id uuid,
  supervisor_id uuid REFERENCES users(id),
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, name),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES units (municipality_id, id)
);

CREATE TABLE care_team_members (
  municipality_id uuid NOT NULL,
  team_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, team_id, user_id),
  FOREIGN KEY (municipality_id, team_id) REFERENCES care_teams (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX care_team_members_user_idx ON care_team_members (municipality_id, user_id);

-- A resident's case. `resident_user_id` is the account that sees it in "Moje sprawy" (the applicant:
-- the beneficiary or their representative); staff-registered people may have none.
CREATE TABLE cases (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- Human-readable number, unique per municipality: "CUS/2026/000123".
  number text NOT NULL CHECK (length(number) BETWEEN 3 AND 40),
  opened_from uuid NOT NULL,
  resident_user_id uuid REFERENCES users(id),
  person_name text NOT NULL CHECK (length(person_name) BETWEEN 1 AND 200),
  birth_year int NOT NULL CHECK (birth_year BETWEEN 1900 AND 2100),
  representative_name text NOT NULL DEFAULT '' CHECK (length(representative_name) <= 200),
  contact_phone text NOT NULL DEFAULT '' CHECK (length(contact_phone) <= 40),
  contact_email text NOT NULL DEFAULT '' CHECK (length(contact_email) <= 254),
  coordinator_id uuid NOT NULL REFERENCES users(id),
  team_id uuid,
  -- Coordination of 3 months or more needs an individual plan (IPUS), due 30 days after the application.
  needs_plan boolean NOT NULL DEFAULT false,
  plan_due_on date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  closing_note text NOT NULL DEFAULT '' CHECK (length(closing_note) <= 5000),
  anonymised_at timestamptz,
  version int NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, number),
  UNIQUE (municipality_id, opened_from),
  FOREIGN KEY (municipality_id, opened_from) REFERENCES applications (municipality_id, id),
  FOREIGN KEY (municipality_id, team_id) REFERENCES care_teams (municipality_id, id),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  CHECK (NOT needs_plan OR plan_due_on IS NOT NULL),
  CHECK (anonymised_at IS NULL OR status = 'closed')
);
-- The coordinator's case list, newest first; a team's cases; a director's (all of one status); the
-- resident's own; the retention job's work. The lists page by keyset on (opened_at, id), so each list
-- is one range of one index read in order: id breaks ties of opened_at.
CREATE INDEX cases_coordinator_idx ON cases (municipality_id, coordinator_id, status, opened_at DESC, id DESC);
CREATE INDEX cases_team_idx ON cases (municipality_id, team_id, status, opened_at DESC, id DESC);
CREATE INDEX cases_status_idx ON cases (municipality_id, status, opened_at DESC, id DESC);
-- Search by surname anywhere in the name (pg_trgm, migration 0002).
CREATE INDEX cases_person_name_trgm_idx ON cases USING gin (person_name gin_trgm_ops);
CREATE INDEX cases_resident_idx ON cases (municipality_id, resident_user_id) WHERE resident_user_id IS NOT NULL;
CREATE INDEX cases_retention_idx ON cases (municipality_id, closed_at) WHERE status = 'closed' AND anonymised_at IS NULL;

-- Case numbers "CUS/<year>/<000001>" without gaps per municipality and year: the counter's row is
-- incremented in the opening's transaction, so concurrent openings wait for each other on that row
-- and a rolled-back opening gives its number back.
CREATE TABLE case_number_counters (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  last_number int NOT NULL CHECK (last_number BETWEEN 1 AND 999999),
  PRIMARY KEY (municipality_id, year)
);

-- Later applications of the same resident join their case.
ALTER TABLE applications ADD COLUMN case_id uuid;
ALTER TABLE applications ADD FOREIGN KEY (municipality_id, case_id) REFERENCES cases (municipality_id, id);
CREATE INDEX applications_case_idx ON applications (municipality_id, case_id) WHERE case_id IS NOT NULL;

-- Consent to share with a named provider names it by id as well as by its name at the time.
ALTER TABLE application_consents ADD COLUMN recipient_organisation_id uuid;
ALTER TABLE application_consents ADD COLUMN recipient_unit_id uuid;
ALTER TABLE application_consents ADD FOREIGN KEY (municipality_id, recipient_organisation_id) REFERENCES organisations (municipality_id, id);
ALTER TABLE application_consents ADD FOREIGN KEY (municipality_id, recipient_unit_id) REFERENCES units (municipality_id, id);
ALTER TABLE application_consents ADD CHECK (recipient_organisation_id IS NULL OR recipient_unit_id IS NULL);

-- "Break the glass": access to a case outside one's need-to-know, with a written reason, for a
-- limited time; every grant is flagged to the auditor until reviewed.
CREATE TABLE case_access_grants (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  reason text NOT NULL CHECK (length(reason) BETWEEN 10 AND 2000),
  granted_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  reviewed_by uuid REFERENCES users(id),
  reviewed_at timestamptz,
  review_note text NOT NULL DEFAULT '' CHECK (length(review_note) <= 2000),
  version int NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases (municipality_id, id) ON DELETE CASCADE,
  CHECK (expires_at > granted_at),
  CHECK ((reviewed_by IS NULL) = (reviewed_at IS NULL))
);
CREATE INDEX case_access_grants_user_idx ON case_access_grants (municipality_id, user_id, case_id, expires_at);
CREATE INDEX case_access_grants_unreviewed_idx ON case_access_grants (municipality_id, granted_at) WHERE reviewed_at IS NULL;

-- How long personal data of a closed case is kept before anonymisation; one row per municipality.
CREATE TABLE retention_policies (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  closed_case_months int NOT NULL DEFAULT 120 CHECK (closed_case_months BETWEEN 1 AND 600),
  version int NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id)
);

SELECT isolate_by_municipality('care_teams', 'care_team_members', 'cases', 'case_number_counters', 'case_access_grants', 'retention_policies');
