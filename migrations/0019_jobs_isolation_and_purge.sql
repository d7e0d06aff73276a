-- The outbox holds a municipality's mail (names, decisions, links), so like every tenant table it
-- names its municipality and is under row-level security. Jobs of the platform (account mail, the
-- nightly runs) name none: only the job worker sees them. The worker's transactions set
-- app.jobs_worker = 'on'; it claims and runs every municipality's jobs. Mail payloads are sealed by
-- the application (AES-256-GCM) and finished jobs are purged daily by the worker — ADR 0004.
-- The key stays `id` alone: a platform job has no municipality to lead it.
ALTER TABLE jobs ADD COLUMN municipality_id uuid REFERENCES municipalities(id) DEFAULT app_municipality_id();

CREATE FUNCTION app_jobs_worker() RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('app.jobs_worker', true), '') = 'on' $$;

ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON jobs
  USING (app_jobs_worker() OR municipality_id = app_municipality_id())
  WITH CHECK (app_jobs_worker() OR municipality_id IS NULL OR municipality_id = app_municipality_id());
GRANT DELETE ON jobs TO wspolnota_app;

-- What a scheduler asks (one pending run of a platform job at a time) without seeing the jobs.
CREATE FUNCTION platform_job_pending_later(queue_name text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT EXISTS (SELECT 1 FROM jobs WHERE queue = queue_name AND municipality_id IS NULL
                    AND done_at IS NULL AND failed_at IS NULL AND run_at > now()) $$;
REVOKE ALL ON FUNCTION platform_job_pending_later(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_job_pending_later(text) TO wspolnota_app;

-- The daily purge finds finished jobs by when they ended.
CREATE INDEX jobs_finished_idx ON jobs ((coalesce(done_at, failed_at))) WHERE done_at IS NOT NULL OR failed_at IS NOT NULL;
