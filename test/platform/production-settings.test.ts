import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadServerConfig, productionRefusals, weakSecret } from '../../src/platform/config';

/** A production environment that starts: every refusal below breaks one thing of it. */
const GOOD = {
  NODE_ENV: 'production',
  APP_SECRET: 'q7R2vX9kLm4Tz8Wc1Nb6Hy3Pd5Fs0Ga-Ju_Ek',
  PUBLIC_URL: 'https://cus.zyrardow.example.pl',
  SMTP_URL: 'smtps://cus:haslo@smtp.zyrardow.example.pl:465',
} as const;

const refusalsOf = (env: Record<string, string | undefined>) => productionRefusals(env);
const names = (env: Record<string, string | undefined>) => refusalsOf(env).map((p) => p.split(/[:=]/)[0]);

test('a complete production environment starts', () => {
  assert.deepEqual(refusalsOf(GOOD), []);
  assert.equal(loadServerConfig(GOOD).env, 'production');
  assert.deepEqual(refusalsOf({ ...GOOD, SMTP_URL: undefined, MAIL_DISABLED: 'true' }), [], 'mail explicitly disabled');
});

test('outside production nothing is refused', () => {
  assert.deepEqual(refusalsOf({}), []);
  assert.deepEqual(refusalsOf({ NODE_ENV: 'development', SEED_DEMO: 'true', DEV_MAILBOX: 'true' }), []);
});

test('production refuses a missing, short or documented APP_SECRET', () => {
  assert.deepEqual(names({ ...GOOD, APP_SECRET: undefined }), ['APP_SECRET']);
  assert.deepEqual(names({ ...GOOD, APP_SECRET: 'krotki-sekret' }), ['APP_SECRET']);
  for (const placeholder of ['change-me-change-me-change-me-change-me', 'x'.repeat(40), 'wspolnota-bench-only-app-secret-not-for-production', 'ab'.repeat(20)]) {
    assert.deepEqual(names({ ...GOOD, APP_SECRET: placeholder }), ['APP_SECRET'], placeholder);
  }
  assert.equal(weakSecret(GOOD.APP_SECRET), null);
});

test('production refuses no PUBLIC_URL, the demo seed, the dev mailbox and no SMTP without MAIL_DISABLED', () => {
  assert.deepEqual(names({ ...GOOD, PUBLIC_URL: undefined }), ['PUBLIC_URL']);
  assert.deepEqual(names({ ...GOOD, SEED_DEMO: 'true' }), ['SEED_DEMO']);
  assert.deepEqual(names({ ...GOOD, SEED_DEMO: 'false' }), []);
  assert.deepEqual(names({ ...GOOD, DEV_MAILBOX: 'true' }), ['DEV_MAILBOX']);
  assert.deepEqual(names({ ...GOOD, SMTP_URL: undefined }), ['SMTP_URL']);
  assert.deepEqual(names({ ...GOOD, SMTP_URL: undefined, MAIL_DISABLED: 'false' }), ['SMTP_URL']);
});

test('every refusal at once, each naming what to set in Polish and then in English', () => {
  const env = { NODE_ENV: 'production', APP_SECRET: 'za-krotki', SEED_DEMO: 'true', DEV_MAILBOX: 'true', TRUST_PROXY: 'true' };
  assert.throws(() => loadServerConfig(env), (err: unknown) => {
    assert.ok(err instanceof ConfigError);
    // The invalid settings of loadConfig (a short secret, TRUST_PROXY=true) and every production refusal, in one message.
    for (const variable of ['TRUST_PROXY', 'APP_SECRET', 'PUBLIC_URL', 'SEED_DEMO', 'DEV_MAILBOX', 'SMTP_URL']) assert.match(err.message, new RegExp(variable), variable);
    assert.match(err.message, /Odmowa startu \(NODE_ENV=production\), do poprawienia: 5 \/ Refusing to start/);
    for (const line of err.message.split('\n').filter((l) => l.startsWith('  - '))) {
      assert.match(line, /Ustaw|Usuń/, `says what to set in Polish: ${line}`);
      assert.match(line, / \/ .*(Set|Remove)/, `then in English: ${line}`);
    }
    return true;
  });
});
