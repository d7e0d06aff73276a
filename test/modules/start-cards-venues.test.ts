import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { describeEachEngine } from '../support/harness';
import { ownerQuery } from '../support/db';
import { place } from './venues-helpers';
import { alsoMemberOf, booking, cardsOf, countOf, member } from './start-helpers';

/** Room bookings on the start page: a person's coming ones (their own, their organisation's), and requests to decide, a series once. */
describeEachEngine('start cards: room bookings', (h) => {
  test('the requester counts their coming bookings; the organiser each waiting request once; nothing of another municipality', async () => {
    const a = await place(h, 'Gmina Sal Startowych');
    const b = await place(h, 'Gmina Sal Sąsiednich');
    const resident = await member(h, a.m, ['resident', 'ngo_member']);
    const neighbour = await member(h, a.m, ['resident']);
    const organiser = await member(h, a.m, ['community_organiser']);
    await alsoMemberOf(h, b.m, resident, ['resident']);
    const [org] = await ownerQuery<{ id: string }>(
      h,
      "INSERT INTO organisations (municipality_id, name, kind, spheres, email, leader_name) VALUES ($1, 'Chór „Lniane Głosy”', 'informal_group', ARRAY['culture_heritage'], 'chor@lniane.example', 'Teresa Tkacz') RETURNING id",
      [a.m.id],
    );

    const series = crypto.randomUUID();
    await booking(h, a.m, a.roomId, resident, { inDays: 2 });
    await booking(h, a.m, a.roomId, resident, { inDays: 3, status: 'approved' });
    await booking(h, a.m, a.smallRoomId, resident, { inDays: 4, status: 'cancelled' });
    await booking(h, a.m, a.roomId, resident, { inDays: -2, status: 'approved' });
    await booking(h, a.m, a.smallRoomId, resident, { inDays: 5, organisationId: org!.id, seriesId: series });
    await booking(h, a.m, a.smallRoomId, resident, { inDays: 12, organisationId: org!.id, seriesId: series });
    await booking(h, a.m, a.roomId, neighbour, { inDays: 6 });
    await booking(h, b.m, b.roomId, resident, { inDays: 2 });

    const mine = await cardsOf(h, a.m, resident, ['resident', 'ngo_member']);
    assert.equal(countOf(mine, 'resident', 'venues.start.bookings'), 2, 'my own, coming, not cancelled');
    assert.equal(countOf(mine, 'ngo_member', 'venues.start.bookings'), 2, 'both occurrences on behalf of the organisation');
    assert.equal(countOf(await cardsOf(h, b.m, resident, ['resident']), 'resident', 'venues.start.bookings'), 1);
    assert.equal(countOf(await cardsOf(h, a.m, organiser, ['community_organiser']), 'community_organiser', 'venues.start.to_decide'), 3, 'two single requests and one series');
    // Every role holding venues.manage decides them — the director and the administrator too.
    const director = await member(h, a.m, ['director']);
    assert.equal(countOf(await cardsOf(h, a.m, director, ['director']), 'director', 'venues.start.to_decide'), 3);
    assert.equal(countOf(await cardsOf(h, a.m, director, ['administrator']), 'administrator', 'venues.start.to_decide'), 3);
    assert.equal(countOf(await cardsOf(h, a.m, neighbour, ['resident']), 'resident', 'venues.start.to_decide'), undefined);
  });
});
