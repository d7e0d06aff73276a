import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { assertExcludes, assertIncludes } from '../support/assertions';
import { ownerQuery } from '../support/db';
import { uniq } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { decideNow } from './applications-helpers';
import { acceptedApplication, caseRow, openCase } from './cases-helpers';
import { referralMunicipality, staffPerson } from './referrals-helpers';
import { collapseRepeatedReads } from '../../src/modules/auditing';

const rowOf = (id: number, minutesAgo: number, over: { actor?: string; action?: string; subject?: string } = {}) => ({
  id, occurred_at: new Date(Date.now() - minutesAgo * 60_000), actor_label: over.actor ?? 'a@example.pl', action: over.action ?? 'case.read',
  subject_type: 'case', subject_id: over.subject ?? 'c-1', reason: '', ip: '', request_id: '', details: {},
});

test('repeated reads of one subject by one person within 15 minutes collapse; changes, other people and later reads do not', () => {
  const rows = [rowOf(9, 0), rowOf(8, 1), rowOf(7, 2, { actor: 'b@example.pl' }), rowOf(6, 3, { action: 'case.updated' }), rowOf(5, 14), rowOf(4, 16), rowOf(3, 17, { subject: 'c-2' })];
  const shown = collapseRepeatedReads(rows);
  assert.deepEqual(shown.map((r) => [r.id, r.count]), [[9, 3], [7, 1], [6, 1], [4, 1], [3, 1]]);
  assert.deepEqual(shown[0]!.first_at, rows[4]!.occurred_at);
});

describeEachEngine('audit log in words', (h) => {
  const casePerson = async (m: MunicipalityRow, coord: Awaited<ReturnType<typeof staffPerson>>, name: string) => {
    const app = await acceptedApplication(h, m, { status: 'waiting', name });
    assert.equal((await decideNow(h, coord.c, m, app, 'accept')).statusCode, 303);
    const caseId = await openCase(h, coord.c, m, app, { coordinator_id: coord.user.id });
    return { app, caseId, number: (await caseRow(h, m, caseId)).number, person: (await caseRow(h, m, caseId)).person_name };
  };

  test('the auditor sees what was opened in words, whose data it was, repeated reads once, and can filter by resident; the view is audited without the typed name', async () => {
    const { m } = await referralMunicipality(h, 'Gmina Dziennika');
    const coord = await staffPerson(h, m);
    const auditor = await staffPerson(h, m, ['auditor']);
    const surname = `Osnowska${uniq()}`;
    const first = await casePerson(m, coord, `Helena ${surname}`);
    const second = await casePerson(m, coord, `Tadeusz Wrzeciono${uniq()}`);
    for (let i = 0; i < 5; i++) assert.equal((await coord.c.get(`/${m.slug}/cases/${first.caseId}`)).statusCode, 200);
    assert.equal((await coord.c.get(`/${m.slug}/cases/${second.caseId}`)).statusCode, 200);

    const page = await auditor.c.get(`/${m.slug}/audit?action=case.read`);
    assert.equal(page.statusCode, 200);
    assertIncludes(page.body, `sprawa ${first.number}`);
    assertIncludes(page.body, first.person);
    assertIncludes(page.body, `×5 w ciągu 15 min`);
    assertIncludes(page.body, `sprawa ${second.number}`);

    assert.equal((await coord.c.get(`/${m.slug}/applications/${first.app}`)).statusCode, 200);
    const apps = await auditor.c.get(`/${m.slug}/audit?action=application.read`);
    assertIncludes(apps.body, 'wniosek o usługę: ');
    assertIncludes(apps.body, `sprawa ${first.number}`);

    const filtered = await auditor.c.get(`/${m.slug}/audit?person=${encodeURIComponent(surname)}`);
    assert.equal(filtered.statusCode, 200);
    assertIncludes(filtered.body, `sprawa ${first.number}`);
    assertExcludes(filtered.body, second.number);
    assertExcludes(filtered.body, second.person);
    const nobody = await auditor.c.get(`/${m.slug}/audit?person=Nikogo${uniq()}`);
    assertExcludes(nobody.body, first.number);

    const views = await ownerQuery<{ action: string; details: Record<string, unknown> }>(h,
      "SELECT action, details FROM audit_log WHERE municipality_id = $1 AND actor_user_id = $2 AND action IN ('audit.viewed', 'case.read') ORDER BY id", [m.id, auditor.user.id]);
    const reads = views.filter((v) => v.action === 'case.read');
    assert.equal(reads[0]!.details.purpose, 'audit_log');
    assert.ok((reads[0]!.details.cases as string[]).includes(first.caseId), 'showing whose data it was is an audited read of that case');
    assert.equal(views.filter((v) => v.action === 'audit.viewed')[2]!.details.person_filter, true);
    const copies = await ownerQuery(h, "SELECT 1 FROM audit_log l WHERE municipality_id = $1 AND (action LIKE 'audit.%' OR details ->> 'purpose' = 'audit_log') AND l::text LIKE '%' || $2 || '%'", [m.id, surname]);
    assert.equal(copies.length, 0, 'the typed name is not copied into the log');
  });
});
