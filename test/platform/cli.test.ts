import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { nodeEntry } from '../support/compiled';
import { fillPgliteFromTemplate } from '../support/engines';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsp-cli-'));

/** Runs the operator CLI exactly as `npm run cli -- …` does, on an embedded database of its own. */
function cli(...args: string[]) {
  const res = spawnSync(process.execPath, [...nodeEntry('src/cli.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PUBLIC_URL: 'https://wspolnota.example.pl', NODE_ENV: 'development' },
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

describe('operator CLI (PGlite)', () => {
  // The folder starts migrated (npm test's template): each run of the CLI only checks the migrations.
  before(() => fillPgliteFromTemplate(path.join(dataDir, 'pgdata')));
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('creates a municipality and prints its address and the administrator invitation', () => {
    const r = cli('municipality', 'create', '--name', 'Gmina Mszczonów', '--teryt', '1438043', '--slug', 'mszczonow', '--admin-email', 'Admin@Mszczonow.example');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Utworzono gminę Gmina Mszczonów \(1438043\) pod adresem https:\/\/wspolnota\.example\.pl\/mszczonow/);
    assert.match(r.out, /Zaproszenie dla administratora admin@mszczonow\.example \(ważne 7 dni\):\n {2}https:\/\/wspolnota\.example\.pl\/mszczonow\/invitations\/[A-Za-z0-9_-]{43}\n/);
    const list = cli('municipality', 'list');
    assert.equal(list.code, 0, list.err);
    assert.match(list.out, /^mszczonow\s+1438043 {2}Gmina Mszczonów$/m);
  });

  test('refuses a taken address and TERYT code, naming both fields in Polish', () => {
    const r = cli('municipality', 'create', '--name', 'Inna', '--teryt', '1438043', '--slug', 'mszczonow', '--admin-email', 'x@example.pl');
    assert.equal(r.code, 2);
    assert.match(r.err, /--slug: Ta wartość jest już zajęta\./);
    assert.match(r.err, /--teryt: Ta wartość jest już zajęta\./);
  });

  test('refuses an impossible TERYT code and a reserved address', () => {
    const r = cli('municipality', 'create', '--name', 'Gmina X', '--teryt', '9938011', '--slug', 'login', '--admin-email', 'x@example.pl');
    assert.equal(r.code, 2);
    assert.match(r.err, /--teryt: Kod TERYT gminy to 7 cyfr/);
    assert.match(r.err, /--slug: Ten adres jest zarezerwowany/);
    assert.doesNotMatch(cli('municipality', 'list').out, /Gmina X/);
  });

  test('asks for the administrator e-mail and prints help for unknown commands', () => {
    const r = cli('municipality', 'create', '--name', 'Gmina Y', '--teryt', '1438011', '--slug', 'gmina-y');
    assert.equal(r.code, 2);
    assert.match(r.err, /Podaj --admin-email/);
    const help = cli('nonsense');
    assert.equal(help.code, 2);
    assert.match(help.out, /polecenia operatora platformy/);
  });
});
