import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedCatalogFixtures } from '../../src/modules/catalog';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { makeMunicipality } from '../support/factories';
import { describeEachEngine } from '../support/harness';

/**
 * The first statement of a search (ADR 0026, amended by migration 0043): services found only by a stem
 * ("szachowy" → szach:*, "Kółko szachistów") are counted, and ranked only when those found by the word as typed do
 * not fill the page; they come after them, as when every service found was ranked.
 */
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const names = (html: string) => [...html.matchAll(/<li class="result"><h3><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => decode(m[1]!));
const countLine = (html: string) => decode(/<p role="status" class="result-count">(.*?)<\/p>/s.exec(html)?.[1]?.replace(/<[^>]+>/g, '') ?? '').replace(/\s+/g, ' ').trim();

describeEachEngine('catalogue search: the typed word ranked first, its stem counted', (h) => {
  const as = (m: MunicipalityRow) => ({ municipalityId: m.id, userId: null });
  const seeded = async (name: string) => {
    const m = await makeMunicipality(h.db, name);
    await h.db.tx(as(m), (sql) => seedCatalogFixtures(sql, m.id));
    // 25 services with the word as typed, 30 with another form of it ("szachistów" begins with the stem "szach").
    await addMany(m, 'Turniej szachowy', 'Rozgrywki dla mieszkańców.', 'sport_tourism', 25);
    await addMany(m, 'Kółko szachistów', 'Spotkania przy planszy.', 'culture', 30);
    return m;
  };
  const addMany = (m: MunicipalityRow, name: string, summary: string, area: string, count: number) =>
    h.db.tx(as(m), (sql) => sql.query(
      `INSERT INTO services (municipality_id, provider_id, name, summary, description, area, target_groups, status)
       SELECT $1, (SELECT id FROM providers WHERE municipality_id = $1 ORDER BY name LIMIT 1), $2 || ' ' || g, $3, '', $4, '{all_residents}', 'active'
       FROM generate_series(1, $5::int) g`, [m.id, name, summary, area, count]));
  const search = async (m: MunicipalityRow, query: string) => {
    const res = await h.client().get(`/${m.slug}/services${query}`);
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    return { names: names(res.body), count: countLine(res.body) };
  };

  test('the matching function tells the services found as typed from those found only by the stem', async () => {
    const m = await seeded('Gmina Szachowa');
    const rows = await h.db.tx(as(m), (sql) => sql.query<{ found_by: string; n: number }>(
      `SELECT found_by, count(*)::int AS n FROM catalog_search_matches('szachowy', to_tsquery('simple', '''szach'':*'))
       GROUP BY found_by ORDER BY found_by`));
    assert.deepEqual(rows, [{ found_by: 'stem', n: 30 }, { found_by: 'typed', n: 25 }]);
    // The stems being the typed words themselves, nothing is looked for twice.
    const same = await h.db.tx(as(m), (sql) => sql.query<{ found_by: string; n: number }>(
      `SELECT found_by, count(*)::int AS n FROM catalog_search_matches('szachowy', to_tsquery('simple', '''szachowy'':*'))
       GROUP BY found_by ORDER BY found_by`));
    assert.deepEqual(same, [{ found_by: 'typed', n: 25 }]);
  });

  test('a page of typed matches first; the stem-only ones counted, and ranked on the pages they reach', async () => {
    const m = await seeded('Gmina Turniejowa');
    const first = await search(m, '?q=szachowy');
    assert.equal(first.count, 'Znaleziono 55 usług dla zapytania „szachowy”. Wyniki 1–20 z 55.');
    // The phrase in the name, the more of the name it covers the better ("… 1" before "… 10"), then by name.
    assert.deepEqual(first.names, [
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `Turniej szachowy ${n}`),
      ...[10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20].map((n) => `Turniej szachowy ${n}`),
    ]);
    const second = await search(m, '?q=szachowy&page=2');
    assert.equal(second.count, 'Znaleziono 55 usług dla zapytania „szachowy”. Wyniki 21–40 z 55.');
    assert.deepEqual(second.names.slice(0, 5), [21, 22, 23, 24, 25].map((n) => `Turniej szachowy ${n}`));
    // Found by the stem only: below every typed match, the shorter name first ("Kółko szachistów 1" … "9", then by name).
    assert.deepEqual(second.names.slice(5), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map((n) => `Kółko szachistów ${n}`));
    const third = await search(m, '?q=szachowy&page=3');
    assert.deepEqual(third.names, [16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30].map((n) => `Kółko szachistów ${n}`));
  });

  test('with a filter, the typed matches that pass it decide whether the stem-only ones are ranked', async () => {
    const m = await seeded('Gmina Planszowa');
    // No typed match in culture: the stem-only ones are the page.
    const culture = await search(m, '?q=szachowy&area=culture');
    assert.equal(culture.count, 'Znaleziono 30 usług dla zapytania „szachowy”. Wyniki 1–20 z 30.');
    assert.deepEqual(culture.names, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20].map((n) => `Kółko szachistów ${n}`));
    const sport = await search(m, '?q=szachowy&area=sport_tourism&page=2');
    assert.equal(sport.count, 'Znaleziono 25 usług dla zapytania „szachowy”. Wyniki 21–25 z 25.');
    assert.deepEqual(sport.names, [21, 22, 23, 24, 25].map((n) => `Turniej szachowy ${n}`));
  });
});
