-- The participatory budget's proposals (issue 18, ADR 0034): residents' drafts and submitted proposals with
-- cost lines, residents' support (one per person and proposal), and the staff's verification — formal, legal,
-- cost, feasibility, each with its reason — published with the appeal's deadline, the author's appeal and its
-- final decision. A proposal that passes becomes a row of budget_projects (status 'on_ballot'), which the vote
-- and the results read exactly as they read imported projects.

-- Days the author has to appeal a negative verdict (counted from the day it is published, to that day's end).
ALTER TABLE budget_editions ADD COLUMN appeal_days integer NOT NULL DEFAULT 7 CHECK (appeal_days BETWEEN 1 AND 60);
-- Signatures a proposal of the pool needs; the act allows at most 0.1 % of the pool's residents.
ALTER TABLE budget_pools ADD COLUMN support_threshold integer CHECK (support_threshold >= 0);
ALTER TABLE budget_pools ADD CONSTRAINT budget_pools_threshold_max
  CHECK (support_threshold IS NULL OR (residents IS NOT NULL AND support_threshold * 1000 <= residents));

CREATE TABLE budget_proposals (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  edition_id uuid NOT NULL,
  pool_id uuid NOT NULL,
  author_id uuid NOT NULL REFERENCES users(id),
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 300),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
  place text NOT NULL CHECK (length(place) BETWEEN 1 AND 300),
  cost bigint NOT NULL CHECK (cost > 0),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'on_ballot', 'rejected', 'appealed', 'appeal_dismissed')),
  submitted_at timestamptz,
  project_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, edition_id) REFERENCES budget_editions (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, pool_id) REFERENCES budget_pools (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, project_id) REFERENCES budget_projects (municipality_id, id),
  UNIQUE (municipality_id, project_id),
  CHECK ((status = 'draft') = (submitted_at IS NULL)),
  CHECK ((status = 'on_ballot') = (project_id IS NOT NULL))
);
CREATE INDEX budget_proposals_edition_idx ON budget_proposals (municipality_id, edition_id, status);
CREATE INDEX budget_proposals_author_idx ON budget_proposals (municipality_id, author_id);

CREATE TABLE budget_proposal_cost_lines (
  municipality_id uuid NOT NULL,
  proposal_id uuid NOT NULL,
  position integer NOT NULL,
  item text NOT NULL CHECK (length(item) BETWEEN 1 AND 300),
  amount bigint NOT NULL CHECK (amount > 0),
  PRIMARY KEY (municipality_id, proposal_id, position),
  FOREIGN KEY (municipality_id, proposal_id) REFERENCES budget_proposals (municipality_id, id) ON DELETE CASCADE
);

-- One signature per person and proposal: the primary key is the rule (two at once: one waits and finds the other).
CREATE TABLE budget_proposal_supports (
  municipality_id uuid NOT NULL,
  proposal_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, proposal_id, user_id),
  FOREIGN KEY (municipality_id, proposal_id) REFERENCES budget_proposals (municipality_id, id) ON DELETE CASCADE
);

-- The verification of one proposal: each check passes (true), fails (false) or is not yet done (NULL), a failed one
-- with its reason. Published, it is final for staff; a negative verdict may be appealed until `appeal_until`.
CREATE TABLE budget_verifications (
  municipality_id uuid NOT NULL,
  proposal_id uuid NOT NULL,
  formal_ok boolean,
  formal_reason text NOT NULL DEFAULT '' CHECK (length(formal_reason) <= 5000),
  legal_ok boolean,
  legal_reason text NOT NULL DEFAULT '' CHECK (length(legal_reason) <= 5000),
  cost_ok boolean,
  cost_reason text NOT NULL DEFAULT '' CHECK (length(cost_reason) <= 5000),
  feasibility_ok boolean,
  feasibility_reason text NOT NULL DEFAULT '' CHECK (length(feasibility_reason) <= 5000),
  verified_by uuid NOT NULL REFERENCES users(id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  verdict text CHECK (verdict IN ('positive', 'negative')),
  published_at timestamptz,
  appeal_until timestamptz,
  appeal_text text CHECK (length(appeal_text) BETWEEN 1 AND 5000),
  appealed_at timestamptz,
  appeal_decision text CHECK (appeal_decision IN ('upheld', 'dismissed')),
  appeal_reason text CHECK (length(appeal_reason) BETWEEN 1 AND 5000),
  appeal_decided_by uuid REFERENCES users(id),
  appeal_decided_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, proposal_id),
  FOREIGN KEY (municipality_id, proposal_id) REFERENCES budget_proposals (municipality_id, id) ON DELETE CASCADE,
  CHECK ((status = 'published') = (verdict IS NOT NULL AND published_at IS NOT NULL)),
  CHECK ((verdict = 'negative') = (appeal_until IS NOT NULL)),
  CHECK ((appeal_text IS NULL) = (appealed_at IS NULL)),
  CHECK (appeal_text IS NULL OR verdict = 'negative'),
  CHECK ((appeal_decision IS NULL) = (appeal_decided_by IS NULL) AND (appeal_decision IS NULL) = (appeal_reason IS NULL)),
  CHECK (appeal_decision IS NULL OR appeal_text IS NOT NULL),
  -- Four eyes on an appeal: the officer who gave the verdict does not decide the appeal against it.
  CHECK (appeal_decided_by IS NULL OR appeal_decided_by <> verified_by)
);

SELECT isolate_by_municipality('budget_proposals', 'budget_proposal_cost_lines', 'budget_proposal_supports', 'budget_verifications');
