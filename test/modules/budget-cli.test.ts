import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { nodeEntry } from '../support/compiled';
import { fillPgliteFromTemplate } from '../support/engines';
import { SMALL_PB } from './budget-helpers';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsp-budget-cli-'));

/** `npm run cli -- budget …` as a subprocess, on an embedded database of its own. */
function cli(...args: string[]) {
  const res = spawnSync(process.execPath, [...nodeEntry('src/cli.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PUBLIC_URL: 'https://wspolnota.example.pl', NODE_ENV: 'development' },
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}
const lastLine = (out: string) => out.trim().split('\n').at(-1)!;

describe('budget CLI (PGlite)', () => {
  before(() => fillPgliteFromTemplate(path.join(dataDir, 'pgdata')));
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('imports a .pb file, prints the edition id, and the winners under each rule with the file\'s project ids', () => {
    assert.equal(cli('municipality', 'create', '--name', 'Gmina Pabulib', '--teryt', '1438011', '--slug', 'pabulib', '--admin-email', 'a@example.pl').code, 0);
    const imported = cli('budget', 'import', '--municipality', 'pabulib', SMALL_PB);
    assert.equal(imported.code, 0, imported.err);
    const id = lastLine(imported.out);
    assert.match(id, /^[0-9a-f-]{36}$/);
    const own = cli('budget', 'results', '--municipality', 'pabulib', '--edition', id, '--json');
    assert.equal(own.code, 0, own.err);
    assert.deepEqual(JSON.parse(lastLine(own.out)), { selected: ['1', '3'] });
    const noSkip = cli('budget', 'results', '--municipality', 'pabulib', '--edition', id, '--rule', 'greedy-no-skip', '--json');
    assert.deepEqual(JSON.parse(lastLine(noSkip.out)), { selected: ['1'] });
  });

  test('refuses a malformed file naming the line, an unknown municipality, edition and rule', () => {
    const bad = path.join(dataDir, 'bad.pb');
    fs.writeFileSync(bad, 'META\nkey;value\nbudget;abc\nPROJECTS\nproject_id;cost\n1;x\nVOTES\nvoter_id;vote\n');
    const r = cli('budget', 'import', '--municipality', 'pabulib', bad);
    assert.equal(r.code, 2);
    assert.match(r.err, /Błędny plik \.pb: .*wiersz|linia|line/i);
    assert.match(cli('budget', 'import', '--municipality', 'nie-ma', SMALL_PB).err, /Nie ma gminy nie-ma/);
    assert.match(cli('budget', 'results', '--municipality', 'pabulib', '--edition', '00000000-0000-4000-8000-000000000000', '--json').err, /Nie ma gminy pabulib albo edycji/);
    assert.match(cli('budget', 'results', '--municipality', 'pabulib', '--edition', 'x').err, /Podaj --edition/);
  });
});
