import type { Sql } from '../../platform/db/types';
import type { Area, FeeKind, ProgrammeStatus, TargetGroup } from './domain';
import { PUBLIC_PROGRAMME_STATUSES } from './repository-programmes';

/** A moment on the Warsaw wall clock: the calendar day, ISO weekday (1 = Monday) and time of day. */
export interface WarsawMoment {
  day: string;
  weekday: number;
  time: string;
}

export interface SearchQuery {
  /** The text typed, trimmed ('' = browse everything). */
  q: string;
  /** Its words of three letters or more, to tell which words of a name matched. */
  terms: string[];
  /** Every typed word by its stem or a correction, and any of them (tsquery text, `search-words.ts`); null without such words. */
  words: string | null;
  anyWords: string | null;
  /** Areas and target groups whose name the text matches (so "seniorzy" finds services for seniors). */
  labelAreas: string[];
  labelGroups: string[];
  area?: Area;
  group?: TargetGroup;
  free: boolean;
  /** One place (its id), or places whose name, street or town contain this text. */
  location?: string;
  place?: string;
  openNow: boolean;
  stepFree: boolean;
}

export interface SearchRow {
  id: string;
  name: string;
  summary: string;
  area: Area;
  target_groups: TargetGroup[];
  fee_kind: FeeKind;
  fee_amount: string | null;
  provider_name: string;
  /** Words of the name that matched the text, in their order in the name. */
  name_hits: string | null;
  /** The text matched the summary or the description. */
  in_text: boolean;
  /** The first of the service's places that is open at the moment asked about, and until when. */
  open_location: string | null;
  open_until: string | null;
  step_free_location: string | null;
  /** With a place filter: the first of the service's places that passes it. */
  place_location: string | null;
  /** How well the text matched (0 when browsing without text). */
  rank: number;
}

export interface LocationOption {
  id: string;
  name: string;
  street: string;
}

export interface ProgrammeRef {
  id: string;
  name: string;
  status: ProgrammeStatus;
  period_from: string;
  period_to: string;
  resolution_number: string;
}

export interface ExceptionRow {
  location_id: string;
  day: string;
  closed: boolean;
  opens: string | null;
  closes: string | null;
  note: string;
}

/**
 * How the words must match: 'all' (every word, by its stem or a correction), or 'any' — asked only when no
 * service has every word — some of the services with any of them (ADR 0026, amended: "The 'any word' fallback").
 */
export type Match = 'all' | 'any';

/**
 * At most this many services with any of the words are ranked when none has every word: which of them, when
 * more have one, is the index's choice, not the best. Ranking thousands (a common word beside one the
 * catalogue has elsewhere) made such a page several times the cost of one before ADR 0026 (docs/performance.md).
 */
export const ANY_WORD_LIMIT = 200; // also the LIMIT inside catalog_matching_service_ids (migration 0038)

