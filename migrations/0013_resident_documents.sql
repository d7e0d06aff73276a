-- Documents a resident or staff attach to an application or a case (scans of certificates, letters):
-- kept in the database with their checksum, size-limited, read with an audit entry by staff.
CREATE TABLE resident_documents (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  application_id uuid,
  case_id uuid,
  filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes int NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea,
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 300),
  uploaded_by uuid REFERENCES users(id),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  -- Removed by the person who added it, or anonymised with the case: the content goes, the record stays.
  removed_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, application_id) REFERENCES applications (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases (municipality_id, id) ON DELETE CASCADE,
  CHECK (application_id IS NOT NULL OR case_id IS NOT NULL),
  CHECK ((removed_at IS NULL) = (content IS NOT NULL))
);
CREATE INDEX resident_documents_application_idx ON resident_documents (municipality_id, application_id) WHERE application_id IS NOT NULL;
CREATE INDEX resident_documents_case_idx ON resident_documents (municipality_id, case_id) WHERE case_id IS NOT NULL;

SELECT isolate_by_municipality('resident_documents');
