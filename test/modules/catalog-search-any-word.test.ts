import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedCatalogFixtures } from '../../src/modules/catalog';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { makeMunicipality } from '../support/factories';
import { describeEachEngine } from '../support/harness';

/**
 * The "any word" fallback of the search (ADR 0026, amended by migration 0038): what it finds and in which order is
 * pinned here, as it was before the matching function was changed to build the any-word set only once and capped.
 */
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const names = (html: string) => [...html.matchAll(/<li class="result"><h3><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => decode(m[1]!));
const countLine = (html: string) => decode(/<p role="status" class="result-count">(.*?)<\/p>/s.exec(html)?.[1]?.replace(/<[^>]+>/g, '') ?? '').replace(/\s+/g, ' ').trim();

describeEachEngine('catalogue search: the any-word fallback', (h) => {
  const as = (m: MunicipalityRow) => ({ municipalityId: m.id, userId: null });
  const seeded = async (name: string) => {
    const m = await makeMunicipality(h.db, name);
    await h.db.tx(as(m), (sql) => seedCatalogFixtures(sql, m.id));
    return m;
  };
  /** `count` active services named "<name> <n>", with a summary. */
  const addMany = (m: MunicipalityRow, name: string, summary: string, count: number) =>
    h.db.tx(as(m), (sql) => sql.query(
      `INSERT INTO services (municipality_id, provider_id, name, summary, description, area, target_groups, status)
       SELECT $1, (SELECT id FROM providers WHERE municipality_id = $1 ORDER BY name LIMIT 1), $2 || ' ' || g, $3, '', 'social_assistance', '{all_residents}', 'active'
       FROM generate_series(1, $4::int) g`, [m.id, name, summary, count]));
  const search = async (m: MunicipalityRow, query: string) => {
    const res = await h.client().get(`/${m.slug}/services${query}`);
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    return { names: names(res.body), count: countLine(res.body), partial: res.body.includes('Żadna usługa nie zawiera wszystkich wpisanych słów') };
  };

  test('two words no service has together: the services with either, ranked as before', async () => {
    const m = await seeded('Gmina Dowolnych Słów');
    // Fewer than 20 with either word: the phrase, the beginnings of words and the typos of names are asked too.
    assert.deepEqual(await search(m, '?q=teleopieka+korepetycje'), {
      names: ['Teleopieka „Bezpieczny Senior”', 'Świetlica środowiskowa — pomoc w nauce'],
      count: 'Znaleziono 2 usługi dla zapytania „teleopieka korepetycje”.',
      partial: true,
    });
  });

  test('more than 20 services with one of the words: the phrase and typo branches are not needed, the ranking is unchanged', async () => {
    const m = await seeded('Gmina Klubów');
    await addMany(m, 'Klub sąsiedzki', 'Spotkania mieszkańców osiedla przy herbacie.', 25);
    // Best first (the word in a name), then by name in Polish order ("Klub sąsiedzki 10" before "… 2").
    assert.deepEqual(await search(m, '?q=sasiedzki+korepetycje'), {
      names: ['Inicjatywy sąsiedzkie i wolontariat w MAL', 'Klub sąsiedzki 1', 'Klub sąsiedzki 10', 'Klub sąsiedzki 11', 'Klub sąsiedzki 12', 'Klub sąsiedzki 13', 'Klub sąsiedzki 14', 'Klub sąsiedzki 15', 'Klub sąsiedzki 16', 'Klub sąsiedzki 17', 'Klub sąsiedzki 18', 'Klub sąsiedzki 19', 'Klub sąsiedzki 2', 'Klub sąsiedzki 20', 'Klub sąsiedzki 21', 'Klub sąsiedzki 22', 'Klub sąsiedzki 23', 'Klub sąsiedzki 24', 'Klub sąsiedzki 25', 'Klub sąsiedzki 3'],
      count: 'Znaleziono 27 usług dla zapytania „sasiedzki korepetycje”. Wyniki 1–20 z 27.',
      partial: true,
    });
    assert.deepEqual(await search(m, '?q=sasiedzki+korepetycje&page=2'), {
      names: ['Klub sąsiedzki 4', 'Klub sąsiedzki 5', 'Klub sąsiedzki 6', 'Klub sąsiedzki 7', 'Klub sąsiedzki 8', 'Klub sąsiedzki 9', 'Świetlica środowiskowa — pomoc w nauce'],
      count: 'Znaleziono 27 usług dla zapytania „sasiedzki korepetycje”. Wyniki 21–27 z 27.',
      partial: true,
    });
    // A filter applies to the fallback as to every search.
    assert.deepEqual(await search(m, '?q=sasiedzki+korepetycje&area=social_assistance'), {
      names: ['Klub sąsiedzki 1', 'Klub sąsiedzki 10', 'Klub sąsiedzki 11', 'Klub sąsiedzki 12', 'Klub sąsiedzki 13', 'Klub sąsiedzki 14', 'Klub sąsiedzki 15', 'Klub sąsiedzki 16', 'Klub sąsiedzki 17', 'Klub sąsiedzki 18', 'Klub sąsiedzki 19', 'Klub sąsiedzki 2', 'Klub sąsiedzki 20', 'Klub sąsiedzki 21', 'Klub sąsiedzki 22', 'Klub sąsiedzki 23', 'Klub sąsiedzki 24', 'Klub sąsiedzki 25', 'Klub sąsiedzki 3', 'Klub sąsiedzki 4'],
      count: 'Znaleziono 25 usług dla zapytania „sasiedzki korepetycje”. Wyniki 1–20 z 25.',
      partial: true,
    });
  });

  test('at most 200 services with any of the words are ranked', async () => {
    const m = await seeded('Gmina Wielu Klubów');
    await addMany(m, 'Klub sąsiedzki', 'Spotkania mieszkańców osiedla przy herbacie.', 230);
    const r = await search(m, '?q=sasiedzki+korepetycje');
    assert.equal(r.count, 'Znaleziono 200 usług dla zapytania „sasiedzki korepetycje”. Wyniki 1–20 z 200.');
    assert.equal(r.partial, true);
    assert.equal(r.names.length, 20);
  });
});
