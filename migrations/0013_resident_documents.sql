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

-- "Who read my data": reads naming one of the resident's cases (case, plan, referral, document and
-- application pages of a case) are found by the case ids they list; reads of documents outside a case
-- by the ids they list (as reads of applications are by the index at the end of 0009).
CREATE INDEX audit_log_case_reads_idx ON audit_log USING gin ((details -> 'cases'))
  WHERE action IN ('case.read', 'plan.read', 'referral.read', 'document.read', 'application.read');
CREATE INDEX audit_log_document_reads_idx ON audit_log USING gin ((details -> 'ids')) WHERE action = 'document.read';

-- Row-level security keeps the planner from using the GIN indexes above (`?|` is not leakproof, so
-- it may only run after the tenant check, row by row: a seq scan of the municipality's whole log).
-- This function finds, with the indexes, the reads of the CURRENT person's records in the CURRENT
-- municipality (app_user_id(), app_municipality_id(), as the RLS policies do) by anyone else —
-- their applications, the documents of their applications and cases, their cases — and returns
-- nothing but the entries' ids and times; the caller reads the entries under RLS.
CREATE FUNCTION audit_reads_of_current_person() RETURNS TABLE (id bigint, occurred_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH my_applications AS (SELECT a.id::text AS id FROM applications a WHERE a.municipality_id = app_municipality_id() AND a.applicant_id = app_user_id()),
    my_cases AS (SELECT c.id::text AS id FROM cases c WHERE c.municipality_id = app_municipality_id() AND c.resident_user_id = app_user_id()),
    my_documents AS (SELECT d.id::text AS id FROM resident_documents d WHERE d.municipality_id = app_municipality_id()
      AND (d.application_id::text IN (SELECT id FROM my_applications) OR d.case_id::text IN (SELECT id FROM my_cases)))
  SELECT l.id, l.occurred_at FROM audit_log l WHERE l.municipality_id = app_municipality_id() AND l.action = 'application.read'
    AND l.details -> 'ids' ?| ARRAY(SELECT id FROM my_applications) AND l.actor_user_id IS DISTINCT FROM app_user_id()
  UNION
  SELECT l.id, l.occurred_at FROM audit_log l WHERE l.municipality_id = app_municipality_id() AND l.action = 'document.read'
    AND l.details -> 'ids' ?| ARRAY(SELECT id FROM my_applications UNION ALL SELECT id FROM my_documents) AND l.actor_user_id IS DISTINCT FROM app_user_id()
  UNION
  SELECT l.id, l.occurred_at FROM audit_log l WHERE l.municipality_id = app_municipality_id()
    AND l.action IN ('case.read', 'plan.read', 'referral.read', 'document.read', 'application.read')
    AND l.details -> 'cases' ?| ARRAY(SELECT id FROM my_cases) AND l.actor_user_id IS DISTINCT FROM app_user_id()
$$;
REVOKE ALL ON FUNCTION audit_reads_of_current_person() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_reads_of_current_person() TO wspolnota_app;
