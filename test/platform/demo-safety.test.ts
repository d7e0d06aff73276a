import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { hashPassword } from '../../src/platform/auth/passwords';
import { users } from '../../src/platform/auth/repository';
import { loadConfig } from '../../src/platform/config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccountsWithDemoPassword, lockDemoAccounts } from '../../src/seed/demo';
import { describeEachEngine } from '../support/harness';

/** Development aids and the demo's published password must not reach a production installation. */
const ROOT = path.resolve(import.meta.dirname, '../..');

test('review 1 #16c: /dev/mail is served only when DEV_MAILBOX=true, never in production; npm start asks for it', () => {
  assert.equal(loadConfig({}).devMailbox, false, 'off unless asked for');
  assert.equal(loadConfig({ NODE_ENV: 'development', DEV_MAILBOX: 'true' }).devMailbox, true);
  assert.equal(loadConfig({ NODE_ENV: 'production', DEV_MAILBOX: 'true', APP_SECRET: 'x'.repeat(32) }).devMailbox, false);
  const start = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start!;
  const script = /^node (\S+\.mjs)$/.exec(start)?.[1];
  assert.ok(script, `npm start runs a start script: ${start}`);
  // Outside production only: production refuses to start with DEV_MAILBOX=true.
  const envFile = /NODE_ENV !== 'production'\) process\.loadEnvFile\(path\.join\(ROOT, '([^']+)'\)\)/.exec(fs.readFileSync(path.join(ROOT, script), 'utf8'))?.[1];
  assert.ok(envFile, `${script} reads an env file outside production`);
  assert.match(fs.readFileSync(path.join(ROOT, envFile), 'utf8'), /^DEV_MAILBOX=true$/m);
});

test('review 1 #16d: SEED_DEMO is off by default in production, on in development', () => {
  assert.equal(loadConfig({ NODE_ENV: 'production', APP_SECRET: 'x'.repeat(32) }).seedDemo, false);
  assert.equal(loadConfig({ NODE_ENV: 'production', APP_SECRET: 'x'.repeat(32), SEED_DEMO: 'true' }).seedDemo, true);
  assert.equal(loadConfig({}).seedDemo, true);
  assert.equal(loadConfig({ SEED_DEMO: 'false' }).seedDemo, false);
});

describeEachEngine('demo safety', (h) => {
  test('review 1 #16c: without DEV_MAILBOX the development mailbox and its attachments are not there', async () => {
    const c = h.client();
    assert.equal((await c.get('/dev/mail')).statusCode, 404);
    assert.equal((await c.get('/dev/mail/1/attachments/0')).statusCode, 404);
  });

  test('review 1 #16d: demo accounts still on the published password are found, and `demo lock` closes them', async () => {
    const [first, second] = DEMO_ACCOUNTS;
    const published = await hashPassword(DEMO_PASSWORD);
    const other = await hashPassword('Inne-Haslo-Zmienione-2027');
    await h.db.ownerTx(async (sql) => {
      await users.insert(sql, { email: first!.email, displayName: first!.name, passwordHash: published, locale: 'pl', verified: true });
      await users.insert(sql, { email: second!.email, displayName: second!.name, passwordHash: other, locale: 'pl', verified: true });
    });
    assert.deepEqual(await demoAccountsWithDemoPassword(h.db), [first!.email], 'only the account that still opens with the README password');
    assert.deepEqual(await lockDemoAccounts(h.db), [first!.email]);
    assert.deepEqual(await demoAccountsWithDemoPassword(h.db), []);
    const login = await h.client().post('/login', { email: first!.email, password: DEMO_PASSWORD, next: '/account' });
    assert.notEqual(login.headers.location, '/account', 'the published password no longer opens it');
  });
});
