import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { seedCatalogFixtures } from '../../src/modules/catalog';
import { TIME_ZONE } from '../../src/platform/i18n';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { makeMunicipality } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { assertExcludes, assertIncludes } from '../support/assertions';

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
/** The names of the services listed, in order. */
const names = (html: string) => [...html.matchAll(/<li class="result"><h3><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => decode(m[1]!));
/** The sentence with the number of results. */
const countLine = (html: string) => decode(/<p role="status" class="result-count">(.*?)<\/p>/s.exec(html)?.[1]?.replace(/<[^>]+>/g, '') ?? '');
/** The "why this result" line of the result with this name. */
const whyOf = (html: string, name: string) => {
  const start = html.indexOf(`>${name}</a>`);
  assert.ok(start >= 0, `${name} is listed`);
  const item = html.slice(start, html.indexOf('</li>', start));
  return decode(/<p class="why">(.*?)<\/p>/s.exec(item)?.[1]?.replace(/<[^>]+>/g, '') ?? '');
};
/** The Warsaw calendar day `offset` days from now, YYYY-MM-DD. */
const warsawDay = (offset = 0) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('en-CA', { timeZone: TIME_ZONE });

const DISABILITY = ['Asystent osobisty osoby z niepełnosprawnością', 'Opieka wytchnieniowa', 'Specjalistyczne usługi opiekuńcze dla osób z zaburzeniami psychicznymi'];
const NOT_FREE = ['Usługi opiekuńcze w miejscu zamieszkania', 'Specjalistyczne usługi opiekuńcze dla osób z zaburzeniami psychicznymi', 'Teleopieka „Bezpieczny Senior”', 'Mieszkanie treningowe', 'Aktywny Żyrardów 60+'];

describeEachEngine('public catalogue of services', (h) => {
  const as = (m: MunicipalityRow) => ({ municipalityId: m.id, userId: null });
  const seeded = async (name = 'Gmina Katalogowa') => {
    const m = await makeMunicipality(h.db, name);
    await h.db.tx(as(m), (sql) => seedCatalogFixtures(sql, m.id));
    return m;
  };
  const idOf = async (m: MunicipalityRow, table: 'services' | 'locations' | 'providers', name: string) => {
    const [row] = await h.db.tx(as(m), (sql) => sql.query<{ id: string }>(`SELECT id FROM ${table} WHERE municipality_id = $1 AND name = $2`, [m.id, name]));
    assert.ok(row, `${table}: ${name}`);
    return row.id;
  };
  const run = (m: MunicipalityRow, text: string, params: unknown[] = []) => h.db.tx(as(m), (sql) => sql.query(text, [m.id, ...params]));
  const addService = async (m: MunicipalityRow, s: { name: string; summary?: string; description?: string; status?: string; location?: string }) => {
    const [provider] = await h.db.tx(as(m), (sql) => sql.query<{ id: string }>('SELECT id FROM providers WHERE municipality_id = $1 ORDER BY name LIMIT 1', [m.id]));
    const [row] = await h.db.tx(as(m), (sql) =>
      sql.query<{ id: string }>(
        `INSERT INTO services (municipality_id, provider_id, name, summary, description, area, target_groups, status)
         VALUES ($1, $2, $3, $4, $5, 'social_assistance', '{all_residents}', $6) RETURNING id`,
        [m.id, provider!.id, s.name, s.summary ?? '', s.description ?? '', s.status ?? 'active'],
      ),
    );
    if (s.location) await run(m, 'INSERT INTO service_locations (municipality_id, service_id, location_id) VALUES ($1, $2, $3)', [row!.id, s.location]);
    return row!.id;
  };
  const search = async (m: MunicipalityRow, query = '', status = 200) => {
    const res = await h.client().get(`/${m.slug}/services${query}`);
    assert.equal(res.statusCode, status, `${query}: ${res.body.slice(0, 300)}`);
    return res.body;
  };

  test('lists the active services, linked from the navigation, with area, fee, provider and groups', async () => {
    const m = await seeded();
    const html = await search(m);
    assert.match(html, /<h1>Usługi społeczne<\/h1>/);
    assert.match(html, new RegExp(`<a href="/${m.slug}/services" aria-current="page">Usługi społeczne</a>`), 'the navigation link leads here');
    assert.equal(countLine(html), 'Znaleziono 20 usług.');
    assert.equal(names(html).length, 20);
    assert.deepEqual(names(html).slice(0, 3), ['Aktywny Żyrardów 60+', 'Asystent osobisty osoby z niepełnosprawnością', 'Asystent rodziny']);
    const teleopieka = await idOf(m, 'services', 'Teleopieka „Bezpieczny Senior”');
    const item = html.slice(html.indexOf(`/services/${teleopieka}`));
    assert.match(item, /Promocja i ochrona zdrowia/);
    assert.match(item, /odpłatność: 15,00\s*zł/);
    assert.match(item, /Centrum Usług Społecznych w Żyrardowie/);
    assert.match(item, /Dla kogo:<\/dt><dd>seniorzy<\/dd>/);
    assert.equal(whyOf(html, 'Asystent rodziny'), '', 'no reasons when browsing without a query');

    // The municipality's home page navigation links to the catalogue too.
    const home = await h.client().get(`/${m.slug}`);
    assert.match(home.body, new RegExp(`<a href="/${m.slug}/services">Usługi społeczne</a>`));
  });

  test('search ignores Polish diacritics and case and tolerates typos, best match first', async () => {
    const m = await seeded();
    for (const q of ['uslugi opiekuncze', 'USŁUGI OPIEKUŃCZE', 'opiekuncze uslgi']) {
      const html = await search(m, `?q=${encodeURIComponent(q)}`);
      assert.deepEqual(names(html), ['Usługi opiekuńcze w miejscu zamieszkania', 'Specjalistyczne usługi opiekuńcze dla osób z zaburzeniami psychicznymi'], q);
      assert.equal(countLine(html), `Znaleziono 2 usługi dla zapytania „${q}”.`);
      assert.match(whyOf(html, 'Usługi opiekuńcze w miejscu zamieszkania'), /^Dlaczego ten wynik: w nazwie: Usługi opiekuńcze/i, q);
      assert.match(html, new RegExp(`name="q"[^>]*value="${q}"`), 'the query stays in the form');
    }
    const one = await search(m, '?q=asystnt+rodziny');
    assert.deepEqual(names(one), ['Asystent rodziny']);
    assert.equal(countLine(one), 'Znaleziono 1 usługę dla zapytania „asystnt rodziny”.');
  });

  test('a corrected query says what was searched for and links to exactly what was typed; words no service shares say so', async () => {
    const m = await seeded('Gmina Poprawek');
    const fixed = await search(m, '?q=opeika+wytchnienowa');
    assert.equal(names(fixed)[0], 'Opieka wytchnieniowa');
    assert.match(fixed, /Pokazujemy wyniki dla: <a href="[^"]*q=opieka\+wytchnieniowa"><strong>opieka wytchnieniowa<\/strong><\/a>/);
    const exact = /Szukaj dokładnie tego, co wpisano: <a href="([^"]+)">opeika wytchnienowa<\/a>/.exec(fixed);
    assert.ok(exact, 'a link to search exactly what was typed');
    const asTyped = await search(m, exact[1]!.replace(`/${m.slug}/services`, '').replace(/&amp;/g, '&'));
    assert.match(asTyped, /name="q"[^>]*value="opeika wytchnienowa"/);
    assertExcludes(asTyped, 'Pokazujemy wyniki dla', 'searched as typed: nothing corrected');
    // Nothing said when nothing was corrected; a correction is written as the catalogue writes it.
    assertExcludes(await search(m, '?q=uslugi+opiekuncze'), 'Pokazujemy wyniki dla');
    assert.match(await search(m, '?q=psychlog'), /<strong>psycholog<\/strong>/);
    assert.match(await search(m, '?q=opiekuncze+uslgi'), /<strong>opiekuncze usługi<\/strong>/, 'with its Polish letters, as the services write it');
    // Two words no service has together: services with either, and the page says so.
    const partial = await search(m, '?q=teleopieka+korepetycje');
    assert.ok(names(partial).includes('Teleopieka „Bezpieczny Senior”'), names(partial).join(' | '));
    assertIncludes(partial, 'Żadna usługa nie zawiera wszystkich wpisanych słów');
    assertExcludes(await search(m, '?q=teleopieka'), 'Żadna usługa nie zawiera wszystkich wpisanych słów');
  });

  test('matches the description, and areas and target groups by their names', async () => {
    const m = await seeded();
    // "upadek" appears only in the description of the personal alarm service.
    const desc = await search(m, '?q=upadek');
    assert.deepEqual(names(desc), ['Teleopieka „Bezpieczny Senior”']);
    assert.equal(whyOf(desc, 'Teleopieka „Bezpieczny Senior”'), 'Dlaczego ten wynik: w opisie');

    const seniors = await search(m, '?q=seniorzy');
    assertIncludes(names(seniors), 'Usługi opiekuńcze w miejscu zamieszkania', 'a service for seniors without the word in its text');
    assert.equal(whyOf(seniors, 'Usługi opiekuńcze w miejscu zamieszkania'), 'Dlaczego ten wynik: dla: seniorzy');
    assert.match(whyOf(seniors, 'Klub Seniora „Lniane Serca”'), /w nazwie: Seniora; dla: seniorzy/);

    const area = await search(m, '?q=pomoc+spoleczna');
    assert.match(whyOf(area, 'Interwencja kryzysowa'), /obszar: Pomoc społeczna/);

    // LIKE wildcards in the query are taken literally.
    assert.equal(countLine(await search(m, '?q=%25%25_')), 'Znaleziono 0 usług dla zapytania „%%_”.');
  });

  test('an empty result suggests clearing the filters and the "what can I get" check', async () => {
    const m = await seeded();
    const html = await search(m, '?q=xyzzy+qwerty&free=1');
    assert.deepEqual(names(html), []);
    assert.equal(countLine(html), 'Znaleziono 0 usług dla zapytania „xyzzy qwerty”.');
    assert.match(html, /Nie znaleźliśmy usług spełniających te warunki/);
    assert.match(html, new RegExp(`<a href="/${m.slug}/services">Pokaż wszystkie usługi</a>`));
    assert.match(html, new RegExp(`<a href="/${m.slug}/check">Sprawdź, z czego możesz skorzystać`));
  });

  test('filters by area, target group, free of charge, place and step-free entrance, with the reasons', async () => {
    const m = await seeded();
    const area = await search(m, '?area=disability');
    assert.deepEqual(names(area), DISABILITY);
    assert.equal(countLine(area), 'Znaleziono 3 usługi.');
    assert.equal(whyOf(area, 'Opieka wytchnieniowa'), 'Dlaczego ten wynik: obszar: Wspieranie osób niepełnosprawnych');
    assert.match(area, /<option value="disability" selected>/);

    // Services for children, and those for all residents (children among them).
    const group = await search(m, '?group=children');
    assert.deepEqual(new Set(names(group)), new Set(['Asystent rodziny', 'Posiłek dla potrzebujących', 'Świetlica środowiskowa — pomoc w nauce',
      'Warsztaty ekologiczne „Zielony Żyrardów”', 'Poradnictwo psychologiczne i rodzinne', 'Interwencja kryzysowa', 'Inicjatywy sąsiedzkie i wolontariat w MAL']));
    assert.equal(whyOf(group, 'Asystent rodziny'), 'Dlaczego ten wynik: dla: dzieci');
    assert.equal(whyOf(group, 'Interwencja kryzysowa'), 'Dlaczego ten wynik: dla: wszyscy mieszkańcy');

    const free = await search(m, '?free=1');
    assert.equal(countLine(free), 'Znaleziono 15 usług.');
    for (const n of NOT_FREE) assertExcludes(names(free), n);
    assert.equal(whyOf(free, 'Asystent rodziny'), 'Dlaczego ten wynik: bezpłatna');
    assert.match(free, /id="f-free" name="free" value="1" checked/);

    const pik = await idOf(m, 'locations', 'Punkt Interwencji Kryzysowej');
    const place = await search(m, `?location=${pik}`);
    assert.deepEqual(names(place), ['Interwencja kryzysowa', 'Poradnictwo psychologiczne i rodzinne']);
    assert.equal(whyOf(place, 'Interwencja kryzysowa'), 'Dlaczego ten wynik: miejsce: Punkt Interwencji Kryzysowej');
    assert.match(place, new RegExp(`<option value="${pik}" selected>Punkt Interwencji Kryzysowej, ul. Limanowskiego 45</option>`));

    // The crisis point has three steps at its door.
    const stepFree = await search(m, '?step_free=1');
    assert.equal(countLine(stepFree), 'Znaleziono 18 usług.');
    assertExcludes(names(stepFree), 'Interwencja kryzysowa');
    assert.equal(whyOf(stepFree, 'Asystent rodziny'), 'Dlaczego ten wynik: wejście bez schodów: Siedziba CUS');
    assert.equal(countLine(await search(m, `?step_free=1&location=${pik}`)), 'Znaleziono 0 usług.', 'step-free at the chosen place');

    const combined = await search(m, '?q=klub&area=health&free=on&step_free=true');
    assert.deepEqual(names(combined), ['Klub Seniora „Lniane Serca”']);
    assert.equal(whyOf(combined, 'Klub Seniora „Lniane Serca”'),
      'Dlaczego ten wynik: w nazwie: Klub; obszar: Promocja i ochrona zdrowia; bezpłatna; wejście bez schodów: Klub Seniora „Lniane Serca”');
  });

  test('open now follows the weekly hours in Warsaw time and today\'s exceptions', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Godzinowa');
    const [provider] = await h.db.tx(as(m), (sql) =>
      sql.query<{ id: string }>("INSERT INTO providers (municipality_id, name, kind) VALUES ($1, 'Fundacja Testowa', 'ngo') RETURNING id", [m.id]),
    );
    const place = async (name: string) => {
      const [row] = await h.db.tx(as(m), (sql) =>
        sql.query<{ id: string }>("INSERT INTO locations (municipality_id, provider_id, name, street, postal_code, city) VALUES ($1, $2, $3, 'ul. Prosta 1', '96-300', 'Żyrardów') RETURNING id", [m.id, provider!.id, name]),
      );
      return row!.id;
    };
    const always = await place('Punkt całodobowy');
    const never = await place('Punkt bez godzin');
    for (let d = 1; d <= 7; d++) await run(m, "INSERT INTO opening_hours (municipality_id, location_id, weekday, opens, closes) VALUES ($1, $2, $3, '00:00', '24:00')", [always, d]);
    await addService(m, { name: 'Dyżur całodobowy', location: always });
    await addService(m, { name: 'Dyżur na telefon', location: never });

    assert.equal(names(await search(m)).length, 2);
    const open = await search(m, '?open_now=1');
    assert.deepEqual(names(open), ['Dyżur całodobowy']);
    assert.equal(whyOf(open, 'Dyżur całodobowy'), 'Dlaczego ten wynik: otwarte teraz: Punkt całodobowy, do 24:00');

    // Closed today (and tomorrow, should the test cross midnight): not open now.
    for (const day of [warsawDay(0), warsawDay(1)]) {
      await run(m, 'INSERT INTO opening_exceptions (municipality_id, location_id, day, closed, note) VALUES ($1, $2, $3, true, $4)', [always, day, 'Święto']);
    }
    assert.equal(countLine(await search(m, '?open_now=1')), 'Znaleziono 0 usług.');
    // Special hours today replace the weekly ones: the place with no hours is open all day today.
    for (const day of [warsawDay(0), warsawDay(1)]) {
      await run(m, "INSERT INTO opening_exceptions (municipality_id, location_id, day, closed, opens, closes) VALUES ($1, $2, $3, false, '00:00', '24:00')", [never, day]);
    }
    assert.deepEqual(names(await search(m, '?open_now=1')), ['Dyżur na telefon']);
  });

  test('with more than 50 places the place is typed (name, street or town), not chosen from a list', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Wielu Miejsc');
    const [provider] = await h.db.tx(as(m), (sql) =>
      sql.query<{ id: string }>("INSERT INTO providers (municipality_id, name, kind) VALUES ($1, 'Fundacja Testowa', 'ngo') RETURNING id", [m.id]),
    );
    const places = await h.db.tx(as(m), (sql) =>
      sql.query<{ id: string; name: string }>(
        `INSERT INTO locations (municipality_id, provider_id, name, street, postal_code, city)
         SELECT $1, $2, 'Świetlica nr ' || i, CASE WHEN i = 7 THEN 'ul. Łąkowa 3' ELSE 'ul. Prosta ' || i END, '96-300', 'Żyrardów'
         FROM generate_series(1, 51) i RETURNING id, name`,
        [m.id, provider!.id],
      ),
    );
    const at = (name: string) => places.find((p) => p.name === name)!.id;
    await addService(m, { name: 'Zajęcia plastyczne', location: at('Świetlica nr 7') });
    await addService(m, { name: 'Zajęcia taneczne', location: at('Świetlica nr 12') });

    const page = await search(m);
    assertExcludes(page, 'name="location"', 'no list of 51 places');
    assert.match(page, /<input[^>]*name="place"/);
    // Diacritics and case ignored, in the street as in the name; the reason names the place.
    const byStreet = await search(m, '?place=LAKOWA');
    assert.deepEqual(names(byStreet), ['Zajęcia plastyczne']);
    assert.equal(whyOf(byStreet, 'Zajęcia plastyczne'), 'Dlaczego ten wynik: miejsce: Świetlica nr 7');
    assert.deepEqual(names(await search(m, '?place=swietlica+nr+12')), ['Zajęcia taneczne']);
    assert.equal(countLine(await search(m, '?place=Warszawa')), 'Znaleziono 0 usług.');
    // A link naming one place by its id still works.
    assert.deepEqual(names(await search(m, `?location=${at('Świetlica nr 12')}`)), ['Zajęcia taneczne']);
  });

  test('pages of 20 keep the filters in their links; Polish plurals in the count', async () => {
    const m = await seeded();
    await run(
      m,
      `INSERT INTO services (municipality_id, provider_id, name, summary, area, target_groups)
       SELECT $1, (SELECT id FROM providers WHERE municipality_id = $1 ORDER BY name LIMIT 1), 'Zajęcia grupowe nr ' || lpad(n::text, 2, '0'),
              'Spotkania w małej grupie.', 'culture', '{youth}'
       FROM generate_series(1, 25) n`,
    );
    const all = await search(m);
    assert.equal(countLine(all), 'Znaleziono 45 usług. Wyniki 1–20 z 45.');
    const q = '?q=zajecia+grupowe&free=1';
    const first = await search(m, q);
    assert.equal(countLine(first), 'Znaleziono 26 usług dla zapytania „zajecia grupowe”. Wyniki 1–20 z 26.');
    assert.equal(names(first).length, 20);
    assert.equal(names(first)[0], 'Zajęcia grupowe nr 01');
    const next = `/${m.slug}/services?q=zajecia+grupowe&amp;free=1&amp;page=2`;
    assertIncludes(first, `<a href="${next}" rel="next">Następna strona</a>`, 'the next page keeps q and free');
    assert.match(first, /<nav class="pager" aria-label="Strony wyników">/);
    assert.match(first, /aria-current="page" aria-label="Strona 1">1<\/a>/);

    const second = await search(m, `${q}&page=2`);
    assert.equal(names(second).length, 6, "the 25 added and the birth school (\"zajęcia\", \"grupa\": inflected forms match)");
    assert.equal(names(second)[0], 'Zajęcia grupowe nr 21');
    assert.match(second, /<ol class="results" start="21">/);
    assert.equal(countLine(second), 'Znaleziono 26 usług dla zapytania „zajecia grupowe”. Wyniki 21–26 z 26.');
    assertIncludes(second, `<a href="/${m.slug}/services?q=zajecia+grupowe&amp;free=1" rel="prev">Poprzednia strona</a>`);
    assertExcludes(second, 'rel="next"');

    const beyond = await search(m, `${q}&page=9`);
    assert.deepEqual(names(beyond), []);
    assert.match(beyond, /Na tej stronie nie ma już wyników/);

    // 22 is "usługi", 1 is "usługę", 12 is "usług" (21 of the added left open, and the birth school).
    await run(m, "UPDATE services SET status = 'closed' WHERE municipality_id = $1 AND name IN ('Zajęcia grupowe nr 01', 'Zajęcia grupowe nr 02', 'Zajęcia grupowe nr 03', 'Zajęcia grupowe nr 04')");
    assert.match(countLine(await search(m, '?q=zajecia+grupowe')), /^Znaleziono 22 usługi /);
    await run(m, "UPDATE services SET status = 'suspended' WHERE municipality_id = $1 AND name LIKE 'Zajęcia grupowe nr 1%'");
    assert.match(countLine(await search(m, '?q=zajecia+grupowe')), /^Znaleziono 12 usług /);
  });

  test('invalid filters re-render the form with field errors and status 422, never a failure', async () => {
    const m = await seeded();
    const other = await seeded('Gmina Obca');
    const foreignPlace = await idOf(other, 'locations', 'Siedziba CUS');
    const cases: [string, string, RegExp][] = [
      ['?area=kosmos', 'area', /Wybierz wartość z listy\./],
      ['?group=wszyscy', 'group', /Wybierz wartość z listy\./],
      ['?location=nie-uuid', 'location', /Wybierz wartość z listy\./],
      [`?location=${foreignPlace}`, 'location', /Wybierz wartość z listy\./],
      [`?q=${'a'.repeat(201)}`, 'q', /najwyżej 200 znaków/],
      ['?free=tak', 'free', /Nieprawidłowa wartość\./],
      ['?area=health&area=culture', 'area', /Wybierz wartość z listy\./],
      ['?free=1&free=1', 'free', /Nieprawidłowa wartość\./],
      ['?page=0', 'page', /Numer strony wyników jest nieprawidłowy/],
      ['?page=abc', 'page', /Numer strony wyników jest nieprawidłowy/],
    ];
    for (const [query, field, message] of cases) {
      const html = await search(m, query, 422);
      assert.match(html, /id="error-summary"/, query);
      assert.match(html, message, query);
      assert.deepEqual(names(html), [], `${query}: no results under an invalid filter`);
      if (field !== 'page' && field !== 'free') assert.match(html, new RegExp(`id="f-${field}"[^>]*aria-invalid="true"`), query);
    }
    const area = await search(m, '?area=kosmos&q=opieka', 422);
    assert.match(area, /<a href="#f-area">Obszar: Wybierz wartość z listy\.<\/a>/);
    assert.match(area, /name="q"[^>]*value="opieka"/, 'what was typed stays');
    assert.equal(countLine(await search(m, `?q=${'a'.repeat(200)}`)), `Znaleziono 0 usług dla zapytania „${'a'.repeat(200)}”.`);
  });

  test('another municipality\'s services are never listed or shown', async () => {
    const a = await seeded('Gmina A');
    const b = await seeded('Gmina B');
    const onlyB = await addService(b, { name: 'Wypożyczalnia sprzętu rehabilitacyjnego' });
    assert.equal(countLine(await search(a)), 'Znaleziono 20 usług.');
    // A's own services may resemble the words ("wypożyczamy"); B's service is never among them.
    assertExcludes(names(await search(a, '?q=wypozyczalnia+sprzetu')), 'Wypożyczalnia sprzętu rehabilitacyjnego');
    assert.deepEqual(names(await search(b, '?q=wypozyczalnia+sprzetu')), ['Wypożyczalnia sprzętu rehabilitacyjnego']);
    const c = h.client();
    assert.equal((await c.get(`/${b.slug}/services/${onlyB}`)).statusCode, 200);
    assert.equal((await c.get(`/${a.slug}/services/${onlyB}`)).statusCode, 404);
    const bAsystent = await idOf(b, 'services', 'Asystent rodziny');
    assert.equal((await c.get(`/${a.slug}/services/${bAsystent}`)).statusCode, 404);
    assert.equal((await c.get(`/${a.slug}/services/${crypto.randomUUID()}`)).statusCode, 404);
    assert.equal((await c.get(`/${a.slug}/services/nie-ma-takiej`)).statusCode, 404);
    assert.equal((await c.get(`/${a.slug}/services/${bAsystent.toUpperCase()}x`)).statusCode, 404);
    assert.equal((await c.get(`/gmina-nieistniejaca-${crypto.randomBytes(3).toString('hex')}/services`)).statusCode, 404);
  });

  test('the service page tells what, for whom, how to apply, cost, limits, where and when, and contact', async () => {
    const m = await seeded();
    const id = await idOf(m, 'services', 'Usługi opiekuńcze w miejscu zamieszkania');
    const res = await h.client().get(`/${m.slug}/services/${id}`);
    assert.equal(res.statusCode, 200);
    const html = decode(res.body);
    assert.match(html, /<h1>Usługi opiekuńcze w miejscu zamieszkania<\/h1>/);
    assert.match(html, /Opiekunka przychodzi do domu/);
    assert.match(html, /<li>seniorzy<\/li><li>osoby z niepełnosprawnościami<\/li>/);
    assert.match(html, /Mieszkańcy Żyrardowa, którzy z powodu wieku/);
    assert.match(html, /Koordynator odwiedzi Cię w domu w ciągu 14 dni/);
    assert.match(html, /<li>zaświadczenie lekarskie o stanie zdrowia<\/li><li>oświadczenie o dochodach<\/li>/);
    assert.match(html, /Odpłatność zależy od dochodu\.<\/p><p class="prewrap">Zasady odpłatności: Bezpłatnie przy dochodzie do 1010 zł/);
    assert.match(html, /Liczba miejsc: 120 osób jednocześnie/);
    assert.match(html, /<h3 id="place-1">Siedziba CUS<\/h3>/);
    assert.match(html, /ul\. 1 Maja 20, 96-300 Żyrardów/);
    assert.match(html, /wejście bez schodów, toaleta dostępna, pętla indukcyjna, tłumacz PJM na życzenie/);
    assert.match(html, /Winda przy wejściu od podwórza\./);
    assert.match(html, /<caption>Godziny otwarcia: Siedziba CUS<\/caption>/);
    assert.match(html, /<th scope="row">poniedziałek<\/th><td>08:00–17:00<\/td>/);
    assert.match(html, /<th scope="row">wtorek<\/th><td>08:00–16:00<\/td>/);
    assert.match(html, /<th scope="row">niedziela<\/th><td>nieczynne<\/td>/);
    assert.match(html, /Centrum Usług Społecznych w Żyrardowie<\/strong> \(jednostka CUS\)/);
    assert.match(html, /<a href="tel:\+48468550000">46 855 00 00<\/a>/);
    assert.match(html, /<a href="mailto:sekretariat@cus\.zyrardow\.example">/);
    assert.match(html, /Program usług społecznych Miasta Żyrardowa na lata 2026–2027 — 1 stycznia 2026 – 31 grudnia 2027, przyjęty, uchwała nr XIV\/128\/2025/);
    assert.match(html, /<h2>Języki obsługi<\/h2><p>polski<\/p>/);
    assertExcludes(html, 'status-notice', 'an active service has no status notice');

    const tele = await h.client().get(`/${m.slug}/services/${await idOf(m, 'services', 'Teleopieka „Bezpieczny Senior”')}`);
    assert.match(tele.body, /Opłata wynosi 15,00\s*zł\./);
    const pik = await h.client().get(`/${m.slug}/services/${await idOf(m, 'services', 'Interwencja kryzysowa')}`);
    assert.match(pik.body, /Usługa jest bezpłatna\./);
    assert.match(pik.body, /Nie trzeba składać dokumentów\./);
    assert.match(pik.body, /Usługa nie ma określonego limitu miejsc\./);
    assert.match(pik.body, /<th scope="row">sobota<\/th><td>10:00–14:00<\/td>/);
    assert.match(pik.body, /brak udogodnień opisanych przez realizatora/);

    // Upcoming changed hours are listed under the place.
    const siedziba = await idOf(m, 'locations', 'Siedziba CUS');
    await run(m, "INSERT INTO opening_exceptions (municipality_id, location_id, day, closed, note) VALUES ($1, $2, $3, true, 'inwentaryzacja')", [siedziba, warsawDay(2)]);
    const withException = decode((await h.client().get(`/${m.slug}/services/${id}`)).body);
    assert.match(withException, /Zmiany w najbliższych dniach:/);
    assert.match(withException, /: nieczynne \(inwentaryzacja\)<\/li>/);

    // In English, with the English amount format.
    const en = await h.client().request({ method: 'GET', url: `/${m.slug}/services/${id}`, headers: { cookie: 'lang=en' } });
    assert.match(en.body, /<h2>How to apply<\/h2>/);
    assert.match(en.body, /<th scope="row">Monday<\/th><td>08:00–17:00<\/td>/);
  });

  test('suspended and closed services keep their page, with a notice, but leave the search', async () => {
    const m = await seeded();
    const id = await idOf(m, 'services', 'Asystent rodziny');
    for (const [status, label, notice] of [
      ['suspended', 'zawieszona', /nie przyjmujemy nowych zgłoszeń/],
      ['closed', 'zakończona', /została zakończona i nie jest już świadczona/],
    ] as const) {
      await run(m, 'UPDATE services SET status = $2 WHERE municipality_id = $1 AND id = $3', [status, id]);
      const page = await h.client().get(`/${m.slug}/services/${id}`);
      assert.equal(page.statusCode, 200, status);
      assert.match(page.body, new RegExp(`<div class="notice status-notice" role="note"><p><strong>Status: ${label}\\.</strong>`));
      assert.match(page.body, notice);
      const list = await search(m, '?q=asystent+rodziny');
      assertExcludes(names(list), 'Asystent rodziny', `${status} is not listed`);
      assert.equal(countLine(await search(m)), 'Znaleziono 19 usług.');
    }
  });

  test('text from the catalogue is shown as text, never run as markup', async () => {
    const m = await seeded();
    const id = await addService(m, {
      name: 'Pomoc <b>doraźna</b>',
      summary: 'Krótko <img src=x onerror=alert(1)>',
      description: 'Opis <script>alert(1)</script> usługi',
    });
    await run(m, "UPDATE providers SET website = 'javascript:alert(1)' WHERE municipality_id = $1");
    const page = await h.client().get(`/${m.slug}/services/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Opis &lt;script(>|&gt;)alert\(1\)&lt;\/script(>|&gt;) usługi/);
    assertExcludes(page.body, '<script>alert(1)', 'no script element');
    assertExcludes(page.body, '<b>doraźna', 'no markup from the name');
    assertExcludes(page.body, '<img src=x', 'no markup from the summary');
    assert.ok(!/href="javascript:/i.test(page.body), 'a javascript: website is not linked');
    const list = await search(m, '?q=dorazna');
    assert.deepEqual(names(list), ['Pomoc <b>doraźna</b>']);
    assertExcludes(list, '<b>doraźna');
    assertExcludes(list, '<img src=x');
  });
}, { env: { SEARCH_CACHE_SECONDS: '0' } }); // rows are written directly between searches, as another process would: no cache to wait out
