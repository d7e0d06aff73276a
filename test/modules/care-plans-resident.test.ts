import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../support/harness';
import { pdfText } from '../support/pdf-text';
import { approvedPlan, fullDraft, makeCase, planAction, planWorld, today } from './care-plans-helpers';
import { ownerQuery } from '../support/db';
import { pageText } from '../support/pages';
import { person } from '../support/people';
import { assertIncludes } from '../support/assertions';

describeEachEngine('care plans: the resident’s own view', (h) => {
  test('the resident sees their approved plan whole (notes included), never a draft nor anyone else’s; their reads are not audited', async () => {
    const w = await planWorld(h, 'Gmina Mieszkańców');
    const mine = `/${w.m.slug}/my/plans`;
    assert.match(pageText((await w.resident.c.get(mine)).body), /Nie masz jeszcze zatwierdzonego planu/);
    const draft = await fullDraft(h, w);
    assert.equal((await w.resident.c.get(`${mine}/${draft}`)).statusCode, 404, 'a draft is not shown');
    await planAction(h, w.coord.c, w.m, w.caseId, draft, 'submit');
    await planAction(h, w.director.c, w.m, w.caseId, draft, 'approve');
    await w.coord.c.post(`/${w.m.slug}/cases/${w.caseId}/plan/${draft}/notes`, { noted_on: today(), note_body: 'Wizyta domowa, rozmowa o klubie seniora.' });

    const list = pageText((await w.resident.c.get(mine)).body);
    assert.match(list, /Plan w sprawie CUS\/2026\/\w+, wersja 1/);
    const page = await w.resident.c.get(`${mine}/${draft}`);
    assert.equal(page.statusCode, 200);
    const text = pageText(page.body);
    for (const part of ['Samodzielne przygotowywanie posiłków.', 'Sąsiedzka Spółdzielnia Tkacka', 'Wizyta domowa, rozmowa o klubie seniora.', 'zatwierdzony, obowiązuje']) assertIncludes(text, part);
    const pdf = await w.resident.c.get(`${mine}/${draft}.pdf`);
    assert.equal(pdf.statusCode, 200);
    assertIncludes(pdfText(pdf.rawPayload).replace(/\s+/g, ' '), 'Podpis mieszkańca');
    const audited = await ownerQuery(h, 'SELECT 1 FROM audit_log WHERE municipality_id = $1 AND actor_user_id = $2', [w.m.id, w.resident.user.id]);
    assert.equal(audited.length, 0);

    // Someone else's plan: a neighbour, and the same plan in another municipality's address.
    const neighbour = await person(h, w.m, ['resident']);
    const theirCase = await makeCase(h, w.m, { coordinator: w.coord.user.id, resident: neighbour.user.id });
    const w2 = { ...w, caseId: theirCase };
    const theirs = await approvedPlan(h, w2);
    assert.equal((await w.resident.c.get(`${mine}/${theirs}`)).statusCode, 404);
    assert.equal((await w.resident.c.get(`${mine}/${theirs}.pdf`)).statusCode, 404);
    assert.doesNotMatch(pageText((await w.resident.c.get(mine)).body), new RegExp(theirCase));
    assert.equal((await neighbour.c.get(`${mine}/${draft}`)).statusCode, 404);
    assert.equal((await w.resident.c.get(`${mine}/not-an-id`)).statusCode, 404);
  });
});
