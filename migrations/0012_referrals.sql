-- Referrals with a closed loop (ADR 0014): from a plan or an application to a provider — a unit of
-- the centre or an organisation of the registry — which accepts or rejects, delivers and records it.
-- No referral without a live consent to share with that provider, unless a permitted override is
-- recorded with its reason.

CREATE TABLE referrals (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  plan_id uuid,
  plan_service_id uuid,
  application_id uuid,
  provider_kind text NOT NULL CHECK (provider_kind IN ('unit', 'organisation')),
  unit_id uuid,
  organisation_id uuid,
  service_id uuid,
  -- What is asked of the provider, and what of the resident it may see (consent and the service's need).
  service_label text NOT NULL CHECK (length(service_label) BETWEEN 3 AND 300),
  shared_details text NOT NULL DEFAULT '' CHECK (length(shared_details) <= 5000),
  consent_id uuid,
  override_basis text CHECK (override_basis IN ('vital_interest', 'legal_obligation', 'court_order')),
  override_reason text NOT NULL DEFAULT '' CHECK (length(override_reason) <= 2000),
  status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'accepted', 'rejected', 'in_progress', 'completed', 'cancelled')),
  status_reason text NOT NULL DEFAULT '' CHECK (length(status_reason) <= 2000),
  -- The provider should answer by this day; past it, a sent referral is overdue.
  respond_by date NOT NULL,
  sent_by uuid REFERENCES users(id),
  sent_at timestamptz NOT NULL DEFAULT now(),
  accepted_at timestamptz,
  completed_at timestamptz,
  outcome text NOT NULL DEFAULT '' CHECK (length(outcome) <= 5000),
  version int NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases (municipality_id, id),
  FOREIGN KEY (municipality_id, plan_id) REFERENCES care_plans (municipality_id, id),
  FOREIGN KEY (municipality_id, plan_service_id) REFERENCES care_plan_services (municipality_id, id),
  FOREIGN KEY (municipality_id, application_id) REFERENCES applications (municipality_id, id),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES units (municipality_id, id),
  FOREIGN KEY (municipality_id, organisation_id) REFERENCES organisations (municipality_id, id),
  FOREIGN KEY (municipality_id, service_id) REFERENCES services (municipality_id, id),
  FOREIGN KEY (municipality_id, consent_id) REFERENCES application_consents (municipality_id, id),
  CHECK ((provider_kind = 'unit') = (unit_id IS NOT NULL)),
  CHECK ((provider_kind = 'organisation') = (organisation_id IS NOT NULL)),
  CHECK (plan_id IS NOT NULL OR application_id IS NOT NULL),
  -- The consent gate, kept by the database too.
  CHECK (consent_id IS NOT NULL OR (override_basis IS NOT NULL AND length(override_reason) >= 10)),
  CHECK (override_basis IS NULL OR length(override_reason) >= 10),
  CHECK (plan_service_id IS NULL OR plan_id IS NOT NULL),
  CHECK (status NOT IN ('rejected', 'cancelled') OR status_reason <> ''),
  -- Accepted before work starts; the completion has its time. (The outcome is required by the form,
  -- not here: anonymisation empties it and keeps the status.)
  CHECK (status NOT IN ('accepted', 'in_progress', 'completed') OR accepted_at IS NOT NULL),
  CHECK ((status = 'completed') = (completed_at IS NOT NULL))
);
CREATE INDEX referrals_case_idx ON referrals (municipality_id, case_id, sent_at DESC);
CREATE INDEX referrals_organisation_inbox_idx ON referrals (municipality_id, organisation_id, status, sent_at DESC) WHERE organisation_id IS NOT NULL;
CREATE INDEX referrals_unit_inbox_idx ON referrals (municipality_id, unit_id, status, sent_at DESC) WHERE unit_id IS NOT NULL;
CREATE INDEX referrals_open_idx ON referrals (municipality_id, respond_by) WHERE status = 'sent';
-- The open referrals that rely on a consent, found when the resident withdraws it.
CREATE INDEX referrals_consent_idx ON referrals (municipality_id, consent_id) WHERE consent_id IS NOT NULL;

-- Every change of status: when, by whom, why.
CREATE TABLE referral_events (
  municipality_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  referral_id uuid NOT NULL,
  status_from text NOT NULL DEFAULT '',
  status_to text NOT NULL,
  reason text NOT NULL DEFAULT '',
  actor_id uuid REFERENCES users(id),
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, referral_id) REFERENCES referrals (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX referral_events_referral_idx ON referral_events (municipality_id, referral_id, id);

-- What the provider delivered: a day, minutes or units, a note.
CREATE TABLE referral_deliveries (
  municipality_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  referral_id uuid NOT NULL,
  delivered_on date NOT NULL,
  minutes int CHECK (minutes BETWEEN 1 AND 1440),
  units numeric(8, 2) CHECK (units > 0 AND units <= 10000),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  recorded_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, referral_id) REFERENCES referrals (municipality_id, id) ON DELETE CASCADE,
  CHECK (minutes IS NOT NULL OR units IS NOT NULL)
);
CREATE INDEX referral_deliveries_referral_idx ON referral_deliveries (municipality_id, referral_id, delivered_on DESC);

SELECT isolate_by_municipality('referrals', 'referral_events', 'referral_deliveries');
