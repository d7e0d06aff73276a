import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { describeEachEngine } from '../support/harness';
import { PDF, upload } from './my-data-helpers';
import { ownerQuery } from '../support/db';
import { pageText } from '../support/pages';
import { countOf, giveConsent, makeCase, referralMunicipality, referralRow, sendForm, sendReferral, staffPerson } from './referrals-helpers';

/** Write access to a case and what hangs off it (ADR 0014, amended): one rule, read-only glass, the parent's lock. */

const versionOf = async (h: Parameters<typeof countOf>[0], m: { id: string }, caseId: string) =>
  String((await ownerQuery<{ version: number }>(h, 'SELECT version FROM cases WHERE municipality_id = $1 AND id = $2', [m.id, caseId]))[0]!.version);

const planForm = () => {
  const day = new Date().toISOString().slice(0, 10);
  const until = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);
  return { valid_from: day, valid_until: until, situation: 'Mieszka sama, potrzebuje pomocy w codziennych sprawach.' };
};

/** Audit ids in commit order of the writers that lock the case: a child's creation after the case's closing shows as a later id. */
const auditIds = async (h: Parameters<typeof countOf>[0], m: { id: string }, caseId: string, action: string) =>
  (await ownerQuery<{ id: string }>(h, "SELECT id::text FROM audit_log WHERE municipality_id = $1 AND action = $2 AND details -> 'cases' ? $3 ORDER BY id", [m.id, action, caseId])).map((r) => BigInt(r.id));

