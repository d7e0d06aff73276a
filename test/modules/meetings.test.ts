import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestClient } from '../support/client';
import { makeMunicipality } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { logIn } from '../support/session';
import { createMeeting, mailTo, meetingForm, moveStart, rsvpPath, warsawDay, organiser } from './meetings-helpers';
import { ownerQuery } from '../support/db';
import { fieldError, pageText } from '../support/pages';
import { person } from '../support/people';
import { seededMunicipality } from './organisations-helpers';
import { assertIncludes } from '../support/assertions';

describeEachEngine('meetings: create, invite, answer, attend, count', (h) => {
  test('a meeting form reports every mistake and keeps what was typed; nothing is saved', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Spotkań');
    const { c } = await organiser(h, m);
    const wrong = await c.post(`/${m.slug}/meetings`, meetingForm({ title: '', day: '2026-02-30', starts: '18:00', ends: '17.30', place: 'online', online_url: 'spotkanie.example', capacity: '0' }));
    assert.equal(wrong.statusCode, 422);
    assert.match(fieldError(wrong.body, 'title'), /wymagane/);
    assert.match(fieldError(wrong.body, 'day'), /RRRR-MM-DD/);
    assert.match(fieldError(wrong.body, 'ends'), /później niż początek/);
    assert.match(fieldError(wrong.body, 'online_url'), /http/);
    assert.match(fieldError(wrong.body, 'capacity'), /od 1 do 10 000/);
    assertIncludes(wrong.body, 'value="spotkanie.example"', 'what was typed comes back');
    const past = await c.post(`/${m.slug}/meetings`, meetingForm({ day: warsawDay(-1) }));
    assert.equal(past.statusCode, 422);
    assert.match(fieldError(past.body, 'day'), /już minął/);
    const noPlace = await c.post(`/${m.slug}/meetings`, meetingForm({ place: 'address', address: '' }));
    assert.match(fieldError(noPlace.body, 'address'), /Podaj adres/);
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM meetings WHERE municipality_id = $1', [m.id])).length, 0);
    const { c: resident } = await person(h, m, ['resident']);
    assert.equal((await resident.get(`/${m.slug}/meetings`)).statusCode, 403, 'residents do not organise meetings');
  });

  test('in a room: more places than the room holds is a field error naming it; the invitation and the answer page give the street address', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Sal');
    const { c } = await organiser(h, m);
    const [venue] = await ownerQuery<{ id: string }>(h, "INSERT INTO venues (municipality_id, name, street, postal_code, city) VALUES ($1, 'MAL Resursa', 'ul. Karola Dittricha 1', '96-300', 'Żyrardów') RETURNING id", [m.id]);
    const [room] = await ownerQuery<{ id: string }>(h, "INSERT INTO venue_rooms (municipality_id, venue_id, name, capacity) VALUES ($1, $2, 'Sala kominkowa', 24) RETURNING id", [m.id, venue!.id]);
    const inRoom = { place: 'room', room_id: room!.id, address: '' };
    const tooMany = await c.post(`/${m.slug}/meetings`, meetingForm({ ...inRoom, capacity: '40' }));
    assert.equal(tooMany.statusCode, 422);
    assert.equal(fieldError(tooMany.body, 'capacity'), 'Sala MAL Resursa — Sala kominkowa mieści 24 osoby. Wpisz najwyżej 24 albo wybierz większą salę.');
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM meetings WHERE municipality_id = $1', [m.id])).length, 0, 'nothing saved, no room booked');
    const id = await createMeeting(c, m, { ...inRoom, capacity: '24' });
    const [row] = await ownerQuery<{ version: number }>(h, 'SELECT version FROM meetings WHERE id = $1', [id]);
    const edit = await c.post(`/${m.slug}/meetings/${id}/edit`, meetingForm({ ...inRoom, capacity: '25', version: String(row!.version) }));
    assert.equal(edit.statusCode, 422, 'an edit is held to the same limit');
    assert.match(fieldError(edit.body, 'capacity'), /mieści 24 osoby/);

    assert.equal((await c.post(`/${m.slug}/meetings/${id}/invite`, { how: 'people', emails: 'sasiedzi@bema.example' })).statusCode, 303);
    await h.worker.drain();
    const [mail] = await mailTo(h, m, 'sasiedzi@bema.example');
    const address = 'MAL Resursa — Sala kominkowa, ul. Karola Dittricha 1, 96-300 Żyrardów';
    assertIncludes(mail!.body_text, address);
    assert.match(mail!.attachments[0]!.content.replace(/\r\n /g, ''), /LOCATION:MAL Resursa — Sala kominkowa\\, ul\. Karola Dittricha 1\\, 96-300 Żyrardów/);
    assertIncludes(pageText((await new TestClient(h.app).get(rsvpPath(mail!))).body), address);
  });

  test('invite by sphere and by hand, answer through the mailed link, change the answer, closed after the start', async () => {
    const m = await seededMunicipality(h, 'Gmina Zaproszeń');
    const { c } = await organiser(h, m);
    const id = await createMeeting(c, m);
    // The sphere most organisations of the demo registry work in.
    const [{ sphere }] = (await ownerQuery<{ sphere: string }>(
      h, "SELECT s AS sphere FROM organisations, unnest(spheres) s WHERE municipality_id = $1 AND status = 'verified' GROUP BY s ORDER BY count(*) DESC, s LIMIT 1", [m.id])) as [{ sphere: string }];
    const seniors = await ownerQuery<{ id: string; name: string; email: string }>(h, "SELECT id, name, email FROM organisations WHERE municipality_id = $1 AND status = 'verified' AND $2 = ANY (spheres) ORDER BY name", [m.id, sphere]);
    assert.ok(seniors.length >= 2, 'several organisations of the demo registry share a sphere');

    const preview = await c.get(`/${m.slug}/meetings/${id}/invite?sphere=${sphere}`);
    assert.match(pageText(preview.body), new RegExp(`Pasuj[eą] ${seniors.length} organizacj`));
    const all = await c.post(`/${m.slug}/meetings/${id}/invite`, { how: 'all_matching', q: '', sphere, federation: '' });
    assert.equal(all.statusCode, 303);
    assert.equal((await c.get(all.headers.location!)).statusCode, 200);
    const again = await c.post(`/${m.slug}/meetings/${id}/invite`, { how: 'chosen', organisation: seniors.map((s) => s.id) });
    assert.equal(again.statusCode, 303);
    await c.get(again.headers.location!);
    assert.match(c.lastBody, new RegExp(`Pominięto już zaproszonych: ${seniors.length}`));
    const badEmail = await c.post(`/${m.slug}/meetings/${id}/invite`, { how: 'people', emails: 'sasiedzi@bema.example, to-nie-adres' });
    assert.equal(badEmail.statusCode, 422);
    assert.match(fieldError(badEmail.body, 'emails'), /to-nie-adres/);
    assert.equal((await c.post(`/${m.slug}/meetings/${id}/invite`, { how: 'people', emails: 'sasiedzi@bema.example' })).statusCode, 303);
    await h.worker.drain();

    const [mail] = await mailTo(h, m, seniors[0]!.email);
    assert.ok(mail, 'the invitation was mailed');
    assert.match(mail.subject, /Zaproszenie: Forum organizacji pozarządowych/);
    assert.equal(mail.attachments[0]!.filename, 'spotkanie.ics');
    assert.match(mail.attachments[0]!.content, /BEGIN:VEVENT[\s\S]*SUMMARY:Forum organizacji pozarządowych[\s\S]*END:VEVENT/);
    assert.match(mail.attachments[0]!.content, /METHOD:PUBLISH/);

    // Answer without logging in: yes, 3 people, a need; then change to maybe.
    const anonymous = new TestClient(h.app);
    const link = rsvpPath(mail);
    const page = await anonymous.get(link);
    assert.equal(page.statusCode, 200);
    assert.match(pageText(page.body), new RegExp(`Zaproszenie dla: ${seniors[0]!.name.replace(/[„”"]/g, '.')}`));
    const zero = await anonymous.post(link, { response: 'yes', people_count: '0', accessibility_needs: '' });
    assert.equal(zero.statusCode, 422);
    assert.match(fieldError(zero.body, 'people_count'), /co najmniej jedna osoba/);
    assert.equal((await anonymous.post(link, { response: 'yes', people_count: '3', accessibility_needs: 'Dojazd wózkiem' })).statusCode, 303);
    assert.equal((await anonymous.post(link, { response: 'maybe', people_count: '2', accessibility_needs: 'Dojazd wózkiem' })).statusCode, 303);
    const [answered] = await ownerQuery<{ response: string; people_count: number; answers: number; accessibility_needs: string }>(
      h, 'SELECT response, people_count, answers, accessibility_needs FROM meeting_invitations WHERE municipality_id = $1 AND organisation_id = $2', [m.id, seniors[0]!.id]);
    assert.deepEqual(answered, { response: 'maybe', people_count: 2, answers: 2, accessibility_needs: 'Dojazd wózkiem' });
    const viaJson = await anonymous.request({ method: 'POST', url: `/api${link}`, payload: { response: 'yes', people_count: 4, accessibility_needs: 'Dojazd wózkiem' } });
    assert.equal(viaJson.statusCode, 200, viaJson.body);
    assert.deepEqual(viaJson.json(), { response: 'yes', people_count: 4, accessibility_needs: 'Dojazd wózkiem', changed: true });
    const ics = await anonymous.get(`${link}/meeting.ics`);
    assert.match(String(ics.headers['content-type']), /text\/calendar/);

    // The organiser sees the answers (and that reading is audited).
    const overview = await c.get(`/${m.slug}/meetings/${id}`);
    assert.match(pageText(overview.body), /Tak, będziemy \(zmieniona 2 razy\) 4 Dojazd wózkiem/);
    assert.equal((await ownerQuery(h, "SELECT 1 FROM audit_log WHERE municipality_id = $1 AND action = 'meeting.answers_read' AND subject_id = $2", [m.id, id])).length >= 1, true);

    const csv = await c.get(`/${m.slug}/meetings/${id}/answers.csv`);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    assert.equal(lines[0], 'invitee,email,response,people,accessibility_needs,responded_at,attended');
    assert.ok(lines.some((l) => l.includes(seniors[0]!.email) && l.includes(',yes,4,Dojazd wózkiem,') && l.endsWith(',false')), lines.join('\n'));
    assert.equal(lines.length, seniors.length + 2, 'every invitee, the person invited by e-mail too');

    // Once the meeting has started, answers are closed (a specific message, nothing changed).
    await moveStart(h, m, id, -0.5);
    const late = await anonymous.post(link, { response: 'no' });
    assert.equal(late.statusCode, 409);
    assert.match(pageText(late.body), /Spotkanie już się rozpoczęło/);
    const json = await anonymous.request({ method: 'POST', url: `/api${link}`, payload: { response: 'no' }, headers: { accept: 'application/json' } });
    assert.equal(json.statusCode, 409);
    assert.equal(json.json().error.code, 'meeting.closed');
    const [still] = await ownerQuery<{ response: string }>(h, 'SELECT response FROM meeting_invitations WHERE municipality_id = $1 AND organisation_id = $2', [m.id, seniors[0]!.id]);
    assert.equal(still!.response, 'yes');
  });

  test('members answer from their inbox, never for someone else; attendance with walk-ins; the numbers and the silent organisations', async () => {
    const { user: rep } = await person(h);
    const m = await seededMunicipality(h, 'Gmina Frekwencji', rep.id);
    const { c } = await organiser(h, m);
    const repClient = await logIn(h, rep);
    const mine = await ownerQuery<{ organisation_id: string }>(h, 'SELECT organisation_id FROM organisation_members WHERE municipality_id = $1 AND user_id = $2', [m.id, rep.id]);
    assert.ok(mine.length >= 1, 'the representative administers an organisation');
    const id = await createMeeting(c, m);
    const verified = await ownerQuery<{ id: string }>(h, "SELECT id FROM organisations WHERE municipality_id = $1 AND status = 'verified' ORDER BY name", [m.id]);
    assert.equal((await c.post(`/${m.slug}/meetings/${id}/invite`, { how: 'chosen', organisation: verified.map((o) => o.id) })).statusCode, 303);

    const inbox = await repClient.get(`/${m.slug}/meetings/inbox`);
    assert.match(pageText(inbox.body), /Forum organizacji pozarządowych/);
    const [own] = await ownerQuery<{ id: string }>(h, 'SELECT id FROM meeting_invitations WHERE municipality_id = $1 AND organisation_id = $2', [m.id, mine[0]!.organisation_id]);
    const [other] = await ownerQuery<{ id: string }>(h, 'SELECT id FROM meeting_invitations WHERE municipality_id = $1 AND NOT (organisation_id = ANY ($2::uuid[]))', [m.id, mine.map((r) => r.organisation_id)]);
    assert.equal((await repClient.post(`/${m.slug}/meetings/invitations/${other!.id}`, { response: 'yes', people_count: '1' })).statusCode, 404, "someone else's invitation");
    assert.equal((await repClient.post(`/${m.slug}/meetings/invitations/${own!.id}`, { response: 'yes', people_count: '2' })).statusCode, 303);

    // On the day: the representative's organisation came, one uninvited group too.
    assert.equal((await c.post(`/${m.slug}/meetings/${id}/attendance`, { present: own!.id, [`people_${own!.id}`]: '2' })).statusCode, 409, 'not before the day');
    await moveStart(h, m, id, -1);
    assert.equal((await c.post(`/${m.slug}/meetings/${id}/attendance`, { present: own!.id, [`people_${own!.id}`]: '2' })).statusCode, 303);
    assert.equal((await c.post(`/${m.slug}/meetings/${id}/walk-ins`, { name: 'Sąsiedzi z ulicy Bema', people_count: '3' })).statusCode, 303);
    const dup = await c.post(`/${m.slug}/meetings/${id}/walk-ins`, { name: 'Sąsiedzi z ulicy Bema', people_count: '1' });
    assert.equal(dup.statusCode, 303, 'a name without a registry entry may come twice (two groups of one name)');
    const stats = await c.get(`/${m.slug}/meetings/stats?n=1`);
    assert.equal(stats.statusCode, 200);
    const text = pageText(stats.body);
    assert.match(text, new RegExp(`zaproszeni ${verified.length}, odpowiedzieli 1, potwierdzili 1, przyszli 3\\.`), 'the chart text alternative');
    assertIncludes(stats.body, 'role="img"');
    // The organisation's cooperation history, for its people and, from the review page, for staff.
    const organisationId = mine[0]!.organisation_id;
    const review = await c.get(`/${m.slug}/organisations/${organisationId}/review`);
    assertIncludes(review.body, `href="/${m.slug}/organisations/${organisationId}/cooperation"`);
    for (const client of [c, repClient]) {
      const history = await client.get(`/${m.slug}/organisations/${organisationId}/cooperation`);
      assert.equal(history.statusCode, 200);
      assert.match(pageText(history.body), /Forum organizacji pozarządowych: odpowiedź: Tak, będziemy, obecna/);
    }
    const { c: outsider } = await person(h, m, ['resident']);
    assert.equal((await outsider.get(`/${m.slug}/organisations/${organisationId}/cooperation`)).statusCode, 404);
    // With N = 1 every invited organisation but the one that answered has gone silent.
    assert.equal((stats.body.match(/ostatnie zaproszenie /g) ?? []).length, verified.length - 1);
  });
});
