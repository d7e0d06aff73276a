import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NO_CONTEXT, type DbContext } from '../../src/platform/db/types';
import { enqueue } from '../../src/platform/jobs/outbox';
import { MAIL_QUEUE } from '../../src/platform/mail/mailer';
import { TestClient } from '../support/client';
import { makeMunicipality, makeUser, uniq } from '../support/factories';
import { describeEachEngine, devMail, linkIn } from '../support/harness';
import { assertExcludes } from '../support/assertions';

/** The outbox (ADR 0004, migration 0019): sealed mail, a purge of finished jobs, row-level security. */
describeEachEngine('jobs outbox', (h) => {
  const owner = <R extends object>(text: string, params: unknown[] = []) => h.db.ownerTx((sql) => sql.query<R>(text, params));

  test('review 1 #9: a password-reset link is not in the jobs table in clear; the mail sent has it and it works', async () => {
    const user = await makeUser(h.db);
    assert.equal((await new TestClient(h.app).post('/password/forgot', { email: user.email })).statusCode, 200);
    await h.worker.drain();
    const [job] = await owner<{ payload: Record<string, unknown>; text: string }>(
      "SELECT payload, payload::text AS text FROM jobs WHERE queue = $1 AND payload ->> 'to' = $2",
      [MAIL_QUEUE, user.email],
    );
    assert.ok(job, 'the mail went through the outbox, its recipient readable');
    assert.equal(typeof job.payload.sealed, 'string');
    assertExcludes(job.text, '/password/reset/', 'no link in the stored payload');
    assert.equal(job.payload.text, undefined);
    assert.equal(job.payload.subject, undefined);

    const [mail] = await devMail(h.db, user.email);
    assert.ok(mail, 'the worker opened and sent it');
    const link = linkIn(mail.body_text);
    assert.match(link, /^\/password\/reset\//);
    assertExcludes(job.text, link.split('/').pop()!, 'the token is not stored in clear either');
    assert.equal((await new TestClient(h.app).get(link)).statusCode, 200);
  });

  test('review 1 #9: finished jobs are purged after their keeping time (done 7 days, failed 30); pending ones stay', async () => {
    const tag = `purge-${uniq()}`;
    const add = async (name: string, set: string) => {
      await owner('INSERT INTO jobs (queue, payload) VALUES ($1, $2)', [tag, JSON.stringify({ name })]);
      await owner(`UPDATE jobs SET ${set} WHERE queue = $1 AND payload ->> 'name' = $2`, [tag, name]);
    };
    await add('done-old', "done_at = now() - interval '8 days'");
    await add('done-new', "done_at = now() - interval '6 days'");
    await add('failed-old', "failed_at = now() - interval '31 days'");
    await add('failed-new', "failed_at = now() - interval '10 days'");
    await add('pending-old', "created_at = now() - interval '90 days', run_at = now() + interval '1 day'");
    assert.ok((await h.worker.purge()) >= 2);
    const left = await owner<{ name: string }>("SELECT payload ->> 'name' AS name FROM jobs WHERE queue = $1 ORDER BY 1", [tag]);
    assert.deepEqual(left.map((r) => r.name), ['done-new', 'failed-new', 'pending-old']);
  });

  test("review 1 #9: row-level security hides another municipality's jobs and the platform's; the worker still runs them", async () => {
    const a = await makeMunicipality(h.db, 'Gmina Kolejki A');
    const b = await makeMunicipality(h.db, 'Gmina Kolejki B');
    const to = (m: string) => `kolejka-${m}-${uniq()}@example.pl`;
    const mails = { a: to('a'), b: to('b'), platform: to('p') };
    const ctx = (municipalityId: string | null): DbContext => ({ municipalityId, userId: null });
    const mail = (address: string) => ({ to: address, subject: 'Temat', text: 'Treść' });
    await h.db.tx(ctx(a.id), (sql) => enqueue(sql, MAIL_QUEUE, mail(mails.a)));
    await h.db.tx(ctx(b.id), (sql) => enqueue(sql, MAIL_QUEUE, mail(mails.b)));
    await h.db.tx(NO_CONTEXT, (sql) => enqueue(sql, MAIL_QUEUE, mail(mails.platform)));
    const seen = (c: DbContext) =>
      h.db.tx(c, async (sql) =>
        (await sql.query<{ to: string }>("SELECT payload ->> 'to' AS to FROM jobs WHERE payload ->> 'to' = ANY($1)", [Object.values(mails)])).map((r) => r.to).sort(),
      );
    assert.deepEqual(await seen(ctx(a.id)), [mails.a]);
    assert.deepEqual(await seen(ctx(b.id)), [mails.b]);
    assert.deepEqual(await seen(NO_CONTEXT), [], 'platform jobs: the worker only');
    assert.deepEqual(await seen({ ...NO_CONTEXT, jobsWorker: true }), Object.values(mails).sort());
    const [row] = await owner<{ m: string | null }>("SELECT municipality_id::text AS m FROM jobs WHERE payload ->> 'to' = $1", [mails.a]);
    assert.equal(row!.m, a.id, 'a job names the municipality of the transaction that enqueued it');
    await assert.rejects(
      h.db.tx(ctx(a.id), (sql) => sql.query("INSERT INTO jobs (queue, payload, municipality_id) VALUES ('x', '{}', $1)", [b.id])),
      /row-level security/,
    );
    const touched = await h.db.tx(ctx(a.id), (sql) => sql.query("UPDATE jobs SET run_at = now() WHERE payload ->> 'to' = $1 RETURNING 1", [mails.b]));
    assert.equal(touched.length, 0, "another municipality's job cannot be changed");

    // A mail queued before payloads were sealed (and before 0019 named municipalities) still goes out.
    const older = to('old');
    await owner('INSERT INTO jobs (queue, payload) VALUES ($1, $2)', [MAIL_QUEUE, JSON.stringify(mail(older))]);

    await h.worker.drain();
    for (const address of [...Object.values(mails), older]) assert.equal((await devMail(h.db, address)).length, 1, address);
  });
});
