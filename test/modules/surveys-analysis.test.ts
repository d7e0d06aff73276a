import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { addOwnedQuestion, createOwnedSurvey, seedSurveyFixtures, surveyAnalysisOf, surveysOwnedBy } from '../../src/modules/surveys';
import { assertIncludes } from '../support/assertions';
import { makeMunicipality } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { pageText } from '../support/pages';
import { person } from './surveys-helpers';

type Raw = { response_id: string; question_key: string; choice: string };

describeEachEngine('surveys: the analysis — frequencies, cross-tabulation, trends, suppression of small cells, CSV, the read model', (h) => {
  test('frequencies and the cross-tabulation equal the raw answers; every count under the minimum reads "<5", with no line giving one away; the CSV the same', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Analiz');
    const id = await h.db.tx({ municipalityId: m.id, userId: null }, (sql) => seedSurveyFixtures(sql, m.id, 90));
    const questions = await h.db.ownerTx((sql) => sql.query<{ key: string; text_pl: string }>('SELECT key, text_pl FROM survey_questions WHERE survey_id = $1 ORDER BY position', [id]));
    const district = questions[0]!.key;
    const age = questions[1]!.key;
    const raw = await h.db.ownerTx((sql) => sql.query<Raw>("SELECT response_id, question_key, choice FROM survey_answers WHERE survey_id = $1 AND row_key = ''", [id]));
    const { c: resident } = await person(h, m);
    assert.equal((await resident.get(`/${m.slug}/ankiety/${id}/analiza`)).statusCode, 403);
    const { c: analyst } = await person(h, m, ['analyst']);
    const page = await analyst.get(`/${m.slug}/ankiety/${id}/analiza?a=${district}&b=${age}`);
    assert.equal(page.statusCode, 200);
    const text = pageText(page.body);
    assertIncludes(text, '90 wysłanych odpowiedzi');
    assert.ok(page.body.includes('<desc'), 'charts carry a text alternative');

    // The cross-tabulation's cells as shown, read from its table.
    const table = /<caption id="cross-caption">[\s\S]*?<\/table>/.exec(page.body)![0];
    const rows = [...table.matchAll(/<tr><th scope="row">([^<]*)<\/th>((?:<td>[^<]*<\/td>)+)<\/tr>/g)].map((r) => [...r[2]!.matchAll(/<td>([^<]*)<\/td>/g)].map((x) => x[1]!.replace('&lt;', '<')));
    assert.equal(rows.length, 5, 'five districts');
    const byResponse = (key: string) => new Map(raw.filter((r) => r.question_key === key).map((r) => [r.response_id, r.choice]));
    const a = byResponse(district);
    const b = byResponse(age);
    const expected = 'abcde'.split('').map((da) => 'abcde'.split('').map((ab) => [...a].filter(([rid, c]) => c === da && b.get(rid) === ab).length));
    let hidden = 0;
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < 5; j++) {
        const shown = rows[i]![j]!;
        const n = expected[i]![j]!;
        if (shown === '<5') {
          hidden++;
          assert.ok(n > 0, 'a zero is never hidden');
        } else assert.equal(Number(shown), n, `cell ${i},${j}`);
        if (n > 0 && n < 5) assert.equal(shown, '<5', `cell ${i},${j} (${n}) must be suppressed`);
      }
    assert.ok(hidden > 0, 'with 90 answers over 25 cells some are small');
    for (const line of [...rows, ...rows[0]!.map((_, j) => rows.map((r) => r[j]!))]) assert.notEqual(line.filter((x) => x === '<5').length, 1, 'no row or column with exactly one hidden cell');

    // Frequencies: the district question's counts.
    for (const [i, c] of 'abcde'.split('').entries()) {
      const n = [...a.values()].filter((x) => x === c).length;
      assert.ok(n >= 5, 'the demo spreads 90 answers over five districts');
      assertIncludes(text, `${['Centrum', 'Osada Fabryczna', 'Ruda', 'Wschód', 'Północ'][i]} ${n}`);
    }

    const csv = await analyst.get(`/${m.slug}/ankiety/${id}/analiza.csv?a=${district}&b=${age}`);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((l) => l.split(','));
    for (const l of lines) {
      const count = l.at(-1)!;
      if (/^\d+$/.test(count)) assert.ok(Number(count) === 0 || Number(count) >= 5 || l[0] === 'Pytania liczbowe', `CSV count ${l.join(',')}`);
    }
    assert.ok(lines.some((l) => l.at(-1) === '<5'), 'the CSV suppresses too');
    assert.equal(lines.filter((l) => l[0] === 'Tabela krzyżowa').length, 25);

    await h.db.ownerTx((sql) => sql.query('UPDATE surveys SET min_cell = 3 WHERE id = $1', [id]));
    const three = await analyst.get(`/${m.slug}/ankiety/${id}/analiza?a=${district}&b=${age}`);
    assert.ok(three.body.includes('&lt;3'), 'the minimum is the survey\'s');
    assert.equal(three.body.includes('&lt;5'), false);
    const bad = await analyst.get(`/${m.slug}/ankiety/${id}/analiza?a=${questions[3]!.key}&b=${age}`);
    assert.equal(bad.statusCode, 422, 'a number question cannot be cross-tabulated');
  });

  test('trends across surveys of the same purpose; the read model other modules use: an owned survey, its list and analysis', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Trendów');
    const ctx = { municipalityId: m.id, userId: null };
    await h.db.tx(ctx, (sql) => seedSurveyFixtures(sql, m.id, 40));
    const second = await h.db.tx(ctx, (sql) => seedSurveyFixtures(sql, m.id, 60));
    const analysis = await h.db.tx(ctx, (sql) => surveyAnalysisOf(sql, m.id, second));
    const trend = analysis.trends.find((t) => t.question.text_pl === 'Ile masz lat?');
    assert.ok(trend, 'the age question is asked in both');
    assert.equal(trend.surveys.length, 2);

    const owner = crypto.randomUUID();
    const day = 86_400_000;
    const surveyId = await h.db.tx(ctx, async (sql) => {
      const sid = await createOwnedSurvey(sql, m.id, {
        title_pl: 'Krótka ankieta do konsultacji', title_en: '', intro_pl: '', intro_en: '', purpose: 'consultation', audience: 'link', layout: 'all_on_one_page', anonymous: true,
        opens_at: new Date(Date.now() - day), closes_at: new Date(Date.now() + day), min_cell: 5,
      }, { module: 'consultations', id: owner });
      await addOwnedQuestion(sql, m.id, sid, {
        kind: 'single', text_pl: 'Czy popierasz projekt?', text_en: '', required: true, choices: [{ value: 'a', pl: 'tak', en: 'yes' }, { value: 'b', pl: 'nie', en: 'no' }],
        grid_rows: [], scale_min: null, scale_max: null, scale_labels: {}, number_min: null, number_max: null, show_if_question: null, show_if_choice: null,
      });
      return sid;
    });
    const owned = await h.db.tx(ctx, (sql) => surveysOwnedBy(sql, m.id, 'consultations', owner));
    assert.deepEqual(owned.map((o) => [o.id, o.title, o.status, o.responses, o.href]), [[surveyId, 'Krótka ankieta do konsultacji', 'draft', 0, `/ankiety/${surveyId}`]]);
    assert.deepEqual(await h.db.tx(ctx, (sql) => surveysOwnedBy(sql, m.id, 'consultations', crypto.randomUUID())), []);
    const its = await h.db.tx(ctx, (sql) => surveyAnalysisOf(sql, m.id, surveyId));
    assert.equal(its.frequencies[0]!.question.text_pl, 'Czy popierasz projekt?');
  });
});
