import assert from 'node:assert/strict';
import { test } from 'node:test';
import { announceOpenings, sweepOpenings } from '../../src/modules/consultations';
import { TestClient } from '../support/client';
import { assertExcludes, assertIncludes } from '../support/assertions';
import { ownerQuery } from '../support/db';
import { makeMunicipality } from '../support/factories';
import { describeEachEngine, devMail } from '../support/harness';
import { fieldError, pageText } from '../support/pages';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import type { Harness } from '../support/harness';
import { consultationForm, consultationWithText, person, remarksOf, setPhase } from './consultations-helpers';

/** Issue 16, what remained: paging of remarks, the audience, spheres added after the opening, mail languages, the meeting named. */

const code = (res: { body: string }) => (JSON.parse(res.body) as { error: { code: string } }).error.code;
const ymd = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
const DAY = 86_400_000;
/** The form's period for a consultation open now (yesterday to next week). */
const openNow = { opens_on: ymd(new Date(Date.now() - DAY)), opens_time: '8:00', closes_on: ymd(new Date(Date.now() + 7 * DAY)), closes_time: '23:59' };

/** Remarks written straight into the table: `n` on one part (or the whole text), all with the same time (ties broken by id). */
async function manyRemarks(h: Harness, m: MunicipalityRow, consultationId: string, partId: string | null, n: number, label: string): Promise<void> {
  await ownerQuery(h,
    `INSERT INTO consultation_remarks (municipality_id, consultation_id, part_id, source, author_name, content, created_at)
     SELECT $1, $2, $3, 'comment', 'Osoba testowa', $4 || ' ' || i, now() - interval '1 hour' FROM generate_series(1, $5::int) AS i`,
    [m.id, consultationId, partId, label, n]);
}

async function organisation(h: Harness, m: MunicipalityRow, name: string, spheres: string[], email: string, member?: string): Promise<string> {
  const [o] = await ownerQuery<{ id: string }>(h,
    "INSERT INTO organisations (municipality_id, name, kind, spheres, email, status, verified_at) VALUES ($1, $2, 'association', $3, $4, 'verified', now()) RETURNING id",
    [m.id, name, spheres, email]);
  if (member) await ownerQuery(h, "INSERT INTO organisation_members (municipality_id, organisation_id, user_id, role) VALUES ($1, $2, $3, 'member')", [m.id, o!.id, member]);
  return o!.id;
}

