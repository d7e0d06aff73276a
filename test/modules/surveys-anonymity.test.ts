import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import type { Harness } from '../support/harness';
import type { TestClient } from '../support/client';
import { makeMunicipality } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { buildSurvey, fieldOf, openSurvey, person, questionsOf, type Built } from './surveys-helpers';

/** Answers every page of the helper's survey as Centrum (so the follow-up is skipped) and sends it. */
async function answerAll(h: Harness, c: TestClient, built: Built, municipalityId: string): Promise<void> {
  const q = (await questionsOf(h, { id: municipalityId } as never, built.id)).map((x) => x.id);
  assert.equal((await c.post(`${built.base}/start`, {})).statusCode, 303);
  for (const [i, value] of [['0', 'a'], ['1', '3'], ['2', '2'], ['3', 'b']] as const) {
    const res = await c.post(`${built.base}/odpowiedzi`, { go: 'next', [fieldOf(q[Number(i)]!)]: value });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  }
  assert.equal((await c.post(`${built.base}/wyslij`, {})).statusCode, 303);
}

interface Found {
  table: string;
  row: string;
}

/** Every row of every table in the schema (as the owner, past row-level security) whose JSON holds one of the needles. */
async function rowsHolding(h: Harness, needles: string[]): Promise<Found[]> {
  return h.db.ownerTx(async (sql) => {
    const tables = await sql.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    const found: Found[] = [];
    for (const { table_name } of tables) {
      const rows = await sql.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM "${table_name}" t`);
      for (const { j } of rows) if (needles.some((n) => j.toLowerCase().includes(n.toLowerCase()))) found.push({ table: table_name, row: j });
    }
    return found;
  });
}

describeEachEngine('surveys: an anonymous answer cannot be linked back to its respondent through any table or the audit log', (h) => {
  test('walks every table for the account id, e-mail and address: none of those rows names the anonymous response; a named survey, walked the same way, is linked', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Anonimowa');
    const { c: staff } = await person(h, m, ['analyst']);
    const anonymous = await buildSurvey(h, m, staff, { anonymous: '1', audience: 'residents', title_pl: 'Ankieta anonimowa' });
    const named = await buildSurvey(h, m, staff, { anonymous: '', audience: 'residents', title_pl: 'Ankieta imienna' });
    await openSurvey(h, m, staff, anonymous);
    await openSurvey(h, m, staff, named);
    const { c, user } = await person(h, m);
    // Other residents answer too, so that the anonymous response is one among several.
    for (let i = 0; i < 2; i++) await answerAll(h, (await person(h, m)).c, anonymous, m.id);
    await answerAll(h, c, anonymous, m.id);
    await answerAll(h, c, named, m.id);

    const responsesOf = (surveyId: string) => h.db.ownerTx((sql) => sql.query<{ id: string; respondent_id: string | null; draft_hash: string | null }>('SELECT id, respondent_id, draft_hash FROM survey_responses WHERE survey_id = $1', [surveyId]));
    const anon = await responsesOf(anonymous.id);
    assert.equal(anon.length, 3);
    assert.ok(anon.every((r) => r.respondent_id === null && r.draft_hash === null), 'no account, no draft token kept after sending');
    const needles = [user.id, user.email, c.remoteAddress];
    const personal = await rowsHolding(h, needles);
    assert.ok(personal.length > 0, 'the walk finds the person (their account, session, memberships)');

    // The control: the named survey's response is found from the person.
    const [mine] = await responsesOf(named.id);
    assert.equal(mine!.respondent_id, user.id);
    assert.ok(personal.some((f) => f.row.includes(mine!.id)), 'a named response is linked — the walk can see a link when there is one');

    // The anonymous responses: no row holding the person holds any of their ids, nor the answers' question ids with them.
    for (const r of anon) assert.equal(personal.filter((f) => f.row.includes(r.id)).length, 0, `response ${r.id} linked through ${personal.find((f) => f.row.includes(r.id))?.table}`);
    const anonymousTables = personal.filter((f) => f.table.startsWith('survey_') && f.row.includes(anonymous.id));
    assert.deepEqual(anonymousTables, [], 'no survey table row of the anonymous survey holds the account, e-mail or address');
    const audit = personal.filter((f) => f.table.includes('audit') && f.row.includes(anonymous.id));
    assert.deepEqual(audit, [], 'the audit log records nothing of the person answering');
    const jobs = personal.filter((f) => f.table.includes('job') && f.row.includes(anonymous.id));
    assert.deepEqual(jobs, []);

    // The only trace is that the account took part: a keyed hash, which without the server's key names nobody and no response.
    const markers = await h.db.ownerTx((sql) => sql.query<{ marker: string }>('SELECT marker FROM survey_respondents WHERE survey_id = $1', [anonymous.id]));
    assert.equal(markers.length, 3);
    const plain = crypto.createHash('sha256').update(`${user.id}:${anonymous.id}`).digest('hex');
    assert.ok(markers.every((x) => x.marker !== plain && !anon.some((r) => x.marker.includes(r.id))));
    const markerColumns = await h.db.ownerTx((sql) => sql.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_respondents' ORDER BY column_name"));
    assert.deepEqual(markerColumns.map((x) => x.column_name), ['marker', 'municipality_id', 'survey_id'], 'no response reference, no time');

    // No time finer than the day on a response or an answer.
    const timed = await h.db.ownerTx((sql) =>
      sql.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns WHERE table_name IN ('survey_responses', 'survey_answers', 'survey_respondents')
           AND (data_type LIKE 'timestamp%' OR data_type LIKE 'time %' OR data_type = 'inet')`,
      ),
    );
    assert.deepEqual(timed, []);
  });
});
