import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { TestClient } from '../support/client';
import { ownerQuery } from '../support/db';
import { makeMunicipality } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { fieldError, pageText } from '../support/pages';
import { assertIncludes } from '../support/assertions';
import { draft, offerForm, organisation, person, publishedCall, setCloses } from './commissioning-helpers';

const DIR = path.join(import.meta.dirname, '..', 'fixtures', '360giving');
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as Record<string, unknown>;

/** The 360Giving 1.4 package schema with its grant schema under the address the package refers to. */
function packageValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const grant = read('360-giving-schema.json');
  const pkg = read('360-giving-package-schema.json');
  const ref = ((pkg.properties as { grants: { items: { $ref: string } } }).grants.items.$ref);
  // The files name draft 2020-12 by its old http address, which Ajv does not know: Ajv2020 is that draft.
  delete grant.$schema;
  delete pkg.$schema;
  ajv.addSchema({ ...grant, $id: ref });
  return ajv.compile(pkg);
}

describeEachEngine('commissioning: decisions, results, 360Giving', (h) => {
  test('decisions within the limits, results as an announcement, offers private until then, 360Giving valid, CSV and XLSX', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Dotacji');
    const { c: officer } = await person(h, m, ['grants_officer']);
    const callId = await publishedCall(officer, m);
    const { c: member, user } = await person(h, m, ['ngo_member']);
    const { c: other, user: otherUser } = await person(h, m, ['ngo_member']);
    const org = await organisation(h, m, 'Stowarzyszenie „Lniana Nić”', [user.id]);
    const group = await organisation(h, m, 'Sąsiedzi z Osiedla', [otherUser.id], false);
    const a = await draft(member, m, callId, org);
    const b = await draft(other, m, callId, group);
    assert.equal((await member.post(`/${m.slug}/grants/offers/${a}`, offerForm(1))).statusCode, 303);
    assert.equal((await other.post(`/${m.slug}/grants/offers/${b}`, offerForm(1, { title: 'Ogród sąsiedzki' }))).statusCode, 303);
    for (const [c, id] of [[member, a], [other, b]] as const) assert.equal((await c.post(`/${m.slug}/grants/offers/${id}/submit`, { confirmed: 'yes', version: '2' })).statusCode, 303);

    const start = pageText((await officer.get(`/${m.slug}`)).body);
    assertIncludes(start, '2 złożone oferty czekają na ocenę');
    for (const roles of [['ngo_member'], ['resident']] as const) {
      const { c } = await person(h, m, [...roles]);
      assert.equal((await c.post(`/${m.slug}/grants/offers/${a}/decision`, { kind: 'awarded', amount: '1', reasons: 'x' })).statusCode, 403);
    }
    const tooMuch = await officer.post(`/${m.slug}/grants/offers/${a}/decision`, { kind: 'awarded', amount: '30 000,01', reasons: 'Dobra oferta.' });
    assert.equal(tooMuch.statusCode, 422);
    assert.equal(fieldError(tooMuch.body, 'amount'), 'Kwota nie może przekroczyć wnioskowanej dotacji ani najwyższej dotacji w konkursie (najwyżej 30000,00 zł).');
    const noReason = await officer.post(`/${m.slug}/grants/offers/${b}/decision`, { kind: 'formally_rejected', reasons: '' });
    assert.equal(fieldError(noReason.body, 'reasons'), 'To pole jest wymagane.');
    assert.equal((await officer.post(`/${m.slug}/grants/offers/${a}/decision`, { kind: 'awarded', amount: '28 000', reasons: 'Oferta uzyskała 85 pkt.' })).statusCode, 303);
    assert.equal((await officer.post(`/${m.slug}/grants/offers/${b}/decision`, { kind: 'awarded', amount: '30 000', reasons: 'Oferta uzyskała 80 pkt.' })).statusCode, 303);

    // Before the results: the offeror's members and staff only; the call's page lists nothing.
    const anonymous = new TestClient(h.app);
    assert.ok(!pageText((await anonymous.get(`/${m.slug}/grants/calls/${callId}`)).body).includes('Ogród sąsiedzki'));
    assert.equal((await member.get(`/${m.slug}/grants/offers/${b}`)).statusCode, 404, 'another organisation’s member');
    const early = await officer.postJson(`/${m.slug}/grants/calls/${callId}/results`, {});
    assert.equal(early.statusCode, 409, 'offers still open');
    const empty = (await anonymous.get(`/api/${m.slug}/grants/360giving.json`));
    assert.equal(empty.statusCode, 200);
    assert.deepEqual((JSON.parse(empty.body) as { grants: unknown[] }).grants, []);

    await setCloses(h, m, callId, '-1 minute');
    assert.equal((await officer.post(`/${m.slug}/grants/calls/${callId}/results`, {})).statusCode, 303);
    const [notice] = await ownerQuery<{ title: string; body: string }>(h, "SELECT v.title, v.body FROM announcements a JOIN announcement_versions v ON v.municipality_id = a.municipality_id AND v.announcement_id = a.id WHERE a.municipality_id = $1 AND a.source_module = 'commissioning-results' AND a.source_id = $2", [m.id, callId]);
    assert.match(notice!.title, /Wyniki otwartego konkursu ofert/);
    assert.match(notice!.body, /28\s000,00 zł/);
    const results = pageText((await anonymous.get(`/${m.slug}/grants/calls/${callId}`)).body);
    assertIncludes(results, 'Ogród sąsiedzki');
    assertIncludes(results, '28 000,00 zł');
    assert.equal((await officer.post(`/${m.slug}/grants/offers/${a}/decision`, { kind: 'not_awarded', reasons: 'Zmiana.' })).statusCode, 409, 'decisions are final once published');

    const res = await anonymous.get(`/api/${m.slug}/grants/360giving.json`);
    const pkg = JSON.parse(res.body) as { grants: { id: string; amountAwarded: number; recipientOrganization: { id: string }[]; fundingOrganization: { id: string }[] }[] };
    const validate = packageValidator();
    assert.ok(validate(pkg), JSON.stringify(validate.errors));
    assert.equal(pkg.grants.length, 2);
    const krs = (await ownerQuery<{ krs: string }>(h, 'SELECT krs FROM organisations WHERE municipality_id = $1 AND id = $2', [m.id, org]))[0]!.krs;
    const grantA = pkg.grants.find((g) => g.recipientOrganization[0]!.id === `PL-KRS-${krs}`)!;
    assert.equal(grantA.amountAwarded, 28000);
    assert.ok(grantA.id.startsWith(`${grantA.fundingOrganization[0]!.id}-`), 'grant ids begin with the funder’s identifier');
    assert.ok(pkg.grants.some((g) => g.recipientOrganization[0]!.id.endsWith(`-org-${group}`)), 'an informal group: the publisher’s own identifier');
    const invalid = structuredClone(pkg) as { grants: Record<string, unknown>[] };
    invalid.grants[0]!.amountAwarded = 'dużo';
    assert.equal(validate(invalid), false, 'the validator does refuse a broken package');

    const csv = await anonymous.get(`/${m.slug}/grants/grants.csv`);
    assert.equal(csv.statusCode, 200);
    assertIncludes(csv.body, `PL-KRS-${krs}`);
    assertIncludes(csv.body, '28000');
    const xlsx = await anonymous.get(`/${m.slug}/grants/grants.xlsx`);
    assert.equal(xlsx.statusCode, 200);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
  });
});
