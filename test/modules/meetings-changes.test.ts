import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/harness';
import { createMeeting, mailTo, meetingForm, moveStart, rsvpPath, warsawDay, organiser } from './meetings-helpers';
import { ownerQuery } from '../support/db';
import { fieldError, pageText } from '../support/pages';
import { assertConfirmed } from './confirm-a-helpers';
import { person } from '../support/people';
import { seededMunicipality } from './organisations-helpers';

describeEachEngine('meetings: concurrent answers, reminders, moves and cancellation', (h) => {
  test('40 answers at once to 8 invitations: every one applied, none lost, none duplicated', async () => {
    const m = await seededMunicipality(h, 'Gmina Odpowiedzi');
    const { c } = await organiser(h, m);
    const id = await createMeeting(c, m);
    const orgs = await ownerQuery<{ id: string; email: string }>(h, "SELECT id, email FROM organisations WHERE municipality_id = $1 AND status = 'verified' ORDER BY name LIMIT 8", [m.id]);
    assert.equal((await c.post(`/${m.slug}/meetings/${id}/invite`, { how: 'chosen', organisation: orgs.map((o) => o.id) })).statusCode, 303);
    await h.worker.drain();
    const links = await Promise.all(orgs.map(async (o) => `/api${rsvpPath((await mailTo(h, m, o.email))[0]!)}`));
    const client = new TestClient(h.app);
    const answers = ['yes', 'maybe', 'no', 'yes', 'maybe'] as const;
    const results = await Promise.all(
      links.flatMap((link) => answers.map((response, i) => client.request({ method: 'POST', url: link, payload: { response, people_count: String(i + 1) }, headers: { accept: 'application/json' } }))),
    );
    assert.deepEqual([...new Set(results.map((r) => r.statusCode))], [200]);
    const rows = await ownerQuery<{ answers: number; response: string }>(h, 'SELECT answers, response FROM meeting_invitations WHERE municipality_id = $1 AND meeting_id = $2', [m.id, id]);
    assert.equal(rows.length, 8, 'one invitation per organisation');
    assert.deepEqual([...new Set(rows.map((r) => r.answers))], [5], 'every answer counted once');
    const audits = await ownerQuery(h, "SELECT 1 FROM audit_log WHERE municipality_id = $1 AND action = 'meeting.answered'", [m.id]);
    assert.equal(audits.length, 40);
  });

  test('reminders go to yes, maybe and silent invitees once; a moved meeting mails the new time; a cancelled one says why', async () => {
    const m = await seededMunicipality(h, 'Gmina Przypomnień');
    const { c } = await organiser(h, m);
    const id = await createMeeting(c, m, { day: warsawDay(3) });
    const orgs = await ownerQuery<{ id: string; email: string }>(h, "SELECT id, email FROM organisations WHERE municipality_id = $1 AND status = 'verified' ORDER BY name LIMIT 3", [m.id]);
    await c.post(`/${m.slug}/meetings/${id}/invite`, { how: 'chosen', organisation: orgs.map((o) => o.id) });
    await h.worker.drain();
    const anonymous = new TestClient(h.app);
    const said = [
      await anonymous.post(rsvpPath((await mailTo(h, m, orgs[0]!.email))[0]!), { response: 'no' }),
      await anonymous.post(rsvpPath((await mailTo(h, m, orgs[1]!.email))[0]!), { response: 'yes', people_count: '2' }),
    ];
    assert.deepEqual(said.map((r) => r.statusCode), [303, 303], said[0]!.body.slice(0, 2000));

    // The reminder job is due a day before: run it now.
    const due = await ownerQuery(h, "UPDATE jobs SET run_at = now() WHERE queue = 'meetings.remind' AND done_at IS NULL AND payload->>'meetingId' = $1 RETURNING id", [id]);
    assert.equal(due.length, 1);
    await h.worker.drain();
    const reminded = async (email: string) => (await mailTo(h, m, email)).filter((x) => x.subject.startsWith('Przypomnienie')).length;
    assert.deepEqual([await reminded(orgs[0]!.email), await reminded(orgs[1]!.email), await reminded(orgs[2]!.email)], [0, 1, 1]);

    // A new time: those who did not say no get it with an updated calendar entry; a stale form is refused.
    const edit = await c.get(`/${m.slug}/meetings/${id}/edit`);
    const version = /name="version" value="(\d+)"/.exec(edit.body)![1]!;
    const moved = await c.post(`/${m.slug}/meetings/${id}/edit`, { ...meetingForm({ day: warsawDay(4), starts: '18:00', ends: '20:00' }), version });
    assert.equal(moved.statusCode, 303);
    await c.get(moved.headers.location!);
    assert.match(c.lastBody, /wysłano 2 zaproszonym/);
    const stale = await c.post(`/${m.slug}/meetings/${id}/edit`, { ...meetingForm({ title: 'Inny tytuł' }), version });
    assert.equal(stale.statusCode, 409);
    assert.match(pageText(stale.body), /Ktoś inny zmienił te dane/);
    await h.worker.drain();
    const update = (await mailTo(h, m, orgs[1]!.email)).find((x) => x.subject.startsWith('Zmiana terminu'));
    assert.ok(update, 'the update was mailed');
    assert.match(update.attachments[0]!.content, /SEQUENCE:1/);
    assert.equal((await mailTo(h, m, orgs[0]!.email)).filter((x) => x.subject.startsWith('Zmiana')).length, 0, 'not to those who said no');
    // The old reminder no longer matches the start: running it mails nobody.
    await ownerQuery(h, "UPDATE jobs SET run_at = now() WHERE queue = 'meetings.remind' AND done_at IS NULL AND payload->>'meetingId' = $1", [id]);
    await h.worker.drain();
    assert.equal(await reminded(orgs[2]!.email), 1);

    const noReason = await c.post(`/${m.slug}/meetings/${id}/cancel`, { version: String(Number(version) + 1), reason: ' ', confirmed: 'yes' });
    assert.equal(noReason.statusCode, 422);
    assert.notEqual(fieldError(noReason.body, 'reason'), '', 'the reason is asked for on the confirmation page');
    const status = async () => (await ownerQuery<{ status: string }>(h, 'SELECT status FROM meetings WHERE id = $1', [id]))[0]!.status;
    // Issue 14: the meeting's page links to the confirmation page, which says who is told and that it cannot be undone.
    assert.match((await c.get(`/${m.slug}/meetings/${id}`)).body, new RegExp(`href="/${m.slug}/meetings/${id}/cancel"`));
    await assertConfirmed(c, `/${m.slug}/meetings/${id}/cancel`, { version: String(Number(version) + 1), reason: 'Choroba prowadzącej' },
      ['Odwołać spotkanie', 'zaproszonych, którzy nie odmówili, dostanie wiadomość z powodem odwołania', 'Nie można tego cofnąć'],
      async () => assert.equal(await status(), 'planned', 'not cancelled without the confirmation'));
    assert.equal(await status(), 'cancelled');
    await h.worker.drain();
    const cancellation = (await mailTo(h, m, orgs[2]!.email)).find((x) => x.subject.startsWith('Odwołane'));
    assert.match(cancellation!.body_text, /Powód: Choroba prowadzącej/);
    assert.match(cancellation!.attachments[0]!.content, /METHOD:CANCEL[\s\S]*STATUS:CANCELLED/);
    const late = await anonymous.post(rsvpPath((await mailTo(h, m, orgs[2]!.email))[0]!), { response: 'yes', people_count: '1' });
    assert.equal(late.statusCode, 409);
    assert.match(pageText(late.body), /odwołane/);
    await moveStart(h, m, id, 1);
  });

  test("another municipality's organiser sees nothing of a meeting; the calendar feed lists only one's own invitations", async () => {
    const { user: rep } = await person(h);
    const m = await seededMunicipality(h, 'Gmina Kalendarzy', rep.id);
    const other = await seededMunicipality(h, 'Gmina Sąsiednia');
    const { c } = await organiser(h, m);
    const { c: stranger } = await organiser(h, other);
    const id = await createMeeting(c, m);
    assert.equal((await stranger.get(`/${other.slug}/meetings/${id}`)).statusCode, 404);
    assert.equal((await stranger.get(`/${m.slug}/meetings/${id}`)).statusCode, 403);
    const mine = await ownerQuery<{ organisation_id: string }>(h, 'SELECT organisation_id FROM organisation_members WHERE municipality_id = $1 AND user_id = $2', [m.id, rep.id]);
    await c.post(`/${m.slug}/meetings/${id}/invite`, { how: 'chosen', organisation: [mine[0]!.organisation_id] });
    const { logIn } = await import('../support/session');
    const repClient = await logIn(h, rep);
    const feedPage = await repClient.post(`/${m.slug}/meetings/feed`);
    const feedUrl = /<code>([^<]+)<\/code>/.exec(feedPage.body)![1]!;
    const feed = await new TestClient(h.app).get(new URL(feedUrl).pathname);
    assert.equal(feed.statusCode, 200);
    assert.match(feed.body, /SUMMARY:Forum organizacji pozarządowych/);
    assert.equal((await new TestClient(h.app).get(`/${other.slug}/calendar/${new URL(feedUrl).pathname.split('/').pop()}`)).statusCode, 400, 'a feed address works only in its municipality');

    // A new title alone is saved and audited, and mails nobody.
    const version = /name="version" value="(\d+)"/.exec((await c.get(`/${m.slug}/meetings/${id}/edit`)).body)![1]!;
    const renamed = await c.post(`/${m.slug}/meetings/${id}/edit`, { ...meetingForm({ title: 'Forum organizacji 2027' }), version });
    assert.equal(renamed.statusCode, 303);
    await c.get(renamed.headers.location!);
    assert.match(c.lastBody, /Zapisano zmiany\./);
    assert.equal((await ownerQuery(h, "SELECT 1 FROM audit_log WHERE municipality_id = $1 AND action = 'meeting.updated' AND subject_id = $2", [m.id, id])).length, 1);
    await h.worker.drain();
    assert.equal((await ownerQuery(h, "SELECT 1 FROM dev_mailbox WHERE subject LIKE 'Zmiana terminu%' AND body_text LIKE '%/' || $1 || '/%'", [m.slug])).length, 0);
  });
});
