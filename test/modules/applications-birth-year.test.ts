import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../support/harness';
import { AFTER_SCHOOL, CARE, applicationForm, applyFor, catalogueMunicipality, coordinator, decideNow, serviceId } from './applications-helpers';
import { caseRow, openCase } from './cases-helpers';
import { ownerQuery } from '../support/db';
import { pdfText } from '../support/pdf-text';
import { fieldError, inputValue, pageText } from '../support/pages';
import { person } from '../support/people';

/** Issue 14: one applying for themselves is not asked for a year of birth, unless the service's eligibility needs an age. */

describeEachEngine('applications: the year of birth for oneself (issue 14)', (h) => {
  test('applying for oneself without a year of birth succeeds; pages, the CSV, a case opened from it and the data download cope', async () => {
    const m = await catalogueMunicipality(h);
    const care = await serviceId(h, m, CARE);
    const { c } = await person(h, m, ['resident']);

    // The field is no longer marked required on the form.
    const form = await c.get(`/${m.slug}/applications/new?service=${care}`);
    assert.equal(form.statusCode, 200);
    const field = /<input[^>]*name="beneficiary_birth_year"[^>]*>/.exec(form.body)?.[0] ?? '';
    assert.ok(field, 'the field is on the form');
    assert.doesNotMatch(field, /\brequired\b/);
    assert.match(pageText(form.body), /We wniosku dla siebie można go pominąć/);

    const id = await applyFor(h, c, m, care, { relation: 'self', beneficiary_name: '', beneficiary_birth_year: '' });
    const [row] = await ownerQuery<{ beneficiary_birth_year: number | null; beneficiary_name: string; queue_position: number }>(
      h, 'SELECT beneficiary_birth_year, beneficiary_name, queue_position FROM applications WHERE municipality_id = $1 AND id = $2', [m.id, id]);
    assert.equal(row!.beneficiary_birth_year, null);
    const name = row!.beneficiary_name;
    assert.match(name, /^Osoba /, 'the applicant\'s own name');
    assert.equal(row!.queue_position, 1);

    // The same again (with or without a year) is a duplicate; someone else still needs a year.
    const again = await c.post(`/${m.slug}/applications`, applicationForm(care, { relation: 'self', beneficiary_name: '', beneficiary_birth_year: '' }));
    assert.equal(again.statusCode, 422);
    assert.match(fieldError(again.body, 'beneficiary_name'), /już czeka w kolejce/);
    const againWithYear = await c.post(`/${m.slug}/applications`, applicationForm(care, { relation: 'self', beneficiary_name: '', beneficiary_birth_year: '1950' }));
    assert.equal(againWithYear.statusCode, 422);
    assert.match(fieldError(againWithYear.body, 'beneficiary_name'), /już czeka w kolejce/);
    const forMother = await c.post(`/${m.slug}/applications`, applicationForm(care, { relation: 'parent', beneficiary_birth_year: '' }));
    assert.equal(forMother.statusCode, 422);
    assert.match(fieldError(forMother.body, 'beneficiary_birth_year'), /wymagane/);
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM applications WHERE municipality_id = $1', [m.id])).length, 1);

    // Staff pages and the queue's CSV show the person without a year.
    const { user: staffUser, c: staff } = await coordinator(h, m);
    const detail = await staff.get(`/${m.slug}/applications/${id}`);
    assert.equal(detail.statusCode, 200);
    assert.match(pageText(detail.body), new RegExp(`${name} \\(`));
    assert.doesNotMatch(pageText(detail.body), /ur\. /);
    const queue = await staff.get(`/${m.slug}/applications/services/${care}`);
    assert.equal(queue.statusCode, 200);
    assert.doesNotMatch(pageText(queue.body), /ur\. /);
    const csv = await staff.get(`/${m.slug}/applications/services/${care}/export.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.body, new RegExp(`,${name},,self,`));

    // A case opened from it has no year either, and its pages say nothing of one.
    assert.equal((await decideNow(h, staff, m, id, 'accept')).statusCode, 303);
    assert.doesNotMatch(pageText((await staff.get(`/${m.slug}/cases/new?application=${id}`)).body), /ur\. /);
    const caseId = await openCase(h, staff, m, id, { coordinator_id: staffUser.id });
    assert.equal((await caseRow(h, m, caseId)).birth_year, null);
    const casePage = await staff.get(`/${m.slug}/cases/${caseId}`);
    assert.equal(casePage.statusCode, 200);
    assert.match(pageText(casePage.body), new RegExp(name));
    assert.doesNotMatch(pageText(casePage.body), /ur\. /);
    const list = await staff.get(`/${m.slug}/cases`);
    assert.equal(list.statusCode, 200);
    assert.doesNotMatch(pageText(list.body), /ur\. /);
    const listJson = await staff.get(`/api/${m.slug}/cases`);
    assert.equal(listJson.statusCode, 200);
    assert.equal(listJson.json().cases.find((x: { id: string }) => x.id === caseId).birthYear, null);

    // The resident's data download: the JSON carries null, the PDF names the person without a year.
    const json = await c.get(`/${m.slug}/my/data.json`);
    assert.equal(json.statusCode, 200);
    assert.equal(json.json().applications[0].beneficiary_birth_year, null);
    assert.equal(json.json().cases[0].birth_year, null);
    const pdf = await c.get(`/${m.slug}/my/data.pdf`);
    assert.equal(pdf.statusCode, 200);
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    assert.match(text, new RegExp(name));
    assert.doesNotMatch(text, /ur\. /);
  });

  test('a service for an age range still asks one applying for themselves for the year, and says why in Polish', async () => {
    const m = await catalogueMunicipality(h);
    const club = await serviceId(h, m, AFTER_SCHOOL);
    const { c } = await person(h, m, ['resident']);
    const refused = await c.post(`/${m.slug}/applications`, applicationForm(club, { relation: 'self', beneficiary_name: '', beneficiary_birth_year: '' }));
    assert.equal(refused.statusCode, 422);
    assert.equal(fieldError(refused.body, 'beneficiary_birth_year'), 'Ta usługa jest dla osób w określonym wieku, dlatego potrzebny jest rok urodzenia — także we wniosku składanym dla siebie.');
    assert.match(inputValue(refused.body, 'need') ?? pageText(refused.body), /Mama nie wychodzi sama z domu/);
    const json = await c.postJson(`/${m.slug}/applications`, applicationForm(club, { relation: 'self', beneficiary_name: '', beneficiary_birth_year: '' }));
    assert.equal(json.statusCode, 422);
    assert.match(JSON.stringify(json.json()), /application_birth_year_for_age/);
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM applications WHERE municipality_id = $1', [m.id])).length, 0);
    // With the year it is filed (an age outside the range is a warning for staff, not a refusal).
    await applyFor(h, c, m, club, { relation: 'self', beneficiary_name: '', beneficiary_birth_year: '2015' });
  });
});
