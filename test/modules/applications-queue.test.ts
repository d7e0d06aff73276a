import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../support/harness';
import { CARE, applicationRow, applyFor, catalogueMunicipality, coordinator, decideNow, gapless, positions, serviceId } from './applications-helpers';
import { fieldError, ownerQuery, pageText, person } from './organisations-helpers';
import { warsawDay } from './meetings-helpers';

describeEachEngine('applications: the queue, its order and its places', (h) => {
  test('places per period: overlaps refused; accepting beyond the places needs a reason; so does accepting out of order', async () => {
    const m = await catalogueMunicipality(h);
    const care = await serviceId(h, m, CARE);
    const { c: staff } = await coordinator(h, m, ['director']);
    const base = `/${m.slug}/applications/services/${care}/capacity`;
    assert.equal((await staff.post(base, { period_from: warsawDay(-10), period_to: warsawDay(50), places: '1' })).statusCode, 303);
    const overlap = await staff.post(base, { period_from: warsawDay(40), period_to: warsawDay(90), places: '5' });
    assert.equal(overlap.statusCode, 422);
    assert.match(fieldError(overlap.body, 'period_from'), /zachodzi na inny okres/);
    const backwards = await staff.post(base, { period_from: warsawDay(100), period_to: warsawDay(90), places: '5' });
    assert.equal(backwards.statusCode, 422);

    const { c } = await person(h, m, ['resident']);
    const [a, b, third] = [await applyFor(h, c, m, care), await applyFor(h, c, m, care), await applyFor(h, c, m, care)];
    const jump = await decideNow(h, staff, m, b, 'accept');
    assert.equal(jump.statusCode, 422);
    assert.match(fieldError(jump.body, 'accept_reason'), /Przed tym wnioskiem czekają inne/);
    assert.equal((await decideNow(h, staff, m, a, 'accept')).statusCode, 303);
    const full = await decideNow(h, staff, m, b, 'accept');
    assert.equal(full.statusCode, 422);
    assert.match(fieldError(full.body, 'accept_reason'), /wykorzystano już wszystkie miejsca \(1\)/);
    assert.equal((await decideNow(h, staff, m, b, 'accept', { accept_reason: 'Pilna sytuacja: osoba wraca ze szpitala.' })).statusCode, 303);
    assert.equal((await applicationRow(h, m, third)).queue_position, 1);
    assert.match(pageText((await staff.get(base)).body), /Przyjęto 2 Liczba miejsc|2\s+Liczba miejsc/);
    const [{ details }] = (await ownerQuery<{ details: { overCapacity: boolean } }>(h, "SELECT details FROM audit_log WHERE municipality_id = $1 AND subject_id = $2 AND action = 'application.accepted'", [m.id, b])) as [{ details: { overCapacity: boolean } }];
    assert.equal(details.overCapacity, true);

    // A period's places on a stale version: 409, nothing changed.
    const [period] = await ownerQuery<{ id: string; version: number }>(h, 'SELECT id, version FROM service_capacity WHERE municipality_id = $1', [m.id]);
    assert.equal((await staff.post(`${base}/${period!.id}`, { version: String(period!.version), places: '10' })).statusCode, 303);
    const stale = await staff.post(`${base}/${period!.id}`, { version: String(period!.version), places: '3' });
    assert.equal(stale.statusCode, 409);
    assert.equal((await ownerQuery<{ places: number }>(h, 'SELECT places FROM service_capacity WHERE id = $1', [period!.id]))[0]!.places, 10);
  });

  test('nobody jumps the queue without a recorded reason; a move shifts the places between', async () => {
    const m = await catalogueMunicipality(h);
    const care = await serviceId(h, m, CARE);
    const { c } = await person(h, m, ['resident']);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await applyFor(h, c, m, care));
    const { c: staff } = await coordinator(h, m);
    const noReason = await decideNow(h, staff, m, ids[4]!, 'move', { position: '1', move_reason: '' });
    assert.equal(noReason.statusCode, 422);
    assert.match(fieldError(noReason.body, 'move_reason'), /powód zmiany miejsca/);
    assert.equal((await decideNow(h, staff, m, ids[4]!, 'move', { position: '2', move_reason: 'Osoba samotna po udarze.' })).statusCode, 303);
    const order = async () => Promise.all(ids.map(async (id) => (await applicationRow(h, m, id)).queue_position));
    assert.deepEqual(await order(), [1, 3, 4, 5, 2]);
    assert.equal((await decideNow(h, staff, m, ids[0]!, 'move', { position: '99', move_reason: 'Na prośbę rodziny — wyjazd do sanatorium.' })).statusCode, 303);
    assert.deepEqual(await order(), [5, 2, 3, 4, 1]);
    const [moved] = await ownerQuery<{ reason: string; details: { from: number; to: number } }>(h, "SELECT reason, details FROM audit_log WHERE municipality_id = $1 AND subject_id = $2 AND action = 'application.moved'", [m.id, ids[4]]);
    assert.deepEqual([moved!.reason, moved!.details.from, moved!.details.to], ['Osoba samotna po udarze.', 5, 2]);
    assert.match(pageText((await staff.get(`/${m.slug}/applications/${ids[4]}`)).body), /przesunięcie w kolejce: z miejsca 5 na 2 Uzasadnienie: Osoba samotna po udarze\./);
  });

  test('concurrent applications, acceptances, withdrawals and moves keep the places a gapless 1..n', async () => {
    const m = await catalogueMunicipality(h);
    const care = await serviceId(h, m, CARE);
    const residents = await Promise.all([0, 1, 2].map(() => person(h, m, ['resident'])));
    const ids: string[] = [];
    for (let i = 0; i < 9; i++) ids.push(await applyFor(h, residents[i % 3]!.c, m, care));
    const { c: staff } = await coordinator(h, m);
    const versions = await Promise.all(ids.map((id) => applicationRow(h, m, id).then((r) => String(r.version))));
    const form = (i: number, kind: string, extra: Record<string, string>) => staff.post(`/${m.slug}/applications/${ids[i]}/${kind}`, { version: versions[i]!, ...extra });
    const results = await Promise.all([
      form(0, 'accept', {}),
      form(4, 'accept', { accept_reason: 'Pilne.' }),
      residents[1]!.c.post(`/${m.slug}/applications/mine/${ids[1]}/withdraw`),
      residents[2]!.c.post(`/${m.slug}/applications/mine/${ids[5]}/withdraw`),
      form(7, 'move', { position: '1', move_reason: 'Pilne.' }),
      form(3, 'decline', { decline_reason: 'Poza zakresem usługi.' }),
      residents[0]!.c.post(`/${m.slug}/applications`, { service_id: care, relation: 'self', beneficiary_birth_year: '1950', contact_phone: '46 855 00 01', need: 'Pomoc.', consent_processing: '1' }),
      residents[2]!.c.post(`/${m.slug}/applications`, { service_id: care, relation: 'self', beneficiary_birth_year: '1951', contact_phone: '46 855 00 02', need: 'Pomoc.', consent_processing: '1' }),
    ]);
    for (const r of results) assert.ok([303, 409, 422].includes(r.statusCode), `${r.statusCode} ${r.body.slice(0, 300)}`);
    const list = await positions(h, m, care);
    assert.ok(gapless(list), `places ${list.join(',')}`);
    const inQueue = await ownerQuery<{ n: number }>(h, "SELECT count(*)::int AS n FROM applications WHERE municipality_id = $1 AND service_id = $2 AND status IN ('waiting', 'on_hold')", [m.id, care]);
    assert.equal(list.length, inQueue[0]!.n);
    assert.equal(list.length, 9 + 2 - results.slice(0, 6).filter((r, i) => r.statusCode === 303 && i !== 4).length);
  });
});
