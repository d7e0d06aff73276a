-- The participatory budget (issue 18, ADR 0030): editions with their resolution's rules and phases, pools
-- (districts and city-wide), projects with cost lines, and the vote kept secret: `budget_voters` says only
-- that a keyed hash (HMAC of the account or of the PESEL, never the PESEL) has voted in an edition's scope;
-- `budget_ballots` holds what was chosen with no reference to a voter and no time. The application role may
-- add ballots, never change or delete them: a vote changed (where the edition allows it) is a new ballot and
-- a row in `budget_ballot_withdrawals` naming the old one, found by the hash of the change code only the voter holds.
CREATE TABLE budget_editions (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 3 AND 300),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2200),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
  source text NOT NULL DEFAULT 'app' CHECK (source IN ('app', 'pabulib')),
  ballot_kind text NOT NULL CHECK (ballot_kind IN ('approval', 'choose-one', 'cumulative', 'ordinal')),
  max_projects integer CHECK (max_projects > 0),
  min_projects integer CHECK (min_projects >= 0),
  max_points integer CHECK (max_points > 0),
  rank_points integer[],
  rule text NOT NULL CHECK (rule IN ('greedy', 'greedy-no-skip', 'greedy-threshold', 'equal-shares')),
  tie_break text[] NOT NULL DEFAULT '{}',
  min_score integer CHECK (min_score >= 0),
  age_limit integer CHECK (age_limit BETWEEN 0 AND 120),
  change_allowed boolean NOT NULL DEFAULT false,
  currency text NOT NULL DEFAULT 'PLN',
  pabulib_meta jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id)
);
CREATE INDEX budget_editions_year_idx ON budget_editions (municipality_id, year DESC);

-- The resolution's phases: proposals, support, verification, appeals, voting, results, implementation.
CREATE TABLE budget_phases (
  municipality_id uuid NOT NULL,
  edition_id uuid NOT NULL,
  phase text NOT NULL CHECK (phase IN ('proposals', 'support', 'verification', 'appeals', 'voting', 'results', 'implementation')),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, edition_id, phase),
  FOREIGN KEY (municipality_id, edition_id) REFERENCES budget_editions (municipality_id, id) ON DELETE CASCADE,
  CHECK (ends_at > starts_at)
);

CREATE TABLE budget_pools (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  edition_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('district', 'city')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  budget bigint NOT NULL CHECK (budget > 0),
  residents integer CHECK (residents >= 0),
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, edition_id) REFERENCES budget_editions (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX budget_pools_edition_idx ON budget_pools (municipality_id, edition_id, position);

CREATE TABLE budget_projects (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  edition_id uuid NOT NULL,
  pool_id uuid NOT NULL,
  external_id text CHECK (length(external_id) BETWEEN 1 AND 100),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description text NOT NULL DEFAULT '',
  place text NOT NULL DEFAULT '',
  cost bigint NOT NULL CHECK (cost > 0),
  status text NOT NULL DEFAULT 'on_ballot' CHECK (status IN ('submitted', 'rejected', 'on_ballot')),
  pabulib_fields jsonb,
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, edition_id, external_id),
  FOREIGN KEY (municipality_id, edition_id) REFERENCES budget_editions (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, pool_id) REFERENCES budget_pools (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX budget_projects_pool_idx ON budget_projects (municipality_id, pool_id, position);

CREATE TABLE budget_cost_lines (
  municipality_id uuid NOT NULL,
  project_id uuid NOT NULL,
  position integer NOT NULL,
  item text NOT NULL CHECK (length(item) BETWEEN 1 AND 300),
  amount bigint NOT NULL CHECK (amount > 0),
  PRIMARY KEY (municipality_id, project_id, position),
  FOREIGN KEY (municipality_id, project_id) REFERENCES budget_projects (municipality_id, id) ON DELETE CASCADE
);

-- Who has voted, as a keyed hash: scope 'city' or 'district' (one ballot of each per edition), key_kind
-- 'account' or 'pesel'. No time, no pool, no ballot: nothing joins a voter to what they chose.
CREATE TABLE budget_voters (
  municipality_id uuid NOT NULL,
  edition_id uuid NOT NULL,
  scope text NOT NULL CHECK (scope IN ('city', 'district')),
  voter_key text NOT NULL CHECK (voter_key ~ '^(account|pesel):[0-9a-f]{64}$'),
  PRIMARY KEY (municipality_id, edition_id, scope, voter_key),
  FOREIGN KEY (municipality_id, edition_id) REFERENCES budget_editions (municipality_id, id) ON DELETE CASCADE
);

-- What was chosen: projects in the order given (ordinal: rank order), points aligned (cumulative).
CREATE TABLE budget_ballots (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  edition_id uuid NOT NULL,
  pool_id uuid NOT NULL,
  channel text NOT NULL CHECK (channel IN ('online', 'paper', 'imported')),
  projects uuid[] NOT NULL,
  points integer[],
  change_hash text CHECK (change_hash ~ '^[0-9a-f]{64}$'),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, change_hash),
  FOREIGN KEY (municipality_id, edition_id) REFERENCES budget_editions (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, pool_id) REFERENCES budget_pools (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX budget_ballots_pool_idx ON budget_ballots (municipality_id, pool_id);

CREATE TABLE budget_ballot_withdrawals (
  municipality_id uuid NOT NULL,
  ballot_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, ballot_id),
  FOREIGN KEY (municipality_id, ballot_id) REFERENCES budget_ballots (municipality_id, id) ON DELETE CASCADE
);

-- A paper ballot typed by one officer waits for a second officer's check (four eyes). The voter's key and
-- the choices are kept only until then: confirming (or rejecting) clears them, leaving who entered and checked.
CREATE TABLE budget_paper_entries (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  edition_id uuid NOT NULL,
  pool_id uuid NOT NULL,
  voter_key text CHECK (voter_key ~ '^pesel:[0-9a-f]{64}$'),
  projects uuid[],
  points integer[],
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'rejected')),
  entered_by uuid NOT NULL REFERENCES users(id),
  entered_at timestamptz NOT NULL DEFAULT now(),
  checked_by uuid REFERENCES users(id),
  checked_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, edition_id) REFERENCES budget_editions (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, pool_id) REFERENCES budget_pools (municipality_id, id) ON DELETE CASCADE,
  CHECK (checked_by IS NULL OR checked_by <> entered_by),
  CHECK ((status = 'pending') = (voter_key IS NOT NULL AND projects IS NOT NULL))
);
CREATE INDEX budget_paper_entries_pending_idx ON budget_paper_entries (municipality_id, edition_id) WHERE status = 'pending';

SELECT isolate_by_municipality('budget_editions', 'budget_phases', 'budget_pools', 'budget_projects', 'budget_cost_lines', 'budget_voters',
  'budget_ballots', 'budget_ballot_withdrawals', 'budget_paper_entries');
-- Append-only: a voter who has voted stays voted; a ballot is never changed or deleted by the application.
REVOKE UPDATE, DELETE ON budget_voters, budget_ballots, budget_ballot_withdrawals FROM wspolnota_app;
