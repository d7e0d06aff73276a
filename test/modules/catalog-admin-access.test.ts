import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/harness';
import { idByName, ownerQuery, seededMunicipality, serviceForm, staffClient } from './catalog-admin-helpers';
import { assertExcludes } from '../support/assertions';

describeEachEngine('catalogue editing: who may', (h) => {
  test('who may edit: anonymous → log in, a resident → 403, another municipality’s coordinator → 403, foreign ids → 404', async () => {
    const a = await seededMunicipality(h, 'Gmina A');
    const b = await seededMunicipality(h, 'Gmina B');
    const aService = await idByName(h, 'services', a, 'Klub Seniora „Lniane Serca”');
    const provider = await idByName(h, 'providers', a, 'Klub Seniora „Lniane Serca”');
    const aUrl = `/${a.slug}/catalog/services/${aService}`;

    const anonymous = await new TestClient(h.app).get(aUrl);
    assert.equal(anonymous.statusCode, 303);
    assert.equal(anonymous.headers.location, `/login?next=${encodeURIComponent(aUrl)}`);

    const resident = await staffClient(h, a, ['resident']);
    assert.equal((await resident.get(`/${a.slug}/catalog`)).statusCode, 403);
    assert.equal((await resident.post(aUrl, serviceForm(provider, [], { version: '1' }))).statusCode, 403);

    const outsider = await staffClient(h, b);
    assert.equal((await outsider.get(`/${b.slug}/catalog`)).statusCode, 200, 'control: B’s own catalogue');
    for (const url of [`/${a.slug}/catalog`, aUrl, `${aUrl}/history`, `/${a.slug}/catalog/services/new`]) {
      const res = await outsider.get(url);
      assert.equal(res.statusCode, 403, url);
      assertExcludes(res.body, 'Lniane Serca', `${url} shows nothing of A`);
    }
    const post = await outsider.post(aUrl, serviceForm(provider, [], { name: 'Przejęte', version: '1' }));
    assert.equal(post.statusCode, 403);
    // A's service id under B's address does not exist there.
    for (const url of [`/${b.slug}/catalog/services/${aService}`, `/${b.slug}/catalog/services/${aService}/history`, `/${b.slug}/catalog/services/nie-uuid`]) {
      assert.equal((await outsider.get(url)).statusCode, 404, url);
    }
    const viaB = await outsider.post(`/${b.slug}/catalog/services/${aService}`, serviceForm(await idByName(h, 'providers', b, 'Klub Seniora „Lniane Serca”'), [], { name: 'Przejęte', version: '1' }));
    assert.equal(viaB.statusCode, 404);
    const [row] = await ownerQuery<{ name: string; version: number }>(h, 'SELECT name, version FROM services WHERE id = $1', [aService]);
    assert.deepEqual(row, { name: 'Klub Seniora „Lniane Serca”', version: 1 });
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM catalog_history WHERE municipality_id = $1', [a.id])).length, 0, 'nothing recorded in A');
  });

  test('every staff catalogue route is closed to anonymous callers, residents and other municipalities’ staff', async () => {
    const a = await seededMunicipality(h, 'Gmina C');
    const b = await seededMunicipality(h, 'Gmina D');
    const routes = h.routes.filter((r) => r.url.startsWith('/:municipality/catalog') && r.method !== 'HEAD');
    assert.ok(routes.length >= 22, `${routes.length} routes`);
    const ids: Record<string, string> = {
      services: await idByName(h, 'services', a, 'Asystent rodziny'),
      providers: await idByName(h, 'providers', a, 'Punkt Interwencji Kryzysowej'),
      locations: await idByName(h, 'locations', a, 'Siedziba CUS'),
      programmes: await idByName(h, 'programmes', a, 'Program usług społecznych Miasta Żyrardowa na lata 2026–2027'),
    };
    const fill = (url: string) =>
      url.replace(':municipality', a.slug).replace(/\/(services|providers|locations|programmes)\/:id/, (_w, kind: string) => `/${kind}/${ids[kind]}`).replace(':exceptionId', crypto.randomUUID());
    const resident = await staffClient(h, a, ['resident', 'ngo_member']);
    const outsider = await staffClient(h, b, ['coordinator', 'director', 'administrator']);
    for (const r of routes) {
      const url = fill(r.url);
      if (r.method === 'GET') {
        const anonymous = await new TestClient(h.app).get(url);
        assert.equal(anonymous.statusCode, 303, url);
        assert.equal(anonymous.headers.location, `/login?next=${encodeURIComponent(url)}`);
      }
      for (const [who, c] of [['resident', resident], ['outsider', outsider]] as const) {
        const res = r.method === 'GET' ? await c.get(url) : await c.post(url, { name: 'Przejęte', version: '1', ex_day: '2026-12-24', ex_mode: 'closed' });
        assert.equal(res.statusCode, 403, `${who}: ${r.method} ${url}`);
      }
    }
    const [{ n }] = (await ownerQuery<{ n: number }>(h, 'SELECT count(*)::int AS n FROM catalog_history WHERE municipality_id = $1', [a.id])) as [{ n: number }];
    assert.equal(n, 0, 'nothing was written in A');
  });
});