const nextLink = (body: string) => /href="([^"]+\?after=[0-9a-f-]{36}[^"]*)" rel="next"/.exec(body)?.[1]?.replace(/&amp;/g, '&');
const remarkTexts = (body: string, label: string) => [...pageText(body).matchAll(new RegExp(`${label} (\\d+)`, 'g'))].map((x) => Number(x[1]));

describeEachEngine('consultations: paging, audience, spheres added while open, mail languages, the meeting', (h) => {
  test('remarks come 50 a page by keyset, on a part’s page and on the staff list, with links that need no JavaScript', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Stron');
    const { c: director } = await person(h, m, ['director']);
    const { id, parts } = await consultationWithText(h, m, director);
    await setPhase(h, m, id, 'open');
    const [first, second] = parts;
    await manyRemarks(h, m, id, first!.id, 57, 'Uwaga-A');
    await manyRemarks(h, m, id, second!.id, 3, 'Uwaga-B');
    await manyRemarks(h, m, id, null, 2, 'Uwaga-C');
    const { c: resident } = await person(h, m);
    assert.equal((await resident.post(`/${m.slug}/consultations/${id}/parts/${first!.id}/comments`, { content: 'Uwaga-A 1000' })).statusCode, 303);

    // A part's page: newest first, so the remark just sent is on the first page; 50 there, 8 on the next.
    const url = `/${m.slug}/consultations/${id}/parts/${first!.id}`;
    const page1 = (await new TestClient(h.app).get(url)).body;
    const shown1 = remarkTexts(page1, 'Uwaga-A');
    assert.equal(shown1.length, 50);
    assert.equal(shown1[0], 1000, 'the newest first');
    assertExcludes(pageText(page1), 'Uwaga-B', 'only this part’s remarks');
    assertExcludes(pageText(page1), 'Pierwsza strona uwag');
    const next = nextLink(page1);
    assert.ok(next, 'a link to the next page');
    const page2 = (await new TestClient(h.app).get(next)).body;
    const shown2 = remarkTexts(page2, 'Uwaga-A');
    assert.equal(shown2.length, 8);
    assert.equal(nextLink(page2), undefined, 'the last page');
    assertIncludes(pageText(page2), 'Pierwsza strona uwag');
    assert.deepEqual([...shown1, ...shown2].sort((a, b) => a - b), [...Array.from({ length: 57 }, (_, i) => i + 1), 1000], 'every remark once, none twice');
    const bogus = await new TestClient(h.app).get(`${url}?after=00000000-0000-4000-8000-000000000000`);
    assert.equal(bogus.statusCode, 200);
    assertIncludes(pageText(bogus.body), 'Na tej stronie nie ma już uwag.');
    assert.equal((await new TestClient(h.app).get(`${url}?after=nie-uuid`)).statusCode, 200, 'a malformed anchor reads the first page');

    // Staff's list: the report's order (by part, the whole text last), numbered across pages.
    const manage1 = (await director.get(`/${m.slug}/consultations/${id}/manage`)).body;
    assert.equal((manage1.match(/Stanowisko do uwagi nr \d+/g) ?? []).length, 50);
    assertIncludes(pageText(manage1), 'Stanowisko do uwagi nr 1 ');
    assertIncludes(pageText(manage1), 'Stanowisko do uwagi nr 50 ');
    const manageNext = nextLink(manage1);
    assert.ok(manageNext?.endsWith('#remarks'));
    const manage2 = (await director.get(manageNext!)).body;
    const numbers = [...manage2.matchAll(/Stanowisko do uwagi nr (\d+)/g)].map((x) => Number(x[1]));
    assert.deepEqual(numbers, Array.from({ length: 13 }, (_, i) => 51 + i), 'numbered on from the first page');
    assertIncludes(pageText(manage2), 'Uwaga-C', 'remarks on the whole text come last');
    assertExcludes(pageText(manage1), 'Uwaga-C');
    const all = await remarksOf(h, m, id);
    assert.equal(all.length, 63);
  });

  test('the audience decides: start card and comments; an organisation-only consultation refuses a resident, whatever the form sends', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Adresatów');
    const { c: director } = await person(h, m, ['director']);
    const { id: forOrganisations, parts } = await consultationWithText(h, m, director, { audience: ['organisations'], subject: 'Program współpracy — tylko organizacje' });
    await setPhase(h, m, forOrganisations, 'open');
    const { c: resident, user: residentUser } = await person(h, m, ['resident']);
    const { c: member, user: memberUser } = await person(h, m, ['ngo_member']);
    const orgId = await organisation(h, m, 'Stowarzyszenie Sąsiedzi', ['seniors'], 'sasiedzi@adresaci.example', memberUser.id);
    const card = 'Konsultacje, w których możesz teraz zgłosić uwagi';
    assertExcludes(pageText((await resident.get(`/${m.slug}`)).body), card, 'not for a resident');
    assertIncludes(pageText((await member.get(`/${m.slug}`)).body), `${card}: 1`, 'for a member of a verified organisation');

    const url = `/${m.slug}/consultations/${forOrganisations}/parts/${parts[0]!.id}`;
    assertIncludes(pageText((await resident.get(url)).body), 'Te konsultacje są skierowane do: organizacje z rejestru');
    assert.equal((await resident.get(url)).body.includes('name="content"'), false, 'no comment form for them');
    const refused = await resident.post(`${url}/comments`, { content: 'Chcę zabrać głos jako mieszkanka.' });
    assert.equal(refused.statusCode, 403);
    assertIncludes(pageText(refused.body), 'Te konsultacje nie obejmują Twojej grupy');
    const refusedJson = await resident.postJson(`${url}/comments`, { content: 'Jednak spróbuję', organisation_id: orgId });
    assert.deepEqual([refusedJson.statusCode, code(refusedJson)], [403, 'consultation.not_consulted'], 'naming an organisation they do not belong to changes nothing');
    const unsigned = await member.post(`${url}/comments`, { content: 'Bez organizacji' });
    assert.equal(fieldError(unsigned.body, 'organisation_id'), 'Te konsultacje są dla organizacji: wybierz organizację, w imieniu której zgłaszasz uwagę.');
    assert.equal((await member.post(`${url}/comments`, { content: 'W imieniu stowarzyszenia', organisation_id: orgId })).statusCode, 303);
    const stored = await remarksOf(h, m, forOrganisations);
    assert.deepEqual(stored.map((r) => [r.author_id, r.content]), [[memberUser.id, 'W imieniu stowarzyszenia']], 'only the organisation’s remark was stored');

    // Residents only: the resident is counted and heard; the organisation's member (not a resident) is not.
    const { id: forResidents, parts: rParts } = await consultationWithText(h, m, director, { audience: ['residents'], subject: 'Regulamin MAL — mieszkańcy' });
    await setPhase(h, m, forResidents, 'open');
    assertIncludes(pageText((await resident.get(`/${m.slug}`)).body), `${card}: 1`);
    assertIncludes(pageText((await member.get(`/${m.slug}`)).body), `${card}: 1`, 'still only the organisations’ one');
    const rUrl = `/${m.slug}/consultations/${forResidents}/parts/${rParts[0]!.id}/comments`;
    assert.equal((await resident.post(rUrl, { content: 'Proszę wydłużyć godziny otwarcia.' })).statusCode, 303);
    const onBehalf = await member.postJson(rUrl, { content: 'Jako organizacja', organisation_id: orgId });
    assert.deepEqual([onBehalf.statusCode, code(onBehalf)], [403, 'consultation.not_consulted']);
    assert.equal((await remarksOf(h, m, forResidents)).length, 1);
    assert.ok(residentUser.id);
  });

  test('spheres added while open: only the new spheres’ organisations are mailed, once; mails in the recipient’s language', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Nowych Sfer');
    const { c: director } = await person(h, m, ['director']);
    const { user: english } = await person(h, m, ['ngo_member']);
    await ownerQuery(h, "UPDATE users SET locale = 'en' WHERE id = $1", [english.id]);
    await organisation(h, m, 'Klub Seniora', ['seniors'], 'klub@nowe-sfery.example');
    await organisation(h, m, 'Bank Żywności', ['social_assistance'], 'bank@nowe-sfery.example');
    await organisation(h, m, 'Fundacja Obu Sfer', ['seniors', 'social_assistance'], 'obie@nowe-sfery.example');
    await organisation(h, m, 'Stowarzyszenie Angielskie', ['social_assistance'], english.email);
    await organisation(h, m, 'Klub Sportowy', ['physical_culture'], 'sport@nowe-sfery.example');
    const { id } = await consultationWithText(h, m, director, { spheres: ['seniors'] });
    const town = { id: m.id, slug: m.slug, cus_name: m.cus_name };
    const deps = { db: h.db, publicUrl: h.config.publicUrl };
    await setPhase(h, m, id, 'open');
    assert.equal(await announceOpenings(deps, town), 2, 'at the opening: the seniors’ organisations');

    const [row] = await ownerQuery<{ version: number }>(h, 'SELECT version FROM consultations WHERE id = $1', [id]);
    const edited = await director.post(`/${m.slug}/consultations/${id}/edit`, { ...consultationForm({ ...openNow, spheres: ['seniors', 'social_assistance'] }), version: String(row!.version) });
    assert.equal(edited.statusCode, 303);
    await h.worker.drain();
    assert.equal(await sweepOpenings(deps), 0, 'claimed once: a later sweep mails nobody');
    const subject = `Zaproszenie do konsultacji: ${consultationForm().subject}`;
    for (const to of ['klub@nowe-sfery.example', 'obie@nowe-sfery.example', 'bank@nowe-sfery.example']) {
      const mails = await devMail(h.db, to);
      assert.equal(mails.length, 1, `${to}: once`);
      assert.equal(mails[0]!.subject, subject);
    }
    assert.equal((await devMail(h.db, 'sport@nowe-sfery.example')).length, 0);
    const inEnglish = await devMail(h.db, english.email);
    assert.equal(inEnglish.length, 1);
    assert.equal(inEnglish[0]!.subject.startsWith('Zaproszenie'), false, 'the English account’s address gets the English mail');
    assertIncludes(inEnglish[0]!.body_text, `/${m.slug}/consultations/${id}`);

    // The report mail too: a participant whose account is in English.
    const { c: reader, user: readerUser } = await person(h, m, ['resident']);
    await ownerQuery(h, "UPDATE users SET locale = 'en' WHERE id = $1", [readerUser.id]);
    const [part] = await ownerQuery<{ id: string }>(h, 'SELECT id FROM consultation_parts WHERE consultation_id = $1 AND removed_at IS NULL ORDER BY position LIMIT 1', [id]);
    assert.equal((await reader.post(`/${m.slug}/consultations/${id}/parts/${part!.id}/comments`, { content: 'A remark in Polish context' })).statusCode, 303);
    await setPhase(h, m, id, 'closed');
    const [v] = await ownerQuery<{ version: number }>(h, 'SELECT version FROM consultations WHERE id = $1', [id]);
    assert.equal((await director.post(`/${m.slug}/consultations/${id}/report/publish`, { version: String(v!.version), confirmed: 'yes' })).statusCode, 303);
    await h.worker.drain();
    const report = await devMail(h.db, readerUser.email);
    assert.equal(report.length, 1);
    assert.equal(report[0]!.subject.startsWith('Raport z konsultacji'), false, 'in English');
  });

  test('the meeting named must be a meeting of the municipality: otherwise a Polish field error', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Spotkań');
    const other = await makeMunicipality(h.db, 'Gmina Cudza');
    const { c: director } = await person(h, m, ['director']);
    const meeting = async (town: MunicipalityRow) =>
      (await ownerQuery<{ id: string }>(h, "INSERT INTO meetings (municipality_id, title, address, starts_at, ends_at) VALUES ($1, 'Spotkanie konsultacyjne', 'ul. Okrzei 1, Żyrardów', now() + interval '3 days', now() + interval '3 days 2 hours') RETURNING id", [town.id]))[0]!.id;
    const ours = await meeting(m);
    const theirs = await meeting(other);
    const message = 'Nie ma takiego spotkania w module spotkań tej gminy — skopiuj identyfikator z adresu strony spotkania albo zostaw pole puste.';
    for (const meetingId of [theirs, '6f1c2b9e-0000-4000-8000-000000000001']) {
      const refused = await director.post(`/${m.slug}/consultations/new`, consultationForm({ forms: ['comments', 'meeting'], meeting_id: meetingId }));
      assert.equal(refused.statusCode, 422, meetingId);
      assert.equal(fieldError(refused.body, 'meeting_id'), message);
    }
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM consultations WHERE municipality_id = $1', [m.id])).length, 0, 'nothing saved');
    const { id } = await consultationWithText(h, m, director, { forms: ['comments', 'meeting'], meeting_id: ours });
    const [saved] = await ownerQuery<{ meeting_id: string; version: number }>(h, 'SELECT meeting_id, version FROM consultations WHERE id = $1', [id]);
    assert.equal(saved!.meeting_id, ours);
    const edit = await director.post(`/${m.slug}/consultations/${id}/edit`, { ...consultationForm({ meeting_id: theirs }), version: String(saved!.version) });
    assert.equal(edit.statusCode, 422, 'checked on an edit too');
    assert.equal(fieldError(edit.body, 'meeting_id'), message);
  });
});
