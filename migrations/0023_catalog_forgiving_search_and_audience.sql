-- A forgiving search (ADR 0026): the words of every municipality's catalogue, so that a typed word
-- with a typo ("opeika", "psychlog") can be matched to the words that exist ("opieka", "psychologiczne");
-- the application verifies each candidate (Damerau–Levenshtein) and searches with the corrected stems.
CREATE TABLE catalog_search_words (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  word text NOT NULL,
  PRIMARY KEY (municipality_id, word)
);
CREATE INDEX catalog_search_words_trgm_idx ON catalog_search_words USING gin (word gin_trgm_ops);
ALTER TABLE catalog_search_words ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON catalog_search_words USING (municipality_id = app_municipality_id())
  WITH CHECK (municipality_id = app_municipality_id());
GRANT SELECT ON catalog_search_words TO wspolnota_app;

-- Words only grow: a word no longer used finds nothing, which costs one candidate and no wrong result.
CREATE FUNCTION catalog_remember_words() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO catalog_search_words (municipality_id, word)
  SELECT DISTINCT n.municipality_id, w.word FROM new_rows n, unnest(tsvector_to_array(n.search_words)) AS w(word)
  WHERE length(w.word) >= 4
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER services_remember_words_insert AFTER INSERT ON services
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_remember_words();
CREATE TRIGGER services_remember_words_update AFTER UPDATE ON services
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_remember_words();

INSERT INTO catalog_search_words (municipality_id, word)
SELECT DISTINCT s.municipality_id, w.word FROM services s, unnest(tsvector_to_array(s.search_words)) AS w(word)
WHERE length(w.word) >= 4
ON CONFLICT DO NOTHING;

-- Words of the current municipality resembling each typed word (trigrams, generous: a transposed
-- letter in a short word leaves few trigrams in common), the closest first, at most 30 a word.
CREATE FUNCTION catalog_similar_words(terms text[]) RETURNS TABLE (term text, word text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET pg_trgm.similarity_threshold = 0.2 AS $$
  SELECT t.term, w.word FROM unnest(terms) AS t(term)
  CROSS JOIN LATERAL (
    SELECT c.word FROM catalog_search_words c
    WHERE c.municipality_id = app_municipality_id() AND c.word % t.term
    ORDER BY similarity(c.word, t.term) DESC, c.word LIMIT 30
  ) w
$$;
REVOKE ALL ON FUNCTION catalog_similar_words(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION catalog_similar_words(text[]) TO wspolnota_app;

-- Name, summary and description weighted (A, B, D), to rank services found by their words: a word in
-- the name counts more than one in the description.
ALTER TABLE services ADD COLUMN search_weighted tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, search_normalize(name)), 'A')
  || setweight(to_tsvector('simple'::regconfig, search_normalize(summary)), 'B')
  || setweight(to_tsvector('simple'::regconfig, search_normalize(description)), 'D')) STORED;

-- As in migration 0004, plus: every typed word's stem or corrections (`words`, built by the
-- application: ('opeik':* | 'opiek':*) & 'wytchnien':*), and — only when no service has every word —
-- any of them (`any_words`), so that one word the catalogue does not use does not hide the rest.
CREATE FUNCTION catalog_matching_service_ids(phrase text, words tsquery, any_words tsquery) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH found AS (
    SELECT c.id FROM services c
    WHERE c.municipality_id = app_municipality_id() AND c.status = 'active'
      AND c.search_doc ILIKE '%' || replace(replace(replace(search_normalize(phrase), '\', '\\'), '%', '\%'), '_', '\_') || '%'
    UNION
    SELECT c.id FROM services c
    WHERE c.municipality_id = app_municipality_id() AND c.status = 'active' AND c.search_words @@ search_prefix_query(phrase)
    UNION
    SELECT c.id FROM services c
    WHERE words IS NOT NULL AND c.municipality_id = app_municipality_id() AND c.status = 'active' AND c.search_words @@ words
  ), typos AS (
    SELECT id FROM found
    UNION
    SELECT c.id FROM services c
    WHERE (SELECT count(*) FROM found) < 20
      AND c.municipality_id = app_municipality_id() AND c.status = 'active' AND search_normalize(phrase) <% c.search_name
  )
  SELECT id FROM typos
  UNION
  SELECT c.id FROM services c
  WHERE any_words IS NOT NULL AND NOT EXISTS (SELECT 1 FROM found)
    AND c.municipality_id = app_municipality_id() AND c.status = 'active' AND c.search_words @@ any_words
$$;
REVOKE ALL ON FUNCTION catalog_matching_service_ids(text, tsquery, tsquery) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION catalog_matching_service_ids(text, tsquery, tsquery) TO wspolnota_app;

-- Who a service is for, beyond its target groups: the life situations it answers (needs help at
-- home, cares for someone, expects a child, …). Empty: no particular situation. The eligibility
-- check ranks services matching the person's situation first.
ALTER TABLE services ADD COLUMN situations text[] NOT NULL DEFAULT '{}';

-- Polish alphabetical order on both engines (PGlite has no ICU collations): a key that sorts, byte
-- by byte, a < ą < b … s < ś < t … z < ź < ż, case ignored ("Świetlica" after "Szkoła", not last).
CREATE FUNCTION polish_sort_key(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(
    regexp_replace(lower($1), '([a-z])', '\10', 'g'),
    'ą', 'a1'), 'ć', 'c1'), 'ę', 'e1'), 'ł', 'l1'), 'ń', 'n1'), 'ó', 'o1'), 'ś', 's1'), 'ź', 'z1'), 'ż', 'z2')
$$;
GRANT EXECUTE ON FUNCTION polish_sort_key(text) TO wspolnota_app;
ALTER TABLE services ADD COLUMN sort_name text GENERATED ALWAYS AS (polish_sort_key(name)) STORED;
