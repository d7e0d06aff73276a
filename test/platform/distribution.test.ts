import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openTestDb, testEngines, type OpenedDb } from '../support/engines';

/**
 * Ready for a distributed engine (docs/scaling.md): with `municipality_id` as Citus's distribution column,
 * a tenant table's (one with a municipality_id column) primary key, unique constraints and indexes, exclusion
 * constraints and foreign keys to other tenant tables must start with municipality_id, so each is checked
 * within one shard. A foreign key to a global table (users, municipalities: reference tables, copied to
 * every node) is fine in Citus and not flagged.
 */

/** Tables with a municipality_id that are not distributed: they stay on the coordinator. */
const NOT_DISTRIBUTED: Record<string, string> = {
  jobs: 'the outbox holds platform jobs (municipality_id NULL, which a distribution column cannot be) beside municipal ones; one queue table on the coordinator, claimed with SKIP LOCKED',
};

/**
 * Known exceptions, each with its reason. Do not add to this list: a new table keys by municipality_id first.
 * The test fails when an entry no longer applies (remove it then).
 */
const ALLOWED: Record<string, string> = {
  // Tokens in links are looked up by their hash alone, before the municipality is known (a mailed link),
  // and a global unique index is what guarantees no two links share a hash. Under Citus these become
  // (municipality_id, token_hash) with the municipality carried in the link, or a reference lookup table.
  invitations_token_hash_key: 'staff invitation links: /invitations/:token, looked up by hash',
  meeting_feeds_token_hash_key: 'calendar feed links, looked up by hash',
  meeting_invitations_token_hash_key: 'RSVP answer links, looked up by hash',
  organisation_invitations_token_hash_key: "organisation members' invitation links, looked up by hash",
  staff_role_grants_token_hash_key: "a director's confirmation link for a role grant, looked up by hash",
  // Across municipalities by design (ADR 0036): a member's own row points at the group or round of the
  // municipality that convened it. Under Citus these become reference lookups or checks in the service.
  exchange_members_group_municipality_id_group_id_fkey: "a member's row → the convener's group",
  exchange_snapshots_group_municipality_id_round_id_fkey: "a member's shared aggregate → the convener's round",
  exchange_improvement_plans_round_municipality_id_round_id_fkey: "a member's improvement plan → the convener's round",
};

interface KeyRow {
  table: string;
  name: string;
  kind: string;
  columns: string;
  references: string | null;
  referenced_columns: string | null;
}

const TENANT_TABLES = `
  SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
    AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'municipality_id' AND NOT a.attisdropped)`;

/** Primary keys, unique and exclusion constraints, unique indexes without a constraint, foreign keys of tenant tables. */
const KEYS = `
  WITH tenant AS (${TENANT_TABLES})
  SELECT t.relname AS table, con.conname AS name,
    CASE con.contype WHEN 'p' THEN 'primary key' WHEN 'u' THEN 'unique' WHEN 'x' THEN 'exclusion' ELSE 'foreign key' END AS kind,
    (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS columns,
    ref.relname AS references,
    (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS referenced_columns
  FROM tenant t JOIN pg_constraint con ON con.conrelid = t.oid LEFT JOIN pg_class ref ON ref.oid = con.confrelid
  WHERE con.contype IN ('p', 'u', 'x', 'f')
  UNION ALL
  SELECT t.relname, i.relname, 'unique index',
    (SELECT string_agg(coalesce(a.attname, '(expression)'), ', ' ORDER BY k.ord) FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
       LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum AND k.attnum > 0),
    NULL, NULL
  FROM tenant t JOIN pg_index x ON x.indrelid = t.oid JOIN pg_class i ON i.oid = x.indexrelid
  WHERE x.indisunique AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = x.indexrelid AND con.contype IN ('p', 'u', 'x'))
  ORDER BY 1, 2`;

const startsWithMunicipality = (columns: string | null) => (columns ?? '').split(', ')[0] === 'municipality_id';

/** What breaks the rule: a key that does not start with municipality_id (a foreign key only between tenant tables). */
function violations(keys: KeyRow[], tenants: Set<string>): KeyRow[] {
  return keys.filter((k) => {
    if (k.table in NOT_DISTRIBUTED) return false;
    if (k.kind === 'foreign key') {
      if (!k.references || !tenants.has(k.references) || k.references in NOT_DISTRIBUTED) return false;
      return !startsWithMunicipality(k.columns) || !startsWithMunicipality(k.referenced_columns);
    }
    return !startsWithMunicipality(k.columns);
  });
}

/**
 * Joins of two tenant tables in the repositories' SQL whose ON condition does not name municipality_id.
 * A text scan, honest about its limits: it reads SQL in template and string literals of repository*.ts
 * and personal-data.ts, resolves aliases from FROM/JOIN in the same literal, and sees only explicit
 * `JOIN … ON`; comma joins with the condition in WHERE, `USING`, and SQL assembled from pieces in other
 * literals are not seen.
 */
