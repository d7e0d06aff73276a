import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../support/harness';
import { AFTER_SCHOOL, CARE, applyFor, catalogueMunicipality, coordinator, decideNow, serviceId } from './applications-helpers';
import { ownerQuery } from '../support/db';
import { person } from '../support/people';

interface Mine {
  applications: { id: string; service: { id: string; name: string }; status: string; queue_position: number | null; estimate_weeks: number | null }[];
}

/**
 * GET /api/:m/applications/mine — "Moje wnioski" as JSON (the benchmark's queue-position scenario):
 * the person's own applications only, each place as stored on its row, the estimate at the present pace.
 */
describeEachEngine('applications: my applications as JSON', (h) => {
  test('own applications only, with the stored place and the estimate; a place moves up when someone ahead is accepted', async () => {
    const m = await catalogueMunicipality(h, 'Gmina Kolejek JSON');
    const care = await serviceId(h, m, CARE);
    const club = await serviceId(h, m, AFTER_SCHOOL);
    const { c: first } = await person(h, m, ['resident']);
    const { c: second } = await person(h, m, ['resident']);
    const ahead = await applyFor(h, first, m, care);
    const mineCare = await applyFor(h, second, m, care);
    const mineClub = await applyFor(h, second, m, club, { beneficiary_birth_year: '2015', relation: 'child' });

    const res = await second.get(`/api/${m.slug}/applications/mine`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.equal(res.headers['cache-control'], 'no-store');
    const body = res.json<Mine>();
    assert.deepEqual(body.applications.map((a) => a.id).sort(), [mineCare, mineClub].sort(), 'only her own');
    const stored = await ownerQuery<{ id: string; queue_position: number }>(h, 'SELECT id, queue_position FROM applications WHERE municipality_id = $1 AND id = ANY($2::uuid[])', [m.id, [mineCare, mineClub]]);
    for (const row of stored) assert.equal(body.applications.find((a) => a.id === row.id)!.queue_position, row.queue_position);
    const careEntry = body.applications.find((a) => a.id === mineCare)!;
    assert.deepEqual(careEntry, { id: mineCare, service: { id: care, name: CARE }, status: 'waiting', queue_position: 2, estimate_weeks: null });

    // Someone ahead accepted: her place is now 1, and one acceptance in 12 weeks sets the pace (12 weeks a place).
    const { c: staff } = await coordinator(h, m);
    assert.equal((await decideNow(h, staff, m, ahead, 'accept')).statusCode, 303);
    const after = (await second.get(`/api/${m.slug}/applications/mine`)).json<Mine>().applications.find((a) => a.id === mineCare)!;
    assert.equal(after.queue_position, 1);
    assert.equal(after.estimate_weeks, 12);
    const accepted = (await first.get(`/api/${m.slug}/applications/mine`)).json<Mine>().applications;
    assert.deepEqual(accepted.map((a) => [a.id, a.status, a.queue_position]), [[ahead, 'accepted', null]]);
  });

  test('without a session: refused in JSON, nothing listed', async () => {
    const m = await catalogueMunicipality(h, 'Gmina Kolejek Anonim');
    const res = await h.client().get(`/api/${m.slug}/applications/mine`);
    assert.equal(res.statusCode, 401);
    assert.ok(res.json<{ error: { code: string } }>().error.code);
  });
});
