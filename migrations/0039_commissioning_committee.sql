-- The competition committee of a call (issue 17, ADR 0033): its members (staff and nominees of organisations),
-- their declarations of conflict of interest per offer (insert-only, each with its time), their individual score
-- sheets (hidden from the others until submitted) and one consensus sheet per offer with the formal assessment.
CREATE TABLE commissioning_committee_members (
  municipality_id uuid NOT NULL,
  call_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  kind text NOT NULL CHECK (kind IN ('staff', 'nominee')),
  -- The organisation that nominated a nominee (the registry's, verified at appointment).
  organisation_id uuid,
  chair boolean NOT NULL DEFAULT false,
  appointed_by uuid REFERENCES users(id),
  appointed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, call_id, user_id),
  FOREIGN KEY (municipality_id, call_id) REFERENCES commissioning_calls (municipality_id, id),
  FOREIGN KEY (municipality_id, organisation_id) REFERENCES organisations (municipality_id, id),
  CHECK ((kind = 'nominee') = (organisation_id IS NOT NULL))
);
CREATE UNIQUE INDEX commissioning_committee_one_chair ON commissioning_committee_members (municipality_id, call_id) WHERE chair;

-- Declared before the offer is opened; never changed nor deleted by the application's role.
CREATE TABLE commissioning_conflict_declarations (
  municipality_id uuid NOT NULL,
  offer_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  conflict boolean NOT NULL,
  explanation text NOT NULL DEFAULT '' CHECK (length(explanation) <= 2000),
  declared_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, offer_id, user_id),
  FOREIGN KEY (municipality_id, offer_id) REFERENCES commissioning_offers (municipality_id, id)
);

-- One member's sheet for one offer: [{ "score", "justification" }] in the call's criteria order.
CREATE TABLE commissioning_score_sheets (
  municipality_id uuid NOT NULL,
  offer_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  scores jsonb NOT NULL DEFAULT '[]',
  submitted_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, offer_id, user_id),
  FOREIGN KEY (municipality_id, offer_id) REFERENCES commissioning_offers (municipality_id, id)
);

-- The committee's one sheet per offer: the formal assessment, then the agreed scores (edited by the chair or staff).
CREATE TABLE commissioning_consensus (
  municipality_id uuid NOT NULL,
  offer_id uuid NOT NULL,
  formal text NOT NULL DEFAULT 'pending' CHECK (formal IN ('pending', 'ok', 'errors')),
  formal_notes text NOT NULL DEFAULT '' CHECK (length(formal_notes) <= 5000),
  scores jsonb NOT NULL DEFAULT '[]',
  total integer CHECK (total >= 0),
  remarks text NOT NULL DEFAULT '' CHECK (length(remarks) <= 5000),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, offer_id),
  FOREIGN KEY (municipality_id, offer_id) REFERENCES commissioning_offers (municipality_id, id),
  CHECK (formal = 'ok' OR total IS NULL)
);

SELECT isolate_by_municipality('commissioning_committee_members', 'commissioning_conflict_declarations', 'commissioning_score_sheets', 'commissioning_consensus');
REVOKE UPDATE, DELETE ON commissioning_conflict_declarations FROM wspolnota_app;
