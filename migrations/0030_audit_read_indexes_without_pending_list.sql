-- The GIN indexes that find people's records in the audit log's read entries (0009, 0013) insert each
-- entry's ids straight into the index. With GIN's default fast update they went to a pending list that
-- the request filling it past 4 MB merged alone: a case list page (50 case ids) then took 150–250 ms
-- and wrote ~30 MB of WAL, about once every 1 300 pages. The keys are unique ids, so the list merged
-- nothing: without it an entry costs the same on average (0.29–0.44 ms against 0.13 ms plus the merges)
-- and never more than a few ms (docs/performance.md, "The case list").
ALTER INDEX audit_log_case_reads_idx SET (fastupdate = off);
ALTER INDEX audit_log_application_reads_idx SET (fastupdate = off);
ALTER INDEX audit_log_document_reads_idx SET (fastupdate = off);
-- What is still pending goes into the index now, not at some later request.
SELECT gin_clean_pending_list('audit_log_case_reads_idx'::regclass);
SELECT gin_clean_pending_list('audit_log_application_reads_idx'::regclass);
SELECT gin_clean_pending_list('audit_log_document_reads_idx'::regclass);
