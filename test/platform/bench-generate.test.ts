import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generateCatalogue, SIZES } from '../../bench/catalogue';
import { generate, townAt } from '../../bench/generator';
import { readMarker } from '../../bench/load';
import { ORGANISATIONS } from '../../bench/organisations';
import { GENERATED_PASSWORD, RESIDENTS, residentEmail } from '../../bench/people';
import { isValidNip, isValidRegon } from '../../src/modules/organisations';
import { verifyPassword } from '../../src/platform/auth/passwords';
import { STAFF_ROLES } from '../../src/platform/auth/roles';
import { openTestDb, testEngines, type OpenedDb } from '../support/engines';

for (const engine of testEngines()) {
  describe(`bench generator [${engine}]`, () => {
    let opened: OpenedDb;
    before(async () => {
      opened = await openTestDb(engine);
    });
    after(async () => {
      await opened?.close();
    });

    test('loads a demo-size catalogue per municipality, with the marker', async () => {
      const result = await generate(opened.db, { size: 'demo', seed: 7, municipalities: 2, quiet: true });
      assert.equal(result.municipalities.length, 2);
      const counts = await opened.db.ownerTx((sql) =>
        sql.query<{ municipality_id: string; services: number; providers: number; locations: number }>(
          `SELECT m.id AS municipality_id,
             (SELECT count(*)::int FROM services s WHERE s.municipality_id = m.id) AS services,
             (SELECT count(*)::int FROM providers p WHERE p.municipality_id = m.id) AS providers,
             (SELECT count(*)::int FROM locations l WHERE l.municipality_id = m.id) AS locations
           FROM municipalities m WHERE m.id = ANY($1::uuid[])`,
          [result.municipalities.map((m) => m.id)],
        ),
      );
      assert.equal(counts.length, 2);
      for (const c of counts) assert.deepEqual([c.services, c.providers, c.locations], [SIZES.demo.services, SIZES.demo.providers, SIZES.demo.locations]);
      assert.deepEqual(await readMarker(opened.db), { size: 'demo', seed: 7, municipalities: 2 });

      // Accounts: one staff member per staff role and the residents, confirmed, with the shared password.
      const people = await opened.db.ownerTx((sql) =>
        sql.query<{ role: string; n: number; verified: number }>(
          `SELECT mb.roles[1] AS role, count(*)::int AS n, count(u.email_verified_at)::int AS verified
           FROM memberships mb JOIN users u ON u.id = mb.user_id WHERE mb.municipality_id = $1 GROUP BY 1 ORDER BY 1`,
          [result.municipalities[1]!.id],
        ),
      );
      assert.deepEqual(people, [...STAFF_ROLES.map((role) => ({ role, n: 1, verified: 1 })), { role: 'resident', n: RESIDENTS.demo, verified: RESIDENTS.demo }]
        .sort((x, y) => x.role.localeCompare(y.role)));
      const [resident] = await opened.db.ownerTx((sql) =>
        sql.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE email = $1', [residentEmail(townAt(1).slug, 0)]),
      );
      assert.ok(await verifyPassword(resident!.password_hash, GENERATED_PASSWORD), 'the documented password opens a generated account');

      // Organisations: every one with an administrator among the residents, identifiers that pass their checks.
      const orgs = await opened.db.ownerTx((sql) =>
        sql.query<{ nip: string | null; regon: string | null; kind: string; admins: number }>(
          `SELECT o.nip, o.regon, o.kind, (SELECT count(*)::int FROM organisation_members om
             WHERE om.municipality_id = o.municipality_id AND om.organisation_id = o.id AND om.role = 'admin') AS admins
           FROM organisations o WHERE o.municipality_id = $1`,
          [result.municipalities[1]!.id],
        ),
      );
      assert.equal(orgs.length, ORGANISATIONS.demo);
      assert.ok(orgs.every((o) => o.admins === 1), 'one administrator each');
      for (const o of orgs.filter((x) => x.kind !== 'informal_group')) assert.ok(isValidNip(o.nip!) && isValidRegon(o.regon!), `${o.nip} ${o.regon}`);

      const first = result.municipalities[0]!;
      const stored = await opened.db.ownerTx((sql) =>
        sql.query<{ name: string }>('SELECT name FROM services WHERE municipality_id = $1 ORDER BY name COLLATE "C"', [first.id]),
      );
      const expected = generateCatalogue(first.id, townAt(0), 'demo', 7 * 1000).services.name as string[];
      assert.deepEqual(stored.map((r) => r.name), [...expected].sort());
    });

    test('the same seed gives the same catalogue; another seed a different one', () => {
      const a = generateCatalogue('00000000-0000-4000-8000-000000000001', townAt(0), 'demo', 42);
      const b = generateCatalogue('00000000-0000-4000-8000-000000000001', townAt(0), 'demo', 42);
      const c = generateCatalogue('00000000-0000-4000-8000-000000000001', townAt(0), 'demo', 43);
      assert.deepEqual(a.services.name, b.services.name);
      assert.deepEqual(a.services.id, b.services.id);
      assert.notDeepEqual(a.services.name, c.services.name);
      assert.equal(a.services.name!.length, SIZES.demo.services);
    });
  });
}
