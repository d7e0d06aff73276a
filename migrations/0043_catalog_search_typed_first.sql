-- The uncached search's first statement: the word as typed ranked, its stems only counted (issue 14; ADR 0026,
-- amended 2026-12-08).
-- A common word's stem matches far more services than the word as typed ("grupy": 477 as typed, 10 203 by
-- `grup:*` on 20 000 services), and the first statement ranked every one of them (reading two tsvectors of each),
-- though a service found only by a stem ranks below every service found by the phrase or the typed words
-- (0.45–0.49 against 0.5 and more, repository-search.ts): with at least a page of those, no stem-only service can
-- be on the page, and only how many there are is needed.
-- catalog_search_matches() returns what catalog_matching_service_ids(phrase, words, NULL) returns (migrations 0023,
-- 0038), each id with how it was found: 'typed' (the phrase in name or summary, or every typed word as the beginning
-- of a word), 'stem' (only by the stems or corrections in `words`), 'typo' (a typo of a name, added when fewer than
-- 20 were found). The caller ranks the 'stem' ones only when fewer 'typed' ones pass its filters than the page needs.
-- Both functions now compute the normalized phrase and its LIKE pattern once: as an expression of the parameter it
-- was computed again for every row the trigram index made the heap scan recheck (an unaccent call each: 34 → 190 ms
-- for the 499 rows of "grupy" on a loaded machine).
CREATE OR REPLACE FUNCTION catalog_search_matches(phrase text, words tsquery) RETURNS TABLE (id uuid, found_by text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH q AS MATERIALIZED (
    SELECT search_normalize(phrase) AS qn, search_prefix_query(phrase) AS prefixes,
      '%' || replace(replace(replace(search_normalize(phrase), '\', '\\'), '%', '\%'), '_', '\_') || '%' AS pattern,
      -- the stems are the words as typed ("pomoc"): the same words' prefixes, all required, so nothing more to find
      coalesce(words @> search_prefix_query(phrase) AND words <@ search_prefix_query(phrase) AND strpos(words::text, '|') = 0, false) AS same
  ), typed AS MATERIALIZED (
    SELECT c.id FROM services c
    WHERE c.municipality_id = app_municipality_id() AND c.status = 'active' AND c.search_doc ILIKE (SELECT pattern FROM q)
    UNION
    SELECT c.id FROM services c
    WHERE c.municipality_id = app_municipality_id() AND c.status = 'active' AND c.search_words @@ (SELECT prefixes FROM q)
  ), found AS MATERIALIZED (
    SELECT t.id, 'typed' AS found_by FROM typed t
    UNION ALL
    SELECT c.id, 'stem' FROM services c
    WHERE words IS NOT NULL AND NOT (SELECT same FROM q) AND c.municipality_id = app_municipality_id() AND c.status = 'active' AND c.search_words @@ words
      AND NOT EXISTS (SELECT 1 FROM typed t WHERE t.id = c.id)
  )
  SELECT f.id, f.found_by FROM found f
  UNION ALL
  SELECT c.id, 'typo' FROM services c
  WHERE (SELECT count(*) FROM found) < 20
    AND c.municipality_id = app_municipality_id() AND c.status = 'active' AND (SELECT qn FROM q) <% c.search_name
    AND NOT EXISTS (SELECT 1 FROM found f WHERE f.id = c.id)
$$;
REVOKE ALL ON FUNCTION catalog_search_matches(text, tsquery) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION catalog_search_matches(text, tsquery) TO wspolnota_app;

-- The "any word" fallback and the count of a page past the end keep this one; the same answers as migration 0038's.
CREATE OR REPLACE FUNCTION catalog_matching_service_ids(phrase text, words tsquery, any_words tsquery) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH q AS MATERIALIZED (
    SELECT search_normalize(phrase) AS qn, search_prefix_query(phrase) AS prefixes,
      '%' || replace(replace(replace(search_normalize(phrase), '\', '\\'), '%', '\%'), '_', '\_') || '%' AS pattern
  ), any_word AS MATERIALIZED (
    SELECT c.id FROM services c
    WHERE any_words IS NOT NULL AND c.municipality_id = app_municipality_id() AND c.status = 'active' AND c.search_words @@ any_words
    LIMIT 200
  ), few AS MATERIALIZED (
    SELECT any_words IS NULL OR (SELECT count(*) FROM any_word) < 20 AS yes
  ), found AS MATERIALIZED (
    SELECT c.id FROM services c
    WHERE (SELECT yes FROM few) AND c.municipality_id = app_municipality_id() AND c.status = 'active'
      AND c.search_doc ILIKE (SELECT pattern FROM q)
    UNION
    SELECT c.id FROM services c
    WHERE (SELECT yes FROM few) AND c.municipality_id = app_municipality_id() AND c.status = 'active' AND c.search_words @@ (SELECT prefixes FROM q)
    UNION
    SELECT c.id FROM services c
    WHERE words IS NOT NULL AND (SELECT yes FROM few) AND c.municipality_id = app_municipality_id() AND c.status = 'active' AND c.search_words @@ words
    UNION
    SELECT id FROM any_word
  )
  SELECT id FROM found
  UNION
  SELECT c.id FROM services c
  WHERE (SELECT count(*) FROM found) < 20
    AND c.municipality_id = app_municipality_id() AND c.status = 'active' AND (SELECT qn FROM q) <% c.search_name
$$;
