-- Search reads normalized text kept beside each service instead of normalizing every row on every
-- query (a search of 20 000 services took seconds). Trigram indexes serve typo-tolerant matching
-- on names (<%, similarity) and substring matching (ILIKE '%…%') on names, summaries and descriptions.
ALTER TABLE services
  ADD COLUMN search_name text GENERATED ALWAYS AS (search_normalize(name)) STORED,
  ADD COLUMN search_doc text GENERATED ALWAYS AS (search_normalize(name || ' ' || summary)) STORED,
  ADD COLUMN search_desc text GENERATED ALWAYS AS (search_normalize(description)) STORED;
DROP INDEX services_search_trgm_idx;
CREATE INDEX services_search_name_trgm_idx ON services USING gin (search_name gin_trgm_ops);
CREATE INDEX services_search_doc_trgm_idx ON services USING gin (search_doc gin_trgm_ops);
CREATE INDEX services_search_desc_trgm_idx ON services USING gin (search_desc gin_trgm_ops);

-- Row-level security keeps the planner from using these indexes (the trigram operators are not
-- leakproof, so they may only run after the tenant check, row by row). This function finds the
-- matching ids of the CURRENT municipality only (app_municipality_id(), as the RLS policy does),
-- with the indexes, and returns nothing but ids; the caller's query still runs under RLS.
CREATE FUNCTION catalog_matching_service_ids(phrase text, tolerate_typos boolean) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH q AS (SELECT search_normalize(phrase) AS n,
                    '%' || replace(replace(replace(search_normalize(phrase), '\', '\\'), '%', '\%'), '_', '\_') || '%' AS pattern)
  SELECT c.id FROM services c, q
  WHERE c.municipality_id = app_municipality_id()
    AND ((tolerate_typos AND q.n <% c.search_name) OR c.search_doc ILIKE q.pattern OR c.search_desc ILIKE q.pattern)
$$;
REVOKE ALL ON FUNCTION catalog_matching_service_ids(text, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION catalog_matching_service_ids(text, boolean) TO wspolnota_app;
