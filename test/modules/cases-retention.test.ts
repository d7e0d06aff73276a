import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anonymiseDueCases } from '../../src/modules/cases';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import type { Harness } from '../support/harness';
import { describeEachEngine } from '../support/harness';
import { acceptedApplication, auditOf, bulkCases, caseRow, casesMunicipality, coordinator, openCase } from './cases-helpers';
import { ownerQuery } from '../support/db';
import { addDays, warsawInstant, warsawParts } from '../../src/platform/time';
import { fieldError, pageText } from '../support/pages';

const PLACEHOLDER = 'Dane usunięte po upływie okresu przechowywania.';
const SECRET = 'Tajemnica rodzinna';

/** A plan with goals, commitments, a review and a note, a referral with an event and a delivery, two documents: all naming the secret. */
async function everythingOf(h: Harness, m: MunicipalityRow, caseId: string, applicationId: string, author: string, approver: string): Promise<void> {
  const one = async (text: string, params: unknown[]) => (await ownerQuery<{ id: string }>(h, text, params))[0]!.id;
  const plan = await one(
    `INSERT INTO care_plans (municipality_id, case_id, status, situation, valid_from, valid_until, author_id, approved_by, approved_at, final_interview_on, final_summary, closed_at, closed_by, returned_note)
     VALUES ($1, $2, 'closed', $3, '2010-01-01', '2010-12-31', $4, $5, '2010-01-05', '2010-12-20', $3 || ' — podsumowanie współpracy.', '2010-12-21', $4, $3) RETURNING id`,
    [m.id, caseId, SECRET, author, approver],
  );
  await ownerQuery(h, 'INSERT INTO care_plan_goals (municipality_id, plan_id, position, description, measure) VALUES ($1, $2, 1, $3, $3)', [m.id, plan, SECRET]);
  await ownerQuery(h, "INSERT INTO care_plan_services (municipality_id, plan_id, position, description, frequency, provider_kind, provider_name) VALUES ($1, $2, 1, 'Usługi opiekuńcze', '3 razy w tygodniu', 'other', 'Sąsiedzka pomoc')", [m.id, plan]);
  await ownerQuery(h, 'INSERT INTO care_plan_commitments (municipality_id, plan_id, position, description) VALUES ($1, $2, 1, $3)', [m.id, plan, SECRET]);
  await ownerQuery(h, "INSERT INTO care_plan_reviews (municipality_id, plan_id, review_on, note) VALUES ($1, $2, '2010-06-01', $3)", [m.id, plan, SECRET]);
  await ownerQuery(h, "INSERT INTO care_plan_notes (municipality_id, plan_id, noted_on, body, author_id) VALUES ($1, $2, '2010-03-01', $3, $4)", [m.id, plan, SECRET, author]);
  const unit = await one("INSERT INTO units (municipality_id, name) VALUES ($1, 'Dział Usług') RETURNING id", [m.id]);
  const referral = await one(
    `INSERT INTO referrals (municipality_id, case_id, plan_id, provider_kind, unit_id, service_label, shared_details, override_basis, override_reason, status, status_reason, respond_by, outcome)
     VALUES ($1, $2, $3, 'unit', $4, 'Usługi opiekuńcze', $5, 'vital_interest', $5 || ' — zagrożenie życia.', 'rejected', $5, '2010-02-01', $5) RETURNING id`,
    [m.id, caseId, plan, unit, SECRET],
  );
  await ownerQuery(h, "INSERT INTO referral_events (municipality_id, referral_id, status_from, status_to, reason) VALUES ($1, $2, 'sent', 'rejected', $3)", [m.id, referral, SECRET]);
  await ownerQuery(h, "INSERT INTO referral_deliveries (municipality_id, referral_id, delivered_on, minutes, note) VALUES ($1, $2, '2010-01-20', 60, $3)", [m.id, referral, SECRET]);
  for (const [col, id] of [['case_id', caseId], ['application_id', applicationId]]) {
    await ownerQuery(h, `INSERT INTO resident_documents (municipality_id, ${col}, filename, media_type, size_bytes, sha256, content, description) VALUES ($1, $2, $3, 'application/pdf', 4, repeat('a', 64), '\\x25504446', $4)`, [m.id, id, `${SECRET}.pdf`, SECRET]);
  }
}

const COUNTED = ['cases', 'applications', 'care_plans', 'care_plan_goals', 'care_plan_services', 'care_plan_commitments', 'care_plan_reviews', 'care_plan_notes', 'referrals', 'referral_events', 'referral_deliveries', 'resident_documents'];
async function counts(h: Harness, m: MunicipalityRow): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of COUNTED) out[t] = (await ownerQuery<{ n: number }>(h, `SELECT count(*)::int AS n FROM ${t} WHERE municipality_id = $1`, [m.id]))[0]!.n;
  return out;
}

