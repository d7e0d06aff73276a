import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import Fastify from 'fastify';
import { before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { PUBLIC, can } from '../../src/platform/auth/access';
import { isPermission, permissionsOf, type Role } from '../../src/platform/auth/roles';
import { guard } from '../../src/platform/http/guard';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { TestClient } from '../support/client';
import { makeMunicipality, makeUser, uniq } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { logIn } from '../support/session';
import { assertExcludes, assertIncludes } from '../support/assertions';

const errorCode = (res: LightMyRequestResponse): string | undefined => {
  try {
    return (res.json() as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
};

describeEachEngine('route access rules', (h) => {
  let a: MunicipalityRow;
  let b: MunicipalityRow;
  const permissionRoutes = () => h.routes.filter((r) => r.access?.kind === 'permission');
  const fill = (url: string, slug: string) =>
    url.replace(/:municipality\b/g, slug).replace(/:[A-Za-z_]+/g, () => crypto.randomUUID());
  const isSafe = (method: string) => method === 'GET' || method === 'HEAD';

  before(async () => {
    a = await makeMunicipality(h.db, 'Gmina A');
    b = await makeMunicipality(h.db, 'Gmina B');
  });

  test('every registered route declares an access rule', () => {
    assert.ok(h.routes.length > 10, 'the route list is populated');
    const offenders = h.routes.filter((r) => !r.access || !['public', 'authenticated', 'permission', 'development'].includes(r.access.kind));
    assert.deepEqual(offenders.map((r) => `${r.method} ${r.url}`), [], 'routes without an access rule');
    for (const r of permissionRoutes()) {
      assertIncludes(r.url, ':municipality', `${r.method} ${r.url} is scoped to a municipality`);
      const permission = (r.access as { permission: string }).permission;
      assert.ok(isPermission(permission), `${r.method} ${r.url}: ${permission} is a known permission`);
    }
    // Staff and audit pages are behind permissions, not merely behind a log-in.
    for (const url of ['/:municipality/staff', '/:municipality/audit', '/:municipality/audit.csv', '/api/:municipality/audit-log']) {
      const route = h.routes.find((r) => r.method === 'GET' && r.url === url);
      assert.equal(route?.access?.kind, 'permission', url);
    }
  });

  test('the guard refuses to register a route without an access rule', async () => {
    const app = Fastify();
    await app.register(guard, { developmentAids: false });
    app.get('/declared', { config: { access: PUBLIC } }, async () => 'ok');
    await assert.rejects(async () => {
      await app.register(async (scope) => {
        scope.get('/undeclared', async () => 'oops');
      });
      await app.ready();
    }, /Route GET \/undeclared declares no access rule \(config\.access\)/);
    await app.close().catch(() => undefined);

    // Directly, too: the onRoute hook throws as the route is added.
    const direct = Fastify();
    await direct.register(guard, { developmentAids: false });
    assert.throws(() => direct.post('/undeclared', async () => 'oops'), /declares no access rule/);
    await direct.close();

    // A permission must be scoped by a :municipality parameter.
    const unscoped = Fastify();
    await unscoped.register(guard, { developmentAids: false });
    assert.throws(() => unscoped.get('/everyone/staff', { config: { access: can('staff.manage') } }, async () => 'x'), /no :municipality parameter/);
    await unscoped.close();
  });

  test('anonymous callers of every permission route are sent to log in (pages) or get 401 (API), never served', async () => {
    const routes = permissionRoutes();
    assert.ok(routes.length > 0, 'there are permission routes to check');
    let checked = 0;
    for (const r of routes) {
      const url = fill(r.url, a.slug);
      const label = `${r.method} ${url}`;
      const c = new TestClient(h.app);
      if (isSafe(r.method)) {
        const res = await c.request({ method: r.method as 'GET' | 'HEAD', url });
        if (r.url.startsWith('/api/')) {
          assert.equal(res.statusCode, 401, label);
          if (r.method === 'GET') assert.equal(errorCode(res), 'auth.required', label);
        } else {
          assert.equal(res.statusCode, 303, label);
          assert.equal(res.headers.location, `/login?next=${encodeURIComponent(url)}`, label);
        }
      } else {
        // With a valid CSRF token (so the refusal is the access rule's) and without one.
        const withToken = await c.postJson(url, { email: `x-${uniq()}@example.pl`, roles: 'administrator', version: '1' });
        assert.equal(withToken.statusCode, 401, label);
        assert.equal(errorCode(withToken), 'auth.required', label);
        const bare = await new TestClient(h.app).post(url, { roles: 'administrator' }, { csrf: false });
        assertIncludes([401, 403], bare.statusCode, `${label} without CSRF: ${bare.statusCode}`);
      }
      checked++;
    }
    assert.equal(checked, routes.length);
    assert.ok(checked >= 8, `covered ${checked} permission routes`);
  });

  test('an administrator and auditor of another municipality is refused every permission route (403)', async () => {
    const outsider = await makeUser(h.db, { municipality: b, roles: ['administrator', 'auditor'], totp: true });
    const c = await logIn(h, outsider);

    // Control: in their own municipality the same person is let in, so the refusals below are about A.
    assert.equal((await c.get(`/${b.slug}/staff`)).statusCode, 200);
    assert.equal((await c.get(`/${b.slug}/audit`)).statusCode, 200);
    assert.equal((await c.get(`/api/${b.slug}/audit-log`)).statusCode, 200);
    const ownPost = await c.postJson(`/${b.slug}/staff/invitations`, { email: 'not-an-email', roles: 'coordinator' });
    assert.equal(ownPost.statusCode, 422, 'a POST with this CSRF token reaches the handler in B');

    let checked = 0;
    for (const r of permissionRoutes()) {
      const url = fill(r.url, a.slug);
      const label = `${r.method} ${url}`;
      const res = isSafe(r.method)
        ? await c.request({ method: r.method as 'GET' | 'HEAD', url, headers: { accept: 'application/json' } })
        : await c.postJson(url, { email: `x-${uniq()}@example.pl`, roles: 'administrator', version: '1' });
      assert.equal(res.statusCode, 403, `${label}: ${res.statusCode}`);
      if (r.method !== 'HEAD') assert.equal(errorCode(res), 'auth.forbidden', label);
      if (r.method === 'GET' && !r.url.startsWith('/api/')) {
        const page = await c.get(url);
        assert.equal(page.statusCode, 403, `${label} as a page`);
        assertIncludes(page.body, 'Nie masz uprawnień do tej strony.', `${label} explains the refusal`);
        assertExcludes(page.body, '<table', `${label} shows no data`);
      }
      checked++;
    }
    assert.equal(checked, permissionRoutes().length);
    assert.ok(checked > 0);

    // Nothing was written in A on the outsider's behalf.
    const [row] = await h.db.ownerTx((sql) =>
      sql.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE municipality_id = $1 AND actor_user_id = $2', [a.id, outsider.id]),
    );
    assert.equal(row!.n, 0);
    const invitations = await h.db.ownerTx((sql) => sql.query('SELECT 1 FROM invitations WHERE municipality_id = $1', [a.id]));
    assert.equal(invitations.length, 0);
  });

  test('members of the municipality without the permission are refused too', async () => {
    const roles: Role[] = ['resident', 'coordinator'];
    const held = permissionsOf(roles);
    const resident = await makeUser(h.db, { municipality: a, roles, totp: true });
    const c = await logIn(h, resident);
    const refused = permissionRoutes().filter((x) => x.method !== 'HEAD' && x.access?.kind === 'permission' && !held.has(x.access.permission));
    assert.ok(refused.length > 0 && refused.length < permissionRoutes().filter((x) => x.method !== 'HEAD').length, 'some routes held, some not');
    for (const r of refused) {
      const url = fill(r.url, a.slug);
      const res = r.method === 'GET' ? await c.get(url, { accept: 'application/json' }) : await c.postJson(url, { roles: 'administrator', version: '1' });
      assert.equal(res.statusCode, 403, `${r.method} ${url}`);
      assert.equal(errorCode(res), 'auth.forbidden', `${r.method} ${url}`);
    }
  });

  test('an unknown municipality is 404 on every municipality route, logged in or not', async () => {
    const admin = await makeUser(h.db, { municipality: a, roles: ['administrator', 'auditor'], totp: true });
    const signedIn = await logIn(h, admin);
    const anonymous = new TestClient(h.app);
    const missing = `nie-ma-takiej-gminy-${uniq()}`;
    const routes = h.routes.filter((r) => r.url.includes(':municipality') && r.method !== 'HEAD');
    assert.ok(routes.length >= permissionRoutes().filter((r) => r.method !== 'HEAD').length);
    for (const r of routes) {
      const url = fill(r.url, missing);
      for (const [who, c] of [['anonymous', anonymous], ['administrator of A', signedIn]] as const) {
        const res = r.method === 'GET' ? await c.get(url, { accept: 'application/json' }) : await c.postJson(url, { roles: 'administrator', version: '1' });
        assert.equal(res.statusCode, 404, `${who}: ${r.method} ${url} → ${res.statusCode}`);
        assert.equal(errorCode(res), 'not_found', `${who}: ${r.method} ${url}`);
      }
    }
    // Control: the real slug answers for the same person.
    assert.equal((await signedIn.get(`/${a.slug}/staff`)).statusCode, 200);
  });
});
