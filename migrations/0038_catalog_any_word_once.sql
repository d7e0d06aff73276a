-- The uncached search's "any word" fallback built once and capped (issue 14; ADR 0026, amended 2026-12-07).
-- Before: a page whose words no service has together asked this function twice — every word (phrase,
-- beginnings of words, stems; none found), then again with any of the words passed as `words` — so the phrase
-- and prefix branches ran twice, and the second call built the whole set of services with any word (thousands
-- for a common word) before the caller's LIMIT 200 (ANY_WORD_LIMIT in repository-search.ts) kept 200 of it.
-- Now the second call passes `any_words` (and no `words`): at most 200 services with any of the words are read
-- (the LIMIT inside stops the scan), and the phrase and prefix branches run only when fewer than 20 were found —
-- as before, that is when the typos of names are added, which needs how many the phrase and prefixes find too.
-- With `any_words` NULL (every search's first call) the result is what migration 0023 gave.
-- The same services are found as before whenever at most 200 have any of the words; with more, which 200 is
-- the index's choice, as it was (the phrase and prefix matches no longer take places among them: the caller
-- asks for "any word" only when none of those passes its filters).
CREATE OR REPLACE FUNCTION catalog_matching_service_ids(phrase text, words tsquery, any_words tsquery) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH any_word AS MATERIALIZED (
    SELECT c.id FROM services c
    WHERE any_words IS NOT NULL AND c.municipality_id = app_municipality_id() AND c.status = 'active' AND c.search_words @@ any_words
    LIMIT 200
  ), few AS MATERIALIZED (
    SELECT any_words IS NULL OR (SELECT count(*) FROM any_word) < 20 AS yes
  ), found AS MATERIALIZED (
    SELECT c.id FROM services c
    WHERE (SELECT yes FROM few) AND c.municipality_id = app_municipality_id() AND c.status = 'active'
      AND c.search_doc ILIKE '%' || replace(replace(replace(search_normalize(phrase), '\', '\\'), '%', '\%'), '_', '\_') || '%'
    UNION
    SELECT c.id FROM services c
    WHERE (SELECT yes FROM few) AND c.municipality_id = app_municipality_id() AND c.status = 'active' AND c.search_words @@ search_prefix_query(phrase)
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
    AND c.municipality_id = app_municipality_id() AND c.status = 'active' AND search_normalize(phrase) <% c.search_name
$$;