/** A LIKE pattern matching `expr` anywhere, with its wildcards taken literally. */
const containing = (expr: string) => `'%' || replace(replace(replace(${expr}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;

/** Weights of a word in the description, (unused), the summary and the name, for ts_rank (migration 0023). */
const WEIGHTS = "'{0.1, 0.2, 0.4, 1.0}'::float4[]";

/** Normalized (lower-case, no diacritics) name + summary: a generated column (migration 0003). */
const DOC = 's.search_doc';

/**
 * FROM and WHERE of a search: active services of one municipality; the text matches (diacritics and
 * case ignored) the name and summary as a phrase, the beginnings of words anywhere, the name with a
 * typo when little else matches (`catalog_matching_service_ids`, migration 0004), or an area's or
 * target group's name; then every filter.
 * The per-place facts ("open now", "step-free") are joined only to the rows of the page shown
 * (`placeJoins`), and filtered with EXISTS only when asked: computing them for every service made
 * a search of 20 000 services take seconds.
 */
function searchSql(municipalityId: string, f: SearchQuery, now: WarsawMoment, mode: Match) {
  const params: unknown[] = [municipalityId];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const q = p(f.q);
  const terms = p(f.terms);
  const words = p(f.words);
  const anyWords = mode === 'any' ? p(f.anyWords) : 'NULL';
  const where = ['s.municipality_id = $1', "s.status = 'active'"];
  let placeParam: string | undefined;
  const onlyLocation = () => {
    if (f.location) return `AND l.id = ${(placeParam ??= p(f.location))}`;
    if (f.place) return `AND search_normalize(l.name || ' ' || l.street || ' ' || l.city) LIKE ${containing(`search_normalize(${(placeParam ??= p(f.place))})`)}`;
    return '';
  };
  // The clock's parameters exist only in statements that use them (PostgreSQL must type each one).
  let clock: string[] | undefined;
  const at = () => (clock ??= [p(now.day), p(now.weekday), p(now.time)]);

  // The ids come from an index-backed function that sees only the current municipality (migrations
  // 0003 and 0004 explain why).
  const tsquery = (text: string) => `to_tsquery('simple'::regconfig, ${text}::text)`;
  // Every word (or the phrase, or a typo of a name); else — 'any' — at most ANY_WORD_LIMIT services with any of the words
  // (the function reads no more than that many, and asks the phrase and prefixes again only when fewer than 20: migration 0038).
  const textMatch = mode === 'all'
    ? `s.id IN (SELECT catalog_matching_service_ids(${q}, ${tsquery(words)}, NULL))`
    : `s.id IN (SELECT x.id FROM (SELECT catalog_matching_service_ids(${q}, NULL, ${tsquery(anyWords)}) AS id) x LIMIT ${ANY_WORD_LIMIT})`;
  // Parameters are added only when used: PostgreSQL cannot type a parameter the statement never mentions.
  // Without an area or group named (most questions), no OR: the services found are then read by their key
  // instead of all of the municipality's services scanned for the OR (docs/performance.md).
  const labelMatch = f.q && (f.labelAreas.length > 0 || f.labelGroups.length > 0)
    ? `(s.area = ANY(${p(f.labelAreas)}::text[]) OR s.target_groups && ${p(f.labelGroups)}::text[])`
    : 'false';
  const openAt = (svc: string) => {
    const [day, weekday, time] = at();
    return `
      SELECT l.name AS open_location, to_char(COALESCE(ex.closes, oh.closes), 'HH24:MI') AS open_until
      FROM service_locations sl
      JOIN locations l ON l.municipality_id = sl.municipality_id AND l.id = sl.location_id
      LEFT JOIN opening_exceptions ex ON ex.municipality_id = l.municipality_id AND ex.location_id = l.id AND ex.day = ${day}::date
      LEFT JOIN opening_hours oh ON ex.id IS NULL AND oh.municipality_id = l.municipality_id AND oh.location_id = l.id
        AND oh.weekday = ${weekday}::int AND oh.opens <= ${time}::time AND ${time}::time < oh.closes
      WHERE sl.municipality_id = ${svc}.municipality_id AND sl.service_id = ${svc}.id ${onlyLocation()}
        AND ((ex.id IS NOT NULL AND NOT ex.closed AND ex.opens <= ${time}::time AND ${time}::time < ex.closes) OR oh.id IS NOT NULL)
      ORDER BY l.name, l.id LIMIT 1`;
  };
  const stepFreeAt = (svc: string) => `
      SELECT l.name AS step_free_location
      FROM service_locations sl JOIN locations l ON l.municipality_id = sl.municipality_id AND l.id = sl.location_id
      WHERE sl.municipality_id = ${svc}.municipality_id AND sl.service_id = ${svc}.id AND l.step_free ${onlyLocation()}
      ORDER BY l.name, l.id LIMIT 1`;
  const placeAt = (svc: string) => `
      SELECT l.name AS place_location
      FROM service_locations sl JOIN locations l ON l.municipality_id = sl.municipality_id AND l.id = sl.location_id
      WHERE sl.municipality_id = ${svc}.municipality_id AND sl.service_id = ${svc}.id ${onlyLocation()}
      ORDER BY l.name, l.id LIMIT 1`;

  // The IN alone (not "OR false": PostgreSQL turns a sub-select into a join before it simplifies the OR away).
  if (f.q) where.push(labelMatch === 'false' ? textMatch : `(${textMatch} OR ${labelMatch})`);
  const filters: string[] = [];
  if (f.area) filters.push(`s.area = ${p(f.area)}`);
  if (f.group) filters.push(`(${p(f.group)} = ANY(s.target_groups) OR 'all_residents' = ANY(s.target_groups))`);
  if (f.free) filters.push(`s.fee_kind = 'free'`);
  if (f.location || f.place) filters.push(`EXISTS (${placeAt('s')})`);
  if (f.openNow) filters.push(`EXISTS (${openAt('s')})`);
  if (f.stepFree) filters.push(`EXISTS (${stepFreeAt('s')})`);
  where.push(...filters);

  // The question's own values, computed once: normalized text, its word queries, its words.
  const question = `(SELECT search_normalize(${q}) AS qn, search_prefix_query(${q}) AS words,
      ${tsquery(words)} AS fuzzy, ${tsquery(anyWords)} AS anyw,
      ARRAY(SELECT search_normalize(x) FROM unnest(${terms}::text[]) x) AS terms) qq`;
  const from = `services s CROSS JOIN ${question}`;
  const placeJoins = () =>
    `LEFT JOIN LATERAL (${openAt('r')}) op ON true LEFT JOIN LATERAL (${stepFreeAt('r')}) sf ON true` +
    (f.location || f.place ? ` LEFT JOIN LATERAL (${placeAt('r')}) pl ON true` : '');
  const placeColumn = f.location || f.place ? 'pl.place_location' : 'NULL::text AS place_location';

  const hasText = f.q !== '';
  // Best first: the phrase in the name (the more of the name it covers, the better), then in the
  // summary, every word somewhere (by stems or corrections: weighted ts_rank, then the shorter name, as ts_rank
  // barely tells "Usługi opiekuńcze …" from a long name with the same words), an area or group named; trigram similarity, costly on thousands of
  // rows, only ranks the few found by tolerating a typo.
  const rank = hasText
    ? `CASE WHEN s.search_name LIKE ${containing('qq.qn')} THEN 1 + 0.1 * length(qq.qn) / greatest(length(s.search_name), 1)
         WHEN ${DOC} LIKE ${containing('qq.qn')} THEN 0.6
         WHEN s.search_words @@ qq.words THEN 0.5
         WHEN s.search_words @@ qq.fuzzy THEN 0.45 + 0.03 * least(ts_rank(${WEIGHTS}, s.search_weighted, qq.fuzzy), 1)
           + 0.01 * least(length(qq.qn)::float8 / greatest(length(s.search_name), 1), 1)
         WHEN ${labelMatch} THEN 0.4
         WHEN s.search_words @@ qq.anyw THEN 0.1 + 0.2 * least(ts_rank(${WEIGHTS}, s.search_weighted, qq.anyw), 1)
         ELSE 0.7 * word_similarity(qq.qn, s.search_name) + 0.1 * similarity(qq.qn, s.search_name) END`
    : '0';
  // Found only as a typo of a name (by none of the words, the phrase, an area or group): when every service found is,
  // the words' "any word" fallback is asked too, as before the page was split in two statements.
  const typo = hasText
    ? `NOT coalesce(${DOC} LIKE ${containing('qq.qn')} OR s.search_words @@ qq.words OR s.search_words @@ qq.fuzzy OR ${labelMatch}, false)`
    : 'false';
  // Why it matched, for the page's rows only (`r` is a row of the page).
  const rDesc = 'r.search_desc';
  const explain = hasText
    ? `(SELECT string_agg(y.w, ' ' ORDER BY x.i) FROM regexp_split_to_table(r.name, '\\s+') WITH ORDINALITY AS x(raw, i)
          CROSS JOIN LATERAL (SELECT btrim(x.raw, '„”"''()[],.;:!?«»—–-') AS w) y
        WHERE y.w <> '' AND EXISTS (SELECT 1 FROM unnest(r.terms || r.qn) t
          WHERE t <% search_normalize(y.w) OR similarity(t, search_normalize(y.w)) >= 0.4)) AS name_hits,
       (r.qn <% search_normalize(r.summary) OR ${rDesc} ILIKE ${containing('r.qn')}
         OR to_tsvector('simple', search_normalize(r.summary || ' ' || r.description)) @@ r.words) AS in_text`
    : 'NULL::text AS name_hits, false AS in_text';
  /**
   * Every word, with text (mode 'all'): the page's narrow rows (id, rank, sort key, total) ranking the services found
   * only by stems or corrections (`found_by` 'stem', migration 0043) only when those found by the phrase or the typed
   * words ('typed') that pass the filters are fewer than the page needs. A 'stem' service ranks 0.45–0.49 (the fuzzy
   * tier of `rank`), every 'typed' one 0.5 or more, so with enough 'typed' ones none of the others can be on the page:
   * they are counted, not ranked (a common word's stem finds twenty times the services its typed form does).
   */
  const typedFirst = (need: number) => {
    const found = `catalog_search_matches(${q}, ${tsquery(words)})`;
    // Without filters or a label, every service found counts; else the found ones passing the filters (and the label's).
    const passing = labelMatch !== 'false'
      ? `SELECT s.id, coalesce(m.found_by, 'label') AS found_by FROM services s LEFT JOIN m ON m.id = s.id
         WHERE s.municipality_id = $1 AND s.status = 'active' AND (m.id IS NOT NULL OR ${labelMatch})${filters.map((c) => ` AND ${c}`).join('')}`
      : filters.length > 0
        ? `SELECT s.id, m.found_by FROM m JOIN services s ON s.municipality_id = $1 AND s.id = m.id
           WHERE s.status = 'active'${filters.map((c) => ` AND ${c}`).join('')}`
        : 'SELECT m.id, m.found_by FROM m';
    return `WITH m AS MATERIALIZED (SELECT x.id, x.found_by FROM ${found} x),
        f AS MATERIALIZED (${passing}),
        c AS MATERIALIZED (SELECT count(*)::int AS total, count(*) FILTER (WHERE found_by = 'typed')::int AS typed FROM f)
      SELECT s.id, ${rank} AS rank, s.sort_name, c.total
      FROM c CROSS JOIN f JOIN services s ON s.municipality_id = $1 AND s.id = f.id CROSS JOIN ${question}
      WHERE f.found_by <> 'stem' OR c.typed < ${Number(need)}`;
  };
  return { from, question, where: where.join(' AND '), rank, typo, placeJoins, placeColumn, explain, params, typedFirst: mode === 'all' && hasText ? typedFirst : undefined };
}

export const directory = {
  /**
   * One page of matching services, best match first (then by name in Polish alphabetical order), and how many
   * match in all, in one statement. A page past the end has no rows to carry the count: then it is
   * counted on its own. When no service has every word, some with any of them (`partial`; ANY_WORD_LIMIT).
   */
  async search(sql: Sql, municipalityId: string, f: SearchQuery, now: WarsawMoment, page: { limit: number; offset: number }): Promise<{ rows: SearchRow[]; total: number; partial: boolean }> {
    const { typosOnly, ...all } = await directory.ranked(sql, municipalityId, f, now, page, 'all');
    if (!f.anyWords || (all.total > 0 && !typosOnly)) return { ...all, partial: false };
    const { typosOnly: _, ...any } = await directory.ranked(sql, municipalityId, f, now, page, 'any');
    return { ...any, partial: true };
  },

  /** One page ranked by `mode`'s match, and the total. */
  async ranked(sql: Sql, municipalityId: string, f: SearchQuery, now: WarsawMoment, page: { limit: number; offset: number }, mode: Match): Promise<{ rows: SearchRow[]; total: number; typosOnly: boolean }> {
    const { from, question, where, rank, typo, placeJoins, placeColumn, explain, params, typedFirst } = searchSql(municipalityId, f, now, mode);
    // Ranked narrow (id, rank, sort key): counting and sorting thousands of found services carried their
    // descriptions through the window and the sort (spilled to disk); only the page's rows are read whole.
    const candidates = typedFirst
      ? typedFirst(page.offset + page.limit)
      : `SELECT s.id, ${rank} AS rank, s.sort_name, count(*) OVER ()::int AS total FROM ${from} WHERE ${where}`;
    const rows = await sql.query<SearchRow & { total: number; typo: boolean }>(
      `SELECT r.id, r.name, r.summary, r.area, r.target_groups, r.fee_kind, r.fee_amount, r.provider_name, r.rank, r.total, r.typo,
         op.open_location, op.open_until, sf.step_free_location, ${placeColumn}, ${explain}
       FROM (
         SELECT s.municipality_id, s.id, s.name, s.summary, s.description, s.area, s.target_groups, s.fee_kind,
           s.fee_amount::text AS fee_amount, p.name AS provider_name, s.search_desc, qq.qn, qq.words, qq.terms, k.rank, k.sort_name, k.total, ${typo} AS typo
         FROM (
           SELECT k.id, k.rank, k.sort_name, k.total FROM (${candidates}) k
           ORDER BY k.rank DESC, k.sort_name, k.id
           LIMIT ${Number(page.limit)} OFFSET ${Number(page.offset)}
         ) k
         JOIN services s ON s.municipality_id = $1 AND s.id = k.id
         JOIN providers p ON p.municipality_id = s.municipality_id AND p.id = s.provider_id
         CROSS JOIN ${question}
       ) r ${placeJoins()}
       ORDER BY r.rank DESC, r.sort_name, r.id`,
      params,
    );
    // Typos only when every service found is on this page and each is one (more than a page of them: shown as they are).
    if (rows.length > 0) {
      const total = rows[0]!.total;
      return { rows: rows.map(({ total: _, typo: __, ...row }) => row), total, typosOnly: total === rows.length && page.offset === 0 && rows.every((r) => r.typo) };
    }
    if (page.offset === 0) return { rows: [], total: 0, typosOnly: false };
    // Built afresh: the page's statement added parameters (the clock's) that this one does not mention.
    const c = searchSql(municipalityId, f, now, mode);
    const [counted] = await sql.query<{ n: number; typos_only: boolean }>(
      `SELECT count(*)::int AS n, coalesce(bool_and(${c.typo}), false) AS typos_only FROM ${c.from} WHERE ${c.where}`, c.params);
    const total = counted?.n ?? 0;
    return { rows: [], total, typosOnly: total <= page.limit && (counted?.typos_only ?? false) };
  },

  /** Words of the municipality's catalogue resembling each typed word (candidates for a correction). */
  async similarWords(sql: Sql, terms: string[]): Promise<{ term: string; word: string }[]> {
    if (terms.length === 0) return [];
    return sql.query<{ term: string; word: string }>('SELECT term, word FROM catalog_similar_words($1::text[])', [terms]);
  },

  /**
   * The areas and target groups whose label the text names or resembles (diacritics, case and small typos
   * ignored), in one statement.
   */
  async labelsMatching(
    sql: Sql, q: string, labels: { areas: { key: string; label: string }[]; groups: { key: string; label: string }[] },
  ): Promise<{ areas: string[]; groups: string[] }> {
    const all = [...labels.areas.map((l) => ({ ...l, kind: 'area' })), ...labels.groups.map((l) => ({ ...l, kind: 'group' }))];
    if (q.length < 3 || all.length === 0) return { areas: [], groups: [] };
    const rows = await sql.query<{ kind: string; key: string }>(
      `SELECT DISTINCT x.kind, x.key FROM unnest($2::text[], $3::text[], $4::text[]) AS x(kind, key, label)
       WHERE search_normalize($1) <% search_normalize(x.label) OR search_normalize(x.label) <% search_normalize($1)
       ORDER BY x.kind, x.key`,
      [q, all.map((l) => l.kind), all.map((l) => l.key), all.map((l) => l.label)],
    );
    return { areas: rows.filter((r) => r.kind === 'area').map((r) => r.key), groups: rows.filter((r) => r.kind === 'group').map((r) => r.key) };
  },

  /** The municipality's places (at most `limit`), for the place filter. */
  async locations(sql: Sql, municipalityId: string, limit: number): Promise<LocationOption[]> {
    return sql.query<LocationOption>(
      // Any `limit` of them first: sorting thousands of places by normalized name only to learn there are too many is wasted.
      `SELECT id, name, street FROM (SELECT id, name, street FROM locations WHERE municipality_id = $1 LIMIT ${Number(limit)}) l
       ORDER BY polish_sort_key(name), street, id`,
      [municipalityId],
    );
  },

  async locationExists(sql: Sql, municipalityId: string, id: string): Promise<boolean> {
    return (await sql.query('SELECT 1 FROM locations WHERE municipality_id = $1 AND id = $2', [municipalityId, id])).length > 0;
  },

  /** The programmes a service belongs to that the public may see (not drafts). */
  async programmesOfService(sql: Sql, municipalityId: string, serviceId: string): Promise<ProgrammeRef[]> {
    return sql.query<ProgrammeRef>(
      `SELECT g.id, g.name, g.status, g.period_from, g.period_to, g.resolution_number
       FROM programmes g JOIN programme_services ps ON ps.municipality_id = g.municipality_id AND ps.programme_id = g.id
       WHERE g.municipality_id = $1 AND ps.service_id = $2 AND g.status = ANY($3::text[]) ORDER BY g.period_from DESC, g.name`,
      [municipalityId, serviceId, PUBLIC_PROGRAMME_STATUSES],
    );
  },

  /** Dated changes to opening hours from `fromDay` for `days` days. */
  async exceptions(sql: Sql, municipalityId: string, locationIds: string[], fromDay: string, days: number): Promise<ExceptionRow[]> {
    if (locationIds.length === 0) return [];
    return sql.query<ExceptionRow>(
      `SELECT location_id, day, closed, to_char(opens, 'HH24:MI') AS opens, to_char(closes, 'HH24:MI') AS closes, note
       FROM opening_exceptions
       WHERE municipality_id = $1 AND location_id = ANY($2::uuid[]) AND day >= $3::date AND day < $3::date + $4::int
       ORDER BY day`,
      [municipalityId, locationIds, fromDay, days],
    );
  },
};
