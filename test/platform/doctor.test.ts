import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { examine, maskUrl, report, type Finding } from '../../src/cli/doctor';
import { migrate } from '../../src/platform/db/migrate';
import { openPglite } from '../../src/platform/db/pglite';
import { enqueue } from '../../src/platform/jobs/outbox';

/** `cli doctor`: what a deployment has and lacks, never a secret's value; blocks when production would be unsafe. */
const SECRET = 'Hq3vN8xLr2Tz7Wk1Mb5Pc9Fd4Gs6Ja0Ye_Ui-Oo';
const SMTP_PASSWORD = 'tajne-haslo-smtp';
const dirs: string[] = [];
const dataDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'wsp-doctor-'));
  dirs.push(d);
  return d;
};
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const production = (extra: Record<string, string>) => ({
  NODE_ENV: 'production', APP_SECRET: SECRET, PUBLIC_URL: 'https://cus.zyrardow.example.pl', MAIL_DISABLED: 'true', TRUST_PROXY: 'loopback', ...extra,
});
const blocking = (found: Finding[]) => found.filter((f) => f.level === 'block').map((f) => f.area);

test('URLs are printed without their passwords', () => {
  assert.equal(maskUrl(`smtps://cus:${SMTP_PASSWORD}@smtp.example.pl:465`), 'smtps://cus:***@smtp.example.pl:465');
  assert.equal(maskUrl('postgres://web:pw@db/wsp?sslpassword=x'), 'postgres://web:***@db/wsp?sslpassword=***');
});

test('a sound production environment on a fresh folder: nothing blocks, no secret printed', async () => {
  const found = await examine(production({ DATA_DIR: dataDir() }));
  assert.deepEqual(blocking(found), [], report(found));
  const text = report(found);
  assert.doesNotMatch(text, new RegExp(SECRET));
  assert.match(text, /APP_SECRET ustawiony, 39 znaków/);
  assert.match(text, /Nic nie blokuje produkcji/);
});

test('the development defaults block production, each named', async () => {
  const found = await examine({ DATA_DIR: dataDir(), SEED_DEMO: 'true' });
  const text = report(found);
  assert.ok(blocking(found).includes('tryb'));
  for (const variable of ['APP_SECRET', 'PUBLIC_URL', 'SEED_DEMO', 'SMTP_URL']) assert.match(text, new RegExp(`BLOKUJE start +${variable}`), text);
});

test('an SMTP server that does not answer blocks, its password masked', { timeout: 30_000 }, async () => {
  const found = await examine(production({ DATA_DIR: dataDir(), MAIL_DISABLED: 'false', SMTP_URL: `smtp://cus:${SMTP_PASSWORD}@127.0.0.1:1` }));
  assert.deepEqual(blocking(found), ['poczta']);
  assert.doesNotMatch(report(found), new RegExp(SMTP_PASSWORD));
});

test('a migrated database: engine, migrations, and queued mail sealed under another secret', { timeout: 120_000 }, async () => {
  const dir = dataDir();
  const template = process.env.WSP_PGLITE_TEMPLATE;
  const db = await openPglite({ dataDir: path.join(dir, 'pgdata'), ...(template && fs.existsSync(template) ? { loadDataDir: new Blob([fs.readFileSync(template)]) } : {}) });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  let found = await examine(production({ DATA_DIR: dir }));
  assert.deepEqual(blocking(found), [], report(found));
  assert.match(report(found), /OK +baza +PGlite .*PostgreSQL 1\d/);
  assert.match(report(found), /OK +migracje +migracje: (\d+) zastosowanych z \1 plików/);

  // Mail queued under one secret does not open under another: the doctor says so before it is lost.
  const { useSealKey } = await import('../../src/platform/jobs/outbox');
  const { derivedKey } = await import('../../src/platform/auth/tokens');
  const { MAIL_QUEUE } = await import('../../src/platform/mail/mailer');
  useSealKey(derivedKey('inny-sekret-inny-sekret-inny-sekret-0123', 'outbox'));
  const again = await openPglite({ dataDir: path.join(dir, 'pgdata') });
  try {
    await again.tx({ municipalityId: null, userId: null, jobsWorker: true }, (sql) => enqueue(sql, MAIL_QUEUE, { to: 'jan.kowalski@example.pl', subject: 'Zaproszenie', text: 'Dzień dobry' }));
  } finally {
    await again.close();
  }
  found = await examine(production({ DATA_DIR: dir }));
  assert.deepEqual(blocking(found), ['klucz kolejki'], report(found));
});

test('PostgreSQL: an app login that is not a member of wspolnota_app blocks, naming the GRANT', { skip: !process.env.TEST_DATABASE_URL && 'needs TEST_DATABASE_URL', timeout: 120_000 }, async () => {
  const { createDatabase, dropDatabase } = await import('../support/engines');
  const { openPostgres } = await import('../../src/platform/db/postgres');
  const admin = process.env.TEST_DATABASE_URL!;
  const suffix = `${process.pid}_${Date.now() % 100_000}`;
  const name = `wsp_doctor_${suffix}`;
  const login = `wsp_doctor_web_${suffix}`;
  const dbUrl = await createDatabase(admin, name, process.env.WSP_POSTGRES_TEMPLATE);
  const owner = openPostgres(dbUrl, 1);
  try {
    await migrate(owner);
    await owner.ownerTx((sql) => sql.query(`CREATE ROLE ${login} LOGIN PASSWORD 'haslo-proby'`));
    const web = new URL(dbUrl);
    web.username = login;
    web.password = 'haslo-proby';
    const env = production({ DATA_DIR: dataDir(), DATABASE_URL: web.toString(), MIGRATION_DATABASE_URL: dbUrl });
    let found = await examine(env);
    assert.deepEqual(blocking(found), ['role'], report(found));
    assert.match(report(found), new RegExp(`nie jest członkiem wspolnota_app.*GRANT wspolnota_app TO ${login};`));
    await owner.ownerTx((sql) => sql.query(`GRANT wspolnota_app TO ${login}`));
    found = await examine(env);
    assert.deepEqual(blocking(found), [], report(found));
  } finally {
    await owner.close();
    await dropDatabase(admin, name);
    const cleanup = openPostgres(admin, 1);
    await cleanup.ownerTx((sql) => sql.query(`DROP ROLE IF EXISTS ${login}`)).finally(() => cleanup.close());
  }
});
