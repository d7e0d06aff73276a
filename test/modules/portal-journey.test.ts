import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { translator } from '../../src/platform/i18n';
import { slugProblem } from '../../src/platform/tenancy/slug';
import { units, type MunicipalityRow } from '../../src/platform/tenancy/repository';
import { assertExcludes, assertIncludes } from '../support/assertions';
import { ownerQuery } from '../support/db';
import { describeEachEngine } from '../support/harness';
import { pageText } from '../support/pages';
import { person } from '../support/people';
import { applyFor, catalogueMunicipality, serviceId } from './applications-helpers';

/**
 * What the new-user journey walk found (issue 14): the accessibility statement every page links to, the
 * resident's menu with her referrals and plan, menu labels that say what the page's heading says, a
 * withdrawn application that says so, and the service page's "Złóż wniosek" as a button near the top.
 */

const TELEOPIEKA = 'Teleopieka „Bezpieczny Senior”';
const CARE = 'Usługi opiekuńcze w miejscu zamieszkania';
const pl = translator('pl');

/** The links of one menu group (its list is labelled with the group's name), as [text, href]. */
function menuGroup(body: string, group: string): [string, string][] {
  const list = new RegExp(`<ul class="nav-list" aria-label="${group}">(.*?)</ul>`, 's').exec(body)?.[1] ?? '';
  return [...list.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((x) => [x[2]!, x[1]!]);
}
const h1Of = (body: string) => /<h1>([^<]*)<\/h1>/.exec(body)?.[1];
const footerOf = (body: string) => /<footer class="site-footer">(.*?)<\/footer>/s.exec(body)?.[1] ?? '';

describeEachEngine('portal: the journey fixes', (h) => {
  let m: MunicipalityRow;
  before(async () => {
    m = await catalogueMunicipality(h, 'Gmina Deklaracji');
    await h.db.ownerTx(async (sql) => {
      await units.insert(sql, m.id, { name: 'Sekretariat Centrum', description: '', address: 'ul. Lniana 5, 96-300 Żyrardów', phone: '46 855 01 02', email: 'sekretariat@cus.example' }, 0);
      await units.insert(sql, m.id, { name: 'Klub Seniora', description: '', address: 'ul. Kręta 2, 96-300 Żyrardów', phone: '', email: '' }, 1);
    });
  });

  test("every page's footer links the accessibility statement: the municipality's own, or the platform's list of them", async () => {
    const c = h.client();
    assertIncludes(footerOf((await c.get(`/${m.slug}`)).body), `<a href="/${m.slug}/deklaracja-dostepnosci">Deklaracja dostępności</a>`);
    assertIncludes(footerOf((await c.get(`/${m.slug}/services`)).body), `<a href="/${m.slug}/deklaracja-dostepnosci">Deklaracja dostępności</a>`);
    assertIncludes(footerOf((await c.get('/')).body), '<a href="/deklaracja-dostepnosci">Deklaracja dostępności</a>');
    const platform = await c.get('/deklaracja-dostepnosci');
    assert.equal(platform.statusCode, 200);
    assertIncludes(platform.body, `<a href="/${m.slug}/deklaracja-dostepnosci">${m.cus_name}</a>`, 'each centre is listed with its statement');
    assert.equal(slugProblem('deklaracja-dostepnosci'), 'slug_reserved', 'no municipality can take the address');
  });

  test("a centre's statement has the parts the act asks for, filled from the platform's own facts and the centre's contact", async () => {
    const res = await h.client().get(`/${m.slug}/deklaracja-dostepnosci`);
    assert.equal(res.statusCode, 200);
    assert.equal(h1Of(res.body), 'Deklaracja dostępności');
    const headings = [...res.body.matchAll(/<h2>([^<]*)<\/h2>/g)].map((x) => x[1]);
    assert.deepEqual(headings, [
      'Daty publikacji i aktualizacji', 'Stan dostępności cyfrowej', 'Przygotowanie deklaracji dostępności', 'Informacje zwrotne i dane kontaktowe',
      'Obsługa wniosków i skarg związanych z dostępnością', 'Dostępność architektoniczna',
    ]);
    const [dates] = await ownerQuery<{ created: Date; migrated: Date }>(h, 'SELECT (SELECT created_at FROM municipalities WHERE id = $1) AS created, (SELECT max(applied_at) FROM schema_migrations) AS migrated', [m.id]);
    const text = pageText(res.body);
    for (const part of [
      `${m.cus_name} zobowiązuje się zapewnić dostępność swojej strony internetowej zgodnie z ustawą z dnia 4 kwietnia 2019 r.`,
      `Data publikacji strony internetowej: ${pl.date(dates!.created)}.`,
      `Data ostatniej istotnej aktualizacji: ${pl.date(dates!.migrated)}.`,
      'WCAG 2.2 na poziomie AA', 'bez JavaScriptu', '320 pikseli', 'axe-core',
      'Problemy z dostępnością strony i prośby o treść w innej formie zgłaszaj do: Sekretariat Centrum.',
      'nie później niż w ciągu 7 dni', 'nie później niż w ciągu 2 miesięcy', 'wniosek do Rzecznika Praw Obywatelskich',
      'ul. Lniana 5, 96-300 Żyrardów', 'ul. Kręta 2, 96-300 Żyrardów',
    ]) assertIncludes(text, part);
    assertIncludes(res.body, '<a href="tel:468550102">46 855 01 02</a>');
    assertIncludes(res.body, '<a href="mailto:sekretariat@cus.example">sekretariat@cus.example</a>');
    assertIncludes(res.body, `<a href="/${m.slug}/venues">`);
    assertExcludes(text, 'undefined');
  });

  test('the resident\'s "Dla mnie" has her referrals and plan, and every menu label is the heading of the page it opens', async () => {
    const { c: resident } = await person(h, m, ['resident']);
    const mine = menuGroup((await resident.get(`/${m.slug}`)).body, 'Dla mnie');
    assert.deepEqual(mine.map(([, href]) => href).filter((href) => href.startsWith(`/${m.slug}/my`)), [`/${m.slug}/my/plans`, `/${m.slug}/my/referrals`, `/${m.slug}/my`]);
    const { c: coordinator } = await person(h, m, ['coordinator']);
    const { c: ngo } = await person(h, m, ['ngo_member']);
    const coordinatorMenu = menuGroup((await coordinator.get(`/${m.slug}`)).body, 'Moja praca');
    assert.equal(menuGroup((await coordinator.get(`/${m.slug}`)).body, 'Dla mnie').length, 0, 'staff without the resident role have no "Dla mnie"');
    const ngoMenu = menuGroup((await ngo.get(`/${m.slug}`)).body, 'Moja organizacja');
    const publicMenu = menuGroup((await h.client().get(`/${m.slug}`)).body, 'Oferta Centrum');
    const pick = (menu: [string, string][], path: string) => menu.find(([, href]) => href === `/${m.slug}${path}`);
    const checks: [typeof resident, [string, string] | undefined][] = [
      [resident, pick(mine, '/my/plans')], [resident, pick(mine, '/my/referrals')], [resident, pick(mine, '/venues/bookings')],
      [coordinator, pick(coordinatorMenu, '/cases')], [ngo, pick(ngoMenu, '/referrals/inbox')], [h.client(), pick(publicMenu, '/programme')],
    ];
    for (const [client, link] of checks) {
      assert.ok(link, 'the menu has the link');
      const page = await client.get(link[1]);
      assert.equal(page.statusCode, 200, link[1]);
      assert.equal(h1Of(page.body), link[0], `${link[1]}: the menu says what the heading says`);
    }
    assert.deepEqual(checks.map(([, l]) => l![0]), ['Mój plan usług', 'Moje skierowania', 'Moje rezerwacje sal', 'Sprawy mieszkańców', 'Skierowania do organizacji', 'Programy usług społecznych']);
  });

  test('a withdrawn application says "Wycofany", not "Rozpatrzony", and the message does not nest quotes', async () => {
    const { c } = await person(h, m, ['resident']);
    const id = await applyFor(h, c, m, await serviceId(h, m, TELEOPIEKA), { relation: 'self', beneficiary_name: 'Zenona Kręta' });
    assert.equal((await c.post(`/${m.slug}/applications/mine/${id}/withdraw`, { confirmed: 'yes' })).statusCode, 303);
    const text = pageText((await c.get(`/${m.slug}/applications/mine`)).body);
    assertIncludes(text, `Wycofano wniosek o usługę: ${TELEOPIEKA}.`);
    assertExcludes(text, '„Teleopieka „');
    assert.match(text, /Wycofany \d+ \p{L}+ \d{4}/u);
    assertExcludes(text, 'Rozpatrzony');
  });

  test('the service page offers "Złóż wniosek" as a button before its description; the demo catalogue speaks to everyone', async () => {
    const id = await serviceId(h, m, CARE);
    const body = (await h.client().get(`/${m.slug}/services/${id}`)).body;
    const button = body.indexOf(`<a href="/${m.slug}/applications/new?service=${id}" class="button">Złóż wniosek</a>`);
    assert.ok(button > body.indexOf('<h1>'), 'the button is on the page, under the heading');
    assert.ok(button < body.indexOf('Na czym polega usługa'), 'before the description');
    const masculine = await ownerQuery<{ name: string }>(h, "SELECT name FROM services WHERE municipality_id = $1 AND (summary || ' ' || description) ~ '(mógł|łeś)([^a-ząćęłńóśźż]|$)'", [m.id]);
    assert.deepEqual(masculine, []);
  });
});
