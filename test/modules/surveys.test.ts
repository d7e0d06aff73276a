import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertIncludes } from '../support/assertions';
import { TestClient } from '../support/client';
import { makeMunicipality } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { CONFLICT, fieldError, pageText } from '../support/pages';
import { buildSurvey, fieldOf, openSurvey, person, questionsOf, surveyForm, surveyVersion } from './surveys-helpers';

const code = (res: { body: string }) => (JSON.parse(res.body) as { error: { code: string } }).error.code;

describeEachEngine('surveys: the builder, answering page by page, skip logic, versions, closing, paper answers', (h) => {
  test('only surveys.manage builds surveys; field errors in Polish; another municipality sees nothing', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Ankiet');
    const other = await makeMunicipality(h.db, 'Gmina Obca');
    assert.equal((await new TestClient(h.app).get(`/${m.slug}/ankiety/nowa`)).statusCode, 303, 'the visitor is sent to log in');
    for (const roles of [['resident'], ['ngo_member'], ['grants_officer']] as const) {
      const { c } = await person(h, m, [...roles]);
      assert.equal((await c.get(`/${m.slug}/ankiety/nowa`)).statusCode, 403, roles.join());
      assert.equal((await c.post(`/${m.slug}/ankiety/nowa`, surveyForm())).statusCode, 403, roles.join());
    }
    const { c: analyst } = await person(h, m, ['analyst']);
    const refused = await analyst.post(`/${m.slug}/ankiety/nowa`, surveyForm({ title_pl: '', purpose: 'x', closes_on: '2020-01-01', min_cell: '2' }));
    assert.equal(refused.statusCode, 422);
    assert.equal(fieldError(refused.body, 'title_pl'), 'To pole jest wymagane.');
    assert.ok(fieldError(refused.body, 'purpose'));
    assert.equal(fieldError(refused.body, 'min_cell'), 'Wpisz liczbę od 3 do 100.');
    const order = await analyst.post(`/${m.slug}/ankiety/nowa`, surveyForm({ closes_on: '2020-01-01' }));
    assert.equal(fieldError(order.body, 'closes_on'), 'Koniec ankiety musi być późniejszy niż jej początek.');
    const built = await buildSurvey(h, m, analyst);
    const badQuestion = await analyst.post(`${built.base}/pytania/nowe`, { section: 'x', kind: 'single', text_pl: 'Pytanie', choices: 'jedna', version: String((await surveyVersion(h, m, built.id)).version) });
    assert.equal(badQuestion.statusCode, 422);
    assert.equal(fieldError(badQuestion.body, 'choices'), 'Wpisz co najmniej dwie odpowiedzi do wyboru, każdą w osobnym wierszu.');
    for (const roles of [['coordinator'], ['community_organiser'], ['director']] as const) {
      const { c } = await person(h, m, [...roles]);
      assert.equal((await c.get(`${built.base}/pytania`)).statusCode, 200, roles.join());
    }
    const { c: outsider } = await person(h, other, ['analyst']);
    assert.equal((await outsider.get(`${built.base}/pytania`)).statusCode, 403);
    assert.equal((await outsider.get(`/${other.slug}/ankiety/${built.id}/pytania`)).statusCode, 404, 'RLS: not in the other municipality');
    assert.equal((await new TestClient(h.app).get(built.base)).statusCode, 404, 'a draft survey is not shown to respondents');
  });

  test('answering one question per page: progress, saved as you go, Polish errors per field, skip logic on the server, back, check and send, one per account', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Odpowiedzi');
    const { c: staff } = await person(h, m, ['coordinator']);
    const built = await buildSurvey(h, m, staff);
    await openSurvey(h, m, staff, built);
    const q = Object.fromEntries((await questionsOf(h, m, built.id)).map((x, i) => [['district', 'scale', 'household', 'needs', 'why'][i]!, x.id]));
    const { c: visitor } = { c: new TestClient(h.app) };
    const forVisitor = await visitor.post(`${built.base}/start`, {});
    assert.equal(forVisitor.statusCode, 401, 'residents with accounts only');
    const { c: ngo } = await person(h, m, ['ngo_member']);
    const notFor = await ngo.post(`${built.base}/start`, {});
    assert.equal(notFor.statusCode, 403);
    assertIncludes(pageText(notFor.body), 'Ta ankieta jest skierowana do innej grupy');

    const { c } = await person(h, m);
    assert.equal((await c.post(`${built.base}/start`, {})).statusCode, 303);
    let page = await c.get(`${built.base}/odpowiedzi`);
    assertIncludes(pageText(page.body), 'Pytanie 1 z 4', 'the conditional question is not counted yet');
    const empty = await c.post(`${built.base}/odpowiedzi`, { go: 'next' });
    assert.equal(empty.statusCode, 422);
    assert.equal(fieldError(empty.body, fieldOf(q.district!)), 'To pole jest wymagane.');
    const unknown = await c.post(`${built.base}/odpowiedzi`, { go: 'next', [fieldOf(q.district!)]: 'z' });
    assert.equal(unknown.statusCode, 422, 'a choice that is not offered');
    assert.equal((await c.post(`${built.base}/odpowiedzi`, { go: 'next', [fieldOf(q.district!)]: 'b' })).statusCode, 303);
    page = await c.get(`${built.base}/odpowiedzi`);
    assertIncludes(pageText(page.body), 'Pytanie 2 z 5', 'Ruda chosen: the follow-up question is shown');
    const outOfRange = await c.post(`${built.base}/odpowiedzi`, { go: 'next', [fieldOf(q.scale!)]: '9' });
    assert.equal(fieldError(outOfRange.body, fieldOf(q.scale!)), 'Wybierz wartość od 1 do 5.');
    assert.equal((await c.post(`${built.base}/odpowiedzi`, { go: 'next', [fieldOf(q.scale!)]: '4' })).statusCode, 303);
    const text = await c.post(`${built.base}/odpowiedzi`, { go: 'next', [fieldOf(q.household!)]: 'troje' });
    assert.equal(fieldError(text.body, fieldOf(q.household!)), 'Wpisz liczbę, np. 12 albo 3,5.');
    assert.equal(text.body.includes('value="troje"'), true, 'what was typed is kept');
    const big = await c.post(`${built.base}/odpowiedzi`, { go: 'next', [fieldOf(q.household!)]: '40' });
    assert.equal(fieldError(big.body, fieldOf(q.household!)), 'Wpisz liczbę od 1 do 15.');
    assert.equal((await c.post(`${built.base}/odpowiedzi`, { go: 'next', [fieldOf(q.household!)]: '3' })).statusCode, 303);
    // Back to the district, change it to Centrum: the follow-up disappears from the count.
    for (let i = 0; i < 3; i++) await c.post(`${built.base}/odpowiedzi`, { go: 'back' });
    page = await c.get(`${built.base}/odpowiedzi`);
    assertIncludes(pageText(page.body), 'Pytanie 1 z 5');
    assert.ok(page.body.includes('value="b" checked'), 'the saved answer is shown again');
    await c.post(`${built.base}/odpowiedzi`, { go: 'next', [fieldOf(q.district!)]: 'a' });
    page = await c.get(`${built.base}/odpowiedzi`);
    assertIncludes(pageText(page.body), 'Pytanie 2 z 4');
    assert.ok(page.body.includes('value="4" checked'), 'the scale answer was saved as the respondent went');
    await c.post(`${built.base}/odpowiedzi`, { go: 'next', [fieldOf(q.scale!)]: '4' });
    await c.post(`${built.base}/odpowiedzi`, { go: 'next', [fieldOf(q.household!)]: '3' });
    await c.post(`${built.base}/odpowiedzi`, { go: 'next', [fieldOf(q.needs!)]: ['a', 'c'] });
    const review = await c.get(`${built.base}/odpowiedzi`);
    const reviewText = pageText(review.body);
    assertIncludes(reviewText, 'Sprawdź odpowiedzi i wyślij');
    assertIncludes(reviewText, 'opieki, transportu');
    assert.equal(reviewText.includes('Dlaczego nie korzystasz'), false, 'the skipped question is not asked');
    assert.equal((await c.post(`${built.base}/wyslij`, {})).statusCode, 303);
    const rows = await h.db.ownerTx((sql) =>
      sql.query<{ question_id: string; choice: string; number_value: string | null }>(
        `SELECT a.question_id, a.choice, a.number_value::text FROM survey_answers a JOIN survey_responses r ON r.municipality_id = a.municipality_id AND r.id = a.response_id
         WHERE r.survey_id = $1 AND r.status = 'submitted' ORDER BY a.question_id, a.choice`,
        [built.id],
      ),
    );
    assert.equal(rows.length, 5, 'district, scale, household, two needs; the follow-up answer was never given');
    assert.ok(rows.some((r) => r.question_id === q.household && Number(r.number_value) === 3));
    const again = await c.post(`${built.base}/start`, {});
    assert.equal(again.statusCode, 409, 'one response per account');
    assertIncludes(pageText(again.body), 'Z tego konta już rozpoczęto lub wysłano odpowiedź');
    const afterSend = await c.postJson(`${built.base}/odpowiedzi`, { go: 'next' });
    assert.equal(code(afterSend), 'survey.no_draft', 'the sent response cannot be changed');
  });

  test('a skipped required question cannot be sent; after closing (server clock) answers are refused and nothing is lost', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Terminów');
    const { c: staff } = await person(h, m, ['director']);
    const built = await buildSurvey(h, m, staff, { layout: 'all_on_one_page', audience: 'link', anonymous: '' });
    await openSurvey(h, m, staff, built);
    const q = Object.fromEntries((await questionsOf(h, m, built.id)).map((x, i) => [['district', 'scale', 'household', 'needs', 'why'][i]!, x.id]));
    const c = new TestClient(h.app);
    assert.equal((await c.post(`${built.base}/start`, {})).statusCode, 303, 'anyone with the link');
    const page = await c.get(`${built.base}/odpowiedzi`);
    assertIncludes(pageText(page.body), 'Ankieta: 5 pytań');
    assertIncludes(pageText(page.body), 'Odpowiedz, jeśli w pytaniu „W której części miasta mieszkasz?” wybrano „Ruda”.');
    const forced = await c.postJson(`${built.base}/wyslij`, {});
    assert.equal(code(forced), 'survey.incomplete', 'sending straight away: required questions unanswered');
    const missing = await c.post(`${built.base}/odpowiedzi`, { go: 'next', [fieldOf(q.district!)]: 'b', [fieldOf(q.scale!)]: '2' });
    assert.equal(missing.statusCode, 422, 'Ruda chosen: the follow-up is required');
    assert.equal(fieldError(missing.body, fieldOf(q.why!)), 'To pole jest wymagane.');
    assert.equal(fieldError(missing.body, fieldOf(q.district!)), '');
    const centrum = await c.post(`${built.base}/odpowiedzi`, { go: 'back', [fieldOf(q.district!)]: 'a', [fieldOf(q.scale!)]: '2' });
    assert.equal(centrum.statusCode, 303, 'going back saves what is valid');
    await h.db.ownerTx((sql) => sql.query("UPDATE surveys SET closes_at = now() - interval '1 minute' WHERE id = $1", [built.id]));
    const late = await c.post(`${built.base}/odpowiedzi`, { go: 'next', [fieldOf(q.why!)]: 'a' });
    assert.equal(late.statusCode, 409);
    assertIncludes(pageText(late.body), 'Ta ankieta nie przyjmuje teraz odpowiedzi');
    const kept = await h.db.ownerTx((sql) => sql.query('SELECT count(*)::int AS n FROM survey_answers WHERE survey_id = $1', [built.id]));
    assert.equal((kept[0] as { n: number }).n, 2, 'what was saved before the closing is kept');
  });

  test('editing a survey with answers makes a new version; answers keep the question they answered; a stale edit is 409 with the typed text kept', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Wersji');
    const { c: staff } = await person(h, m, ['analyst']);
    const built = await buildSurvey(h, m, staff, { audience: 'link' });
    await openSurvey(h, m, staff, built);
    const v1 = await questionsOf(h, m, built.id, 1);
    const c = new TestClient(h.app);
    await c.post(`${built.base}/start`, {});
    await c.post(`${built.base}/odpowiedzi`, { go: 'next', [fieldOf(v1[0]!.id)]: 'a' });
    const { version } = await surveyVersion(h, m, built.id);
    const edit = await staff.post(`${built.base}/pytania/${built.keys.district}`, {
      section: (await h.db.ownerTx((sql) => sql.query<{ key: string }>('SELECT key FROM survey_sections WHERE survey_id = $1 LIMIT 1', [built.id])))[0]!.key,
      kind: 'single', text_pl: 'W jakiej dzielnicy mieszkasz?', required: '1', choices: 'Centrum\nRuda\nWschód\nPółnoc', version: String(version),
    });
    assert.equal(edit.statusCode, 303, edit.body.slice(0, 500));
    const after = await surveyVersion(h, m, built.id);
    assert.equal(after.current_version, 2);
    const v2 = await questionsOf(h, m, built.id, 2);
    assert.equal(v2.length, 5);
    assert.equal(v2[0]!.text_pl, 'W jakiej dzielnicy mieszkasz?');
    assert.equal(v2[0]!.key, v1[0]!.key, 'the key follows the question across versions');
    assert.equal((await questionsOf(h, m, built.id, 1))[0]!.text_pl, 'W której części miasta mieszkasz?', 'version 1 unchanged');
    const answered = await h.db.ownerTx((sql) => sql.query<{ question_id: string }>('SELECT question_id FROM survey_answers WHERE survey_id = $1', [built.id]));
    assert.deepEqual(answered.map((a) => a.question_id), [v1[0]!.id], 'the answer keeps the version-1 question');
    const stale = await staff.post(`${built.base}/pytania/${built.keys.scale}`, { section: 'x', kind: 'scale', text_pl: 'Mój nowy tekst pytania', scale_min: '1', scale_max: '5', version: String(version) });
    assert.equal(stale.statusCode, 409);
    assertIncludes(pageText(stale.body), CONFLICT.slice(0, 20));
    assert.ok(stale.body.includes('Mój nowy tekst pytania'), 'what was typed is kept');
    // The respondent who began on version 1 goes on with version 1's questions.
    const page = await c.get(`${built.base}/odpowiedzi`);
    assert.ok(page.body.includes(fieldOf(v1[1]!.id)));
  });

  test('paper questionnaires entered by staff are flagged as paper and counted; types checked', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Papieru');
    const { c: staff } = await person(h, m, ['community_organiser']);
    const built = await buildSurvey(h, m, staff);
    await openSurvey(h, m, staff, built);
    const q = await questionsOf(h, m, built.id);
    const bad = await staff.post(`${built.base}/papier`, { [fieldOf(q[2]!.id)]: 'dużo' });
    assert.equal(bad.statusCode, 422);
    assert.equal(fieldError(bad.body, fieldOf(q[2]!.id)), 'Wpisz liczbę, np. 12 albo 3,5.');
    const ok = await staff.post(`${built.base}/papier`, { [fieldOf(q[0]!.id)]: 'a', [fieldOf(q[2]!.id)]: '2', [fieldOf(q[4]!.id)]: 'a' });
    assert.equal(ok.statusCode, 303);
    const [row] = await h.db.ownerTx((sql) => sql.query<{ source: string; status: string; n: number }>(
      `SELECT r.source, r.status, (SELECT count(*)::int FROM survey_answers a WHERE a.response_id = r.id) AS n FROM survey_responses r WHERE r.survey_id = $1`, [built.id]));
    assert.deepEqual(row, { source: 'paper', status: 'submitted', n: 2 }, 'the follow-up answer is dropped: Centrum was chosen');
  });
});
