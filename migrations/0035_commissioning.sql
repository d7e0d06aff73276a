-- Commissioning public tasks (issue 17, ADR 0032): open calls for offers (art. 13 of the public benefit act),
-- offers of organisations from the registry on the 2018 form's structure, their submitted versions (immutable:
-- the offer as JSON, its SHA-256 and the server's time) and the decisions on them. Money in grosze (integers).
CREATE TABLE commissioning_calls (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  number integer NOT NULL CHECK (number >= 1),
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 300),
  tasks text NOT NULL CHECK (length(tasks) BETWEEN 1 AND 5000),
  -- The catalogue services the tasks deliver (catalog's services, by id).
  service_ids uuid[] NOT NULL DEFAULT '{}',
  sphere text NOT NULL,
  total_amount integer NOT NULL CHECK (total_amount > 0),
  grant_ceiling integer NOT NULL CHECK (grant_ceiling > 0 AND grant_ceiling <= total_amount),
  -- Minimum own contribution, in hundredths of a per cent (10 % = 1000).
  min_own_basis_points integer NOT NULL DEFAULT 0 CHECK (min_own_basis_points BETWEEN 0 AND 10000),
  criteria jsonb NOT NULL DEFAULT '[]',
  rules text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'resolved')),
  published_at timestamptz,
  offers_close_at timestamptz NOT NULL,
  results_published_at timestamptz,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, number),
  CHECK ((status = 'draft') = (published_at IS NULL)),
  CHECK (published_at IS NULL OR offers_close_at >= published_at + interval '21 days'),
  CHECK ((status = 'resolved') = (results_published_at IS NOT NULL))
);
CREATE INDEX commissioning_calls_sphere_idx ON commissioning_calls (municipality_id, sphere, published_at);

CREATE TABLE commissioning_offers (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  call_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  -- Joint offers: [{ "organisation_id", "name", "share_basis_points" }]
  partners jsonb NOT NULL DEFAULT '[]',
  title text NOT NULL DEFAULT '',
  task_description text NOT NULL DEFAULT '',
  -- [{ "action", "from", "to" }] (YYYY-MM-DD)
  schedule jsonb NOT NULL DEFAULT '[]',
  expected_results text NOT NULL DEFAULT '',
  -- [{ "name", "total", "grant", "own_financial", "own_in_kind", "volunteer" }] in grosze
  cost_lines jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'withdrawn', 'formally_rejected', 'awarded', 'not_awarded')),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, call_id) REFERENCES commissioning_calls (municipality_id, id),
  FOREIGN KEY (municipality_id, organisation_id) REFERENCES organisations (municipality_id, id)
);
CREATE INDEX commissioning_offers_call_idx ON commissioning_offers (municipality_id, call_id, status);
CREATE INDEX commissioning_offers_organisation_idx ON commissioning_offers (municipality_id, organisation_id);

-- What was submitted, as submitted: never updated nor deleted by the application's role.
CREATE TABLE commissioning_offer_versions (
  municipality_id uuid NOT NULL,
  offer_id uuid NOT NULL,
  number integer NOT NULL CHECK (number >= 1),
  content jsonb NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  submitted_at timestamptz NOT NULL,
  submitted_by uuid REFERENCES users(id),
  PRIMARY KEY (municipality_id, offer_id, number),
  FOREIGN KEY (municipality_id, offer_id) REFERENCES commissioning_offers (municipality_id, id)
);

CREATE TABLE commissioning_decisions (
  municipality_id uuid NOT NULL,
  offer_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('formally_rejected', 'awarded', 'not_awarded')),
  amount integer CHECK (amount > 0),
  reasons text NOT NULL CHECK (length(reasons) BETWEEN 1 AND 5000),
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, offer_id),
  FOREIGN KEY (municipality_id, offer_id) REFERENCES commissioning_offers (municipality_id, id),
  CHECK ((kind = 'awarded') = (amount IS NOT NULL))
);

SELECT isolate_by_municipality('commissioning_calls', 'commissioning_offers', 'commissioning_offer_versions', 'commissioning_decisions');
REVOKE UPDATE, DELETE ON commissioning_offer_versions FROM wspolnota_app;
