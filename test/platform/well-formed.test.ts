import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { holdsNul, safeFileName, wellFormed } from '../../src/platform/http/well-formed';
import { makeMunicipality, makeUser } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { logIn } from '../support/session';
import { catalogueMunicipality } from '../modules/applications-helpers';
import { applied, documentRows, PDF, upload } from '../modules/my-data-helpers';
import { ownerQuery } from '../support/db';
import { person, staff } from '../support/people';
import { municipalityWithRegistry, one, planForm } from '../modules/action-plan-helpers';
import { assertIncludes } from '../support/assertions';

test('lone surrogates become U+FFFD; pairs, nesting and buffers are kept', () => {
  const file = Buffer.from('abc');
  const out = wellFormed({ a: 'x\uD800y', b: ['\uDC00', 'ok 😀'], c: { d: '\uD83D' }, file, n: 3 });
  assert.deepEqual(out, { a: 'x\uFFFDy', b: ['\uFFFD', 'ok 😀'], c: { d: '\uFFFD' }, file, n: 3 });
  assert.equal(out.file, file);
});

describeEachEngine('input text is made well-formed before handlers see it', (h) => {
  test('a lone surrogate in a JSON body is saved as U+FFFD, and its audit entry (jsonb) is written: no 500', async () => {
    const m = await municipalityWithRegistry(h, 'Gmina Znaków');
    const { c } = await staff(h, m);
    await c.get(`/${m.slug}/action-plans/new`);
    const token = c.csrfToken;
    const res = await c.request({
      method: 'POST',
      url: `/${m.slug}/action-plans/new`,
      payload: JSON.stringify({ ...planForm({ title: 'Plan sąsiedzki \uD800 na rok' }), _csrf: token }),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    const row = await one<{ title: string }>(h, 'SELECT title FROM action_plans WHERE municipality_id = $1', [m.id]);
    assert.equal(row.title, 'Plan sąsiedzki \uFFFD na rok');
    const entry = await one<{ title: string }>(h, "SELECT details ->> 'title' AS title FROM audit_log WHERE municipality_id = $1 AND action = 'action_plan.created'", [m.id]);
    assert.equal(entry.title, 'Plan sąsiedzki \uFFFD na rok');
  });
});

test('a body nested thousands deep is walked without overflowing the stack', () => {
  let deep: unknown = '\uD800';
  for (let i = 0; i < 100_000; i++) deep = i % 2 ? { a: deep } : [deep];
  assert.doesNotThrow(() => wellFormed(deep));
  let inner = deep;
  while (typeof inner !== 'string') inner = Array.isArray(inner) ? inner[0] : (inner as { a: unknown }).a;
  assert.equal(inner, '\uFFFD');
});

test('issue 21: NUL is found in strings and keys at any depth; file names lose control and format characters', () => {
  assert.equal(holdsNul({ a: ['ok', { b: 'x\u0000y' }] }), true);
  assert.equal(holdsNul({ ['k\u0000']: 'v' }), true);
  assert.equal(holdsNul({ a: ['ok', { b: 'żółw 😀' }], file: Buffer.from([0]) }), false);
  assert.equal(safeFileName('invoice\u202Egpj.exe.pdf'), 'invoicegpj.exe.pdf');
  assert.equal(safeFileName('a\u200Bb\u2066c\u0000d\u001Fe.pdf'), 'abcde.pdf');
  assert.equal(safeFileName('zaświadczenie 😀.pdf'), 'zaświadczenie 😀.pdf');
});

describeEachEngine('issue 21: no NUL reaches the database', (h) => {
  const code = (res: LightMyRequestResponse) => {
    try {
      return (res.json() as { error?: { code?: string } }).error?.code;
    } catch {
      return undefined;
    }
  };

  test('issue 21: NUL in every route parameter, the query string and the body of every route is refused with 400 request.invalid_characters', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Zerowa');
    const admin = await makeUser(h.db, { municipality: m, roles: ['administrator', 'director', 'auditor', 'coordinator'], totp: true });
    const c = await logIn(h, admin);
    const fill = (url: string, nul?: string) =>
      url.replace(/:([A-Za-z_]+)|\*/g, (all, name: string | undefined) => (all === '*' ? (nul === '*' ? 'a%00b' : 'app.css') : name === nul ? 'a%00b' : name === 'municipality' ? m.slug : '00000000-0000-4000-8000-000000000000'));
    const wrong: string[] = [];
    let sent = 0;
    const expect = async (label: string, res: Promise<LightMyRequestResponse>) => {
      const r = await res;
      sent++;
      if (r.statusCode !== 400 || code(r) !== 'request.invalid_characters') wrong.push(`${label} → ${r.statusCode} ${r.body.slice(0, 160)}`);
    };
    const json = { accept: 'application/json' };
    // Logging out last, so that every route before it is called as the administrator.
    const routes = h.routes.filter((r) => r.method === 'GET' || r.method === 'POST').sort((x, y) => Number(x.url === '/logout') - Number(y.url === '/logout'));
    for (const route of routes) {
      const params = [...route.url.matchAll(/:([A-Za-z_]+)|\*/g)].map((p) => p[1] ?? '*');
      for (const p of params) await expect(`${route.method} ${route.url} :${p}`, c.request({ method: route.method as 'GET' | 'POST', url: fill(route.url, p), headers: json }));
      const url = fill(route.url);
      if (route.method === 'GET') {
        await expect(`GET ${route.url}?q=NUL`, c.get(`${url}?q=%00&area=%00&page=1%00`, json));
      } else {
        await expect(`POST ${route.url} form`, c.post(url, { name: 'a\u0000b', description: '\u0000' }, { headers: json }));
        await expect(`POST ${route.url} json`, c.request({ method: 'POST', url, headers: { ...json, 'content-type': 'application/json' }, payload: JSON.stringify({ _csrf: c.csrfToken, title: 'x\u0000' }) }));
        await expect(`POST ${route.url} json key`, c.request({ method: 'POST', url, headers: { ...json, 'content-type': 'application/json' }, payload: JSON.stringify({ _csrf: c.csrfToken, ['a\u0000']: 'x' }) }));
      }
    }
    assert.deepEqual(wrong, [], `${wrong.length} of ${sent} requests were not refused`);
    assert.ok(sent > 300, `${sent} requests`);
  });

  test('issue 21: ?q=%00&area=%00 (as in the reported 500) on a public search page answers a Polish 400 page', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Zerowa 2');
    const res = await h.client().get(`/${m.slug}/services?q=%00&area=%00`);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Przesłane dane zawierają niedozwolony znak \(NUL\)/);
  });

  test('issue 21: a cookie with NUL is dropped, not looked up; a header with NUL (user agent, into the audit) is refused', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Zerowa 3');
    const page = await h.app.inject({ method: 'GET', url: `/${m.slug}/services`, headers: { cookie: 'sid=a%00b; lang=e%00n; flash=x%00' } });
    assert.equal(page.statusCode, 200, page.body.slice(0, 300));
    const admin = await makeUser(h.db, { municipality: m, roles: ['administrator'], totp: true });
    const c = await logIn(h, admin);
    const ua = await c.request({ method: 'GET', url: `/${m.slug}/staff`, headers: { 'user-agent': 'Mozilla\u0000', accept: 'application/json' } });
    assert.equal(ua.statusCode, 400);
    assert.equal(code(ua), 'request.invalid_characters');
  });

  test('review 1 #15: an uploaded file name loses bidirectional overrides at the edge, a stored one is shown without them; NUL in a multipart field is refused', async () => {
    const m = await catalogueMunicipality(h, 'Gmina Nazw Plików');
    const { c } = await person(h, m, ['resident']);
    const app = await applied(h, c, m);
    const url = `/${m.slug}/my/documents`;
    const res = await upload(c, url, { application: app }, { name: 'faktura\u202Egpj.exe.pdf', data: PDF, type: 'application/pdf' });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const [doc] = await documentRows(h, m);
    assert.equal(doc!.filename, 'fakturagpj.exe.pdf');

    // A name stored before the edge cleaned them is shown, and offered for download, without them.
    await ownerQuery(h, 'UPDATE resident_documents SET filename = $2 WHERE id = $1', [doc!.id, 'rachunek\u202Egpj.exe\u2066.pdf']);
    const page = await c.get(url);
    assertIncludes(page.body, 'rachunekgpj.exe.pdf', 'the name is shown');
    assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(page.body), 'no bidirectional control on the page');
    const download = await c.get(`/${m.slug}/documents/${doc!.id}`);
    assert.equal(download.statusCode, 200);
    assert.ok(!/%E2%80%AE|%E2%81%A6/i.test(String(download.headers['content-disposition'])), String(download.headers['content-disposition']));

    const nul = await upload(c, url, { application: app, description: 'opis\u0000' }, { name: 'a.pdf', data: PDF, type: 'application/pdf' });
    assert.equal(nul.statusCode, 400);
    assert.match(nul.body, /niedozwolony znak \(NUL\)/);
    assert.equal((await documentRows(h, m)).length, 1);
  });
});
