import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { seedCatalogFixtures } from '../../src/modules/catalog';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { TestClient } from '../support/client';
import { makeMunicipality } from '../support/factories';
import { appLoggingAt, describeEachEngine, type Harness } from '../support/harness';
import { assertExcludes, assertIncludes } from '../support/assertions';

const SENIOR_CLUB = 'Klub Seniora „Lniane Serca”';
const TELECARE = 'Teleopieka „Bezpieczny Senior”';
const FIRST_JOB = 'Doradztwo zawodowe „Pierwsza praca”';
const SUSPENDED = 'Warsztaty ekologiczne „Zielony Żyrardów”';

interface Item {
  name: string;
  href: string;
  html: string;
}

/** The result page cut into its groups; each service with its link and the HTML of its card. */
function resultGroups(html: string): { likely: Item[]; maybe: Item[]; other: Item[]; unlikely: Item[] } {
  const at = (marker: RegExp) => html.search(marker);
  const marks = { likely: at(/<h2>Prawdopodobnie dla Ciebie/), maybe: at(/<h2>Do sprawdzenia/), other: at(/<h2>Dla osób w innej sytuacji/), unlikely: at(/<details class="check-details">|<h2>Raczej nie dla Ciebie/), end: at(/<h2>Twoje odpowiedzi/) };
  const cut = (from: number) => (from < 0 ? '' : html.slice(from, Math.min(...Object.values(marks).filter((m) => m > from))));
  const items = (part: string, separator: string): Item[] =>
    part
      .split(separator)
      .slice(1)
      .map((chunk) => {
        const m = /<a href="([^"]+)">([^<]+)<\/a>/.exec(chunk)!;
        return { href: m[1]!, name: m[2]!, html: chunk };
      });
  return { likely: items(cut(marks.likely), '<li class="check-service">'), maybe: items(cut(marks.maybe), '<li class="check-service">'), other: items(cut(marks.other), '<li class="check-service">'), unlikely: items(cut(marks.unlikely), '<li>') };
}

const names = (list: Item[]) => list.map((i) => i.name);
const find = (list: Item[], name: string) => {
  const item = list.find((i) => i.name === name);
  assert.ok(item, `${name} in [${names(list).join(', ')}]`);
  return item;
};

/** Every row of every table, hashed: any insert, update or delete anywhere changes it. */
async function databaseSnapshot(h: Harness): Promise<Record<string, string>> {
  return h.db.ownerTx(async (sql) => {
    const tables = await sql.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    const out: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await sql.query<{ n: number; h: string }>(
        `SELECT count(*)::int AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS h FROM "${name}" t`,
      );
      out[name] = `${row!.n}:${row!.h}`;
    }
    return out;
  });
}