function joinsWithoutMunicipality(sqlText: string, tenants: Set<string>): string[] {
  const sql = sqlText.replace(/\s+/g, ' ');
  const aliases = new Map<string, string>();
  const stop = '(?!ON\\b|WHERE\\b|JOIN\\b|LEFT\\b|INNER\\b|CROSS\\b|USING\\b|GROUP\\b|ORDER\\b|LIMIT\\b|FOR\\b|RIGHT\\b|FULL\\b|SET\\b|RETURNING\\b)';
  for (const m of sql.matchAll(new RegExp(`\\b(?:FROM|JOIN|UPDATE)\\s+([a-z_]+)(?:\\s+(?:AS\\s+)?${stop}([a-z_][a-z0-9_]*))?`, 'gi'))) {
    const table = m[1]!.toLowerCase();
    aliases.set(table, table);
    if (m[2]) aliases.set(m[2].toLowerCase(), table);
  }
  const found: string[] = [];
  const join = /\bJOIN\s+([a-z_]+)(?:\s+(?:AS\s+)?([a-z_][a-z0-9_]*))?\s+ON\s+(.*?)(?=\b(?:LEFT\s+|RIGHT\s+|INNER\s+|FULL\s+|CROSS\s+)?JOIN\b|\bWHERE\b|\bGROUP\b|\bORDER\b|\bLIMIT\b|\bRETURNING\b|\bFOR\b|\)|$)/gi;
  for (const m of sql.matchAll(join)) {
    const table = m[1]!.toLowerCase();
    const on = m[3]!;
    if (!tenants.has(table) || /municipality_id/i.test(on)) continue;
    const others = [...on.matchAll(/\b([a-z_][a-z0-9_]*)\./gi)].map((x) => aliases.get(x[1]!.toLowerCase())).filter((t): t is string => !!t && t !== table);
    if (others.some((t) => tenants.has(t))) found.push(`JOIN ${table} ON ${on.trim().slice(0, 120)}`);
  }
  return found;
}

function sqlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sqlFiles(full);
    return /^(repository.*|personal-data)\.ts$/.test(e.name) ? [full] : [];
  });
}

for (const engine of testEngines()) {
  describe(`ready for distribution by municipality_id [${engine}]`, () => {
    let opened: OpenedDb;
    let keys: KeyRow[] = [];
    let tenants = new Set<string>();
    before(async () => {
      opened = await openTestDb(engine);
      keys = await opened.db.ownerTx((sql) => sql.query<KeyRow>(KEYS));
      tenants = new Set((await opened.db.ownerTx((sql) => sql.query<{ relname: string }>(TENANT_TABLES))).map((r) => r.relname));
    });
    after(async () => opened.close());

    test('there are tenant tables to check (the catalogue read works)', () => {
      assert.ok(tenants.size >= 40, `${tenants.size} tenant tables`);
      assert.ok(keys.some((k) => k.table === 'cases' && k.kind === 'primary key' && k.columns === 'municipality_id, id'));
    });

    test('every primary key, unique constraint or index, exclusion constraint and tenant-to-tenant foreign key starts with municipality_id', () => {
      const broken = violations(keys, tenants).filter((k) => !(k.name in ALLOWED));
      assert.deepEqual(broken.map((k) => `${k.table}: ${k.kind} ${k.name} (${k.columns})${k.references ? ` → ${k.references} (${k.referenced_columns})` : ''}`), []);
    });

    test('every allowed exception still exists and still breaks the rule (the list only shrinks)', () => {
      const broken = new Set(violations(keys, tenants).map((k) => k.name));
      assert.deepEqual(Object.keys(ALLOWED).filter((name) => !broken.has(name)), []);
      assert.deepEqual(Object.keys(NOT_DISTRIBUTED).filter((t) => !tenants.has(t)), []);
    });

    test('the rule sees what it should: a key without municipality_id first is flagged, one to a global table is not', () => {
      const sample: KeyRow[] = [
        { table: 'cases', name: 'x_pkey', kind: 'primary key', columns: 'id', references: null, referenced_columns: null },
        { table: 'cases', name: 'x_fkey', kind: 'foreign key', columns: 'team_id', references: 'care_teams', referenced_columns: 'id' },
        { table: 'cases', name: 'y_fkey', kind: 'foreign key', columns: 'coordinator_id', references: 'users', referenced_columns: 'id' },
        { table: 'cases', name: 'z_fkey', kind: 'foreign key', columns: 'municipality_id, team_id', references: 'care_teams', referenced_columns: 'municipality_id, id' },
      ];
      assert.deepEqual(violations(sample, tenants).map((k) => k.name), ['x_pkey', 'x_fkey']);
    });

    test('no query in the repositories joins two tenant tables without municipality_id (a text scan; see its limits)', () => {
      const root = path.resolve(import.meta.dirname, '../../src');
      const found: string[] = [];
      for (const file of sqlFiles(root)) {
        const text = fs.readFileSync(file, 'utf8');
        for (const literal of text.matchAll(/`([^`]*)`|'((?:SELECT|WITH|UPDATE|DELETE|INSERT)\b[^']*)'/gs)) {
          for (const j of joinsWithoutMunicipality(literal[1] ?? literal[2] ?? '', tenants)) found.push(`${path.relative(root, file)}: ${j}`);
        }
      }
      assert.deepEqual(found, []);
    });

    test('the join scan sees what it should', () => {
      assert.deepEqual(joinsWithoutMunicipality('SELECT 1 FROM cases c JOIN care_teams t ON t.id = c.team_id WHERE c.id = $1', tenants), ['JOIN care_teams ON t.id = c.team_id']);
      assert.deepEqual(joinsWithoutMunicipality('SELECT 1 FROM cases c JOIN care_teams t ON t.municipality_id = c.municipality_id AND t.id = c.team_id', tenants), []);
      assert.deepEqual(joinsWithoutMunicipality('SELECT 1 FROM cases c JOIN users u ON u.id = c.coordinator_id', tenants), [], 'a global table joins freely');
    });
  });
}
