import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/harness';
import { idByName, seededMunicipality, serviceForm, staffClient } from './catalog-admin-helpers';

const names = (body: string) => [...body.matchAll(/<h3><a href="[^"]+">([^<]+)<\/a><\/h3>/g)].map((m) => m[1]);

describeEachEngine('catalogue search cache', (h) => {
  test('a staff change shows at once; a change by another process within SEARCH_CACHE_SECONDS', async () => {
    const m = await seededMunicipality(h, 'Gmina Pamięci');
    const visitor = new TestClient(h.app);
    const staff = await staffClient(h, m);
    const provider = await idByName(h, 'providers', m, 'Centrum Usług Społecznych w Żyrardowie');
    const url = `/${m.slug}/services?q=szachy`;

    assert.deepEqual(names((await visitor.get(url)).body), []);
    // Through the staff pages: the next search (anonymous, and the staff's own) finds it at once.
    const created = await staff.post(`/${m.slug}/catalog/services`, serviceForm(provider, [], { name: 'Szachy dla seniorów', summary: 'Turniej co tydzień.' }));
    assert.equal(created.statusCode, 303, created.body.slice(0, 500));
    assert.deepEqual(names((await visitor.get(url)).body), ['Szachy dla seniorów']);
    assert.deepEqual(names((await staff.get(url)).body), ['Szachy dla seniorów']);

    // Written past this process (as another server or the CLI would): the cached answer stands until it expires.
    await h.db.ownerTx((sql) => sql.query("UPDATE services SET name = 'Szachy i warcaby dla seniorów' WHERE municipality_id = $1 AND name = 'Szachy dla seniorów'", [m.id]));
    assert.deepEqual(names((await visitor.get(url)).body), ['Szachy dla seniorów'], 'still the cached answer');
    await new Promise((r) => setTimeout(r, 1100));
    assert.deepEqual(names((await visitor.get(url)).body), ['Szachy i warcaby dla seniorów'], 'fresh after SEARCH_CACHE_SECONDS');
  });

  test('a page shared by anonymous visitors carries each one its own CSRF token, which works', async () => {
    const m = await seededMunicipality(h, 'Gmina Wspólnej Strony');
    const url = `/${m.slug}/services?q=opiekuncze`;
    const [a, b] = [new TestClient(h.app), new TestClient(h.app)];
    const pageA = await a.get(url);
    const pageB = await b.get(url);
    assert.equal(pageA.statusCode, 200);
    assert.ok(a.csrfToken && b.csrfToken && a.csrfToken !== b.csrfToken, 'tokens differ');
    assert.equal(pageA.body.replace(a.csrfToken, 'T'), pageB.body.replace(b.csrfToken, 'T'), 'otherwise the same page');
    assert.ok(!/csrf-slot-/.test(pageA.body), 'no slot left unfilled');
    // Each token passes the CSRF check for its own visitor (the language switch on the page).
    const switched = await b.post('/language', { locale: 'en', return: url });
    assert.equal(switched.statusCode, 303);
    const english = await b.get(url);
    assert.match(english.body, /<html lang="en"/);
    assert.notEqual(english.body.replace(b.csrfToken, 'T'), pageB.body.replace(b.csrfToken, 'T'), 'the English page is its own');
  });
}, { env: { SEARCH_CACHE_SECONDS: '1' } });