describeEachEngine('catalogue: the anonymous eligibility check', (h) => {
  let m: MunicipalityRow;
  let url = '';
  before(async () => {
    m = await makeMunicipality(h.db, 'Miasto Sprawdzane');
    url = `/${m.slug}/check`;
    await h.db.tx({ municipalityId: m.id, userId: null }, (sql) => seedCatalogFixtures(sql, m.id));
    await h.db.ownerTx((sql) => sql.query("UPDATE services SET status = 'suspended' WHERE municipality_id = $1 AND name = $2", [m.id, SUSPENDED]));
  });

  /** A visitor who opened the questionnaire (and so holds the CSRF cookie and token). */
  const visitor = async () => {
    const c = h.client();
    assert.equal((await c.get(url)).statusCode, 200);
    return c;
  };

  test('the questionnaire: public, every question optional and labelled, posted (never a GET form), nothing but the CSRF cookie', async () => {
    const c = h.client();
    const res = await c.get(url);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'private, no-cache', "the empty questionnaire stays in the visitor's own browser only; the answers' pages are never stored");
    assert.deepEqual(res.cookies.map((x) => x.name), ['_csrf']);
    const body = res.body;
    assert.equal(body.match(/<h1[ >]/g)?.length, 1);
    assert.match(body, /<h1>Sprawdź, z czego możesz skorzystać<\/h1>/);
    assert.match(body, /Nic nie zapisujemy/);
    assert.match(body, /Każde pytanie możesz pominąć/);
    assert.match(body, new RegExp(`<form method="post" action="${url}"`));
    assert.doesNotMatch(body, /<form method="get"/);
    assert.doesNotMatch(body, /\srequired[\s>=]/, 'no question is required');
    for (const name of ['age', 'household_size']) assert.match(body, new RegExp(`<label for="f-${name}">[^<]+</label>`), name);
    for (const name of ['residence', 'children', 'income', 'disability', 'carer', 'work']) {
      const radios = [...body.matchAll(new RegExp(`<input type="radio" id="([^"]+)" name="${name}"`, 'g'))].map((x) => x[1]!);
      assert.ok(radios.length >= 2, name);
      for (const id of radios) assert.match(body, new RegExp(`<label for="${id}">`), `label for ${id}`);
    }
    for (const band of ['do 800 zł', 'od 801 do 1010 zł', 'od 1011 do 1500 zł', 'od 1501 do 2020 zł', 'od 2021 do 3000 zł', 'powyżej 3000 zł', 'Wolę nie mówić']) {
      assertIncludes(body, `>${band}</label>`, band);
    }
    assert.match(body, /Czy mieszkasz w tej gminie \(Miasto Sprawdzane [0-9a-f]+\)\?/);
    // Each fact asked once: caring for someone, children, work and disability have questions of their own, not ticks too.
    const ticks = [...body.matchAll(/<input type="checkbox" id="[^"]+" name="situations" value="([^"]+)"/g)].map((x) => x[1]);
    assert.deepEqual(ticks, ['help_at_home', 'expecting_child', 'crisis', 'housing', 'want_to_help']);
    for (const label of ['Opieka nad bliską osobą', 'Wychowywanie dzieci', 'Szukanie pracy']) assertExcludes(body, `>${label}</label>`, label);
  });

  test('a 70-year-old resident: the senior club and telecare are likely; reasons in plain Polish; grouped with counts', async () => {
    const c = await visitor();
    const res = await c.post(url, { age: '70', residence: 'yes', step: 'result' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    const g = resultGroups(res.body);
    const club = find(g.likely, SENIOR_CLUB);
    assert.match(club.html, /masz co najmniej 60 lat/);
    assert.match(club.html, /mieszkasz w gminie/);
    assert.match(club.html, /bezpłatna/);
    assert.match(club.html, /Przyjdź do klubu w godzinach otwarcia/, 'how to apply');
    const telecare = find(g.likely, TELECARE);
    assert.match(telecare.html, /masz co najmniej 65 lat/);
    assert.match(telecare.html, /odpłatność: 15\s?zł/);
    // Open-to-all services are likely too, after those matching the person's situation.
    assert.match(find(g.likely, 'Poradnictwo psychologiczne i rodzinne').html, /mieszkasz w gminie/);
    assert.ok(names(g.likely).indexOf(SENIOR_CLUB) < names(g.likely).indexOf('Poradnictwo psychologiczne i rodzinne'));
    // Services for other people or situations (a birth school, respite care for carers) are set apart, never "probably for you".
    for (const other of ['Szkoła rodzenia i wsparcie po porodzie', 'Opieka wytchnieniowa', 'Interwencja kryzysowa']) assert.ok(names(g.other).includes(other), other);
    assert.ok(!names(g.likely).includes('Szkoła rodzenia i wsparcie po porodzie'));
    // Not answered → maybe, saying which; failed → unlikely, saying why.
    assert.match(find(g.maybe, 'Posiłek dla potrzebujących').html, /nie podano dochodu \(limit: 2020 zł na osobę\)/);
    assert.match(find(g.unlikely, FIRST_JOB).html, /usługa jest dla osób, które mają od 18 do 30 lat/);
    assert.match(find(g.unlikely, 'Świetlica środowiskowa — pomoc w nauce').html, /od 7 do 18 lat/);
    assert.deepEqual([g.likely.length, g.maybe.length, g.other.length, g.unlikely.length], [6, 1, 10, 2]);
    assert.match(res.body, /<h2>Prawdopodobnie dla Ciebie: 6 usług<\/h2>/);
    assert.match(res.body, /<h2>Do sprawdzenia: 1 usługa<\/h2>/);
    assert.match(res.body, /<summary>Raczej nie dla Ciebie: 2 usługi<\/summary>/);
    // The long list for other situations is folded under its heading.
    assert.match(res.body, /<h2>Dla osób w innej sytuacji: 10 usług<\/h2>\s*<p>[^<]+<\/p>\s*<details class="check-other"><summary>Pokaż 10 usług dla innych sytuacji<\/summary>/);
    // Each service links to its page in this municipality.
    for (const item of [...g.likely, ...g.maybe, ...g.unlikely]) assert.match(item.href, new RegExp(`^/${m.slug}/services/[0-9a-f-]{36}$`));
    // The answers are summarised; only active services were considered.
    assert.match(res.body, /<dd>70 lat<\/dd>/);
    assertExcludes(res.body, SUSPENDED, 'a suspended service is not offered');
  });

  test('a 25-year-old unemployed person: the first-job advice is likely', async () => {
    const c = await visitor();
    const res = await c.post(url, { age: '25', work: 'unemployed' });
    assert.equal(res.statusCode, 200);
    const g = resultGroups(res.body);
    const job = find(g.likely, FIRST_JOB);
    assert.match(job.html, /masz od 18 do 30 lat/);
    assert.match(job.html, /nie pracujesz/);
    assert.match(find(g.maybe, 'Klub Integracji Społecznej — warsztaty i staże').html, /nie podano, czy mieszkasz w gminie/);
    find(g.unlikely, SENIOR_CLUB);
  });

  test('without an age, age-limited services are maybes that say the age was not given', async () => {
    const c = await visitor();
    const res = await c.post(url, { residence: 'yes', work: 'unemployed' });
    const g = resultGroups(res.body);
    for (const name of [SENIOR_CLUB, TELECARE, FIRST_JOB, 'Rodziny wspierające i rodzinna piecza zastępcza', 'Świetlica środowiskowa — pomoc w nauce']) {
      // Foster care answers another situation than looking for work: set apart, still saying what was not given.
      assert.match(find([...g.maybe, ...g.other], name).html, /nie podano wieku/, name);
    }
    assert.match(find(g.maybe, TELECARE).html, /nie podano wieku \(usługa jest dla osób, które mają co najmniej 65 lat\)/);
    assert.deepEqual(g.unlikely, []);
  });

  test('income bands and other answers change the verdicts', async () => {
    const c = await visitor();
    const poor = resultGroups((await c.post(url, { residence: 'yes', income: '1501_2020', household_size: '3', children: 'yes' })).body);
    assert.match(find(poor.likely, 'Posiłek dla potrzebujących').html, /dochód na osobę do 2020 zł \(limit: 2020 zł\)/);
    find(poor.likely, 'Asystent rodziny');
    const richer = resultGroups((await c.post(url, { residence: 'yes', income: '2021_3000', household_size: '1' })).body);
    assert.match(find(richer.unlikely, 'Posiłek dla potrzebujących').html, /dochód na osobę od 2021 zł, a limit to 2020 zł/);
    find(richer.likely, 'Mieszkanie treningowe');
    assert.match(find(richer.unlikely, 'Asystent rodziny').html, /gospodarstwo liczy 1 osobę/);
    const other = resultGroups((await c.post(url, { residence: 'not_sure', disability: 'in_progress', carer: 'yes' })).body);
    assert.match(find(other.maybe, 'Opieka wytchnieniowa').html, /nie wiadomo, czy mieszkasz w gminie/);
    assert.match(find(other.maybe, 'Asystent osobisty osoby z niepełnosprawnością').html, /orzeczenie o niepełnosprawności jest w trakcie wydawania/);
  });

  test('bad input: 422, errors on the fields, everything typed kept', async () => {
    const c = await visitor();
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ age: 'siedemdziesiąt' }, 'age', /Wpisz wiek w pełnych latach: liczbę od 0 do 130/],
      [{ age: '131' }, 'age', /Wpisz wiek/],
      [{ age: '-1' }, 'age', /Wpisz wiek/],
      [{ age: '12.5' }, 'age', /Wpisz wiek/],
      [{ household_size: '0' }, 'household_size', /Wpisz liczbę osób od 1 do 20/],
      [{ household_size: '21' }, 'household_size', /Wpisz liczbę osób od 1 do 20/],
      [{ household_size: '1', children: 'yes' }, 'children', /W gospodarstwie jednoosobowym nie ma dzieci/],
      [{ residence: 'maybe' }, 'residence', /Nieprawidłowa wartość/],
    ];
    for (const [fields, field, message] of cases) {
      const res = await c.post(url, { ...fields, income: '801_1010', work: 'retired', step: 'result' });
      assert.equal(res.statusCode, 422, JSON.stringify(fields));
      assert.match(res.body, /<div class="error-summary" role="alert"/);
      assert.match(res.body, new RegExp(`<a href="#f-${field}">`), field);
      assert.match(res.body, /<ul><li><a href="#f-[a-z_]+">(Wiek|Liczba osób w gospodarstwie|Dzieci poniżej 18 lat|Mieszkasz w gminie): /, 'short names in the summary');
      assert.match(res.body, message);
      assert.match(res.body, /<h1>Sprawdź, z czego możesz skorzystać<\/h1>/);
      assert.match(res.body, /<input type="radio" id="f-income-801_1010" name="income" value="801_1010" checked/, 'answers kept');
      assert.match(res.body, /name="work" value="retired" checked/);
      if (fields.age) assertIncludes(res.body, `value="${fields.age}"`, 'typed age kept');
      assertExcludes(res.body, 'check-service', 'no results with errors');
    }
    const accepted: Record<string, string>[] = [{ age: '0' }, { age: '130' }, { age: ' 42 ' }, { household_size: '20' }, { household_size: '1', children: 'no' }];
    for (const ok of accepted) {
      assert.equal((await c.post(url, ok)).statusCode, 200, JSON.stringify(ok));
    }
  });

  test('"change answers" brings the form back filled in from the posted answers; the printable view lists everything', async () => {
    const c = await visitor();
    const result = await c.post(url, { age: '70', residence: 'yes', household_size: '2', income: 'up_to_800', carer: 'no' });
    // The result page carries the answers forward in hidden fields of a POST form, with both buttons.
    for (const [name, value] of [['age', '70'], ['residence', 'yes'], ['household_size', '2'], ['income', 'up_to_800'], ['carer', 'no']]) {
      assertIncludes(result.body, `<input type="hidden" name="${name}" value="${value}"/>`, name);
    }
    assert.match(result.body, /<button type="submit" name="step" value="edit" class="secondary">Zmień odpowiedzi<\/button>/);
    assert.match(result.body, /<button type="submit" name="step" value="print" class="secondary">Wersja do druku<\/button>/);

    const edit = await c.post(url, { age: '70', residence: 'yes', household_size: '2', income: 'up_to_800', carer: 'no', step: 'edit' });
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /<h1>Sprawdź, z czego możesz skorzystać<\/h1>/);
    assert.match(edit.body, /id="f-age" name="age" type="text" value="70"/);
    assert.match(edit.body, /id="f-household_size" name="household_size" type="text" value="2"/);
    assert.match(edit.body, /name="residence" value="yes" checked/);
    assert.match(edit.body, /name="income" value="up_to_800" checked/);
    assert.match(edit.body, /name="carer" value="no" checked/);
    assert.doesNotMatch(edit.body, /name="children" value="[a-z]+" checked/);
    assertExcludes(edit.body, 'check-service', 'the form, not results');

    const print = await c.post(url, { age: '70', residence: 'yes', step: 'print' });
    assert.equal(print.statusCode, 200);
    assert.match(print.body, /<h1>Z czego możesz skorzystać — wersja do druku<\/h1>/);
    assert.match(print.body, /Stan na \d{1,2} \S+ \d{4}\./);
    assertExcludes(print.body.slice(print.body.indexOf('<main')), '<details', 'nothing collapsed when printed');
    assert.match(print.body, /<h2>Raczej nie dla Ciebie: 2 usługi<\/h2>/);
    assert.match(print.body, /Kontakt: 46 855 00 50, klubseniora@cus\.zyrardow\.example/);
    assert.match(print.body, /<button type="submit" name="step" value="result">Wróć do wyników<\/button>/);
    find(resultGroups(print.body).likely, SENIOR_CLUB);
  });

  test('answers never reach a URL: no redirect, no query strings in links or forms, no cookies but CSRF', async () => {
    const c = await visitor();
    for (const step of ['result', 'print', 'edit']) {
      const res = await c.post(url, { age: '83', residence: 'yes', income: '1011_1500', disability: 'yes', work: 'retired', step });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers.location, undefined);
      assert.ok(res.cookies.every((x) => x.name === '_csrf'), `cookies: ${res.cookies.map((x) => x.name).join()}`);
      const targets = [...res.body.matchAll(/\s(?:href|action)="([^"]*)"/g)].map((x) => x[1]!);
      assert.ok(targets.length > 5);
      for (const target of targets) assert.ok(!/[?=&]|\bage\b|residence|income|1011_1500|disability|retired/.test(target), `${step}: ${target}`);
      for (const form of res.body.match(/<form [^>]*>/g) ?? []) assert.match(form, /method="post"/);
    }
  });

  test('CSRF is required: without the token or with a wrong one the answers are refused', async () => {
    const c = await visitor();
    const missing = await c.post(url, { age: '70', residence: 'yes' }, { csrf: false });
    assert.equal(missing.statusCode, 403);
    assertExcludes(missing.body, 'check-service');
    const stranger = h.client();
    const forged = await stranger.request({ method: 'POST', url, payload: 'age=70&_csrf=forged', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(forged.statusCode, 403);
    const json = await c.request({ method: 'POST', url, payload: 'age=70', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' } });
    assert.equal(json.statusCode, 403);
    assert.equal((json.json() as { error: { code: string } }).error.code, 'csrf.invalid');
  });

  test('nothing is written: every table is the same after the questionnaire, results, errors and refusals', async () => {
    const c = h.client();
    const beforeAll = await databaseSnapshot(h);
    assert.ok(Object.keys(beforeAll).length >= 10 && 'audit_log' in beforeAll && 'sessions' in beforeAll && 'jobs' in beforeAll);
    await c.get(url);
    await c.post(url, { age: '70', residence: 'yes', income: 'up_to_800', disability: 'yes', carer: 'yes', work: 'retired', household_size: '2', children: 'no' });
    await c.post(url, { age: '70', step: 'print' });
    await c.post(url, { age: '70', step: 'edit' });
    await c.post(url, { age: '999' });
    await c.post(url, { age: '70' }, { csrf: false });
    assert.deepEqual(await databaseSnapshot(h), beforeAll);
  });

  test('an unknown municipality is not found', async () => {
    const c = h.client();
    assert.equal((await c.get('/nie-ma-takiej-gminy/check')).statusCode, 404);
  });

  test('a municipality without services says so', async () => {
    const empty = await makeMunicipality(h.db, 'Gmina Pusta');
    const c = h.client();
    await c.get(`/${empty.slug}/check`);
    const res = await c.post(`/${empty.slug}/check`, { age: '40' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Ta gmina nie opublikowała jeszcze żadnych usług/);
  });

  test('the request log never holds the answers (the body is not logged), even at trace level', async () => {
    const { built, lines } = await appLoggingAt(h);
    try {
      const c = new TestClient(built.app);
      await c.get(url);
      await c.post(url, { age: '77', residence: 'not_sure', income: '2021_3000', disability: 'in_progress', carer: 'yes', work: 'studying', household_size: '5', children: 'yes' });
      await c.post(url, { age: 'zła-wartość', income: 'over_3000' });
      await c.post(url, { age: '77', income: 'undisclosed' }, { csrf: false });
      const log = lines.join('');
      assertIncludes(log, url, 'the requests were logged');
      for (const secret of ['2021_3000', 'over_3000', 'undisclosed', 'in_progress', 'not_sure', 'studying', 'zła-wartość', 'household_size', 'income', '"age"', 'age=']) {
        assertExcludes(log, secret, `the log holds ${secret}`);
      }
    } finally {
      await built.app.close();
    }
  });
});
