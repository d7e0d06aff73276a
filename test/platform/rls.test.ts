import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { audit, type AuditActor } from '../../src/platform/audit/audit';
import { loadConfig } from '../../src/platform/config';
import { migrate } from '../../src/platform/db/migrate';
import { openDatabase } from '../../src/platform/db/open';
import { NO_CONTEXT, type DbContext } from '../../src/platform/db/types';
import { memberships, type MunicipalityRow } from '../../src/platform/tenancy/repository';
import { makeMunicipality, makeUser, uniq } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { assertExcludes, assertIncludes } from '../support/assertions';

const actor: AuditActor = { userId: null, label: 'rls-test', ip: '127.0.0.1', userAgent: 'test', requestId: 'rls' };

describeEachEngine('row-level security', (h) => {
  let a: MunicipalityRow;
  let b: MunicipalityRow;
  const inA = (): DbContext => ({ municipalityId: a.id, userId: null });
  const inB = (): DbContext => ({ municipalityId: b.id, userId: null });
  const unitA = `Jednostka A ${uniq()}`;
  const unitB = `Jednostka B ${uniq()}`;
  const actionA = `test.a_${uniq()}`;
  const actionB = `test.b_${uniq()}`;

  before(async () => {
    a = await makeMunicipality(h.db, 'Gmina A');
    b = await makeMunicipality(h.db, 'Gmina B');
    await h.db.tx(inA(), (sql) => sql.query('INSERT INTO units (municipality_id, name) VALUES ($1, $2)', [a.id, unitA]));
    await h.db.tx(inB(), (sql) => sql.query('INSERT INTO units (municipality_id, name) VALUES ($1, $2)', [b.id, unitB]));
    await h.db.tx(inA(), (sql) => audit(sql, a.id, actor, { action: actionA }));
    await h.db.tx(inB(), (sql) => audit(sql, b.id, actor, { action: actionB }));
  });

  test('a query without a WHERE clause sees only the current municipality’s units', async () => {
    const rows = await h.db.tx(inA(), (sql) => sql.query<{ municipality_id: string; name: string }>('SELECT * FROM units'));
    assert.ok(rows.length > 0, 'A sees its own unit');
    assert.ok(rows.every((r) => r.municipality_id === a.id), 'every row is A’s');
    assert.ok(rows.some((r) => r.name === unitA));
    assert.ok(!rows.some((r) => r.name === unitB), 'B’s unit is invisible');

    const fromB = await h.db.tx(inB(), (sql) => sql.query<{ name: string }>('SELECT * FROM units'));
    assert.deepEqual(fromB.map((r) => r.name), [unitB]);

    // Not even by asking for it explicitly, and no context at all sees nothing.
    const explicit = await h.db.tx(inA(), (sql) => sql.query('SELECT * FROM units WHERE municipality_id = $1', [b.id]));
    assert.equal(explicit.length, 0);
    const none = await h.db.tx(NO_CONTEXT, (sql) => sql.query('SELECT * FROM units'));
    assert.equal(none.length, 0);
    // The owner (platform operator) does see both.
    const all = await h.db.ownerTx((sql) => sql.query<{ name: string }>('SELECT name FROM units WHERE municipality_id = ANY($1)', [[a.id, b.id]]));
    assert.deepEqual(all.map((r) => r.name).sort(), [unitA, unitB].sort());
  });

  test('writing a row for another municipality is refused (WITH CHECK), and its rows cannot be changed', async () => {
    await assert.rejects(
      h.db.tx(inA(), (sql) => sql.query('INSERT INTO units (municipality_id, name) VALUES ($1, $2)', [b.id, 'Intruz'])),
      /row-level security/,
    );
    // Moving an own row to another municipality is refused too.
    await assert.rejects(
      h.db.tx(inA(), (sql) => sql.query('UPDATE units SET municipality_id = $1 WHERE name = $2', [b.id, unitA])),
      /row-level security/,
    );
    // B's rows are simply not there to update or delete.
    const updated = await h.db.tx(inA(), (sql) => sql.query("UPDATE units SET name = 'zmienione' WHERE municipality_id = $1 RETURNING id", [b.id]));
    assert.equal(updated.length, 0);
    const deleted = await h.db.tx(inA(), (sql) => sql.query('DELETE FROM units WHERE municipality_id = $1 RETURNING id', [b.id]));
    assert.equal(deleted.length, 0);
    const still = await h.db.ownerTx((sql) => sql.query<{ name: string }>('SELECT name FROM units WHERE municipality_id = $1', [b.id]));
    assert.deepEqual(still.map((r) => r.name), [unitB]);
    const intruders = await h.db.ownerTx((sql) => sql.query("SELECT 1 FROM units WHERE name = 'Intruz'"));
    assert.equal(intruders.length, 0);
  });

  test('another municipality’s audit log is invisible and cannot be written to', async () => {
    const rows = await h.db.tx(inA(), (sql) => sql.query<{ municipality_id: string; action: string }>('SELECT * FROM audit_log'));
    assert.ok(rows.some((r) => r.action === actionA), 'A sees its own entry');
    assert.ok(rows.every((r) => r.municipality_id === a.id));
    assert.ok(!rows.some((r) => r.action === actionB), 'B’s entry is invisible');
    await assert.rejects(h.db.tx(inA(), (sql) => audit(sql, b.id, actor, { action: 'test.forged' })), /row-level security/);
  });

  test('request transactions run as wspolnota_app with the context set', async () => {
    const [row] = await h.db.tx({ municipalityId: a.id, userId: null }, (sql) =>
      sql.query<{ who: string; m: string | null; u: string | null; su: string }>(
        "SELECT current_user AS who, app_municipality_id()::text AS m, app_user_id()::text AS u, current_setting('is_superuser') AS su",
      ),
    );
    assert.equal(row!.who, 'wspolnota_app');
    assert.equal(row!.m, a.id);
    assert.equal(row!.u, null);
    assert.equal(row!.su, 'off');
    // The context is local to the transaction: the next one starts clean.
    const [next] = await h.db.tx(NO_CONTEXT, (sql) => sql.query<{ m: string | null }>('SELECT app_municipality_id()::text AS m'));
    assert.equal(next!.m, null);
  });

  test('the application role cannot rewrite the audit log or create municipalities', async () => {
    await assert.rejects(
      h.db.tx(inA(), (sql) => sql.query("UPDATE audit_log SET action = 'test.rewritten' WHERE action = $1", [actionA])),
      /permission denied/,
    );
    await assert.rejects(h.db.tx(inA(), (sql) => sql.query('DELETE FROM audit_log WHERE action = $1', [actionA])), /permission denied/);
    await assert.rejects(
      h.db.tx(NO_CONTEXT, (sql) =>
        sql.query("INSERT INTO municipalities (slug, name, teryt, cus_name) VALUES ('nowa-gmina', 'Nowa gmina', '1438021', 'CUS')"),
      ),
      /permission denied/,
    );
    await assert.rejects(h.db.tx(NO_CONTEXT, (sql) => sql.query("UPDATE municipalities SET name = 'Przejęta' WHERE id = $1", [a.id])), /permission denied/);
    const [entry] = await h.db.ownerTx((sql) => sql.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [actionA]));
    assert.equal(entry!.n, 1, 'the entry is still there, unchanged');
  });

  test('even the owner cannot update or delete audit entries (trigger)', async () => {
    await assert.rejects(
      h.db.ownerTx((sql) => sql.query("UPDATE audit_log SET action = 'test.rewritten' WHERE action = $1", [actionA])),
      /append-only/,
    );
    await assert.rejects(h.db.ownerTx((sql) => sql.query('DELETE FROM audit_log WHERE action = $1', [actionB])), /append-only/);
    const rows = await h.db.ownerTx((sql) => sql.query<{ action: string }>('SELECT action FROM audit_log WHERE action = ANY($1)', [[actionA, actionB]]));
    assert.deepEqual(rows.map((r) => r.action).sort(), [actionA, actionB].sort());
  });

  test('a person sees their own memberships elsewhere, but nobody else’s, and cannot write there', async () => {
    const person = await makeUser(h.db, { municipality: b, roles: ['coordinator'] });
    const other = await makeUser(h.db, { municipality: b, roles: ['resident'] });
    await h.db.tx(inA(), (sql) => memberships.grant(sql, a.id, person.id, ['resident']));

    const mine = { municipalityId: a.id, userId: person.id };
    const rows = await h.db.tx(mine, (sql) => sql.query<{ municipality_id: string; user_id: string; roles: string[] }>('SELECT * FROM memberships'));
    const inB_ = rows.filter((r) => r.municipality_id === b.id);
    assert.deepEqual(inB_.map((r) => [r.user_id, r.roles]), [[person.id, ['coordinator']]], 'own membership in B is visible');
    assert.ok(!rows.some((r) => r.user_id === other.id), 'someone else’s membership in B is not');
    assert.ok(rows.some((r) => r.municipality_id === a.id && r.user_id === person.id));

    // Without app.user_id the other municipality's memberships are invisible.
    const anonymous = await h.db.tx(inA(), (sql) => sql.query('SELECT * FROM memberships WHERE municipality_id = $1', [b.id]));
    assert.equal(anonymous.length, 0);

    // Seeing is not writing: neither a new membership nor a change in B from A's context.
    const newcomer = await makeUser(h.db);
    await assert.rejects(
      h.db.tx(mine, (sql) => sql.query("INSERT INTO memberships (municipality_id, user_id, roles) VALUES ($1, $2, '{administrator}')", [b.id, newcomer.id])),
      /row-level security/,
    );
    await assert.rejects(
      h.db.tx(mine, (sql) => sql.query("UPDATE memberships SET roles = '{administrator}' WHERE municipality_id = $1 AND user_id = $2", [b.id, person.id])),
      /row-level security/,
    );
    await assert.rejects(h.db.tx({ municipalityId: a.id, userId: newcomer.id }, (sql) => memberships.grant(sql, b.id, newcomer.id, ['administrator'])), /row-level security/);
    const [after] = await h.db.ownerTx((sql) =>
      sql.query<{ roles: string[] }>('SELECT roles FROM memberships WHERE municipality_id = $1 AND user_id = $2', [b.id, person.id]),
    );
    assert.deepEqual(after!.roles, ['coordinator']);
    const forged = await h.db.ownerTx((sql) => sql.query('SELECT 1 FROM memberships WHERE user_id = $1', [newcomer.id]));
    assert.equal(forged.length, 0);
  });

  test('every table with a municipality_id has row-level security and its policy (a module forgetting it is caught here)', async () => {
    const tables = await h.db.ownerTx((sql) =>
      sql.query<{ name: string; secured: boolean; policies: number }>(
        `SELECT c.relname AS name, c.relrowsecurity AS secured,
           (SELECT count(*)::int FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname) AS policies
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'municipality_id' AND NOT a.attisdropped
         WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
      ),
    );
    assert.ok(tables.length >= 30, `found ${tables.length} tables`);
    assert.deepEqual(tables.filter((t) => !t.secured || t.policies === 0).map((t) => t.name), []);
  });

  if (h.engine === 'postgres') {
    test('review 1 least privilege: the app logs in as a member of wspolnota_app only; RESET ROLE or SET ROLE owner through its connection reaches nothing more', async () => {
      const [row] = await h.db.ownerTx((sql) => sql.query<{ owner: string; name: string }>('SELECT current_user AS owner, current_database() AS name'));
      const { owner, name } = row!;
      const login = `wsp_login_${uniq()}`;
      await h.db.ownerTx((sql) => sql.script(`CREATE ROLE ${login} LOGIN PASSWORD 'test-login' IN ROLE wspolnota_app`));
      const ownerUrl = new URL(process.env.TEST_DATABASE_URL!);
      ownerUrl.pathname = `/${name}`;
      const loginUrl = new URL(ownerUrl);
      [loginUrl.username, loginUrl.password] = [login, 'test-login'];
      const db = await openDatabase(loadConfig({ NODE_ENV: 'test', DATABASE_URL: loginUrl.toString(), MIGRATION_DATABASE_URL: ownerUrl.toString() }));
      try {
        assert.deepEqual(await migrate(db), [], 'migrations run as the owner of MIGRATION_DATABASE_URL');
        const [me] = await db.ownerTx((sql) => sql.query<{ who: string }>('SELECT current_user AS who'));
        assert.equal(me!.who, owner);

        const escaped = await db.tx(inA(), async (sql) => {
          await sql.query('RESET ROLE');
          const [who] = await sql.query<{ who: string }>('SELECT current_user AS who');
          const units = await sql.query<{ name: string }>('SELECT name FROM units');
          return { who: who!.who, units: units.map((u) => u.name) };
        });
        assert.equal(escaped.who, login, 'RESET ROLE leaves the login role, not the owner');
        assertIncludes(escaped.units, unitA, 'row-level security still applies');
        assertExcludes(escaped.units, unitB, 'row-level security still applies');
        await assert.rejects(db.tx(inA(), (sql) => sql.query(`SET ROLE ${owner}`)), /permission denied/);
        await assert.rejects(db.tx(inA(), async (sql) => { await sql.query('RESET ROLE'); await sql.query('ALTER TABLE units DISABLE ROW LEVEL SECURITY'); }), /must be owner/);
        await assert.rejects(db.tx(inA(), async (sql) => { await sql.query('RESET ROLE'); await sql.query('DELETE FROM audit_log'); }), /permission denied/);
      } finally {
        await db.close();
        await h.db.ownerTx((sql) => sql.script(`DROP ROLE ${login}`));
      }
    });
  }
});
