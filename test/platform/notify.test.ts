import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { openChannels } from '../../src/platform/db/notify';
import { openPostgres } from '../../src/platform/db/postgres';
import type { Database } from '../../src/platform/db/types';
import { migrate } from '../../src/platform/db/migrate';
import { createDatabase, dropDatabase, openTestDb, testEngines, type OpenedDb } from '../support/engines';

/** Waits until `check` holds, at most `ms`; returns the milliseconds it took. */
async function within(ms: number, check: () => boolean): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return Date.now() - started;
}

for (const engine of testEngines()) {
  describe(`channels between instances (ADR 0024) [${engine}]`, () => {
    let opened: OpenedDb;
    /** PostgreSQL: a second database object (another instance's pool) on the same database. */
    let url = '';
    const name = `wsp_notify_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
    before(async () => {
      if (engine === 'pglite') {
        opened = await openTestDb(engine);
        return;
      }
      url = await createDatabase(process.env.TEST_DATABASE_URL!, name);
      const db = openPostgres(url, 3);
      await migrate(db);
      opened = { db, close: async () => (await db.close(), await dropDatabase(process.env.TEST_DATABASE_URL!, name)) };
    });
    after(async () => opened.close());

    test('a message reaches this instance\'s handlers before publish returns, once', async () => {
      const channels = openChannels(opened.db);
      const heard: (string | null)[] = [];
      channels.subscribe('test_local', (p) => heard.push(p));
      await channels.start();
      try {
        const publishing = channels.publish('test_local', 'm-1');
        assert.deepEqual(heard, ['m-1'], 'told at once, before the database round trip');
        await publishing;
        await new Promise((r) => setTimeout(r, 200));
        assert.deepEqual(heard, ['m-1'], 'its own message coming back from the database is not acted on twice');
      } finally {
        await channels.close();
      }
    });

    test('channel names are plain identifiers', () => {
      assert.throws(() => openChannels(opened.db).subscribe('Catalog; DROP', () => undefined), /channel name/);
    });

    if (engine !== 'postgres') return;

    test('another instance on the same database hears a message within a second', async () => {
      const other: Database = openPostgres(url, 2);
      const a = openChannels(opened.db);
      const b = openChannels(other);
      const heard: (string | null)[] = [];
      a.subscribe('test_between', () => undefined);
      b.subscribe('test_between', (p) => heard.push(p));
      await Promise.all([a.start(), b.start()]);
      try {
        await a.publish('test_between', 'municipality-1');
        const ms = await within(1000, () => heard.length === 1);
        assert.deepEqual(heard, ['municipality-1']);
        assert.ok(ms < 1000, `${ms} ms`);
      } finally {
        await a.close();
        await b.close();
        await other.close();
      }
    });

    test('a lost listening connection makes every handler forget (null), and it listens again', async () => {
      const other: Database = openPostgres(url, 2);
      const a = openChannels(opened.db);
      const b = openChannels(other);
      const heard: (string | null)[] = [];
      b.subscribe('test_lost', (p) => heard.push(p));
      await b.start();
      try {
        await opened.db.ownerTx((sql) => sql.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN \"test_lost\"' AND datname = current_database()"));
        await within(2000, () => heard.includes(null));
        await within(5000, () => heard.filter((p) => p === null).length >= 2); // reconnected: missed once more
        await a.publish('test_lost', 'after');
        await within(1000, () => heard.includes('after'));
      } finally {
        await a.close();
        await b.close();
        await other.close();
      }
    });
  });
}

