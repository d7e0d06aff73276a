import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../support/harness';
import { acceptedApplication, auditOf, casesMunicipality, coordinator, openCase } from './cases-helpers';
import { ownerQuery } from '../support/db';
import { fieldError, pageText } from '../support/pages';
import { person } from '../support/people';
import { assertIncludes } from '../support/assertions';

describeEachEngine('cases: teams of coordinators, and the auditor’s review of "break the glass"', (h) => {
  test('a team is made and edited on its version; members come and go; a supervisor then sees the team’s cases', async () => {
    const m = await casesMunicipality(h);
    const { c: director } = await coordinator(h, m, ['director']);
    const { user: boss, c: bossC } = await coordinator(h, m);
    const { user: member, c: memberC } = await coordinator(h, m);
    const { user: resident } = await person(h, m, ['resident']);
    assert.equal((await memberC.get(`/${m.slug}/cases/teams`)).statusCode, 403, 'teams are for cases.configure');

    const short = await director.post(`/${m.slug}/cases/teams`, { name: 'ab', supervisor_id: resident.id });
    assert.equal(short.statusCode, 422);
    assert.match(fieldError(short.body, 'name'), /co najmniej 3 znaki/);
    const notStaff = await director.post(`/${m.slug}/cases/teams`, { name: 'Zespół Osada', supervisor_id: resident.id });
    assert.equal(notStaff.statusCode, 422);
    assert.match(fieldError(notStaff.body, 'supervisor_id'), /Nieprawidłowa/);
    const made = await director.post(`/${m.slug}/cases/teams`, { name: 'Zespół Osada', supervisor_id: boss.id });
    assert.equal(made.statusCode, 303);
    const [team] = await ownerQuery<{ id: string; version: number }>(h, 'SELECT id, version FROM care_teams WHERE municipality_id = $1', [m.id]);
    assert.equal(made.headers.location, `/${m.slug}/cases/teams/${team!.id}`);
    const twice = await director.post(`/${m.slug}/cases/teams`, { name: 'Zespół Osada' });
    assert.match(fieldError(twice.body, 'name'), /zajęta/);

    const url = `/${m.slug}/cases/teams/${team!.id}`;
    assert.equal((await director.post(`${url}/members`, { version: '1', user_id: member.id })).statusCode, 303);
    assert.match(pageText((await director.get(url)).body), new RegExp(`Usuń z zespołu`));
    const stale = await director.post(url, { version: '1', name: 'Zespół Ruda', supervisor_id: boss.id });
    assert.equal(stale.statusCode, 409);
    assert.match(pageText(stale.body), /Zespół Ruda.*Zespół Osada/);
    assert.equal((await director.post(`${url}/members`, { version: '1', user_id: boss.id })).statusCode, 409);
    assert.equal((await director.post(url, { version: '2', name: 'Zespół Ruda', supervisor_id: boss.id })).statusCode, 303);
    assert.equal((await ownerQuery<{ name: string }>(h, 'SELECT name FROM care_teams WHERE id = $1', [team!.id]))[0]!.name, 'Zespół Ruda');
    assert.equal((await auditOf(h, m, 'care_team.member_added')).length, 1);

    // The member's new case goes to the team by default, and the supervisor sees it.
    const app = await acceptedApplication(h, m);
    assert.match((await memberC.get(`/${m.slug}/cases/new?application=${app}`)).body, new RegExp(`<option value="${team!.id}" selected`));
    const id = await openCase(h, memberC, m, app, { coordinator_id: member.id, team_id: team!.id });
    assert.equal((await bossC.get(`/${m.slug}/cases/${id}`)).statusCode, 200);

    // Removing a member asks first: who, which team, what changes, how to undo; a POST that skipped it changes nothing.
    const [{ display_name: memberName }] = (await ownerQuery<{ display_name: string }>(h, 'SELECT display_name FROM users WHERE id = $1', [member.id])) as [{ display_name: string }];
    const confirmation = pageText((await director.get(`${url}/members/${member.id}/remove`)).body);
    assert.match(confirmation, /Usunąć osobę z zespołu\?/);
    assert.match(confirmation, new RegExp(`${memberName} przestanie należeć do zespołu „Zespół Ruda”`));
    assert.match(confirmation, /Można to odwrócić/);
    const forced = await director.post(`${url}/members/${member.id}/remove`, { version: '3' });
    assert.equal(forced.statusCode, 422);
    assert.match(pageText(forced.body), /Nic nie zostało zrobione/);
    assert.equal((await director.postJson(`${url}/members/${member.id}/remove`, { version: '3' })).json().error.code, 'confirmation.required');
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM care_team_members WHERE team_id = $1', [team!.id])).length, 1);
    assert.equal((await director.post(`${url}/members/${member.id}/remove`, { version: '2', confirmed: 'yes' })).statusCode, 409, 'on the version shown');
    assert.equal((await director.post(`${url}/members/${member.id}/remove`, { version: '3', confirmed: 'yes' })).statusCode, 303);
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM care_team_members WHERE team_id = $1', [team!.id])).length, 0);
    assert.equal((await director.post(`${url}/members/${member.id}/remove`, { version: '4', confirmed: 'yes' })).statusCode, 404);
  });

  test('the auditor lists grants, unreviewed first with their count, and reviews each once with a note', async () => {
    const m = await casesMunicipality(h);
    const { user: owner, c: ownerC } = await coordinator(h, m);
    const { c: other } = await coordinator(h, m);
    const { c: auditor } = await coordinator(h, m, ['auditor']);
    const { c: auditor2 } = await coordinator(h, m, ['auditor']);
    const id = await openCase(h, ownerC, m, await acceptedApplication(h, m, { name: 'Barbara Wrzecionowa' }), { coordinator_id: owner.id });
    const [{ number }] = await ownerQuery<{ number: string }>(h, 'SELECT number FROM cases WHERE id = $1', [id]) as [{ number: string }];
    assert.equal((await other.post(`/${m.slug}/cases/${id}/glass`, { reason: 'Pilny telefon od sąsiadki w zastępstwie.' })).statusCode, 303);
    assert.equal((await other.get(`/${m.slug}/cases/glass`)).statusCode, 403);

    const list = await auditor.get(`/${m.slug}/cases/glass`);
    assert.equal(list.statusCode, 200);
    const text = pageText(list.body);
    assert.match(text, /Dostęp awaryjny do spraw \(1 do przeglądu\)/);
    assert.match(text, /Pilny telefon od sąsiadki/);
    assertIncludes(text, number);
    assert.doesNotMatch(text, /Wrzecionowa/, 'the resident is not named');
    const [grant] = await ownerQuery<{ id: string }>(h, 'SELECT id FROM case_access_grants WHERE municipality_id = $1', [m.id]);
    const field = `review_note_${grant!.id}`;
    const empty = await auditor.post(`/${m.slug}/cases/glass/${grant!.id}/review`, { version: '1', [field]: '' });
    assert.equal(empty.statusCode, 422);
    assert.match(fieldError(empty.body, field), /notatkę z przeglądu/);
    assert.equal((await auditor.post(`/${m.slug}/cases/glass/${grant!.id}/review`, { version: '1', [field]: 'Uzasadnione zastępstwo.' })).statusCode, 303);
    const late = await auditor2.post(`/${m.slug}/cases/glass/${grant!.id}/review`, { version: '1', [field]: 'Do wyjaśnienia.' });
    assert.equal(late.statusCode, 409);
    assert.match(pageText(late.body), /Uzasadnione zastępstwo\..*Do wyjaśnienia\./);
    const [row] = await ownerQuery<{ review_note: string; version: number }>(h, 'SELECT review_note, version FROM case_access_grants WHERE id = $1', [grant!.id]);
    assert.deepEqual(row, { review_note: 'Uzasadnione zastępstwo.', version: 2 });
    assert.match(pageText((await auditor.get(`/${m.slug}/cases/glass`)).body), /\(0 do przeglądu\).*Sprawdzono/);
  });
});
