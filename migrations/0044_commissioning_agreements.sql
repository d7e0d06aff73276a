-- Agreements and reports of commissioned public tasks (issue 17, ADR 0038): one agreement per funded offer (art. 16
-- of the public benefit act, the 2018 framework template), its terms in numbered versions (1: the offer's; then the
-- updated schedule and budget when the grant is lower than asked, and each accepted annex), the offeror's change
-- requests with staff's answer, and partial and final reports whose every submission is kept as submitted.
-- Money in grosze.
CREATE TABLE commissioning_agreements (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  offer_id uuid NOT NULL,
  -- "3/2026": the municipality's sequence within the year of creation.
  number text NOT NULL CHECK (length(number) BETWEEN 1 AND 40),
  task text NOT NULL CHECK (length(task) BETWEEN 1 AND 300),
  grant_amount integer NOT NULL CHECK (grant_amount > 0),
  period_from date NOT NULL,
  period_to date NOT NULL CHECK (period_to >= period_from),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'ready', 'signed', 'settled', 'terminated')),
  signed_on date,
  closing_reasons text NOT NULL DEFAULT '' CHECK (length(closing_reasons) <= 5000),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, offer_id),
  UNIQUE (municipality_id, number),
  FOREIGN KEY (municipality_id, offer_id) REFERENCES commissioning_offers (municipality_id, id),
  CHECK ((status IN ('draft', 'ready')) = (signed_on IS NULL))
);

-- The terms as agreed: number 1 from the offer, then each accepted update or annex. Never changed nor deleted.
CREATE TABLE commissioning_agreement_versions (
  municipality_id uuid NOT NULL,
  agreement_id uuid NOT NULL,
  number integer NOT NULL CHECK (number >= 1),
  kind text NOT NULL CHECK (kind IN ('offer', 'update', 'annex')),
  schedule jsonb NOT NULL,
  cost_lines jsonb NOT NULL,
  reasons text NOT NULL DEFAULT '' CHECK (length(reasons) <= 5000),
  accepted_by uuid REFERENCES users(id),
  accepted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, agreement_id, number),
  FOREIGN KEY (municipality_id, agreement_id) REFERENCES commissioning_agreements (municipality_id, id),
  CHECK ((number = 1) = (kind = 'offer'))
);

-- The offeror's requests (an updated schedule and budget before signing, an annex after), answered by staff.
CREATE TABLE commissioning_change_requests (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  agreement_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('update', 'annex')),
  schedule jsonb NOT NULL,
  cost_lines jsonb NOT NULL,
  reasons text NOT NULL CHECK (length(reasons) BETWEEN 1 AND 5000),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'refused')),
  requested_by uuid REFERENCES users(id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  answer text NOT NULL DEFAULT '' CHECK (length(answer) <= 5000),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, agreement_id) REFERENCES commissioning_agreements (municipality_id, id),
  CHECK ((status = 'pending') = (decided_at IS NULL))
);
CREATE UNIQUE INDEX commissioning_change_one_pending ON commissioning_change_requests (municipality_id, agreement_id) WHERE status = 'pending';

CREATE TABLE commissioning_reports (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  agreement_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('partial', 'final')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'accepted', 'returned')),
  done text NOT NULL DEFAULT '' CHECK (length(done) <= 10000),
  results text NOT NULL DEFAULT '' CHECK (length(results) <= 10000),
  -- [{ "name", "total", "grant", "own_financial", "own_in_kind", "volunteer" }]: spent, by the agreement's cost lines.
  expenses jsonb NOT NULL DEFAULT '[]',
  remarks text NOT NULL DEFAULT '' CHECK (length(remarks) <= 5000),
  reviewed_by uuid REFERENCES users(id),
  reviewed_at timestamptz,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, agreement_id) REFERENCES commissioning_agreements (municipality_id, id)
);
CREATE INDEX commissioning_reports_agreement_idx ON commissioning_reports (municipality_id, agreement_id);

-- Each submission as submitted (its SHA-256 and the server's time): never changed nor deleted.
CREATE TABLE commissioning_report_submissions (
  municipality_id uuid NOT NULL,
  report_id uuid NOT NULL,
  number integer NOT NULL CHECK (number >= 1),
  content jsonb NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  submitted_by uuid REFERENCES users(id),
  PRIMARY KEY (municipality_id, report_id, number),
  FOREIGN KEY (municipality_id, report_id) REFERENCES commissioning_reports (municipality_id, id)
);

SELECT isolate_by_municipality('commissioning_agreements', 'commissioning_agreement_versions', 'commissioning_change_requests', 'commissioning_reports', 'commissioning_report_submissions');
REVOKE UPDATE, DELETE ON commissioning_agreement_versions, commissioning_report_submissions FROM wspolnota_app;
