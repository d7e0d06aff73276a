import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../src/platform/db/types';
import { seedDemo } from '../../src/seed/demo';
import { openTestDb, testEngines, type OpenedDb } from '../support/engines';

/**
 * The demo is seeded relative to the day it is seeded, and its dates agree with each other: what a page
 * shows as "submitted on" is the first line of the history beside it, nothing happened in the future,
 * and nothing happened before what it follows from.
 */
for (const engine of testEngines()) {
  describe(`the demo's dates agree with each other [${engine}]`, () => {
    let opened: OpenedDb;
    let db: Database;
    before(async () => {
      opened = await openTestDb(engine);
      db = opened.db;
      assert.equal(await seedDemo(db), true);
    });
    after(async () => opened?.close());

    /** Rows breaking an invariant, described; the query returns one text per offending row. */
    const offending = async (sql: string): Promise<string[]> => (await db.ownerTx((tx) => tx.query<{ what: string }>(sql))).map((r) => r.what);

    test('nothing in the history happened in the future', async () => {
      assert.deepEqual(await offending(`
        SELECT 'application event ' || kind AS what FROM application_events WHERE at > now()
        UNION ALL SELECT 'application submitted' FROM applications WHERE submitted_at > now() OR decided_at > now()
        UNION ALL SELECT 'consent given' FROM application_consents WHERE given_at > now()
        UNION ALL SELECT 'case opened ' || number FROM cases WHERE opened_at > now() OR closed_at > now()
        UNION ALL SELECT 'plan ' || id FROM care_plans WHERE created_at > now() OR submitted_at > now() OR approved_at > now()
        UNION ALL SELECT 'referral event ' || status_to FROM referral_events WHERE at > now()
        UNION ALL SELECT 'plan note ' || noted_on FROM care_plan_notes WHERE noted_on > (now() AT TIME ZONE 'Europe/Warsaw')::date`), []);
    });

    test("an application's submission date is the first entry of its history, and its decision the acceptance's", async () => {
      assert.deepEqual(await offending(`
        SELECT 'application ' || a.id || ' submitted ' || a.submitted_at || ' but history begins ' || min(e.at) AS what
          FROM applications a JOIN application_events e ON e.municipality_id = a.municipality_id AND e.application_id = a.id
         GROUP BY a.id, a.submitted_at HAVING min(e.at) <> a.submitted_at
        UNION ALL
        SELECT 'application ' || a.id || ' has no submission entry at ' || a.submitted_at FROM applications a
         WHERE NOT EXISTS (SELECT 1 FROM application_events e WHERE e.municipality_id = a.municipality_id AND e.application_id = a.id AND e.kind = 'submitted' AND e.at = a.submitted_at)
        UNION ALL
        SELECT 'application ' || a.id || ' accepted ' || a.decided_at || ' but the acceptance entry is ' || e.at FROM applications a
          JOIN application_events e ON e.municipality_id = a.municipality_id AND e.application_id = a.id AND e.status_to = 'accepted'
         WHERE a.status = 'accepted' AND e.at <> a.decided_at
        UNION ALL
        SELECT 'consent of ' || c.application_id || ' given before the application' FROM application_consents c
          JOIN applications a ON a.municipality_id = c.municipality_id AND a.id = c.application_id WHERE c.given_at < a.submitted_at`), []);
    });

    test('cases open after their application was accepted; plans and referrals follow their case', async () => {
      assert.deepEqual(await offending(`
        SELECT 'case ' || c.number || ' opened before its application was decided' AS what FROM cases c
          JOIN applications a ON a.municipality_id = c.municipality_id AND a.id = c.opened_from WHERE c.opened_at < a.decided_at
        UNION ALL SELECT 'case ' || number || ' closed before it opened' FROM cases WHERE closed_at < opened_at
        UNION ALL
        SELECT 'plan of ' || c.number || ' drawn up before the case opened' FROM care_plans p
          JOIN cases c ON c.municipality_id = p.municipality_id AND c.id = p.case_id WHERE p.created_at < c.opened_at
        UNION ALL SELECT 'plan ' || id || ' submitted before it was drawn up or approved before submitted' FROM care_plans WHERE submitted_at < created_at OR approved_at < submitted_at
        UNION ALL
        SELECT 'referral of ' || c.number || ' sent before the case opened' FROM referrals r
          JOIN cases c ON c.municipality_id = r.municipality_id AND c.id = r.case_id WHERE r.sent_at < c.opened_at
        UNION ALL
        SELECT 'referral event before the referral was sent' FROM referral_events e
          JOIN referrals r ON r.municipality_id = e.municipality_id AND r.id = e.referral_id WHERE e.at < r.sent_at - interval '1 second'`), []);
    });

    test('each demo person has what their start page counts: reads of the resident\'s data, an invitation to answer, a glass grant to review', async () => {
      const people = await db.ownerTx((tx) => tx.query<{ email: string; id: string; municipality_id: string }>(
        "SELECT u.email, u.id, ms.municipality_id FROM users u JOIN memberships ms ON ms.user_id = u.id WHERE u.email IN ('mieszkanka@zyrardow.example', 'organizacja@zyrardow.example')"));
      const resident = people.find((p) => p.email === 'mieszkanka@zyrardow.example')!;
      const ngo = people.find((p) => p.email === 'organizacja@zyrardow.example')!;
      const m = resident.municipality_id;
      // Who read the resident's data: through the function the "Kto czytał moje dane" page uses, as her.
      const hits = await db.tx({ municipalityId: m, userId: resident.id }, (tx) => tx.query<{ id: string }>('SELECT id::text AS id FROM audit_reads_of_current_person()'));
      const read = await db.ownerTx((tx) => tx.query<{ action: string; email: string }>(
        'SELECT l.action, u.email FROM audit_log l JOIN users u ON u.id = l.actor_user_id WHERE l.id::text = ANY($1) ORDER BY l.action, u.email', [hits.map((x) => x.id)]));
      assert.deepEqual(read.map((r) => `${r.action} ${r.email}`), [
        'application.read koordynator@zyrardow.example', 'case.read koordynator@zyrardow.example', 'plan.read dyrektor@zyrardow.example', 'plan.read koordynator@zyrardow.example',
      ]);
      assert.deepEqual(await offending(`
        SELECT 'invitations of the representative to answer: ' || count(*) AS what FROM meeting_invitations i JOIN meetings mt ON mt.municipality_id = i.municipality_id AND mt.id = i.meeting_id
         WHERE mt.status = 'planned' AND mt.ends_at >= now() AND i.response IS NULL
           AND i.organisation_id IN (SELECT organisation_id FROM organisation_members WHERE user_id = '${ngo.id}') HAVING count(*) <> 1
        UNION ALL
        SELECT 'unreviewed glass grants: ' || count(*) FROM case_access_grants WHERE reviewed_at IS NULL HAVING count(*) <> 1
        UNION ALL
        SELECT 'a glass grant of someone who had access anyway' FROM case_access_grants g JOIN cases c ON c.municipality_id = g.municipality_id AND c.id = g.case_id
         WHERE c.coordinator_id = g.user_id OR c.team_id IN (SELECT id FROM care_teams WHERE supervisor_id = g.user_id)
            OR EXISTS (SELECT 1 FROM memberships ms WHERE ms.municipality_id = g.municipality_id AND ms.user_id = g.user_id AND 'director' = ANY(ms.roles))`), []);
    });

    test('coming meetings are in the future and held ones in the past', async () => {
      assert.deepEqual(await offending(`
        SELECT 'meeting ' || title || ' with attendance taken starts in the future' AS what FROM meetings m
         WHERE m.starts_at > now() AND EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.municipality_id = m.municipality_id AND a.meeting_id = m.id)`), []);
    });
  });
}
