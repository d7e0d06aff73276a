import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editionWinners } from '../../src/modules/budget';
import { TestClient } from '../support/client';
import { makeMunicipality, makeUser } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { fieldError, pageText } from '../support/pages';
import { logIn } from '../support/session';
import { assertIncludes } from '../support/assertions';
import { importSmall, pesel, setVoting } from './budget-helpers';

describeEachEngine('participatory budget: pabulib import, live results, the secret vote', (h) => {
  test('an imported election: winners per rule, results page says why, CSV and .pb export; nothing before voting closes', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Budżetowa');
    const { editionId, project } = await importSmall(h, m);
    assert.deepEqual((await editionWinners(h.db, m.slug, editionId)).selected, ['1', '3']);
    assert.deepEqual((await editionWinners(h.db, m.slug, editionId, 'greedy-no-skip')).selected, ['1']);
    await assert.rejects(() => editionWinners(h.db, m.slug, editionId, 'borda'), /budget.unknown_rule/);

    const anonymous = new TestClient(h.app);
    assertIncludes(pageText((await anonymous.get(`/${m.slug}/budzet`)).body), 'Budżet Obywatelski Testowa Wieś 2026');
    const results = await anonymous.get(`/${m.slug}/budzet/${editionId}/wyniki`);
    assert.equal(results.statusCode, 200);
    const text = pageText(results.body);
    // Ławki (500 zł) came second but 400 zł were left after the playground (600 zł).
    assertIncludes(text, 'zabrakło 100 zł: kosztuje 500 zł');
    assertIncludes(text, 'Wydano 900 zł z 1000 zł');
    assert.match(results.body, /<desc[^>]*>[^<]*Plac zabaw przy szkole: 5/);
    const project2 = pageText((await anonymous.get(`/${m.slug}/budzet/projekty/${project['2']}`)).body);
    assertIncludes(project2, 'zabrakło 100 zł: kosztuje 500 zł');
    const csv = await anonymous.get(`/${m.slug}/budzet/${editionId}/wyniki.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.body, /Plac zabaw przy szkole,1,5,5,600,tak,selected,/);
    assert.match(csv.body, /Ławki w parku,2,3,3,500,nie,over_budget,100/);
    const pools = await h.db.ownerTx((sql) => sql.query<{ id: string }>('SELECT id FROM budget_pools WHERE edition_id = $1', [editionId]));
    const pb = await anonymous.get(`/${m.slug}/budzet/${editionId}/pule/${pools[0]!.id}.pb`);
    assert.equal(pb.statusCode, 200);
    assert.match(pb.body, /^META\r?\n/);
    assert.match(pb.body, /num_votes;5/);
    assert.match(pb.body, /\n3;300;Nowe drzewa[^\n]*;1\r?\n/, 'selected column written');

    await setVoting(h, m, editionId, 'open');
    assert.equal((await anonymous.get(`/${m.slug}/budzet/${editionId}/wyniki`)).statusCode, 404, 'no running count while voting');
    assert.equal((await anonymous.get(`/${m.slug}/budzet/${editionId}/wyniki.csv`)).statusCode, 404);
    const other = await makeMunicipality(h.db, 'Gmina Obca');
    assert.equal((await anonymous.get(`/${other.slug}/budzet/${editionId}`)).statusCode, 404, 'RLS: not in another municipality');
  });

  test('online vote: confirmation step, receipt, field errors, one vote per person (also at once), closed period, secrecy, audit without content', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Głosująca');
    const { editionId, project } = await importSmall(h, m);
    await setVoting(h, m, editionId, 'open', { max_projects: 2, age_limit: 16, change_allowed: false });
    const [pool] = await h.db.ownerTx((sql) => sql.query<{ id: string }>('SELECT id FROM budget_pools WHERE edition_id = $1', [editionId]));
    const url = `/${m.slug}/budzet/${editionId}/glosuj/${pool!.id}`;
    const user = await makeUser(h.db, { municipality: m, roles: ['resident'] });
    const c = await logIn(h, user);
    const staff = await logIn(h, await makeUser(h.db, { municipality: m, roles: ['coordinator'] }));
    assert.equal((await staff.post(url, { projects: [project['1']!], pesel: pesel('80010112', '34') })).statusCode, 403, 'residents vote');
    assert.equal((await new TestClient(h.app).get(url)).statusCode, 303, 'signed-in people only');

    const form = await c.get(url);
    assert.equal(form.statusCode, 200);
    assertIncludes(pageText(form.body), 'Wybierz co najwyżej 2 projektów');
    const tooMany = await c.post(url, { projects: [project['1']!, project['2']!, project['3']!], pesel: '80010112341' });
    assert.equal(tooMany.statusCode, 422);
    assert.equal(fieldError(tooMany.body, 'projects'), 'Wybrano za dużo projektów: można najwyżej 2.');
    assert.equal(fieldError(tooMany.body, 'pesel'), 'Wpisz poprawny numer PESEL: 11 cyfr, z prawidłową cyfrą kontrolną.');
    const young = await c.post(url, { projects: [project['1']!], pesel: pesel('25211512', '34') });
    assert.equal(fieldError(young.body, 'pesel'), 'Głosować mogą osoby, które mają ukończone 16 lat w ostatnim dniu głosowania.');

    const other = await importSmall(h, m);
    const foreign = await c.post(url, { projects: [other.project['1']!], pesel: pesel('80010112', '34') });
    assert.equal(fieldError(foreign.body, 'projects'), 'Można głosować tylko na projekty z karty tej puli.');

    const choice = { projects: [project['3']!, project['4']!], pesel: pesel('80010112', '34') };
    const confirm = await c.post(url, choice);
    assert.equal(confirm.statusCode, 200);
    assertIncludes(pageText(confirm.body), 'Sprawdź i potwierdź swój głos');
    assertIncludes(pageText(confirm.body), 'Nowe drzewa');
    const counted = async () =>
      (await h.db.ownerTx((sql) => sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM budget_ballots WHERE edition_id = $1 AND channel = 'online'`, [editionId])))[0]!.n;
    assert.equal(await counted(), 0, 'nothing counted before the confirmation');

    // The same person twice at the same moment: exactly one ballot counts.
    const [a, b] = await Promise.all([c.post(url, { ...choice, confirmed: 'yes' }), c.post(url, { ...choice, confirmed: 'yes' })]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
    const receipt = pageText((a.statusCode === 200 ? a : b).body);
    assertIncludes(receipt, 'Twój głos został policzony');
    assertIncludes(receipt, 'Stojaki rowerowe');
    assertIncludes(pageText((a.statusCode === 409 ? a : b).body), 'Ta osoba już głosowała');
    assert.equal(await counted(), 1);
    // The same PESEL from another account is the same person.
    const c2 = await logIn(h, await makeUser(h.db, { municipality: m, roles: ['resident'] }));
    assert.equal((await c2.post(url, { ...choice, confirmed: 'yes' })).statusCode, 409);
    assert.equal(await counted(), 1);

    // Secrecy: the ballot holds no voter, the voters table no PESEL nor account id, the audit log no choice.
    const rows = await h.db.ownerTx(async (sql) => ({
      ballots: await sql.query('SELECT * FROM budget_ballots WHERE edition_id = $1', [editionId]),
      voters: await sql.query('SELECT * FROM budget_voters WHERE edition_id = $1', [editionId]),
      audit: await sql.query(`SELECT * FROM audit_log WHERE municipality_id = $1 AND action LIKE 'budget.%'`, [m.id]),
    }));
    const dump = JSON.stringify(rows);
    assert.ok(!dump.includes(user.id.slice(0, 8)) || JSON.stringify(rows.ballots).indexOf(user.id) === -1);
    assert.ok(!JSON.stringify(rows.ballots).includes(user.id) && !JSON.stringify(rows.voters).includes(user.id));
    assert.ok(!dump.includes(choice.pesel), 'no PESEL in clear anywhere');
    assert.equal(rows.voters.length, 2, 'the account and the PESEL, as keyed hashes');
    assert.equal(rows.audit.length, 1);
    assert.ok(!JSON.stringify(rows.audit).includes(project['3']!), 'the audit log says a vote was cast, not for what');
    assert.equal((rows.audit[0] as { action: string }).action, 'budget.vote_cast');
    // The application role cannot change or remove a ballot.
    await assert.rejects(() => h.db.tx({ municipalityId: m.id, userId: null }, (sql) => sql.query('DELETE FROM budget_ballots WHERE edition_id = $1', [editionId])), /permission denied/);

    await setVoting(h, m, editionId, 'closed');
    const late = await c2.post(url, { projects: [project['1']!], pesel: pesel('90020312', '35'), confirmed: 'yes' });
    assert.equal(late.statusCode, 409);
    assertIncludes(pageText(late.body), 'Głosowanie w tej edycji nie trwa');
    const results = pageText((await c.get(`/${m.slug}/budzet/${editionId}/wyniki`)).body);
    assertIncludes(results, 'Wydano 900 zł z 1000 zł');
  });

  test('a changed vote (where the edition allows it) replaces the old ballot only with its code', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Zmienna');
    const { editionId, project } = await importSmall(h, m);
    await setVoting(h, m, editionId, 'open', { change_allowed: true });
    const [pool] = await h.db.ownerTx((sql) => sql.query<{ id: string }>('SELECT id FROM budget_pools WHERE edition_id = $1', [editionId]));
    const url = `/${m.slug}/budzet/${editionId}/glosuj/${pool!.id}`;
    const c = await logIn(h, await makeUser(h.db, { municipality: m, roles: ['resident'] }));
    const first = await c.post(url, { projects: [project['2']!], pesel: pesel('75120112', '34'), confirmed: 'yes' });
    const code = /Kod zmiany głosu: ([0-9A-F-]+)/.exec(pageText(first.body))![1]!;
    const wrong = await c.post(url, { projects: [project['4']!], pesel: pesel('75120112', '34'), change_code: 'AAAAA-BBBBB-CCCCC-DDDDD', confirmed: 'yes' });
    assert.equal(fieldError(wrong.body, 'change_code'), 'Ten kod zmiany głosu nie pasuje do żadnego głosu w tej edycji (albo już go użyto).');
    const changed = await c.post(url, { projects: [project['4']!], pesel: pesel('75120112', '34'), change_code: code, confirmed: 'yes' });
    assert.equal(changed.statusCode, 200);
    const again = await c.post(url, { projects: [project['1']!], pesel: pesel('75120112', '34'), change_code: code, confirmed: 'yes' });
    assert.equal(again.statusCode, 422, 'a code is used once');
    const counted = await h.db.ownerTx((sql) =>
      sql.query<{ projects: string[] }>(
        `SELECT projects FROM budget_ballots b WHERE edition_id = $1 AND channel = 'online' AND NOT EXISTS (SELECT 1 FROM budget_ballot_withdrawals w WHERE w.ballot_id = b.id)`,
        [editionId],
      ),
    );
    assert.deepEqual(counted.map((r) => r.projects), [[project['4']!]]);
  });
});
