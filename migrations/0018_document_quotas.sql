-- Storage quotas for documents (per resident and per municipality): the sum of the sizes of the
-- documents still kept, read at every upload — from this index alone, never the contents.
CREATE INDEX resident_documents_kept_idx ON resident_documents (municipality_id, uploaded_by) INCLUDE (size_bytes) WHERE removed_at IS NULL;
