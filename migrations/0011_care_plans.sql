-- Individual social services plans (IPUS, indywidualny plan usług społecznych) of a case (ADR 0014):
-- goals, services with frequency and provider, the resident's commitments, review dates, monitoring
-- notes; drawn up by the coordinator, approved by someone else (four-eyes), valid at most a year,
-- reviewed into a new revision, closed with a final interview and a summary.

CREATE TABLE care_plans (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  -- 1 for the first plan of a case; a review that changes the plan makes the next revision.
  revision int NOT NULL DEFAULT 1 CHECK (revision >= 1),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'superseded', 'closed')),
  situation text NOT NULL DEFAULT '' CHECK (length(situation) <= 10000),
  valid_from date NOT NULL,
  valid_until date NOT NULL,
  author_id uuid NOT NULL REFERENCES users(id),
  submitted_at timestamptz,
  -- Sent back to the author by the approver, with what to change.
  returned_note text NOT NULL DEFAULT '' CHECK (length(returned_note) <= 2000),
  approved_by uuid REFERENCES users(id),
  approved_at timestamptz,
  final_interview_on date,
  final_summary text NOT NULL DEFAULT '' CHECK (length(final_summary) <= 10000),
  closed_at timestamptz,
  closed_by uuid REFERENCES users(id),
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, case_id, revision),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases (municipality_id, id),
  -- Valid at most one year.
  CHECK (valid_until >= valid_from AND valid_until <= (valid_from + interval '1 year')::date),
  -- Four eyes: the author cannot approve their own plan.
  CHECK (approved_by IS NULL OR approved_by <> author_id),
  CHECK ((approved_by IS NULL) = (approved_at IS NULL)),
  CHECK (status NOT IN ('approved', 'superseded') OR approved_at IS NOT NULL),
  CHECK (status <> 'submitted' OR submitted_at IS NOT NULL),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  CHECK (status <> 'closed' OR (final_interview_on IS NOT NULL AND length(final_summary) >= 20))
);
-- One living plan per case (a draft of the next revision may sit beside the approved one).
CREATE UNIQUE INDEX care_plans_one_draft_idx ON care_plans (municipality_id, case_id) WHERE status IN ('draft', 'submitted');
CREATE UNIQUE INDEX care_plans_one_approved_idx ON care_plans (municipality_id, case_id) WHERE status = 'approved';
CREATE INDEX care_plans_expiry_idx ON care_plans (municipality_id, valid_until) WHERE status = 'approved';
-- The approvers' list of plans awaiting approval, oldest first.
CREATE INDEX care_plans_submitted_idx ON care_plans (municipality_id, submitted_at) WHERE status = 'submitted';

CREATE TABLE care_plan_goals (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL,
  position int NOT NULL,
  description text NOT NULL CHECK (length(description) BETWEEN 3 AND 2000),
  -- How the goal's achievement is seen.
  measure text NOT NULL DEFAULT '' CHECK (length(measure) <= 1000),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, plan_id) REFERENCES care_plans (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX care_plan_goals_plan_idx ON care_plan_goals (municipality_id, plan_id, position);

-- A service of the plan: from the catalogue or described, how often, by whom.
CREATE TABLE care_plan_services (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL,
  position int NOT NULL,
  service_id uuid,
  description text NOT NULL CHECK (length(description) BETWEEN 3 AND 1000),
  frequency text NOT NULL CHECK (length(frequency) BETWEEN 2 AND 200),
  provider_kind text NOT NULL CHECK (provider_kind IN ('unit', 'organisation', 'other')),
  provider_unit_id uuid,
  provider_organisation_id uuid,
  provider_name text NOT NULL DEFAULT '' CHECK (length(provider_name) <= 300),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, plan_id) REFERENCES care_plans (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, service_id) REFERENCES services (municipality_id, id),
  FOREIGN KEY (municipality_id, provider_unit_id) REFERENCES units (municipality_id, id),
  FOREIGN KEY (municipality_id, provider_organisation_id) REFERENCES organisations (municipality_id, id),
  CHECK ((provider_kind = 'unit') = (provider_unit_id IS NOT NULL)),
  CHECK ((provider_kind = 'organisation') = (provider_organisation_id IS NOT NULL)),
  CHECK (provider_kind <> 'other' OR provider_name <> '')
);
CREATE INDEX care_plan_services_plan_idx ON care_plan_services (municipality_id, plan_id, position);

-- What the resident commits to do themselves.
CREATE TABLE care_plan_commitments (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL,
  position int NOT NULL,
  description text NOT NULL CHECK (length(description) BETWEEN 3 AND 1000),
  due_on date,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, plan_id) REFERENCES care_plans (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX care_plan_commitments_plan_idx ON care_plan_commitments (municipality_id, plan_id, position);

-- Review dates (never after the plan's expiry: checked by the form, which names the field); done with a note.
CREATE TABLE care_plan_reviews (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL,
  review_on date NOT NULL,
  done_at timestamptz,
  done_by uuid REFERENCES users(id),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 5000),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, plan_id) REFERENCES care_plans (municipality_id, id) ON DELETE CASCADE,
  CHECK ((done_at IS NULL) = (done_by IS NULL))
);
CREATE INDEX care_plan_reviews_plan_idx ON care_plan_reviews (municipality_id, plan_id, review_on);

-- Monitoring: dated notes, appended, never edited.
CREATE TABLE care_plan_notes (
  municipality_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  plan_id uuid NOT NULL,
  noted_on date NOT NULL,
  body text NOT NULL CHECK (length(body) BETWEEN 3 AND 5000),
  author_id uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, plan_id) REFERENCES care_plans (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX care_plan_notes_plan_idx ON care_plan_notes (municipality_id, plan_id, noted_on DESC);

-- Deadline warnings sent (the 30-day plan deadline of a case, a plan's expiry): once each.
CREATE TABLE care_plan_warnings (
  municipality_id uuid NOT NULL,
  case_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('plan_due', 'plan_expiring')),
  subject_id uuid NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, kind, subject_id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases (municipality_id, id) ON DELETE CASCADE
);

SELECT isolate_by_municipality('care_plans', 'care_plan_goals', 'care_plan_services', 'care_plan_commitments',
  'care_plan_reviews', 'care_plan_notes', 'care_plan_warnings');
-- Monitoring notes are appended, never removed by the application (anonymisation overwrites their text).
REVOKE DELETE ON care_plan_notes FROM wspolnota_app;

-- The daily deadline-warnings job (queue care-plans.warn) is one job per Warsaw day: each run enqueues
-- the next day's and every start makes sure today's exists, so restarts never pile up duplicates.
CREATE UNIQUE INDEX jobs_care_plans_warn_day_idx ON jobs ((payload ->> 'day')) WHERE queue = 'care-plans.warn';