describeEachEngine('cases: write access and the parent lock', (h) => {
  test('review 1 #1: a glass grant is read-only — it cannot take over, close, refer, cancel, plan or upload, and the pages offer none of it', async () => {
    const { m, orgId } = await referralMunicipality(h, 'Gmina Szkła');
    const owner = await staffPerson(h, m);
    const other = await staffPerson(h, m);
    const director = await staffPerson(h, m, ['director']);
    const k = await makeCase(h, m, owner.user.id);
    await giveConsent(h, m, k.applicationId, { organisation: orgId });
    const referral = await sendReferral(h, owner.c, m, k.caseId, sendForm(`organisation:${orgId}`));
    const url = `/${m.slug}/cases/${k.caseId}`;
    assert.equal((await other.c.post(`${url}/glass`, { reason: 'Zastępstwo — pilny telefon od rodziny.' })).statusCode, 303);

    const page = await other.c.get(url);
    assert.equal(page.statusCode, 200);
    assert.match(pageText(page.body), new RegExp(k.person));
    assert.doesNotMatch(page.body, /action="[^"]*\/(edit|close)"/, 'no edit, handover or close form');
    const referralsPage = await other.c.get(`${url}/referrals`);
    assert.equal(referralsPage.statusCode, 200);
    assert.doesNotMatch(referralsPage.body, /referrals\/new/, 'no link to a new referral');
    const referralPage = await other.c.get(`${url}/referrals/${referral}`);
    assert.equal(referralPage.statusCode, 200);
    assert.doesNotMatch(referralPage.body, /\/cancel"/, 'no cancel form');
    const documentsPage = await other.c.get(`${url}/documents`);
    assert.equal(documentsPage.statusCode, 200);
    assert.doesNotMatch(documentsPage.body, /multipart\/form-data/, 'no upload form');
    assert.equal((await other.c.get(`${url}/referrals/new`)).statusCode, 403);

    const version = await versionOf(h, m, k.caseId);
    const takeover = await other.c.postJson(`${url}/edit`, {
      version, coordinator_id: other.user.id, contact_phone: k.phone, contact_email: '', representative_name: '', team_id: '', needs_plan: '',
    });
    assert.equal(takeover.statusCode, 403, takeover.body.slice(0, 500));
    assert.equal(takeover.json().error.code, 'case.read_only');
    const close = await other.c.postJson(`${url}/close`, { version, closing_note: 'Zamykam pod nieobecność koordynatorki.', confirmed: 'yes' });
    assert.equal(close.json().error.code, 'case.read_only');
    const refer = await other.c.postJson(`${url}/referrals/new`, sendForm(`organisation:${orgId}`));
    assert.equal(refer.json().error.code, 'case.read_only');
    const { version: rv } = await referralRow(h, m, referral);
    const cancel = await other.c.postJson(`${url}/referrals/${referral}/cancel`, { version: String(rv), cancel_reason: 'Nie jest już potrzebne.' });
    assert.equal(cancel.json().error.code, 'case.read_only');
    const plan = await other.c.postJson(`${url}/plan`, planForm());
    assert.equal(plan.json().error.code, 'case.read_only');
    const uploaded = await upload(other.c, `${url}/documents`, { description: 'Skan' }, { name: 'skan.pdf', data: PDF, type: 'application/pdf' });
    assert.equal(uploaded.statusCode, 403);

    const [row] = await ownerQuery<{ coordinator_id: string; status: string }>(h, 'SELECT coordinator_id, status FROM cases WHERE municipality_id = $1 AND id = $2', [m.id, k.caseId]);
    assert.deepEqual(row, { coordinator_id: owner.user.id, status: 'open' });
    assert.equal(await countOf(h, 'referrals', m), 1);
    assert.equal((await referralRow(h, m, referral)).status, 'sent');
    assert.equal(await countOf(h, 'care_plans', m), 0);
    assert.equal(await countOf(h, 'resident_documents', m), 0);

    // The director (plans.approve) writes: cancelling the referral is theirs to do.
    const byDirector = await director.c.post(`${url}/referrals/${referral}/cancel`, { version: String(rv), cancel_reason: 'Mieszkanka zrezygnowała.', confirmed: 'yes' });
    assert.equal(byDirector.statusCode, 303, byDirector.body.slice(0, 500));
  });

  test('review 1 #6: an application with a case is need-to-know — a refused coordinator and the administrator get neither it nor its documents; reads name the case', async () => {
    const { m } = await referralMunicipality(h, 'Gmina Wniosków');
    const owner = await staffPerson(h, m);
    const other = await staffPerson(h, m);
    const admin = await staffPerson(h, m, ['administrator']);
    const k = await makeCase(h, m, owner.user.id);
    const [doc] = await ownerQuery<{ id: string }>(
      h,
      `INSERT INTO resident_documents (municipality_id, application_id, filename, media_type, size_bytes, sha256, content, description, uploaded_by)
       VALUES ($1, $2, 'zaswiadczenie.pdf', 'application/pdf', $3, $6, $4, 'Zaświadczenie lekarskie', $5) RETURNING id`,
      [m.id, k.applicationId, PDF.length, PDF, owner.user.id, crypto.createHash('sha256').update(PDF).digest('hex')],
    );
    const application = `/${m.slug}/applications/${k.applicationId}`;

    for (const [who, p, status] of [['other coordinator', other, 403], ['administrator', admin, 404]] as const) {
      const res = await p.c.get(application);
      assert.equal(res.statusCode, status, who);
      assert.doesNotMatch(res.body, new RegExp(k.person), who);
      assert.equal((await p.c.get(`${application}/documents`)).statusCode, status, `${who}: the documents' list`);
      const download = await p.c.get(`/${m.slug}/documents/${doc!.id}`);
      assert.equal(download.statusCode, status, `${who}: the certificate`);
    }
    assert.equal((await ownerQuery(h, "SELECT 1 FROM audit_log WHERE municipality_id = $1 AND action IN ('application.read', 'document.read')", [m.id])).length, 0);

    const mine = await owner.c.get(application);
    assert.equal(mine.statusCode, 200);
    assert.equal((await owner.c.get(`/${m.slug}/documents/${doc!.id}`)).statusCode, 200);
    const [read] = await ownerQuery<{ details: { cases?: string[]; ids?: string[] } }>(h, "SELECT details FROM audit_log WHERE municipality_id = $1 AND action = 'application.read'", [m.id]);
    assert.deepEqual(read!.details.cases, [k.caseId]);
    assert.deepEqual(read!.details.ids, [k.applicationId]);
  });

  test('review 2 #2: closing a case while referrals and plans are added — nothing is created on it after it closed', async () => {
    const { m, orgId } = await referralMunicipality(h, 'Gmina Wyścigów');
    const owner = await staffPerson(h, m);
    await owner.c.get('/account');
    const closing = { closing_note: 'Cele osiągnięte, mieszkanka rezygnuje.', confirmed: 'yes' };

    // One close and six plan creations at the same moment.
    const k2 = await makeCase(h, m, owner.user.id);
    const url2 = `/${m.slug}/cases/${k2.caseId}`;
    const planAnswers = await Promise.all([
      owner.c.postJson(`${url2}/close`, { ...closing, version: await versionOf(h, m, k2.caseId) }),
      ...Array.from({ length: 6 }, () => owner.c.postJson(`${url2}/plan`, planForm())),
    ]);
    const [closedAt] = await auditIds(h, m, k2.caseId, 'case.closed');
    assert.ok(closedAt, 'the case closed');
    const created = await auditIds(h, m, k2.caseId, 'plan.created');
    assert.ok(created.every((id) => id < closedAt), 'no plan created after the case closed');
    assert.equal(await countOf(h, 'care_plans', m), created.length);
    assert.deepEqual(
      planAnswers.slice(1).map((a) => a.statusCode).filter((status) => ![303, 409].includes(status)),
      [],
      'created, or refused as closed or planned already',
    );

    // One close and five referrals at the same moment.
    const k = await makeCase(h, m, owner.user.id);
    await giveConsent(h, m, k.applicationId, { organisation: orgId });
    const url = `/${m.slug}/cases/${k.caseId}`;
    const answers = await Promise.all([
      owner.c.postJson(`${url}/close`, { ...closing, version: await versionOf(h, m, k.caseId) }),
      ...Array.from({ length: 5 }, () => owner.c.postJson(`${url}/referrals/new`, sendForm(`organisation:${orgId}`))),
    ]);
    const closed = (await ownerQuery<{ status: string }>(h, 'SELECT status FROM cases WHERE municipality_id = $1 AND id = $2', [m.id, k.caseId]))[0]!.status === 'closed';
    const sent = await countOf(h, 'referrals', m);
    if (closed) {
      assert.equal(sent, 0, 'a closed case has no referral in the loop');
      assert.ok(answers.slice(1).every((a) => a.statusCode === 409 && a.json().error.code === 'case.closed'));
    } else {
      assert.equal(answers[0]!.json().error.code, 'case.open_referrals');
      assert.equal(sent, 5);
    }
  });
});