/** Every text column of the municipality's rows that still holds the secret. */
async function secretsLeft(h: Harness, m: MunicipalityRow): Promise<string[]> {
  const rows = await ownerQuery<{ t: string }>(
    h,
    `SELECT t FROM (SELECT 'cases' AS t, c::text AS r FROM cases c WHERE municipality_id = $1
       UNION ALL SELECT 'applications', a::text FROM applications a WHERE municipality_id = $1
       UNION ALL SELECT 'application_events', e::text FROM application_events e WHERE municipality_id = $1
       ${COUNTED.slice(2).map((t) => `UNION ALL SELECT '${t}', x::text FROM ${t} x WHERE municipality_id = $1`).join(' ')}) s WHERE r LIKE $2`,
    [m.id, `%${SECRET}%`],
  );
  return rows.map((r) => r.t);
}

describeEachEngine('cases: retention — closed cases past the period are anonymised by the nightly job, statistics intact', (h) => {
  test('a case closed long ago loses its personal data everywhere; a recent one keeps it; counts stay; one audit entry each; the job recurs once', async () => {
    const m = await casesMunicipality(h);
    const { user: me, c } = await coordinator(h, m);
    const { user: director } = await coordinator(h, m, ['director']);
    const oldApp = await acceptedApplication(h, m, { name: `${SECRET} Lniarska` });
    const old = await openCase(h, c, m, oldApp, { coordinator_id: me.id, needs_plan: '1' });
    const recentApp = await acceptedApplication(h, m, { name: 'Teresa Tkacka' });
    const recent = await openCase(h, c, m, recentApp, { coordinator_id: me.id });
    await ownerQuery(h, 'UPDATE applications SET status_reason = $3 WHERE municipality_id = $1 AND id = $2', [m.id, oldApp, SECRET]);
    await everythingOf(h, m, old, oldApp, me.id, director.id);
    await ownerQuery(h, "UPDATE cases SET representative_name = $3, birth_year = 1947, status = 'closed', closed_at = now() - interval '121 months', closing_note = $3 WHERE municipality_id = $1 AND id = $2", [m.id, old, SECRET]);
    assert.equal((await c.post(`/${m.slug}/cases/${recent}/close`, { version: '1', closing_note: 'Zakończono wsparcie.', confirmed: 'yes' })).statusCode, 303);
    const before = await counts(h, m);
    assert.ok((await secretsLeft(h, m)).length >= 10);

    // The nightly run the scheduler keeps (at 03:00 Warsaw), made due now, run by the worker.
    await h.scheduler.ensure();
    const pending = await ownerQuery<{ id: number; period: string; run_at: Date }>(h, "SELECT id, payload ->> 'period' AS period, run_at FROM jobs WHERE queue = 'cases.anonymise' AND done_at IS NULL AND failed_at IS NULL", []);
    assert.equal(pending.length, 1);
    assert.equal(warsawParts(pending[0]!.run_at).time, '03:00');
    await ownerQuery(h, 'UPDATE jobs SET run_at = now() WHERE id = $1', [pending[0]!.id]);
    await h.worker.drain();

    assert.deepEqual(await secretsLeft(h, m), []);
    const o = await caseRow(h, m, old);
    assert.equal(o.person_name, 'Osoba zanonimizowana');
    assert.equal(o.birth_year, 1940);
    assert.equal(o.contact_phone + o.contact_email + o.representative_name + o.closing_note, '');
    assert.ok(o.anonymised_at);
    assert.equal(o.status, 'closed');
    assert.equal(o.needs_plan, true, 'what is not personal stays');
    const [a] = await ownerQuery<{ beneficiary_name: string; beneficiary_birth_year: number; need: string; status: string; service_id: string }>(h, 'SELECT beneficiary_name, beneficiary_birth_year, need, status, service_id FROM applications WHERE municipality_id = $1 AND id = $2', [m.id, oldApp]);
    assert.equal(a!.beneficiary_name, 'Osoba zanonimizowana');
    assert.equal(a!.beneficiary_birth_year, 1940);
    assert.equal(a!.need, PLACEHOLDER);
    assert.equal(a!.status, 'accepted');
    const [plan] = await ownerQuery<{ status: string; final_summary: string; situation: string }>(h, 'SELECT status, final_summary, situation FROM care_plans WHERE municipality_id = $1 AND case_id = $2', [m.id, old]);
    assert.deepEqual(plan, { status: 'closed', final_summary: PLACEHOLDER, situation: '' });
    const [referral] = await ownerQuery<{ status: string; status_reason: string; shared_details: string; minutes: number }>(
      h,
      'SELECT r.status, r.status_reason, r.shared_details, d.minutes FROM referrals r JOIN referral_deliveries d ON d.municipality_id = r.municipality_id AND d.referral_id = r.id WHERE r.municipality_id = $1 AND r.case_id = $2',
      [m.id, old],
    );
    assert.deepEqual(referral, { status: 'rejected', status_reason: PLACEHOLDER, shared_details: '', minutes: 60 });
    const docs = await ownerQuery<{ filename: string; content: Buffer | null; removed: boolean }>(h, 'SELECT filename, content, removed_at IS NOT NULL AS removed FROM resident_documents WHERE municipality_id = $1', [m.id]);
    assert.deepEqual(docs.map((d) => [d.filename, d.content, d.removed]), [['usunięto', null, true], ['usunięto', null, true]]);
    assert.deepEqual(await counts(h, m), before, 'no row removed: statistics stay');

    const r = await caseRow(h, m, recent);
    assert.equal(r.person_name, 'Teresa Tkacka');
    assert.equal(r.anonymised_at, null);
    const entries = await auditOf(h, m, 'case.anonymised');
    assert.deepEqual(entries.map((e) => e.subject_id), [old]);
    assert.doesNotMatch(JSON.stringify(entries), /Lniarska|Tajemnica/);

    // The run scheduled the next night's run, exactly one; running again finds nothing to do.
    const later = await ownerQuery<{ period: string; run_at: Date }>(h, "SELECT payload ->> 'period' AS period, run_at FROM jobs WHERE queue = 'cases.anonymise' AND done_at IS NULL AND failed_at IS NULL", []);
    assert.equal(later.length, 1);
    assert.deepEqual([later[0]!.period, later[0]!.run_at.toISOString()], [addDays(pending[0]!.period, 1), warsawInstant(addDays(pending[0]!.period, 1), '03:00').toISOString()]);
    assert.equal(await h.worker.drain(), 0);
    // The anonymised case still opens for its coordinator, saying so.
    assert.match(pageText((await c.get(`/${m.slug}/cases/${old}`)).body), /Dane osobowe usunięto/);
  });

  test('the retention period is versioned; a backlog larger than a batch is worked through', async () => {
    const m = await casesMunicipality(h);
    const { user: me } = await coordinator(h, m);
    const { c: admin } = await coordinator(h, m, ['administrator']);
    const page = await admin.get(`/${m.slug}/cases/retention`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /name="months"[^>]*value="120"|value="120"[^>]*name="months"/);
    const bad = await admin.post(`/${m.slug}/cases/retention`, { version: '0', months: '0' });
    assert.equal(bad.statusCode, 422);
    assert.match(fieldError(bad.body, 'months'), /od 1 do 600/);
    assert.equal((await admin.post(`/${m.slug}/cases/retention`, { version: '0', months: '24' })).statusCode, 303);
    const stale = await admin.post(`/${m.slug}/cases/retention`, { version: '0', months: '36' });
    assert.equal(stale.statusCode, 409);
    assert.match(pageText(stale.body), /Twoja wartość: 36 mies\.; zapisana teraz: 24 mies\./);
    const [policy] = await ownerQuery<{ closed_case_months: number; version: number }>(h, 'SELECT closed_case_months, version FROM retention_policies WHERE municipality_id = $1', [m.id]);
    assert.deepEqual(policy, { closed_case_months: 24, version: 1 });
    assert.equal((await auditOf(h, m, 'cases.retention_changed')).length, 1);

    const due = await bulkCases(h, m, { count: 501, coordinator: me.id, status: 'closed', tag: 'R' });
    await ownerQuery(h, "UPDATE cases SET closed_at = now() - interval '25 months' WHERE municipality_id = $1", [m.id]);
    const kept = await bulkCases(h, m, { count: 2, coordinator: me.id, status: 'closed', tag: 'K' });
    await ownerQuery(h, "UPDATE cases SET closed_at = now() - interval '23 months' WHERE municipality_id = $1 AND id = ANY($2::uuid[])", [m.id, kept]);
    assert.ok((await anonymiseDueCases({ db: h.db })) >= 501);
    const left = await ownerQuery<{ n: number }>(h, 'SELECT count(*)::int AS n FROM cases WHERE municipality_id = $1 AND anonymised_at IS NULL', [m.id]);
    assert.equal(left[0]!.n, 2);
    assert.equal((await auditOf(h, m, 'case.anonymised')).length, due.length);
  });
});
