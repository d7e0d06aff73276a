import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sendWarnings, WARN_QUEUE } from '../../src/modules/care-plans';
import { warsawDay, warsawInstant } from '../../src/platform/time';
import { describeEachEngine } from '../support/harness';
import { addDays, approvedPlan, inDays, makeCase, planWorld } from './care-plans-helpers';
import { ownerQuery } from '../support/db';

const jobsOf = (h: Parameters<Parameters<typeof describeEachEngine>[1]>[0]) =>
  ownerQuery<{ period: string; done: boolean; run_at: Date }>(h, "SELECT payload ->> 'period' AS period, done_at IS NOT NULL AS done, run_at FROM jobs WHERE queue = $1 ORDER BY payload ->> 'period'", [WARN_QUEUE]);

describeEachEngine('care plans: deadline warnings', (h) => {
  test('plans due within a week (or past) and plans expiring within 30 days are mailed once to the coordinator and every director', async () => {
    const w = await planWorld(h, 'Gmina Terminów');
    const due = await makeCase(h, w.m, { coordinator: w.coord.user.id, dueOn: inDays(5) });
    const late = await makeCase(h, w.m, { coordinator: w.other.user.id, dueOn: inDays(-3) });
    await makeCase(h, w.m, { coordinator: w.coord.user.id, dueOn: inDays(20) });
    await makeCase(h, w.m, { coordinator: w.coord.user.id, dueOn: null });
    const planId = await approvedPlan(h, w);
    await ownerQuery(h, 'UPDATE care_plans SET valid_until = $3 WHERE municipality_id = $1 AND id = $2', [w.m.id, planId, inDays(25)]);
    await h.worker.drain();
    await ownerQuery(h, 'DELETE FROM dev_mailbox', []);

    assert.equal(await sendWarnings(h.db, h.config.publicUrl), 3);
    await h.worker.drain();
    const mail = (to: string) => ownerQuery<{ subject: string; body_text: string }>(h, 'SELECT subject, body_text FROM dev_mailbox WHERE to_address = $1 ORDER BY id', [to]);
    const [coordMail] = await mail(w.coord.user.email);
    assert.match(coordMail!.subject, /Plany usług: 2 terminy wymagają uwagi/);
    assert.match(coordMail!.body_text, /termin sporządzenia planu .* \(za 5 dni\)\. http:\/\/localhost:3000\//);
    assert.match(coordMail!.body_text, new RegExp(`/cases/${due}/plan`));
    assert.match(coordMail!.body_text, /plan \(wersja 1\) obowiązuje do .* \(za 25 dni\)/);
    const [otherMail] = await mail(w.other.user.email);
    assert.match(otherMail!.body_text, /\(po terminie\)/);
    assert.match(otherMail!.body_text, new RegExp(`/cases/${late}/plan`));
    const [directorMail] = await mail(w.director.user.email);
    assert.match(directorMail!.subject, /3 terminy/);
    assert.equal((await mail(w.supervisor.user.email)).length, 0, 'supervisors are not directors');
    const rows = await ownerQuery<{ kind: string }>(h, 'SELECT DISTINCT kind, subject_id FROM care_plan_warnings WHERE municipality_id = $1 ORDER BY kind', [w.m.id]);
    assert.deepEqual(rows.map((r) => r.kind), ['plan_due', 'plan_due', 'plan_expiring']);

    // The next run (a restart, another day) sends nothing again.
    assert.equal(await sendWarnings(h.db, h.config.publicUrl), 0);
    await h.worker.drain();
    assert.equal((await mail(w.director.user.email)).length, 1);
  });

  test('review 2 #9: after a handover the new coordinator is warned once; nobody already warned hears it again', async () => {
    const w = await planWorld(h, 'Gmina Przekazań');
    const caseId = await makeCase(h, w.m, { coordinator: w.coord.user.id, dueOn: inDays(3) });
    await h.worker.drain();
    await ownerQuery(h, 'DELETE FROM dev_mailbox', []);
    const mails = async (to: string) => (await ownerQuery<{ body_text: string }>(h, 'SELECT body_text FROM dev_mailbox WHERE to_address = $1', [to])).filter((m) => m.body_text.includes(`/cases/${caseId}/plan`)).length;
    await sendWarnings(h.db, h.config.publicUrl);
    await h.worker.drain();
    assert.deepEqual([await mails(w.coord.user.email), await mails(w.director.user.email)], [1, 1]);

    await ownerQuery(h, 'UPDATE cases SET coordinator_id = $3 WHERE municipality_id = $1 AND id = $2', [w.m.id, caseId, w.other.user.id]);
    await sendWarnings(h.db, h.config.publicUrl);
    await h.worker.drain();
    assert.equal(await mails(w.other.user.email), 1, 'the new coordinator is warned');
    assert.deepEqual([await mails(w.coord.user.email), await mails(w.director.user.email)], [1, 1], 'nobody twice');
    await sendWarnings(h.db, h.config.publicUrl);
    await h.worker.drain();
    assert.equal(await mails(w.other.user.email), 1, 'and the new coordinator once');
  });

  test('daily at 06:00 Warsaw by the kernel scheduler: a start adds the next run once; the run adds the one after and warns', async () => {
    await ownerQuery(h, 'DELETE FROM jobs WHERE queue = $1', [WARN_QUEUE]);
    const w = await planWorld(h, 'Gmina Harmonogramu');
    await makeCase(h, w.m, { coordinator: w.coord.user.id, dueOn: inDays(2) });
    const today = warsawDay();
    const firstDay = warsawInstant(today, '06:00') > new Date() ? today : addDays(today, 1);
    await h.scheduler.ensure();
    await h.scheduler.ensure();
    const [pending, ...more] = await jobsOf(h);
    assert.equal(more.length, 0, 'a restart (or a second instance) finds the run');
    assert.deepEqual([pending!.period, pending!.done, pending!.run_at.toISOString()], [firstDay, false, warsawInstant(firstDay, '06:00').toISOString()]);
    await ownerQuery(h, 'DELETE FROM dev_mailbox', []);
    await ownerQuery(h, 'UPDATE jobs SET run_at = now() WHERE queue = $1', [WARN_QUEUE]);
    await h.worker.drain();
    const jobs = await jobsOf(h);
    assert.deepEqual(jobs.map((j) => [j.period, j.done]), [[firstDay, true], [addDays(firstDay, 1), false]]);
    const mail = await ownerQuery<{ subject: string }>(h, 'SELECT subject FROM dev_mailbox WHERE to_address = $1', [w.coord.user.email]);
    assert.equal(mail.length, 1, 'the run warned');
  });
});
