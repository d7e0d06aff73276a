import assert from 'node:assert/strict';
import { test } from 'node:test';
import { devMail, describeEachEngine } from '../support/harness';
import { fieldError, inputValue, pageText } from '../support/pages';
import {
  book, bookingForm, bookingRows, code, errorMessage, instant, nextWeekday, onlyBooking, organiser, person, place, slotPl,
} from './venues-helpers';
import { assertIncludes } from '../support/assertions';

describeEachEngine('venues: requests, decisions, the double-booking race, weekly series', (h) => {
  test('a resident asks for a room; staff approve it; the requester sees it and is told by e-mail', async () => {
    const p = await place(h);
    const { user, c } = await person(h, p.m);
    const { c: staff } = await organiser(h, p.m);
    const res = await book(c, p);
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    assert.equal(res.headers.location, `/${p.m.slug}/venues/bookings`);
    const b = await onlyBooking(h, p);
    assert.equal(b.status, 'requested');
    assert.equal(b.starts_at.getTime(), (await instant(h, bookingForm().day!, '17:00')).getTime(), 'Warsaw wall-clock time');

    const queue = await staff.get(`/${p.m.slug}/venues/queue`);
    assert.equal(queue.statusCode, 200);
    assertIncludes(pageText(queue.body), 'Próba chóru „Lniane Głosy”');
    const review = await staff.get(`/${p.m.slug}/venues/bookings/${b.id}`);
    assertIncludes(pageText(review.body), user.email, 'staff see who asked');
    assert.equal((await staff.post(`/${p.m.slug}/venues/bookings/${b.id}/approve`)).statusCode, 303);
    assert.equal((await onlyBooking(h, p)).status, 'approved');
    const again = await staff.postJson(`/${p.m.slug}/venues/bookings/${b.id}/approve`);
    assert.deepEqual([again.statusCode, code(again)], [409, 'conflict.stale'], 'decided already');

    const mine = pageText((await c.get(`/${p.m.slug}/venues/bookings`)).body);
    assertIncludes(mine, 'zatwierdzona');
    assertIncludes(mine, 'Próba chóru');
    await h.worker.drain();
    const [mail] = await devMail(h.db, user.email);
    assert.equal(mail?.subject, 'Rezerwacja zatwierdzona: MAL Osada — Sala 2');
    assertIncludes(mail?.body_text, slotPl(b.starts_at, b.ends_at));
    assert.match(slotPl(b.starts_at, b.ends_at), /^\d{1,2} [a-ząćęłńóśźż]+ \d{4} 17:00–19:00$/);
  });

  test('a decline needs a reason, which the requester sees on "Moje rezerwacje" and by e-mail; the slot is free again', async () => {
    const p = await place(h);
    const { user, c } = await person(h, p.m);
    const { c: staff } = await organiser(h, p.m);
    assert.equal((await book(c, p)).statusCode, 303);
    const b = await onlyBooking(h, p);
    await staff.get(`/${p.m.slug}/venues/bookings/${b.id}`);
    const empty = await staff.post(`/${p.m.slug}/venues/bookings/${b.id}/decline`, { reason: '  ', confirmed: 'yes' });
    assert.equal(empty.statusCode, 422);
    assert.equal(fieldError(empty.body, 'reason'), 'Napisz powód odrzucenia — proszący go zobaczy.');
    const reason = 'W tym dniu sala jest zajęta przez wybory. Proponujemy czwartek 18:00.';
    assert.equal((await staff.post(`/${p.m.slug}/venues/bookings/${b.id}/decline`, { reason, confirmed: 'yes' })).statusCode, 303);
    const row = await onlyBooking(h, p);
    assert.deepEqual([row.status, row.decision_reason], ['declined', reason]);
    assertIncludes(pageText((await c.get(`/${p.m.slug}/venues/bookings`)).body), `Powód: ${reason}`);
    await h.worker.drain();
    const [mail] = await devMail(h.db, user.email);
    assert.equal(mail?.subject, 'Rezerwacja odrzucona: MAL Osada — Sala 2');
    assertIncludes(mail?.body_text, reason);
    const { c: other } = await person(h, p.m);
    assert.equal((await book(other, p)).statusCode, 303, 'a declined request holds nothing');
  });

  test('eight people race for overlapping slots: exactly one wins, the others get 409 naming the slot', async () => {
    const p = await place(h);
    const people = await Promise.all(Array.from({ length: 8 }, () => person(h, p.m)));
    for (const { c } of people) await c.get(`/${p.m.slug}/venues/rooms/${p.roomId}/book`);
    // Every slot covers 17:30–17:45, so any two overlap.
    const starts = ['17:00', '17:30', '16:00', '16:30', '17:00', '17:15', '16:00', '17:29'];
    const ends = ['19:00', '18:30', '17:45', '18:00', '19:00', '20:00', '18:00', '17:46'];
    const answers = await Promise.all(people.map(({ c }, i) => c.postJson(`/${p.m.slug}/venues/rooms/${p.roomId}/book`, bookingForm({ starts: starts[i]!, ends: ends[i]! }))));
    const won = answers.filter((r) => r.statusCode === 303);
    assert.equal(won.length, 1, answers.map((r) => `${r.statusCode} ${r.body.slice(0, 200)}`).join('\n'));
    const live = (await bookingRows(h, p)).filter((b) => b.status === 'requested');
    assert.equal(live.length, 1, 'the database holds one booking');
    const winner = live[0]!;
    const held = slotPl(winner.starts_at, winner.ends_at);
    for (const lost of answers.filter((r) => r.statusCode !== 303)) {
      assert.deepEqual([lost.statusCode, code(lost)], [409, 'venue.room_taken']);
      assert.equal(errorMessage(lost), `Sala 2 jest już zajęta ${held}.`);
    }
    // A form (no JSON) shows the clash where the day was typed, with everything typed kept.
    const { c: late } = await person(h, p.m);
    const page = await book(late, p, { title: 'Spóźniona próba' });
    assert.equal(page.statusCode, 409);
    assert.match(fieldError(page.body, 'day'), new RegExp(`^Sala 2 jest już zajęta ${held}\\. Wybierz inny termin`));
    assert.equal(inputValue(page.body, 'title'), 'Spóźniona próba');
  });

  test('a weekly request is all or nothing: every clashing date is named and nothing is saved', async () => {
    const p = await place(h);
    const { c: first } = await person(h, p.m);
    for (const week of [2, 4]) assert.equal((await book(first, p, { day: nextWeekday(4, week), title: `Zajęte ${week}` })).statusCode, 303);
    const { c } = await person(h, p.m);
    const res = await book(c, p, { day: nextWeekday(4, 0), repeat: 'weeks', weeks: '6', title: 'Warsztaty tkackie' });
    assert.equal(res.statusCode, 409);
    const message = fieldError(res.body, 'day');
    assert.match(message, /^Sala 2 jest już zajęta w 2 terminach: /);
    for (const week of [2, 4]) {
      const day = nextWeekday(4, week);
      assertIncludes(message, slotPl(await instant(h, day, '17:00'), await instant(h, day, '19:00')), `week ${week}: ${message}`);
    }
    assert.equal((await bookingRows(h, p)).length, 2, 'nothing of the series was saved');

    const ok = await book(c, p, { day: nextWeekday(4, 0), starts: '10:00', ends: '12:00', repeat: 'until', until: nextWeekday(4, 3), title: 'Warsztaty tkackie' });
    assert.equal(ok.statusCode, 303);
    const series = (await bookingRows(h, p)).filter((b) => b.title === 'Warsztaty tkackie');
    assert.equal(series.length, 4);
    assert.equal(new Set(series.map((b) => b.series_id)).size, 1);
    const cancel = await c.post(`/${p.m.slug}/venues/bookings/${series[1]!.id}/cancel`, { scope: 'series', confirmed: 'yes' });
    assert.equal(cancel.statusCode, 303);
    assert.deepEqual((await bookingRows(h, p)).filter((b) => b.title === 'Warsztaty tkackie').map((b) => b.status), ['cancelled', 'cancelled', 'cancelled', 'cancelled']);
  });

  test('bad requests are field errors, each where it was typed, and nothing typed is lost', async () => {
    const p = await place(h);
    const { c } = await person(h, p.m);
    const cases: [Record<string, string>, string, string][] = [
      [{ day: '2020-03-05' }, 'day', 'Ten termin już minął. Wybierz dzień i godzinę w przyszłości.'],
      [{ starts: '07:30' }, 'starts', 'Tego dnia sala jest czynna od 09:00 do 21:00. Wybierz godziny w tym przedziale.'],
      [{ ends: '22:00' }, 'ends', 'Tego dnia sala jest czynna od 09:00 do 21:00. Wybierz godziny w tym przedziale.'],
      [{ day: nextWeekday(7) }, 'day', 'Tego dnia sala jest nieczynna. Sprawdź godziny otwarcia.'],
      [{ starts: '18:00', ends: '17:00' }, 'ends', 'Godzina zakończenia musi być późniejsza niż godzina rozpoczęcia.'],
      [{ people: '25' }, 'people', 'Za dużo osób: liczba miejsc w tej sali to 24. Zmniejsz liczbę osób albo wybierz większą salę.'],
      [{ organisation_id: crypto.randomUUID() }, 'organisation_id', 'Możesz rezerwować tylko w imieniu zweryfikowanej organizacji, do której należysz.'],
      [{ repeat: 'weeks', weeks: '60' }, 'weeks', 'Podaj liczbę tygodni od 2 do 52.'],
    ];
    for (const [over, field, message] of cases) {
      const res = await book(c, p, { ...over, title: `Spotkanie ${field}` });
      assert.equal(res.statusCode, 422, JSON.stringify(over));
      assert.equal(fieldError(res.body, field), message, JSON.stringify(over));
      assert.equal(inputValue(res.body, 'title'), `Spotkanie ${field}`);
    }
    assert.equal((await bookingRows(h, p)).length, 0);
  });
});
