import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Sql } from '../../src/platform/db/types';
import { collectAnonymiseCases, type AppModule } from '../../src/platform/module';
import { ownerQuery } from '../support/db';
import { describeEachEngine } from '../support/harness';
import { acceptedApplication, casesMunicipality, coordinator, openCase } from './cases-helpers';

const SECRET = 'Bogumiła Sekretna';

test('retention hooks: the kernel calls every module’s anonymiseCases in order, in the caller’s transaction; a module without one is skipped', async () => {
  const calls: unknown[][] = [];
  const mod = (name: string, hook: boolean): AppModule => ({
    name,
    routes: async () => {},
    ...(hook ? { anonymiseCases: async (sql: Sql, municipalityId: string, caseIds: string[]) => void calls.push([name, sql, municipalityId, caseIds]) } : {}),
  });
  const sql = {} as Sql;
  await collectAnonymiseCases([mod('a', true), mod('b', false), mod('c', true)])(sql, 'm1', ['c1', 'c2']);
  assert.deepEqual(calls, [['a', sql, 'm1', ['c1', 'c2']], ['c', sql, 'm1', ['c1', 'c2']]]);
});

describeEachEngine('cases: retention — every module blanks its own tables through its hook', (h) => {
  test('after the job no table of the municipality holds the name or words of an anonymised case (a module whose hook is not called leaves them)', async () => {
    const m = await casesMunicipality(h);
    const { user: me, c } = await coordinator(h, m);
    const { user: director } = await coordinator(h, m, ['director']);
    const app = await acceptedApplication(h, m, { name: SECRET });
    const caseId = await openCase(h, c, m, app, { coordinator_id: me.id });
    const one = async (text: string, params: unknown[]) => (await ownerQuery<{ id: string }>(h, text, params))[0]!.id;
    // One row in words of each module's table that hangs off the case: care-plans, referrals, my-data.
    const plan = await one(
      `INSERT INTO care_plans (municipality_id, case_id, status, situation, valid_from, valid_until, author_id, approved_by, approved_at, final_interview_on, final_summary, closed_at, closed_by)
       VALUES ($1, $2, 'closed', $3, '2010-01-01', '2010-12-31', $4, $5, '2010-01-05', '2010-12-20', $3 || ' — podsumowanie.', '2010-12-21', $4) RETURNING id`,
      [m.id, caseId, SECRET, me.id, director.id],
    );
    await ownerQuery(h, "INSERT INTO care_plan_notes (municipality_id, plan_id, noted_on, body, author_id) VALUES ($1, $2, '2010-03-01', $3, $4)", [m.id, plan, SECRET, me.id]);
    const unit = await one("INSERT INTO units (municipality_id, name) VALUES ($1, 'Dział Usług') RETURNING id", [m.id]);
    await ownerQuery(
      h,
      `INSERT INTO referrals (municipality_id, case_id, plan_id, provider_kind, unit_id, service_label, shared_details, override_basis, override_reason, status, status_reason, respond_by)
       VALUES ($1, $2, $3, 'unit', $4, 'Usługi opiekuńcze', $5, 'vital_interest', 'Zagrożenie życia.', 'rejected', 'Brak miejsc.', '2010-02-01')`,
      [m.id, caseId, plan, unit, SECRET],
    );
    await ownerQuery(h, "INSERT INTO resident_documents (municipality_id, application_id, filename, media_type, size_bytes, sha256, content, description) VALUES ($1, $2, 'skan.pdf', 'application/pdf', 4, repeat('a', 64), '\\x25504446', $3)", [m.id, app, SECRET]);
    assert.equal((await c.post(`/${m.slug}/cases/${caseId}/close`, { version: '1', closing_note: 'Zakończono wsparcie.', confirmed: 'yes' })).statusCode, 303);
    await ownerQuery(h, "UPDATE cases SET closed_at = now() - interval '121 months' WHERE municipality_id = $1 AND id = $2", [m.id, caseId]);
    const holding = () => tablesHolding(m.id);
    assert.deepEqual(await holding(), ['applications', 'care_plan_notes', 'care_plans', 'cases', 'referrals', 'resident_documents']);

    // The nightly run the scheduler keeps, made due now.
    await h.scheduler.ensure();
    await ownerQuery(h, "UPDATE jobs SET run_at = now() WHERE queue = 'cases.anonymise' AND done_at IS NULL AND failed_at IS NULL", []);
    await h.worker.drain();
    assert.deepEqual(await holding(), [], 'tables still holding the name after the job');
  });

  /** Every table with a municipality_id whose rows of this municipality still hold the secret, by name. */
  async function tablesHolding(municipalityId: string): Promise<string[]> {
    const tables = await ownerQuery<{ table_name: string }>(
      h,
      `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE c.table_schema = 'public' AND c.column_name = 'municipality_id' AND t.table_type = 'BASE TABLE' ORDER BY c.table_name`,
      [],
    );
    const found: string[] = [];
    for (const { table_name: t } of tables) {
      const [row] = await ownerQuery<{ n: number }>(h, `SELECT count(*)::int AS n FROM "${t}" x WHERE municipality_id = $1 AND x::text LIKE $2`, [municipalityId, `%${SECRET}%`]);
      if (row!.n > 0) found.push(t);
    }
    return found;
  }
});
