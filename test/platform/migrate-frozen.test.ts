import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { freeze, frozenProblems, readFrozen, sidecarOf } from '../../scripts/migrations-frozen';
import { readMigrations } from '../../src/platform/db/migrate';

describe('landed migrations are frozen (ADR 0017)', () => {
  test('every landed migration is unchanged and present, and every migration is in the list, in name order', () => {
    const problems = frozenProblems();
    assert.deepEqual(problems, [], `\n${problems.join('\n')}\n`);
  });

  test('the listed checksum is the one the runner records in schema_migrations', () => {
    const frozen = readFrozen();
    assert.ok(frozen.length >= 19, `${frozen.length} migrations listed`);
    assert.deepEqual(
      readMigrations().map((m) => ({ name: m.name, checksum: m.checksum })),
      frozen,
    );
  });

  describe('on a folder of its own', () => {
    let dir: string;
    const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
    const problems = () => frozenProblems(dir).join('\n');

    test.beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsp-migrations-'));
      write('0001_first.sql', 'CREATE TABLE a (id int);\n');
      write('0002_second.sql', 'CREATE TABLE b (id int);\n');
      write('0004_fourth.sql', 'CREATE TABLE c (id int);\n');
      freeze(dir);
    });
    test.afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    test('a changed, a removed or a renamed landed migration is named, with what to do', () => {
      const [first, second] = readFrozen(dir);
      fs.appendFileSync(path.join(dir, first!.name), '\n-- a comment is a change too\n');
      fs.renameSync(path.join(dir, second!.name), path.join(dir, second!.name.replace('.sql', '_v2.sql')));
      const text = problems();
      assert.match(text, new RegExp(`${first!.name} changed after it landed\\. Landed migrations are frozen`));
      assert.match(text, new RegExp(`${second!.name} was removed\\. Landed migrations are frozen`));
      assert.match(text, /put the change in a new migration \(the next number\), then run `npm run migrations:freeze`/);
      assert.throws(() => freeze(dir), /changed after it landed/);
    });

    test('a line ending changed is a change: the bytes are hashed, as git stores them', () => {
      const [first] = readFrozen(dir);
      const file = path.join(dir, first!.name);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
      assert.match(problems(), new RegExp(`${first!.name} changed after it landed`));
    });

    test('a new migration is accepted only once frozen, and freezing adds its own record and touches nothing else', () => {
      const snapshot = () => Object.fromEntries(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
      const before = snapshot();
      write('9000_new_table.sql', 'CREATE TABLE t (id int);\n');
      assert.match(problems(), /9000_new_table\.sql is new and not frozen \(no migrations\/9000_new_table\.sha256\): run `npm run migrations:freeze`/);
      assert.deepEqual(freeze(dir), ['9000_new_table.sql']);
      assert.equal(problems(), '');
      const { [sidecarOf('9000_new_table.sql')]: record, ['9000_new_table.sql']: _migration, ...rest } = snapshot();
      assert.deepEqual(rest, before, 'what was frozen before is untouched');
      assert.match(record ?? '', /^[0-9a-f]{64} {2}9000_new_table\.sql\n$/);
      assert.deepEqual(freeze(dir), [], 'freezing again adds nothing');
    });

    test('a record edited to name another migration is refused', () => {
      const [first, second] = readFrozen(dir);
      fs.writeFileSync(path.join(dir, sidecarOf(first!.name)), `${second!.checksum}  ${second!.name}\n`);
      assert.match(problems(), new RegExp(`${sidecarOf(first!.name)} must record exactly its own migration`));
    });

    test('a new migration numbered before a landed one, or misnamed, is refused', () => {
      const last = readFrozen(dir).at(-1)!.name;
      write('0003_late.sql', 'SELECT 1;\n');
      write('9001-dash.sql', 'SELECT 1;\n');
      const text = problems();
      assert.match(text, new RegExp(`0003_late\\.sql sorts before the landed ${last}: .*Number it after ${last}`));
      assert.match(text, /9001-dash\.sql is not named NNNN_lowercase_words\.sql, so the runner would ignore it/);
      assert.throws(() => freeze(dir), /0003_late\.sql sorts before/);
    });
  });
});
