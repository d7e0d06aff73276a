import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestClient } from '../support/client';
import { assertExcludes, assertIncludes } from '../support/assertions';
import { ownerQuery } from '../support/db';
import { makeMunicipality, makeUser } from '../support/factories';
import { logIn } from '../support/session';
import { describeEachEngine } from '../support/harness';
import { fieldError, pageText } from '../support/pages';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import type { Harness } from '../support/harness';
import { consultationWithText, person, setPhase } from './consultations-helpers';

/** Issue 16, what was still missing: the short survey, the meeting's link, the consultation page's paged remarks. */

const code = (res: { body: string }) => (JSON.parse(res.body) as { error: { code: string } }).error.code;

async function manyRemarks(h: Harness, m: MunicipalityRow, consultationId: string, partId: string | null, n: number, label: string): Promise<void> {
  await ownerQuery(h,
    `INSERT INTO consultation_remarks (municipality_id, consultation_id, part_id, source, author_name, content, created_at)
     SELECT $1, $2, $3, 'comment', 'Osoba testowa', $4 || ' ' || i, now() - interval '1 hour' FROM generate_series(1, $5::int) AS i`,
    [m.id, consultationId, partId, label, n]);
}

const nextLink = (body: string) => /href="([^"]+\?after=[0-9a-f-]{36}[^"]*)" rel="next"/.exec(body)?.[1]?.replace(/&amp;/g, '&');
const remarkNumbers = (body: string, label: string) => [...pageText(body).matchAll(new RegExp(`${label} (\\d+)`, 'g'))].map((x) => Number(x[1]));

/** The survey's question ids in order (read as the owner: the test's view of the surveys module's tables). */
const questionIds = async (h: Harness, m: MunicipalityRow, surveyId: string) =>
  (await ownerQuery<{ id: string }>(h, 'SELECT id FROM survey_questions WHERE municipality_id = $1 AND survey_id = $2 ORDER BY position', [m.id, surveyId])).map((q) => q.id);

describeEachEngine('consultations: the short survey, the meeting’s link, the consultation page’s remarks paged', (h) => {
  test('the consultation page shows one page of remarks (50), counts per part, and links the next page without JavaScript', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Długich Konsultacji');
    const { c: director } = await person(h, m, ['director']);
    const { id, parts } = await consultationWithText(h, m, director);
    await setPhase(h, m, id, 'open');
    const [first, second] = parts;
    await manyRemarks(h, m, id, first!.id, 120, 'Uwaga-A');
    await manyRemarks(h, m, id, second!.id, 7, 'Uwaga-B');
    await manyRemarks(h, m, id, null, 3, 'Uwaga-C');

    const visitor = new TestClient(h.app);
    const url = `/${m.slug}/consultations/${id}`;
    const page1 = await visitor.get(url);
    assert.equal(page1.statusCode, 200);
    const text1 = pageText(page1.body);
    assert.equal(remarkNumbers(page1.body, 'Uwaga-A').length, 50, 'one page of remarks, not 130');
    assertExcludes(text1, 'Uwaga-B', 'the first part’s remarks come first (the report’s order)');
    assertIncludes(text1, 'Zobacz 120 uwag do tej części', 'each part says how many remarks it has and links its own paged list');
    assertIncludes(text1, 'Zobacz 7 uwag do tej części');
    assert.match(page1.body, new RegExp(`href="${url}/parts/${first!.id}"`));

    // Plain links: the next page is an address, no script needed; the pages together hold every remark once.
    const seen: number[] = [...remarkNumbers(page1.body, 'Uwaga-A')];
    let next = nextLink(page1.body);
    let last = page1.body;
    let pages = 1;
    while (next) {
      assert.ok(next.startsWith(`${url}?after=`) && next.endsWith('#remarks'), next);
      const res = await visitor.get(next);
      assert.equal(res.statusCode, 200);
      seen.push(...remarkNumbers(res.body, 'Uwaga-A'));
      assertIncludes(pageText(res.body), 'Pierwsza strona uwag');
      last = res.body;
      next = nextLink(res.body);
      pages += 1;
    }
    assert.equal(pages, 3, '130 remarks: 50 + 50 + 30');
    assert.deepEqual([...seen].sort((a, b) => a - b), Array.from({ length: 120 }, (_, i) => i + 1));
    assert.equal(remarkNumbers(last, 'Uwaga-C').length, 3, 'remarks on the whole text last');
  });

  test('the meeting named: residents see its title and time and no link that answers 403; meetings staff get the link, and it opens', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Spotkań');
    const { c: director } = await person(h, m, ['director']);
    const [meeting] = await ownerQuery<{ id: string }>(h,
      "INSERT INTO meetings (municipality_id, title, address, starts_at, ends_at) VALUES ($1, 'Spotkanie konsultacyjne w sprawie programu', 'ul. Okrzei 1', now() + interval '3 days', now() + interval '3 days 2 hours') RETURNING id",
      [m.id]);
    const { id } = await consultationWithText(h, m, director, { forms: ['comments', 'meeting'], meeting_id: meeting!.id });
    const url = `/${m.slug}/consultations/${id}`;
    const meetingHref = `/${m.slug}/meetings/${meeting!.id}`;

    const { c: resident } = await person(h, m);
    for (const [who, c] of [['resident', resident], ['visitor', new TestClient(h.app)]] as const) {
      const page = await c.get(url);
      assert.equal(page.statusCode, 200);
      assertIncludes(pageText(page.body), 'Spotkanie konsultacyjne w sprawie programu', `${who}: the meeting's title`);
      assert.ok(!page.body.includes(`href="${meetingHref}"`), `${who}: no link to the meetings staff's page`);
      // Every link on the page opens for this viewer (no 403 behind any of them).
      for (const href of new Set([...page.body.matchAll(/href="(\/[^"#?]+)[^"]*"/g)].map((x) => x[1]!).filter((hr) => hr.startsWith(`/${m.slug}/`)))) {
        const res = await c.get(href);
        assert.notEqual(res.statusCode, 403, `${who}: ${href}`);
      }
    }
    assertIncludes(pageText((await resident.get(url)).body), 'Moje zaproszenia na spotkania');
    assert.equal((await resident.get(meetingHref)).statusCode, 403, 'the meeting’s page is indeed the staff’s');

    // A community organiser signed in with TOTP (meetings.manage opens personal data) gets the link, and it opens.
    const organiser = await makeUser(h.db, { municipality: m, roles: ['community_organiser'], totp: true });
    const oc = await logIn(h, organiser);
    const staffPage = await oc.get(url);
    assert.ok(staffPage.body.includes(`href="${meetingHref}"`), 'meetings staff get the link');
    assert.equal((await oc.get(meetingHref)).statusCode, 200);
  });

  test('a short survey: staff add questions, residents fill it from the consultation page, the report counts it with small counts suppressed', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Ankietowa');
    const { c: director } = await person(h, m, ['director']);
    const { id } = await consultationWithText(h, m, director);
    const surveyUrl = `/${m.slug}/consultations/${id}/survey`;

    // Access: staff of consultations only.
    const { c: resident } = await person(h, m);
    assert.equal((await resident.get(surveyUrl)).statusCode, 403);
    assert.equal((await resident.post(surveyUrl, { text: 'Pytanie?', kind: 'scale' })).statusCode, 403);

    const empty = await director.get(surveyUrl);
    assert.equal(empty.statusCode, 200);
    assertIncludes(pageText(empty.body), 'Konsultacje nie mają jeszcze ankiety');

    const bad = await director.post(surveyUrl, { text: '', kind: 'single', choices: 'tylko jedna' });
    assert.equal(bad.statusCode, 422);
    assert.equal(fieldError(bad.body, 'text'), 'To pole jest wymagane.');
    assert.equal(fieldError(bad.body, 'choices'), 'Wpisz od 2 do 20 odpowiedzi do wyboru, każdą w osobnym wierszu.');
    assert.equal((await ownerQuery(h, "SELECT 1 FROM surveys WHERE owner_module = 'consultations' AND owner_id = $1", [id])).length, 0, 'nothing made on a bad form');

    const added = await director.post(surveyUrl, { text: 'Czy program odpowiada na potrzeby Twojej rodziny?', kind: 'single', choices: 'tak\nnie\ntrudno powiedzieć', required: '1' });
    assert.equal(added.statusCode, 303, added.body.slice(0, 400));
    assert.equal((await director.post(surveyUrl, { text: 'Jak oceniasz projekt programu?', kind: 'scale', required: '1' })).statusCode, 303);
    assert.equal((await director.post(surveyUrl, { text: 'Co jeszcze powinno znaleźć się w programie?', kind: 'long_text' })).statusCode, 303);
    const surveys = await ownerQuery<{ id: string; status: string; audience: string; anonymous: boolean; purpose: string }>(h,
      "SELECT id, status, audience, anonymous, purpose FROM surveys WHERE municipality_id = $1 AND owner_module = 'consultations' AND owner_id = $2", [m.id, id]);
    assert.equal(surveys.length, 1, 'one survey, its questions added to it');
    const survey = surveys[0]!;
    assert.deepEqual({ status: survey.status, audience: survey.audience, anonymous: survey.anonymous, purpose: survey.purpose }, { status: 'draft', audience: 'link', anonymous: true, purpose: 'consultation' });
    const [single, scale, written] = await questionIds(h, m, survey.id);
    const staffPage = pageText((await director.get(surveyUrl)).body);
    assertIncludes(staffPage, 'szkic');
    assertIncludes(staffPage, 'Jak oceniasz projekt programu?');

    // While a draft, and once the consultation is open, residents see no survey yet.
    await setPhase(h, m, id, 'open');
    await ownerQuery(h, "UPDATE surveys SET opens_at = now() - interval '1 day', closes_at = now() + interval '1 day' WHERE id = $1", [survey.id]);
    const url = `/${m.slug}/consultations/${id}`;
    assertExcludes(pageText((await resident.get(url)).body), 'Wypełnij krótką ankietę', 'a draft survey is not offered');

    // Opened in the surveys module (the director holds surveys.manage); then the consultation page offers it.
    const [{ version }] = (await ownerQuery<{ version: number }>(h, 'SELECT version FROM surveys WHERE id = $1', [survey.id])) as [{ version: number }];
    assert.equal((await director.post(`/${m.slug}/ankiety/${survey.id}/otworz`, { version: String(version) })).statusCode, 303);
    const offered = await resident.get(url);
    assertIncludes(pageText(offered.body), 'Wypełnij krótką ankietę');
    assert.ok(offered.body.includes(`href="/${m.slug}/ankiety/${survey.id}"`), 'the link goes to the survey');
    // Once open, its questions change in the builder (which versions them), not here.
    const late = await director.postJson(surveyUrl, { text: 'Jeszcze jedno?', kind: 'long_text' });
    assert.equal(late.statusCode, 409);
    assert.equal(code(late), 'consultation.survey_not_draft');

    // Eight people answer: six "tak", two "nie"; the scale 4 by all; two write something.
    for (let i = 0; i < 8; i++) {
      const c = new TestClient(h.app);
      assert.equal((await c.get(`/${m.slug}/ankiety/${survey.id}`)).statusCode, 200);
      assert.equal((await c.post(`/${m.slug}/ankiety/${survey.id}/start`, {})).statusCode, 303);
      const saved = await c.post(`/${m.slug}/ankiety/${survey.id}/odpowiedzi`, { go: 'next', [`q_${single}`]: i < 6 ? 'a' : 'b', [`q_${scale}`]: '4', [`q_${written}`]: i < 2 ? 'Więcej zajęć dla seniorów' : '' });
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
      assert.equal((await c.post(`/${m.slug}/ankiety/${survey.id}/wyslij`, {})).statusCode, 303);
    }

    // The report (staff's draft view before publishing): counts, small ones "<5", written answers counted, never listed.
    const report = await director.get(`${url}/report`);
    assert.equal(report.statusCode, 200);
    const text = pageText(report.body);
    assertIncludes(text, 'Krótka ankieta');
    assertIncludes(text, 'Wypełnione ankiety: 8');
    const row = (label: string) => new RegExp(`<th[^>]*>${label}</th>\\s*<td[^>]*>([^<]*)</td>`).exec(report.body)?.[1]?.trim();
    assert.equal(row('tak'), '6');
    assert.equal(row('nie'), '&lt;5', 'two answers: suppressed');
    assert.equal(row('trudno powiedzieć'), '0');
    assert.equal(row('4'), '8');
    assertIncludes(text, 'Odpowiedzi opisowe: <5 (nie są publikowane).');
    assertExcludes(text, 'Więcej zajęć dla seniorów', 'written answers are never listed in the report');

    // The PDF carries the survey too (rendered on the worker pool).
    const pdf = await director.get(`${url}/report.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
  });
  test('the survey opened and closed from the consultation’s page by its staff without surveys.manage; a person with neither permission gets 403', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Ankiet Właścicielskich');
    // An administrator holds consultations.manage and not surveys.manage (the surveys module's own routes refuse them).
    const { c: admin } = await person(h, m, ['administrator']);
    const { id } = await consultationWithText(h, m, admin);
    const surveyUrl = `/${m.slug}/consultations/${id}/survey`;
    const surveyRow = async () => (await ownerQuery<{ id: string; status: string; version: number }>(h,
      "SELECT id, status, version FROM surveys WHERE municipality_id = $1 AND owner_module = 'consultations' AND owner_id = $2", [m.id, id]))[0]!;

    // Nothing to open before a question exists.
    assert.equal((await admin.post(`${surveyUrl}/open`, { version: '1' })).statusCode, 404);
    assert.equal((await admin.post(surveyUrl, { text: 'Czy projekt programu jest zrozumiały?', kind: 'single', choices: 'tak\nnie', required: '1' })).statusCode, 303);
    const draft = await surveyRow();
    assert.equal(draft.status, 'draft');
    assert.equal((await admin.post(`/${m.slug}/ankiety/${draft.id}/otworz`, { version: String(draft.version) })).statusCode, 403, 'the surveys module’s own route needs surveys.manage');

    // A resident (neither permission) and a coordinator (surveys.manage, not consultations.manage): 403, nothing changes.
    const { c: resident } = await person(h, m);
    const coordinator = await makeUser(h.db, { municipality: m, roles: ['coordinator'], totp: true });
    const cc = await logIn(h, coordinator);
    for (const [who, c] of [['resident', resident], ['coordinator', cc], ['visitor', new TestClient(h.app)]] as const) {
      const res = await c.post(`${surveyUrl}/open`, { version: String(draft.version) });
      assert.ok(res.statusCode === 403 || (who === 'visitor' && (res.statusCode === 401 || res.statusCode === 303)), `${who}: ${res.statusCode}`);
    }
    assert.equal((await surveyRow()).status, 'draft', 'refused requests open nothing');

    // The page offers the button; a stale version is 409 with nothing changed; the current one opens the survey.
    const page = await admin.get(surveyUrl);
    assert.ok(page.body.includes(`action="${surveyUrl}/open"`), 'the open button is on the consultation’s survey page');
    const stale = await admin.postJson(`${surveyUrl}/open`, { version: String(draft.version + 1) });
    assert.equal(stale.statusCode, 409);
    assert.equal(code(stale), 'conflict.stale');
    const opened = await admin.post(`${surveyUrl}/open`, { version: String(draft.version) });
    assert.equal(opened.statusCode, 303, opened.body.slice(0, 300));
    const open = await surveyRow();
    assert.equal(open.status, 'open');
    const audited = await ownerQuery<{ action: string }>(h, "SELECT action FROM audit_log WHERE municipality_id = $1 AND subject_id = $2 AND action = 'survey.opened'", [m.id, draft.id]);
    assert.equal(audited.length, 1, 'the opening is audited as the surveys module audits it');

    // Residents are offered it once the consultation is open; staff close it from the same page.
    await setPhase(h, m, id, 'open');
    await ownerQuery(h, "UPDATE surveys SET opens_at = now() - interval '1 day', closes_at = now() + interval '1 day' WHERE id = $1", [open.id]);
    assertIncludes(pageText((await resident.get(`/${m.slug}/consultations/${id}`)).body), 'Wypełnij krótką ankietę');
    assert.equal((await resident.post(`${surveyUrl}/close`, { version: String(open.version) })).statusCode, 403);
    const closed = await admin.postJson(`${surveyUrl}/close`, { version: String(open.version) });
    assert.equal(closed.statusCode, 200);
    assert.equal((await surveyRow()).status, 'closed');
    assertExcludes(pageText((await resident.get(`/${m.slug}/consultations/${id}`)).body), 'Wypełnij krótką ankietę', 'a closed survey is no longer offered');
  });
});
