import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeMunicipality, makeUser } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { fieldError, pageText } from '../support/pages';
import { logIn } from '../support/session';
import { assertIncludes } from '../support/assertions';
import { importSmall, pesel, setVoting } from './budget-helpers';

describeEachEngine('participatory budget: paper ballots with four eyes', (h) => {
  test('typed by one officer, counted only after another checks it; PESEL checked, duplicates found by the keyed hash, forgotten after the check', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Papierowa');
    const { editionId, project } = await importSmall(h, m);
    await setVoting(h, m, editionId, 'open', { age_limit: 16 });
    const [pool] = await h.db.ownerTx((sql) => sql.query<{ id: string }>('SELECT id FROM budget_pools WHERE edition_id = $1', [editionId]));
    const desk = `/${m.slug}/budzet/${editionId}/karty`;
    const first = await logIn(h, await makeUser(h.db, { municipality: m, roles: ['grants_officer'], totp: true }));
    const second = await logIn(h, await makeUser(h.db, { municipality: m, roles: ['director'], totp: true }));
    const resident = await logIn(h, await makeUser(h.db, { municipality: m, roles: ['resident'] }));
    assert.equal((await resident.get(desk)).statusCode, 403);

    const bad = await first.post(`${desk}/${pool!.id}`, { pesel: '12345678901', projects: [project['1']!] });
    assert.equal(fieldError(bad.body, 'pesel'), 'Wpisz poprawny numer PESEL: 11 cyfr, z prawidłową cyfrą kontrolną.');
    const voter = pesel('85071512', '78');
    assert.equal((await first.post(`${desk}/${pool!.id}`, { pesel: voter, projects: [project['2']!] })).statusCode, 303);
    const twice = await first.post(`${desk}/${pool!.id}`, { pesel: voter, projects: [project['3']!] });
    assert.equal(twice.statusCode, 409);
    assertIncludes(pageText(twice.body), 'Karta z tym numerem PESEL już czeka na sprawdzenie');

    const [entry] = await h.db.ownerTx((sql) => sql.query<{ id: string; voter_key: string }>('SELECT id, voter_key FROM budget_paper_entries WHERE edition_id = $1', [editionId]));
    assert.ok(!entry!.voter_key.includes(voter), 'only the keyed hash');
    const counted = async () => (await h.db.ownerTx((sql) => sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM budget_ballots WHERE edition_id = $1 AND channel = 'paper'`, [editionId])))[0]!.n;
    assert.equal(await counted(), 0);
    const own = await first.postJson(`${desk}/wpisy/${entry!.id}/potwierdz`);
    assert.equal(own.statusCode, 403, 'the one who typed it cannot check it');
    assert.equal(await counted(), 0);
    const page = pageText((await second.get(desk)).body);
    assertIncludes(page, 'Ławki w parku');
    assert.equal((await second.post(`${desk}/wpisy/${entry!.id}/potwierdz`)).statusCode, 303);
    assert.equal(await counted(), 1);
    const [closed] = await h.db.ownerTx((sql) => sql.query<{ status: string; voter_key: string | null; projects: string[] | null }>('SELECT status, voter_key, projects FROM budget_paper_entries WHERE id = $1', [entry!.id]));
    assert.deepEqual(closed, { status: 'confirmed', voter_key: null, projects: null }, 'the entry forgets who and what');

    // The same PESEL again, on paper: refused at once.
    const again = await second.post(`${desk}/${pool!.id}`, { pesel: voter, projects: [project['1']!] });
    assert.equal(again.statusCode, 409);
    assertIncludes(pageText(again.body), 'Ta osoba już głosowała');
    // …and online.
    const online = await resident.post(`/${m.slug}/budzet/${editionId}/glosuj/${pool!.id}`, { pesel: voter, projects: [project['1']!], confirmed: 'yes' });
    assert.equal(online.statusCode, 409);
    assert.equal(await counted(), 1);
  });
});
