-- Public consultations of documents (ADR 0028): a consultation, its text split into numbered parts,
-- the remarks on them (comments by residents and organisations, written remarks entered by staff),
-- the centre's position on each remark, and the report. The consulted text is kept as it was when the
-- consultation closed (consulted_text), so that the text after the consultation is shown with a diff.
CREATE TABLE consultations (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  subject text NOT NULL CHECK (length(subject) BETWEEN 3 AND 300),
  legal_basis text NOT NULL DEFAULT '',
  audience text[] NOT NULL CHECK (cardinality(audience) >= 1),
  forms text[] NOT NULL CHECK (cardinality(forms) >= 1),
  meeting_id uuid,
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL,
  contact text NOT NULL DEFAULT '',
  documents text NOT NULL DEFAULT '',
  allow_anonymous boolean NOT NULL DEFAULT false,
  text_title text NOT NULL DEFAULT '',
  consulted_text jsonb,
  report_published_at timestamptz,
  report_path text,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  CHECK (closes_at > opens_at)
);
CREATE INDEX consultations_opens_idx ON consultations (municipality_id, opens_at DESC);

CREATE TABLE consultation_parts (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL,
  position integer NOT NULL,
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  chapter text NOT NULL DEFAULT '',
  body text NOT NULL DEFAULT '',
  removed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, consultation_id) REFERENCES consultations (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX consultation_parts_order_idx ON consultation_parts (municipality_id, consultation_id, position);

CREATE TABLE consultation_remarks (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL,
  part_id uuid,
  source text NOT NULL CHECK (source IN ('comment', 'written', 'meeting')),
  author_id uuid REFERENCES users(id),
  author_name text NOT NULL DEFAULT '',
  organisation_id uuid,
  organisation_name text NOT NULL DEFAULT '',
  anonymous boolean NOT NULL DEFAULT false,
  quote text NOT NULL DEFAULT '',
  content text NOT NULL CHECK (length(content) BETWEEN 1 AND 5000),
  proposal text NOT NULL DEFAULT '',
  received_on date,
  entered_by uuid REFERENCES users(id),
  hidden_at timestamptz,
  hidden_reason text NOT NULL DEFAULT '',
  hidden_by uuid REFERENCES users(id),
  position text CHECK (position IN ('accepted', 'partly', 'rejected', 'not_applicable')),
  reasons text NOT NULL DEFAULT '',
  position_by uuid REFERENCES users(id),
  position_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, consultation_id) REFERENCES consultations (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, part_id) REFERENCES consultation_parts (municipality_id, id)
);
CREATE INDEX consultation_remarks_of_idx ON consultation_remarks (municipality_id, consultation_id, created_at);
CREATE INDEX consultation_remarks_author_idx ON consultation_remarks (municipality_id, author_id) WHERE author_id IS NOT NULL;

SELECT isolate_by_municipality('consultations', 'consultation_parts', 'consultation_remarks');
