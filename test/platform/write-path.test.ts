import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { audit, type AuditActor } from '../../src/platform/audit/audit';
import { inlineParams } from '../../src/platform/db/literals';
import type { DbContext } from '../../src/platform/db/types';
import { SESSION_SQL, sessionWithUser } from '../../src/platform/http/repository-request';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { makeMunicipality, uniq } from '../support/factories';
import { describeEachEngine } from '../support/harness';

const actor: AuditActor = { userId: null, label: "O'Brien \\ test", ip: '127.0.0.1', userAgent: "agent 'quoted' \\x00 $1", requestId: 'write-path' };

describeEachEngine('the write path: audit entries go with the COMMIT', (h) => {
  let a: MunicipalityRow;
  let b: MunicipalityRow;
  const inA = (): DbContext => ({ municipalityId: a.id, userId: null });

  before(async () => {
    a = await makeMunicipality(h.db, 'Gmina A');
    b = await makeMunicipality(h.db, 'Gmina B');
  });

  test('an entry is stored with the transaction, its text exactly as given (quotes, backslashes, a $n)', async () => {
    const action = `test.write_${uniq()}`;
    await h.db.tx(inA(), (sql) => audit(sql, a.id, actor, { action, reason: "powód: 'x' \\ $2 ż", details: { note: "it's" } }));
    const [row] = await h.db.ownerTx((sql) => sql.query<{ actor_label: string; user_agent: string; reason: string; details: { note: string } }>(
      'SELECT actor_label, user_agent, reason, details FROM audit_log WHERE action = $1', [action]));
    assert.deepEqual(row, { actor_label: actor.label, user_agent: actor.userAgent, reason: "powód: 'x' \\ $2 ż", details: { note: "it's" } });
  });

  test('an entry refused at COMMIT (another municipality’s log) fails the transaction and undoes its other writes', async () => {
    const unit = `Jednostka ${uniq()}`;
    await assert.rejects(h.db.tx(inA(), async (sql) => {
      await sql.query('INSERT INTO units (municipality_id, name) VALUES ($1, $2)', [a.id, unit]);
      await audit(sql, b.id, actor, { action: 'test.elsewhere' });
    }));
    const rows = await h.db.ownerTx((sql) => sql.query('SELECT 1 FROM units WHERE name = $1', [unit]));
    assert.equal(rows.length, 0, 'the unit written before the refused entry is rolled back');
  });

  test('statements asked for together run in the order asked, each seeing the ones before (pipelined on PostgreSQL)', async () => {
    const name = `Jednostka ${uniq()}`;
    const [, , rows] = await h.db.tx(inA(), (sql) => Promise.all([
      sql.query('INSERT INTO units (municipality_id, name) VALUES ($1, $2)', [a.id, name]),
      sql.query("UPDATE units SET name = name || ' (po zmianie)' WHERE municipality_id = $1 AND name = $2", [a.id, name]),
      sql.query<{ name: string }>('SELECT name FROM units WHERE municipality_id = $1 AND name LIKE $2', [a.id, `${name}%`]),
    ]));
    assert.deepEqual(rows, [{ name: `${name} (po zmianie)` }]);
  });

  test('a failing statement among several asked together fails the transaction, the others too, and nothing stays', async () => {
    const name = `Jednostka ${uniq()}`;
    await assert.rejects(h.db.tx(inA(), (sql) => Promise.all([
      sql.query('INSERT INTO units (municipality_id, name) VALUES ($1, $2)', [a.id, name]),
      sql.query('SELECT 1 / 0'),
      sql.query('SELECT 1 AS one'),
    ])));
    assert.equal((await h.db.ownerTx((sql) => sql.query('SELECT 1 FROM units WHERE name = $1', [name]))).length, 0);
    // The connection is usable again afterwards (no half-read replies left on it).
    assert.deepEqual(await h.db.tx(inA(), (sql) => sql.query<{ one: number }>('SELECT 1 AS one')), [{ one: 1 }]);
  });

  test('the first statement of a transaction sees its RLS context (sent together with BEGIN)', async () => {
    const [row] = await h.db.tx(inA(), (sql) => sql.query<{ m: string }>("SELECT current_setting('app.municipality_id') AS m"));
    assert.equal(row!.m, a.id);
  });

  test('a read-only transaction answers its reads and refuses a write', async () => {
    const [row] = await h.db.tx(inA(), (sql) => sql.query<{ m: string }>("SELECT current_setting('app.municipality_id') AS m"), { readOnly: true });
    assert.equal(row!.m, a.id);
    const name = `Jednostka ${uniq()}`;
    await assert.rejects(h.db.tx(inA(), (sql) => sql.query('INSERT INTO units (municipality_id, name) VALUES ($1, $2)', [a.id, name]), { readOnly: true }), /read-only/);
    assert.equal((await h.db.ownerTx((sql) => sql.query('SELECT 1 FROM units WHERE name = $1', [name]))).length, 0);
    // Many in a row (each COMMIT not waited for) leave the pool usable.
    const many = await Promise.all(Array.from({ length: 30 }, (_, k) => h.db.tx(inA(), (sql) => sql.query<{ k: number }>('SELECT $1::int AS k', [k]), { readOnly: true })));
    assert.deepEqual(many.map(([r]) => r!.k), Array.from({ length: 30 }, (_, k) => k));
  });

  test('the session statement (prepared): its generic plan reads the one user’s membership, not the municipality’s', async () => {
    // A municipality with many members, the statistics gathered: what made the earlier LEFT JOIN's generic
    // plan join every membership of the municipality (200 000 on the metro data) to find one.
    const tag = uniq();
    const [user] = await h.db.ownerTx(async (sql) => {
      await sql.query(`INSERT INTO users (email, display_name, password_hash)
        SELECT 'czlonek-' || g || '-' || $1 || '@example.pl', 'Osoba ' || g, 'x' FROM generate_series(1, 1500) g`, [tag]);
      await sql.query(`INSERT INTO memberships (municipality_id, user_id, roles)
        SELECT $1, id, '{resident}' FROM users WHERE email LIKE $2`, [b.id, `czlonek-%-${tag}@example.pl`]);
      await sql.script('ANALYZE users; ANALYZE memberships; ANALYZE sessions');
      return sql.query<{ id: string }>("SELECT id FROM users WHERE email = $1", [`czlonek-7-${tag}@example.pl`]);
    });
    const token = `token-${tag}`;
    await h.db.ownerTx((sql) => sql.query("INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 hour')", [token, user!.id]));
    const inB: DbContext = { municipalityId: b.id, userId: null };

    // The statement as the request context runs it: the user, their roles in the municipality of the context.
    const found = await h.db.tx(inB, (sql) => sessionWithUser(sql, token, b.id), { readOnly: true });
    assert.equal(found?.user.id, user!.id);
    assert.deepEqual(found?.roles, ['resident']);
    assert.deepEqual((await h.db.tx(inA(), (sql) => sessionWithUser(sql, token, a.id), { readOnly: true }))?.roles, [], 'no roles where no membership');

    const name = `session_${tag}`;
    const plan = await h.db.tx(inB, async (sql) => {
      await sql.query('SET LOCAL plan_cache_mode = force_generic_plan');
      await sql.query(`PREPARE ${name}(text, uuid) AS ${SESSION_SQL}`);
      try {
        const [row] = await sql.query<{ 'QUERY PLAN': unknown }>(inlineParams(`EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) EXECUTE ${name}($1, $2)`, [token, b.id]));
        return row!['QUERY PLAN'];
      } finally {
        await sql.query(`DEALLOCATE ${name}`);
      }
    });
    type Node = { 'Relation Name'?: string; 'Actual Rows': number; 'Actual Loops': number; 'Rows Removed by Filter'?: number; 'Index Cond'?: string; Plans?: Node[] };
    const root = (typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan: Node }[];
    const nodes: Node[] = [];
    const walk = (n: Node) => { nodes.push(n); n.Plans?.forEach(walk); };
    walk(root[0]!.Plan);
    const scans = nodes.filter((n) => n['Relation Name'] === 'memberships');
    assert.ok(scans.length > 0, 'the plan reads memberships');
    for (const n of scans) {
      assert.match(n['Index Cond'] ?? '', /user_id = s\.user_id/, `memberships found by the user: ${JSON.stringify(n)}`);
      assert.ok(n['Actual Rows'] <= 1 && (n['Rows Removed by Filter'] ?? 0) <= 1, `one membership read: ${JSON.stringify(n)}`);
    }
  });

  test('a transaction that throws after auditing leaves no entry', async () => {
    const action = `test.thrown_${uniq()}`;
    await assert.rejects(h.db.tx(inA(), async (sql) => {
      await audit(sql, a.id, actor, { action });
      throw new Error('the request failed');
    }), /the request failed/);
    assert.equal((await h.db.ownerTx((sql) => sql.query('SELECT 1 FROM audit_log WHERE action = $1', [action]))).length, 0);
  });
});

test('inlineParams: values become escaped literals; a missing value or an object is refused', () => {
  assert.equal(inlineParams('SELECT $1, $2, $3, $4, $10', ["a'b", null, 3, true, 'x', 'x', 'x', 'x', 'x', 'ten']), "SELECT 'a''b', NULL, 3, true, 'ten'");
  assert.equal(inlineParams('SELECT $1', ['back\\slash']), "SELECT  E'back\\\\slash'");
  assert.throws(() => inlineParams('SELECT $2', ['only one']), /no value for \$2/);
  assert.throws(() => inlineParams('SELECT $1', [{ a: 1 }]), /no literal/);
});
