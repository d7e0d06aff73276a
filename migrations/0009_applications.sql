-- Residents' applications for services of the catalogue and the queue of each service (ADR 0013):
-- places per service per period, applications with their consents per purpose, and the history of
-- every status change and move in the queue.

-- Places of a service for a period; the periods of one service never overlap.
CREATE TABLE service_capacity (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL,
  period_from date NOT NULL,
  period_to date NOT NULL,
  places int NOT NULL CHECK (places BETWEEN 0 AND 100000),
  created_by uuid REFERENCES users(id),
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, service_id) REFERENCES services (municipality_id, id) ON DELETE CASCADE,
  CHECK (period_to >= period_from),
  CONSTRAINT service_capacity_no_overlap EXCLUDE USING gist
    (municipality_id WITH =, service_id WITH =, daterange(period_from, period_to, '[]') WITH &&)
);

-- An application: who applies (an account, or a person registered by staff), for whom, the need,
-- and where it stands. Applications in the queue (waiting or on hold) keep their place in
-- `queue_position`, 1..n per service without gaps, maintained on every change.
CREATE TABLE applications (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL,
  applicant_id uuid REFERENCES users(id),
  applicant_name text NOT NULL CHECK (length(applicant_name) BETWEEN 1 AND 200),
  beneficiary_name text NOT NULL CHECK (length(beneficiary_name) BETWEEN 1 AND 200),
  beneficiary_birth_year int NOT NULL CHECK (beneficiary_birth_year BETWEEN 1900 AND 2100),
  relation text NOT NULL CHECK (relation IN ('self', 'child', 'parent', 'ward', 'other')),
  contact_phone text NOT NULL DEFAULT '' CHECK (length(contact_phone) <= 40),
  contact_email text NOT NULL DEFAULT '' CHECK (length(contact_email) <= 254),
  need text NOT NULL CHECK (length(need) BETWEEN 1 AND 5000),
  channel text NOT NULL CHECK (channel IN ('online', 'in_person', 'phone')),
  registered_by uuid REFERENCES users(id),
  status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'accepted', 'declined', 'on_hold', 'forwarded', 'withdrawn')),
  status_reason text NOT NULL DEFAULT '' CHECK (length(status_reason) <= 2000),
  forwarded_to uuid,
  queue_position int CHECK (queue_position >= 1),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  version int NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, service_id) REFERENCES services (municipality_id, id),
  FOREIGN KEY (municipality_id, forwarded_to) REFERENCES units (municipality_id, id),
  CHECK ((status IN ('waiting', 'on_hold')) = (queue_position IS NOT NULL)),
  CHECK (contact_phone <> '' OR contact_email <> ''),
  CHECK (status NOT IN ('declined', 'on_hold', 'forwarded') OR status_reason <> ''),
  CHECK ((status = 'forwarded') = (forwarded_to IS NOT NULL)),
  -- One application per place of a service's queue. Deferred: shifting a range of places in one
  -- UPDATE passes through duplicates row by row; only the committed queue must be without them.
  -- Its index also answers "the queue of a service in order" and "the last place".
  CONSTRAINT applications_queue_place EXCLUDE USING btree (municipality_id WITH =, service_id WITH =, queue_position WITH =)
    WHERE (queue_position IS NOT NULL) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX applications_applicant_idx ON applications (municipality_id, applicant_id, submitted_at DESC);
CREATE INDEX applications_accepted_idx ON applications (municipality_id, service_id, decided_at) WHERE status = 'accepted';

-- Consent per purpose: processing by the centre (required to apply), sharing with a named provider,
-- forwarding to another unit. Withdrawing sets withdrawn_at; the record stays.
CREATE TABLE application_consents (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('cus_processing', 'provider_sharing', 'forwarding')),
  -- Whom the data may go to: the provider's or the unit's name as it was when consent was given.
  recipient text NOT NULL DEFAULT '' CHECK (length(recipient) <= 300),
  given_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  recorded_by uuid REFERENCES users(id),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, application_id) REFERENCES applications (municipality_id, id) ON DELETE CASCADE,
  CHECK (withdrawn_at IS NULL OR withdrawn_at >= given_at)
);
CREATE INDEX application_consents_application_idx ON application_consents (municipality_id, application_id);

-- The history of an application: submitted, every status change and every move in the queue, by whom and when.
CREATE TABLE application_events (
  municipality_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  application_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('submitted', 'status', 'moved')),
  status_from text NOT NULL DEFAULT '',
  status_to text NOT NULL DEFAULT '',
  position_from int,
  position_to int,
  reason text NOT NULL DEFAULT '',
  actor_id uuid REFERENCES users(id),
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, application_id) REFERENCES applications (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX application_events_application_idx ON application_events (municipality_id, application_id, id);

SELECT isolate_by_municipality('service_capacity', 'applications', 'application_consents', 'application_events');

-- "Who read my data": the reads of applications are found by the ids they list.
CREATE INDEX audit_log_application_reads_idx ON audit_log USING gin ((details -> 'ids')) WHERE action = 'application.read';
