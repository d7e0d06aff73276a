import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { assertExcludes, assertIncludes } from '../support/assertions';
import { TestClient } from '../support/client';
import { makeMunicipality } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { ownerQuery } from '../support/db';
import { fieldError, pageText } from '../support/pages';
import { person, staff } from '../support/people';
import { organisationRow, register, seededMunicipality, OTHER_IDS } from './organisations-helpers';

const names = (body: string) => [...body.matchAll(/<li class="result">\s*<h3><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!.replace(/&quot;/g, '"'));

describeEachEngine('organisations: the public directory and profiles', (h) => {
  let m: MunicipalityRow;
  const visitor = () => new TestClient(h.app);
  const search = async (query: string) => {
    const res = await visitor().get(`/${m.slug}/organisations${query}`);
    return { res, names: names(res.body), text: pageText(res.body) };
  };

  before(async () => {
    m = await seededMunicipality(h, 'Miasto Katalogu Organizacji');
  });

  test('the directory lists verified organisations only, by name, with kind, spheres and town', async () => {
    const { res, names: list, text } = await search('');
    assert.equal(res.statusCode, 200);
    assert.equal(list.length, 11);
    assertIncludes(list, 'Federacja Organizacji Pozarządowych „DZIAŁAJ.MY”');
    assertExcludes(list, 'Fundacja „Akademia Młodych Liderów”', 'the registration waiting for verification is not public');
    assert.match(text, /Znaleziono 11 organizacji\./);
    assert.match(text, /Koło Gospodyń Wiejskich „Ruda” .* Forma koło gospodyń wiejskich Miejscowość Żyrardów Sfery: Podtrzymywanie i upowszechnianie tradycji narodowej/);
    const nav = (await visitor().get(`/${m.slug}`)).body;
    assertIncludes(nav, `href="/${m.slug}/organisations"`, 'the public navigation links the directory');
    assertExcludes(nav, `/${m.slug}/organisations/queue`, 'the staff queue is not offered to visitors');
  });

  test('search ignores diacritics and case, matches beginnings of words, and combines with the filters', async () => {
    assert.deepEqual((await search('?q=kolo+gospodyn')).names, ['Koło Gospodyń Wiejskich „Ruda”']);
    assert.deepEqual((await search('?q=DZIALAJ.MY')).names, ['Federacja Organizacji Pozarządowych „DZIAŁAJ.MY”']);
    assert.deepEqual((await search('?q=zyrardowski+uniwersytet')).names, ['Żyrardowski Uniwersytet Trzeciego Wieku']);
    assert.deepEqual((await search('?q=rehabilit')).names, ['Fundacja „Dom przy Lnianej”'], 'a word of the description');
    assert.deepEqual((await search('?q=liderow')).names, [], 'never the waiting registration');
    const both = await search('?q=lniane&sphere=physical_culture');
    assert.deepEqual(both.names, ['Uczniowski Klub Sportowy „Lniane Orły”']);
    assert.deepEqual((await search('?sphere=disability')).names.sort(), ['Fundacja „Dom przy Lnianej”', 'Stowarzyszenie Rodzin i Przyjaciół Osób z Niepełnosprawnością „Razem”'].sort());
    assert.deepEqual((await search('?kind=informal_group')).names, ['Sąsiedzi z Osady Fabrycznej']);
    assert.deepEqual((await search('?kind=sports_club&sphere=seniors')).names, []);
    const selected = (await search('?sphere=seniors&kind=university_third_age')).res.body;
    assert.match(selected, /<option value="seniors" selected/);
    assert.match(selected, /<option value="university_third_age" selected/);
    assert.ok(/<input[^>]*name="q"/.test(selected));
  });

  test('an empty result has its own message and a way out; wrong filters are field errors (422)', async () => {
    const empty = await search('?q=nic+takiego+tu+nie+ma');
    assert.equal(empty.res.statusCode, 200);
    assert.match(empty.text, /Znaleziono 0 organizacji dla „nic takiego tu nie ma”\. Nie znaleźliśmy organizacji spełniających te kryteria\./);
    assertIncludes(empty.res.body, `<a href="/${m.slug}/organisations">Pokaż wszystkie organizacje</a>`);
    const wrong = await search('?sphere=nonsense&kind=foundation&kind=association&page=0');
    assert.equal(wrong.res.statusCode, 422);
    assert.equal(fieldError(wrong.res.body, 'sphere'), 'Wybierz wartość z listy.');
    assert.equal(fieldError(wrong.res.body, 'kind'), 'Wybierz wartość z listy.');
    assertExcludes(wrong.res.body, 'class="result"');
  });

  test('pages of twenty with bookmarkable addresses that keep the filters', async () => {
    const big = await makeMunicipality(h.db, 'Gmina Wielu Kół');
    const { c: organiser } = await staff(h, big);
    const { c } = await person(h);
    for (let i = 1; i <= 23; i++) {
      const nip = i === 1 ? '1234563218' : undefined;
      const id = await register(h, c, big, { name: `Koło Gospodyń nr ${String(i).padStart(2, '0')}`, kind: 'rural_womens_circle', krs: '', nip: nip ?? '', regon: '', spheres: ['national_tradition'] });
      const { version } = await organisationRow(h, big, { id });
      await organiser.post(`/${big.slug}/organisations/${id}/verify`, { version: String(version) });
    }
    const first = await visitor().get(`/${big.slug}/organisations?q=kolo&sphere=national_tradition`);
    assert.equal(names(first.body).length, 20);
    assert.match(pageText(first.body), /Znaleziono 23 organizacje dla „kolo”\. Pokazano 1–20 z 23\./);
    const next = `/${big.slug}/organisations?q=kolo&amp;sphere=national_tradition&amp;page=2`;
    assertIncludes(first.body, `href="${next}" rel="next"`, 'the next page keeps the question');
    const second = await visitor().get(next.replaceAll('&amp;', '&'));
    assert.deepEqual(names(second.body), ['Koło Gospodyń nr 21', 'Koło Gospodyń nr 22', 'Koło Gospodyń nr 23']);
    const beyond = await visitor().get(`/${big.slug}/organisations?q=kolo&page=9`);
    assert.match(pageText(beyond.body), /Znaleziono 23 organizacje .* Na tej stronie nie ma już wyników\. Wróć do pierwszej strony/);
  });

  test('a profile shows what the organisation chose to publish, its federations and members, and no people', async () => {
    const id = async (name: string) => (await organisationRow(h, m, { name })).id;
    const razem = await visitor().get(`/${m.slug}/organisations/${await id('Stowarzyszenie Rodzin i Przyjaciół Osób z Niepełnosprawnością „Razem”')}`);
    assert.equal(razem.statusCode, 200);
    const text = pageText(razem.body);
    assert.match(text, /E-mail razem@razem-zyrardow\.example Telefon 46 855 30 30/);
    assertExcludes(text, 'Kościuszki', 'the address was not chosen for publication');
    assert.match(text, /Sfery pożytku publicznego Działalność na rzecz osób niepełnosprawnych \(pkt 7\)/);
    assert.match(text, /Historia współpracy W rejestrze organizacji gminy od .* Należy do federacji Federacja Organizacji Pozarządowych „DZIAŁAJ\.MY” — członek od 20 stycznia 2020/);
    assertIncludes(razem.body, 'href="tel:+48468553030"');

    const group = pageText((await visitor().get(`/${m.slug}/organisations/${await id('Sąsiedzi z Osady Fabrycznej')}`)).body);
    assertIncludes(group, 'Grupa nieformalna nie ma osobowości prawnej.');
    assertExcludes(group, 'Przykładowa', "the informal group's leader is not shown publicly");

    const federation = pageText((await visitor().get(`/${m.slug}/organisations/${await id('Federacja Organizacji Pozarządowych „DZIAŁAJ.MY”')}`)).body);
    assert.match(federation, /Organizacje członkowskie Fundacja „Dom przy Lnianej” — członek od 14 czerwca 2019 .*Żyrardowski Uniwersytet Trzeciego Wieku — członek od 14 czerwca 2019/);
    assertExcludes(federation, 'Uczniowski Klub Sportowy', 'only its members');

    // Waiting, rejected, unknown and another municipality's organisations have no public page.
    assert.equal((await visitor().get(`/${m.slug}/organisations/${await id('Fundacja „Akademia Młodych Liderów”')}`)).statusCode, 404);
    assert.equal((await visitor().get(`/${m.slug}/organisations/not-a-uuid`)).statusCode, 404);
    const other = await seededMunicipality(h, 'Gmina Obca');
    const foreign = (await organisationRow(h, other, { name: 'Stowarzyszenie „Lniany Szlak”' })).id;
    assert.equal((await visitor().get(`/${m.slug}/organisations/${foreign}`)).statusCode, 404);
    assert.equal((await visitor().get(`/${other.slug}/organisations/${foreign}`)).statusCode, 200);
  });

  test('a rejected registration stays out of the directory', async () => {
    const r = await makeMunicipality(h.db, 'Gmina Odrzuceń');
    const { c } = await person(h);
    const { c: organiser } = await staff(h, r);
    const id = await register(h, c, r, { name: 'Stowarzyszenie Odrzucone', ...OTHER_IDS[1] });
    assert.equal((await organiser.post(`/${r.slug}/organisations/${id}/reject`, { version: '1', reason: 'Brak statutu.', confirmed: 'yes' })).statusCode, 303);
    assert.deepEqual(names((await visitor().get(`/${r.slug}/organisations?q=odrzucone`)).body), []);
    assert.equal((await visitor().get(`/${r.slug}/organisations/${id}`)).statusCode, 404);
    const [count] = await ownerQuery<{ n: number }>(h, "SELECT count(*)::int AS n FROM organisations WHERE municipality_id = $1 AND status = 'rejected'", [r.id]);
    assert.equal(count!.n, 1);
  });
});
