import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { before, test } from 'node:test';
import { seedCatalogFixtures } from '../../src/modules/catalog';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { makeMunicipality } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { person } from '../support/people';

const descriptionOf = (html: string) => /<meta name="description" content="([^"]*)"/.exec(html)?.[1]?.replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describeEachEngine('public pages: description, icon, compression, caching', (h) => {
  let m: MunicipalityRow;
  let serviceId: string;
  const get = (url: string, headers: Record<string, string> = {}) => h.app.inject({ method: 'GET', url, headers });

  before(async () => {
    m = await makeMunicipality(h.db, 'Gmina Nagłówkowa');
    await h.db.tx({ municipalityId: m.id, userId: null }, (sql) => seedCatalogFixtures(sql, m.id));
    const [row] = await h.db.tx({ municipalityId: m.id, userId: null }, (sql) =>
      sql.query<{ id: string }>(`SELECT id FROM services WHERE municipality_id = $1 AND name = 'Opieka wytchnieniowa'`, [m.id]),
    );
    serviceId = row!.id;
  });

  test('every public page has its own meta description and links the icon (SVG and the ICO fallback), both served', async () => {
    const home = await get(`/${m.slug}`);
    assert.equal(home.statusCode, 200);
    assert.match(descriptionOf(home.body) ?? '', new RegExp(`wyszukiwarka usług społecznych.*${m.name}|${m.name}.*wyszukiwarka usług społecznych`));
    const catalogue = await get(`/${m.slug}/services`);
    assert.match(descriptionOf(catalogue.body) ?? '', new RegExp(`^Usługi społeczne w gminie ${m.name}:`));
    const service = await get(`/${m.slug}/services/${serviceId}`);
    const summary = /<p class="lead">([^<]+)<\/p>/.exec(service.body)?.[1];
    assert.ok(summary, 'the service has a short description');
    assert.equal(descriptionOf(service.body), summary, "the service page's description is the service's own");
    for (const page of [home, catalogue, service]) {
      assert.match(page.body, /<link rel="icon" href="\/favicon.ico" sizes="48x48"\/?><link rel="icon" href="\/static\/favicon.svg" type="image\/svg\+xml"\/?>/);
    }
    const ico = await get('/favicon.ico');
    assert.equal(ico.statusCode, 200);
    assert.match(String(ico.headers['content-type']), /image\/(x-icon|vnd\.microsoft\.icon)/);
    assert.deepEqual([...ico.rawPayload.subarray(0, 4)], [0, 0, 1, 0], 'an ICO file');
    const svg = await get('/static/favicon.svg');
    assert.equal(svg.statusCode, 200);
    assert.match(String(svg.headers['content-type']), /image\/svg\+xml/);
  });

  test('pages, the stylesheet and JSON come compressed (brotli first, else gzip); zip files do not', async () => {
    for (const url of [`/${m.slug}/services`, '/static/site.css', `/api/${m.slug}/hsds/services`]) {
      const plain = await get(url);
      assert.equal(plain.headers['content-encoding'], undefined, `${url}: nothing asked, nothing compressed`);
      const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(br.headers['content-encoding'], 'br', url);
      assert.ok(br.rawPayload.length < plain.rawPayload.length / 2, `${url}: ${br.rawPayload.length} of ${plain.rawPayload.length} bytes`);
      assert.ok(zlib.brotliDecompressSync(br.rawPayload).toString().length > 0);
      const gzip = await get(url, { 'accept-encoding': 'gzip' });
      assert.equal(gzip.headers['content-encoding'], 'gzip', url);
      assert.ok(zlib.gunzipSync(gzip.rawPayload).length > 0);
    }
    const zip = await get(`/api/${m.slug}/hsds/datapackage.zip`, { 'accept-encoding': 'gzip, br' });
    assert.equal(zip.statusCode, 200);
    assert.equal(zip.headers['content-encoding'], undefined, 'a zip is compressed already');
  });

  test('anonymous pages stay in the visitor’s browser (back and forward work); signed-in, token and posted pages are not stored', async () => {
    for (const url of [`/${m.slug}`, `/${m.slug}/services`, `/${m.slug}/services?q=opieka`, `/${m.slug}/services/${serviceId}`, '/login']) {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['cache-control'], 'private, no-cache', url);
    }
    const again = await get(`/${m.slug}/services?q=opieka`);
    assert.equal(again.headers['cache-control'], 'private, no-cache', 'the shared render of a cached search too');

    const { c } = await person(h, m, ['coordinator']);
    const signedIn = await c.get(`/${m.slug}/services`);
    assert.equal(signedIn.statusCode, 200);
    assert.equal(signedIn.headers['cache-control'], 'no-store', 'a signed-in page');
    const reset = await get('/password/reset/nie-ma-takiego-tokenu-1234567890');
    assert.equal(reset.headers['cache-control'], 'no-store', 'a page at a token address');
    const missing = await get(`/${m.slug}/services/00000000-0000-4000-8000-000000000000`);
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.headers['cache-control'], 'no-store', 'an error page');
    const posted = await h.app.inject({ method: 'POST', url: '/login', payload: 'email=x%40example.pl&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(posted.headers['cache-control'], 'no-store', 'an answer to a form');
  });
});
