import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../support/harness';
import { fieldError } from '../support/pages';
import { assertConfirmed } from './confirm-a-helpers';
import { book, bookingRows, onlyBooking, organiser, person, place } from './venues-helpers';

/** Issue 14: removing a venue or a room, cancelling and declining bookings go through a confirmation page. */
describeEachEngine('venues: irreversible actions are confirmed first', (h) => {
  const count = async (table: string, id: string) => (await h.db.ownerTx((sql) => sql.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]))).length;

  test('a venue and a room: the page says what goes and that it cannot be undone; unconfirmed, both stay', async () => {
    const p = await place(h);
    const { c: a } = await organiser(h, p.m);
    await a.get(`/${p.m.slug}/venues/new`);
    const created = await a.post(`/${p.m.slug}/venues/new`, { name: 'Świetlica przy Okrzei', street: 'ul. Okrzei 12', city: 'Żyrardów' });
    assert.equal(created.statusCode, 303);
    const venueId = /venues\/([0-9a-f-]{36})\/edit/.exec(created.headers.location ?? '')![1]!;
    assert.match((await a.get(`/${p.m.slug}/venues/${venueId}/edit`)).body, new RegExp(`href="/${p.m.slug}/venues/${venueId}/delete"`), 'the edit page links to the confirmation');
    await assertConfirmed(a, `/${p.m.slug}/venues/${venueId}/delete`, { version: '1' }, ['Usunąć miejsce „Świetlica przy Okrzei”?', 'Nie można tego cofnąć'], async () =>
      assert.equal(await count('venues', venueId), 1, 'the venue stays'),
    );
    assert.equal(await count('venues', venueId), 0, 'confirmed: gone');

    // A venue with rooms: the page says so beforehand; confirmed, the refusal is shown on the edit page and nothing goes.
    const withRooms = await a.get(`/${p.m.slug}/venues/${p.venueId}/delete`);
    assert.match(withRooms.body, /Miejsce ma jeszcze sale \(2\)/);
    const refused = await a.post(`/${p.m.slug}/venues/${p.venueId}/delete`, { version: '1', confirmed: 'yes' });
    assert.equal(refused.statusCode, 422);
    assert.notEqual(fieldError(refused.body, 'name'), '');
    assert.equal(await count('venues', p.venueId), 1);

    await assertConfirmed(a, `/${p.m.slug}/venues/rooms/${p.smallRoomId}/delete`, { version: '1' }, ['Usunąć salę „Pracownia”?', 'Nie można tego cofnąć'], async () =>
      assert.equal(await count('venue_rooms', p.smallRoomId), 1, 'the room stays'),
    );
    assert.equal(await count('venue_rooms', p.smallRoomId), 0);
  });

  test('cancelling a booking (one date or the series) and declining a request with its reason', async () => {
    const p = await place(h);
    const { c } = await person(h, p.m);
    assert.equal((await book(c, p)).statusCode, 303);
    const b = await onlyBooking(h, p);
    const mine = await c.get(`/${p.m.slug}/venues/bookings`);
    assert.match(mine.body, new RegExp(`href="/${p.m.slug}/venues/bookings/${b.id}/cancel"`), '"Moje rezerwacje" links to the confirmation');
    await assertConfirmed(c, `/${p.m.slug}/venues/bookings/${b.id}/cancel`, { scope: 'one' }, ['Anulować rezerwację?', 'Anulujemy 1 termin', 'Nie można tego cofnąć'], async () =>
      assert.equal((await onlyBooking(h, p)).status, 'requested'),
    );
    assert.equal((await onlyBooking(h, p)).status, 'cancelled');

    const series = await book(c, p, { repeat: 'weeks', weeks: '3', title: 'Warsztaty tkackie', starts: '10:00', ends: '12:00' });
    assert.equal(series.statusCode, 303);
    const rows = (await bookingRows(h, p)).filter((r) => r.title === 'Warsztaty tkackie');
    assert.equal(rows.length, 3);
    const seriesPage = await c.get(`/${p.m.slug}/venues/bookings/${rows[0]!.id}/cancel?scope=series`);
    assert.match(seriesPage.body, /Anulujemy 3 terminy/);

    const { c: staff } = await organiser(h, p.m);
    const review = await staff.get(`/${p.m.slug}/venues/bookings/${rows[0]!.id}`);
    assert.match(review.body, new RegExp(`href="/${p.m.slug}/venues/bookings/${rows[0]!.id}/decline"`));
    const url = `/${p.m.slug}/venues/bookings/${rows[0]!.id}/decline`;
    const reason = 'W te soboty sala jest zajęta przez spis rolny.';
    await assertConfirmed(staff, url, { reason }, ['Odrzucić prośbę o salę: Warsztaty tkackie?', 'Odrzucimy 3 terminy', 'dostanie wiadomość e-mail z powodem'], async () =>
      assert.deepEqual((await bookingRows(h, p)).filter((r) => r.title === 'Warsztaty tkackie').map((r) => r.status), ['requested', 'requested', 'requested']),
    );
    assert.deepEqual((await bookingRows(h, p)).filter((r) => r.title === 'Warsztaty tkackie').map((r) => [r.status, r.decision_reason]), Array(3).fill(['declined', reason]));
  });
});
