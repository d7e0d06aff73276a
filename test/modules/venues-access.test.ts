import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reserveRoomForMeeting, roomChoices, bookingsOfOrganisation, releaseBooking } from '../../src/modules/venues';
import { AppError } from '../../src/platform/http/errors';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/harness';
import { fieldError, inputValue, pageText } from '../support/pages';
import { addDays, book, bookingRows, code, instant, mondayOf, nextWeekday, onlyBooking, organiser, person, place } from './venues-helpers';
import { assertExcludes, assertIncludes } from '../support/assertions';

describeEachEngine('venues: who may do what, tenants, calendars, staff edits, the contract for other modules', (h) => {
  test("residents cannot decide; another municipality's staff can neither see nor decide A's requests", async () => {
    const p = await place(h, 'Gmina A');
    const other = await place(h, 'Gmina B');
    const { c } = await person(h, p.m);
    assert.equal((await book(c, p)).statusCode, 303);
    const b = await onlyBooking(h, p);
    const { c: resident } = await person(h, p.m, ['resident', 'coordinator']);
    assert.equal((await resident.get(`/${p.m.slug}/venues/queue`)).statusCode, 403);
    assert.equal((await resident.postJson(`/${p.m.slug}/venues/bookings/${b.id}/approve`)).statusCode, 403);
    assert.equal((await resident.postJson(`/${p.m.slug}/venues/bookings/${b.id}/cancel`, { scope: 'one', confirmed: 'yes' })).statusCode, 404, "not theirs to cancel");
    assert.equal((await resident.get(`/${p.m.slug}/venues/bookings/${b.id}/cancel`)).statusCode, 404, 'nor its confirmation page');
    const { c: outsider } = await organiser(h, other.m, ['community_organiser', 'director', 'administrator']);
    assert.equal((await outsider.get(`/${p.m.slug}/venues/queue`)).statusCode, 403);
    assert.equal((await outsider.get(`/${p.m.slug}/venues/bookings/${b.id}`)).statusCode, 403);
    assert.equal((await outsider.get(`/${other.m.slug}/venues/bookings/${b.id}`)).statusCode, 404);
    const viaB = await outsider.postJson(`/${other.m.slug}/venues/bookings/${b.id}/approve`);
    assert.deepEqual([viaB.statusCode, code(viaB)], [404, 'not_found']);
    assert.equal((await outsider.get(`/${other.m.slug}/venues/rooms/${p.roomId}`)).statusCode, 404);
    assertExcludes((await outsider.get(`/${other.m.slug}/venues/queue`)).body, 'Próba chóru');
    assert.equal((await onlyBooking(h, p)).status, 'requested', 'nothing changed');
    const anonymous = new TestClient(h.app);
    for (const path of ['bookings', `rooms/${p.roomId}/book`, 'queue', 'manage']) {
      const res = await anonymous.get(`/${p.m.slug}/venues/${path}`);
      assert.equal(res.statusCode, 303, path);
      assert.match(res.headers.location ?? '', /^\/login\?next=/);
    }
  });

  test('the week calendar: "zajęte" for everyone, what and who only for staff (and one’s own); week links work without JS', async () => {
    const p = await place(h);
    const { c: owner } = await person(h, p.m);
    const day = nextWeekday(4, 1);
    assert.equal((await book(owner, p, { day })).statusCode, 303);
    const url = `/${p.m.slug}/venues/rooms/${p.roomId}?week=${day}`;
    const anonymous = await new TestClient(h.app).get(url);
    assert.equal(anonymous.statusCode, 200);
    const text = pageText(anonymous.body);
    assertIncludes(text, 'zajęte', 'the public sees that it is taken');
    assertExcludes(text, 'Próba chóru', 'the public sees only that it is taken');
    assert.match(anonymous.body, /<th scope="col">czwartek<br\/>/);
    assert.match(anonymous.body, /<th scope="row">17:00–18:00<\/th>/);
    const monday = mondayOf(day);
    assertIncludes(anonymous.body, `href="?week=${addDays(monday, -7)}"`, `the week before ${monday}`);
    assertIncludes(anonymous.body, `href="?week=${addDays(monday, 7)}"`, `the week after ${monday}`);
    assertIncludes(pageText((await owner.get(url)).body), 'Próba chóru', 'the requester sees their own');
    const { c: staff } = await organiser(h, p.m);
    const staffText = pageText((await staff.get(url)).body);
    assertIncludes(staffText, 'Próba chóru');
    assertIncludes(staffText, 'czeka na decyzję');
    const { c: withoutTotp } = await person(h, p.m, ['community_organiser']);
    assertExcludes(pageText((await withoutTotp.get(url)).body), 'Próba chóru', 'who booked what is personal data: staff see it only with TOTP');
    const garbage = await new TestClient(h.app).get(`/${p.m.slug}/venues/rooms/${p.roomId}?week=jutro`);
    assert.equal(garbage.statusCode, 200, 'an unreadable week is this week');
    assert.equal((await new TestClient(h.app).get(`/${p.m.slug}/venues/rooms/nie-uuid`)).statusCode, 404);
    const list = pageText((await new TestClient(h.app).get(`/${p.m.slug}/venues`)).body);
    for (const part of ['MAL Osada', 'Sala 2', 'projektor', '09:00–21:00']) assertIncludes(list, part);
  });

  test('staff keep venues and rooms: a stale edit is 409 with what was typed kept; a booked room cannot be removed', async () => {
    const p = await place(h);
    const { c: a } = await organiser(h, p.m);
    const { c: b } = await organiser(h, p.m);
    const form = (over: Record<string, string | string[]>) => ({ name: 'Sala 2', capacity: '24', equipment: ['projector'], description: '', bookable: '1', version: '1', ...over });
    await a.get(`/${p.m.slug}/venues/rooms/${p.roomId}/edit`);
    await b.get(`/${p.m.slug}/venues/rooms/${p.roomId}/edit`);
    assert.equal((await a.post(`/${p.m.slug}/venues/rooms/${p.roomId}/edit`, form({ capacity: '30' }))).statusCode, 303);
    const stale = await b.post(`/${p.m.slug}/venues/rooms/${p.roomId}/edit`, form({ description: 'Nowy opis sali' }));
    assert.equal(stale.statusCode, 409);
    assertIncludes(pageText(stale.body), 'Ktoś inny zmienił te dane w międzyczasie.');
    assert.equal(inputValue(stale.body, 'version'), '2', 'the form is now on the saved version');
    assertIncludes(stale.body, 'Nowy opis sali', 'what was typed stays');
    assert.equal((await b.post(`/${p.m.slug}/venues/rooms/${p.roomId}/edit`, form({ description: 'Nowy opis sali', capacity: '30', version: '2' }))).statusCode, 303);

    const bad = await a.post(`/${p.m.slug}/venues/new`, { name: 'Świetlica', opens_1: '16:00', closes_1: '08:00', opens_2: '9:00', closes_2: '' });
    assert.equal(bad.statusCode, 422);
    assert.equal(fieldError(bad.body, 'closes_1'), 'Godzina zamknięcia musi być późniejsza niż godzina otwarcia.');
    assert.equal(fieldError(bad.body, 'closes_2'), 'Podaj obie godziny tego dnia albo zostaw oba pola puste.');
    assert.equal((await a.post(`/${p.m.slug}/venues/new`, { name: 'Świetlica', opens_1: '16:00', closes_1: '20:00' })).statusCode, 303);

    const { c } = await person(h, p.m);
    assert.equal((await book(c, p)).statusCode, 303);
    await a.get(`/${p.m.slug}/venues/rooms/${p.roomId}/edit`);
    const removal = await a.post(`/${p.m.slug}/venues/rooms/${p.roomId}/delete`, { version: '3', confirmed: 'yes' });
    assert.equal(removal.statusCode, 422);
    assert.match(fieldError(removal.body, 'name'), /^Tej sali nie można usunąć/);
    assert.equal((await a.post(`/${p.m.slug}/venues/rooms/${p.smallRoomId}/delete`, { version: '1', confirmed: 'yes' })).statusCode, 303, 'a room never booked goes');
  });

  test('the contract for meetings and the registry: an approved booking, the same conflict, release, choices, history', async () => {
    const p = await place(h);
    const { user } = await person(h, p.m);
    const day = nextWeekday(7, 1);
    const slot = { roomId: p.roomId, startsAt: await instant(h, day, '17:00'), endsAt: await instant(h, day, '19:00'), title: 'Forum organizacji', bookedBy: user.id };
    const ctx = { municipalityId: p.m.id, userId: user.id };
    const id = await h.db.tx(ctx, (sql) => reserveRoomForMeeting(sql, p.m.id, slot));
    assert.equal((await onlyBooking(h, p)).status, 'approved', 'staff-made and approved, on a closed day too');
    await assert.rejects(
      h.db.tx(ctx, (sql) => reserveRoomForMeeting(sql, p.m.id, { ...slot, startsAt: new Date(slot.startsAt.getTime() + 3_600_000), endsAt: new Date(slot.endsAt.getTime() + 3_600_000) })),
      (err: unknown) => err instanceof AppError && err.code === 'venue.room_taken' && err.status === 409 && String(err.opts.params?.slots).endsWith('17:00–19:00'),
    );
    await h.db.tx(ctx, (sql) => releaseBooking(sql, p.m.id, id));
    assert.deepEqual((await bookingRows(h, p)).map((b) => b.status), ['cancelled']);
    const choices = await h.db.tx(ctx, (sql) => roomChoices(sql, p.m.id));
    assert.deepEqual(choices.map((r) => [r.label, r.capacity]), [['MAL Osada — Pracownia', 12], ['MAL Osada — Sala 2', 24]]);
    assert.deepEqual(await h.db.tx(ctx, (sql) => bookingsOfOrganisation(sql, p.m.id, crypto.randomUUID())), []);
  });
});
