-- Words typed into the search match the beginnings of words in a service's name, summary and
-- description (diacritics and case ignored), through a full-text index. Substring matching of
-- every word against long descriptions (migration 0003) had the trigram index recheck thousands of
-- descriptions per word: 0.2–0.6 s per search of 20 000 services.
ALTER TABLE services
  ADD COLUMN search_words tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_normalize(name || ' ' || summary || ' ' || description))) STORED;
CREATE INDEX services_search_words_idx ON services USING gin (search_words);
DROP INDEX services_search_desc_trgm_idx;

-- Every word of three letters or more of `phrase`, normalized, as a prefix: 'usługi opiek' →
-- 'uslugi':* & 'opiek':*. NULL when there is no such word.
CREATE FUNCTION search_prefix_query(phrase text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsquery('simple'::regconfig, string_agg('''' || replace(replace(t.lexeme, '\', '\\'), '''', '''''') || ''':*', ' & '))
  FROM unnest(to_tsvector('simple'::regconfig, search_normalize(coalesce(phrase, '')))) AS t
  WHERE length(t.lexeme) >= 3
$$;
GRANT EXECUTE ON FUNCTION search_prefix_query(text) TO wspolnota_app;

-- As in migration 0003, the ids are found with the indexes, for the CURRENT municipality only, among
-- active services: the phrase as a substring of name and summary, or every word as the beginning of a
-- word anywhere (UNION, not OR: each index answers its own condition without rechecking the others).
-- Typos are tolerated (trigram word similarity against names) only when that finds less than a page
-- of results, as search engines do ("typo_tokens_threshold"): a common word such as "grupy" resembles
-- thousands of names ("grupa poranna"), and rechecking them all took 0.2 s.
DROP FUNCTION catalog_matching_service_ids(text, boolean);
CREATE FUNCTION catalog_matching_service_ids(phrase text) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH found AS (
    SELECT c.id FROM services c
    WHERE c.municipality_id = app_municipality_id() AND c.status = 'active'
      AND c.search_doc ILIKE '%' || replace(replace(replace(search_normalize(phrase), '\', '\\'), '%', '\%'), '_', '\_') || '%'
    UNION
    SELECT c.id FROM services c
    WHERE c.municipality_id = app_municipality_id() AND c.status = 'active' AND c.search_words @@ search_prefix_query(phrase)
  )
  SELECT id FROM found
  UNION
  SELECT c.id FROM services c
  WHERE (SELECT count(*) FROM found) < 20
    AND c.municipality_id = app_municipality_id() AND c.status = 'active' AND search_normalize(phrase) <% c.search_name
$$;
REVOKE ALL ON FUNCTION catalog_matching_service_ids(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION catalog_matching_service_ids(text) TO wspolnota_app;
