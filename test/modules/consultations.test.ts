import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestClient } from '../support/client';
import { makeMunicipality } from '../support/factories';
import { describeEachEngine, devMail } from '../support/harness';
import { CONFLICT, fieldError, pageText } from '../support/pages';
import { pdfText } from '../support/pdf-text';
import { assertExcludes, assertIncludes } from '../support/assertions';
import { announceOpenings, sweepOpenings } from '../../src/modules/consultations';
import { consultationForm, consultationWithText, makeDocx, partsOf, person, remarksOf, setPhase, uploadDocx } from './consultations-helpers';

const code = (res: { body: string }) => (JSON.parse(res.body) as { error: { code: string } }).error.code;

describeEachEngine('consultations: who may run them, comments, anonymity, the closing time, positions, the report', (h) => {
  test('only consultations.manage runs consultations; field errors in Polish; another municipality sees nothing', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Konsultacji');
    const other = await makeMunicipality(h.db, 'Gmina Obca');
    const anonymous = new TestClient(h.app);
    const login = await anonymous.get(`/${m.slug}/consultations/new`);
    assert.equal(login.statusCode, 303);
    for (const roles of [['resident'], ['coordinator'], ['ngo_member']] as const) {
      const { c } = await person(h, m, [...roles]);
      assert.equal((await c.get(`/${m.slug}/consultations/new`)).statusCode, 403, roles.join());
      assert.equal((await c.post(`/${m.slug}/consultations/new`, consultationForm())).statusCode, 403, roles.join());
    }
    const { c: director } = await person(h, m, ['director']);
    const refused = await director.post(`/${m.slug}/consultations/new`, consultationForm({ subject: '', audience: [], closes_on: '2020-01-01', opens_time: '25:00' }));
    assert.equal(refused.statusCode, 422);
    assert.equal(fieldError(refused.body, 'subject'), 'To pole jest wymagane.');
    assert.ok(fieldError(refused.body, 'audience'));
    assert.ok(fieldError(refused.body, 'opens_time'));
    const order = await director.post(`/${m.slug}/consultations/new`, consultationForm({ closes_on: '2020-01-01' }));
    assert.equal(fieldError(order.body, 'closes_on'), 'Koniec konsultacji musi być późniejszy niż ich początek.');
    const { id } = await consultationWithText(h, m, director);
    for (const roles of [['community_organiser'], ['administrator']] as const) {
      const { c } = await person(h, m, [...roles]);
      assert.equal((await c.get(`/${m.slug}/consultations/${id}/manage`)).statusCode, 200, roles.join());
    }
    const { c: outsider } = await person(h, other, ['director']);
    assert.equal((await outsider.get(`/${m.slug}/consultations/${id}/manage`)).statusCode, 403);
    assert.equal((await outsider.get(`/${other.slug}/consultations/${id}`)).statusCode, 404, 'RLS: not in the other municipality');
    assert.equal((await outsider.get(`/${other.slug}/consultations/${id}/manage`)).statusCode, 404);
    const list = pageText((await anonymous.get(`/${m.slug}/consultations`)).body);
    assertIncludes(list, 'Projekt programu współpracy z organizacjami na 2027 rok');
    assertIncludes(list, 'zapowiedziane');
    assert.equal((await anonymous.get(`/${m.slug}/consultations/${id}/report`)).statusCode, 404, 'no report before it is published');
  });

  test('comments: quote must be in the part, markup is text, anonymous names hidden from everyone, closed → refused, removed part → refused, text locked while open', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Uwag');
    const { c: director } = await person(h, m, ['director']);
    const { id, parts } = await consultationWithText(h, m, director);
    const part = parts.find((p) => p.label === '§ 2')!;
    const url = `/${m.slug}/consultations/${id}/parts/${part.id}`;
    const { c: resident, user } = await person(h, m);
    const early = await resident.postJson(`${url}/comments`, { content: 'Za wcześnie' });
    assert.deepEqual([early.statusCode, code(early)], [409, 'consultation.not_open'], 'before the opening');
    await setPhase(h, m, id, 'open');

    const locked = await director.postJson(`/${m.slug}/consultations/${id}/parts/${part.id}/edit`, { label: '§ 2', chapter: '', body: 'Nowe', version: String(part.version) });
    assert.deepEqual([locked.statusCode, code(locked)], [409, 'consultation.text_locked']);

    const badQuote = await resident.post(`${url}/comments`, { quote: 'tego nie ma w tekście', content: 'Uwaga' });
    assert.equal(badQuote.statusCode, 422);
    assert.equal(fieldError(badQuote.body, 'quote'), 'Cytowany fragment musi pochodzić z tej części tekstu — skopiuj go dokładnie albo zostaw pole puste.');
    assert.equal(fieldError(badQuote.body, 'content'), '');
    const empty = await resident.post(`${url}/comments`, { content: '  ' });
    assert.equal(fieldError(empty.body, 'content'), 'To pole jest wymagane.');

    const signed = await resident.post(`${url}/comments`, { quote: 'uczciwej  konkurencji', content: '<script>alert("x")</script> Proszę dodać zasadę <b>otwartości</b>.', proposal: 'Współpraca odbywa się na zasadach pomocniczości, partnerstwa i otwartości.' });
    assert.equal(signed.statusCode, 303);
    const { c: shy, user: shyUser } = await person(h, m);
    assert.equal((await shy.post(`${url}/comments`, { anonymous: '1', content: 'Wolę nie podawać nazwiska.' })).statusCode, 303);
    const stored = await remarksOf(h, m, id);
    assert.equal(stored.length, 2);
    // Start cards: staff — open consultations and remarks without a position; a resident — where they can comment now.
    const staffStart = pageText((await director.get(`/${m.slug}`)).body);
    assertIncludes(staffStart, 'Konsultacje trwające teraz: 1');
    assertIncludes(staffStart, '2 uwagi czekają na stanowisko ośrodka');
    assertIncludes(pageText((await resident.get(`/${m.slug}`)).body), 'Konsultacje, w których możesz teraz zgłosić uwagi: 1');
    assert.equal(stored[1]!.author_id, shyUser.id, 'the author is kept (for the report by mail)');

    const page = (await new TestClient(h.app).get(url)).body;
    assert.ok(!page.includes('<script>alert'), 'markup is escaped');
    assertIncludes(pageText(page), '<script>alert("x")</script> Proszę dodać zasadę <b>otwartości</b>.');
    assertIncludes(page, '<ins>', 'the proposal as a word diff');
    const shyName = `Osoba ${shyUser.email.slice(6, 14)}`;
    const residentName = `Osoba ${user.email.slice(6, 14)}`;
    for (const [who, c] of [['anonymous', new TestClient(h.app)], ['resident', resident], ['staff', director]] as const) {
      for (const path of [url, `/${m.slug}/consultations/${id}`, `/${m.slug}/consultations/${id}/manage`]) {
        const res = await c.get(path);
        if (res.statusCode !== 200) continue;
        assertExcludes(res.body, shyName, `${who} ${path}: an anonymous author's name is never shown`);
      }
    }
    assertIncludes(pageText((await resident.get(url)).body), residentName, 'a signed remark shows its author');
    assertIncludes(pageText((await resident.get(url)).body), 'anonimowo');

    const notAllowed = await director.post(`/${m.slug}/consultations/${id}/edit`, { ...consultationForm({ opens_on: '2026-01-01', closes_on: '2030-01-01' }), allow_anonymous: '', version: '2' });
    assert.equal(notAllowed.statusCode, 303);
    const refusedAnon = await shy.post(`${url}/comments`, { anonymous: '1', content: 'Znów anonimowo' });
    assert.equal(fieldError(refusedAnon.body, 'anonymous'), 'W tych konsultacjach uwagi są podpisane — odznacz to pole.');

    await setPhase(h, m, id, 'closed');
    const late = await resident.post(`${url}/comments`, { content: 'Po terminie' });
    assert.equal(late.statusCode, 409);
    assertIncludes(pageText(late.body), 'Konsultacje nie trwają (termin minął albo jeszcze się nie rozpoczął) — uwagi nie zostały zapisane.');
    const lateJson = await resident.postJson(`${url}/comments`, { content: 'Po terminie' });
    assert.deepEqual([lateJson.statusCode, code(lateJson)], [409, 'consultation.not_open']);

    const gone = parts.find((p) => p.label === '§ 3')!;
    assert.equal((await director.post(`/${m.slug}/consultations/${id}/parts/${gone.id}/remove`, { version: String(gone.version) })).statusCode, 303);
    await setPhase(h, m, id, 'open');
    const onGone = await resident.postJson(`/${m.slug}/consultations/${id}/parts/${gone.id}/comments`, { content: 'Do usuniętej części' });
    assert.deepEqual([onGone.statusCode, code(onGone)], [409, 'consultation.part_gone']);
    assert.equal((await remarksOf(h, m, id)).length, 2, 'nothing refused was stored');
    assert.equal((await new TestClient(h.app).postJson(`${url}/comments`, { content: 'bez logowania' })).statusCode, 401);

    // "Download my data": each person's own remarks, the anonymous one too, nobody else's.
    const mine = (await resident.get(`/${m.slug}/my/data.json`)).json() as { consultation_remarks: { content: string; anonymous: boolean; part_label: string; consultation: string }[] };
    assert.deepEqual(mine.consultation_remarks.map((r) => [r.part_label, r.anonymous, r.content]), [['§ 2', false, '<script>alert("x")</script> Proszę dodać zasadę <b>otwartości</b>.']]);
    assert.equal(mine.consultation_remarks[0]!.consultation, consultationForm().subject);
    const shyData = await shy.get(`/${m.slug}/my/data.json`);
    assert.deepEqual((shyData.json() as typeof mine).consultation_remarks.map((r) => [r.anonymous, r.content]), [[true, 'Wolę nie podawać nazwiska.']]);
    assertExcludes(shyData.body, 'otwartości', "another person's remark");
    const shyPdf = pdfText((await shy.get(`/${m.slug}/my/data.pdf`)).rawPayload);
    assertIncludes(shyPdf, 'Moje uwagi w konsultacjach społecznych');
    assertIncludes(shyPdf, 'Wolę nie podawać nazwiska.');

    // Spam: at most 20 remarks of one person in 10 minutes; the 21st is refused with a Polish page, others still comment.
    const { c: spammer } = await person(h, m);
    for (let i = 1; i <= 20; i++) assert.equal((await spammer.post(`${url}/comments`, { content: `Uwaga numer ${i}` })).statusCode, 303, `remark ${i}`);
    const flood = await spammer.post(`${url}/comments`, { content: 'Uwaga numer 21' });
    assert.equal(flood.statusCode, 429);
    assertIncludes(pageText(flood.body), 'Zbyt wiele żądań. Odczekaj chwilę i spróbuj ponownie.');
    assert.equal((await remarksOf(h, m, id)).length, 22, 'the 21st was not stored');
    assert.equal((await resident.post(`${url}/comments`, { content: 'Jeszcze jedna uwaga' })).statusCode, 303, 'the limit is per person');
  });

  test('positions: reasons required, two staff on one position → 409 with nothing lost; moderation; the report (page, PDF, mail) and the text after it with a diff', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Raportu');
    const { c: director } = await person(h, m, ['director']);
    const { c: organiser } = await person(h, m, ['community_organiser']);
    const { id, parts } = await consultationWithText(h, m, director);
    await setPhase(h, m, id, 'open');
    const part = parts[0]!;
    const { c: resident, user } = await person(h, m);
    const { c: shy, user: shyUser } = await person(h, m);
    await resident.post(`/${m.slug}/consultations/${id}/parts/${part.id}/comments`, { content: 'Proszę doprecyzować cele.' });
    await shy.post(`/${m.slug}/consultations/${id}/parts/${part.id}/comments`, { content: 'Reklama: tanie kredyty', anonymous: '1' });
    const written = await director.post(`/${m.slug}/consultations/${id}/remarks`, { source: 'written', author_name: 'Jan Pietrzak', organisation_name: 'Stowarzyszenie „Razem”', received_on: '2026-12-01', content: 'Uwaga pisemna do całości.' });
    assert.equal(written.statusCode, 303);
    await setPhase(h, m, id, 'closed');
    const [first, spam, letter] = await remarksOf(h, m, id);

    const positionUrl = `/${m.slug}/consultations/${id}/remarks/${first!.id}/position`;
    const noReasons = await director.post(positionUrl, { position: 'rejected', reasons: '', version: '1' });
    assert.equal(fieldError(noReasons.body, 'reasons'), 'Napisz uzasadnienie — trafi do raportu.');
    assert.equal((await director.post(positionUrl, { position: 'accepted', reasons: 'Doprecyzujemy cele w § 1.', version: '1' })).statusCode, 303);
    const stale = await organiser.post(positionUrl, { position: 'rejected', reasons: 'Cele są wystarczająco jasne.', version: '1' });
    assert.equal(stale.statusCode, 409);
    assertIncludes(pageText(stale.body), CONFLICT);
    assertIncludes(pageText(stale.body), 'Cele są wystarczająco jasne.', "the second person's reasons are kept on the form");
    assertIncludes(pageText(stale.body), 'Doprecyzujemy cele w § 1.', 'beside what is saved');
    assert.equal((await remarksOf(h, m, id))[0]!.reasons, 'Doprecyzujemy cele w § 1.', 'the first save stands');

    assert.equal((await director.post(`/${m.slug}/consultations/${id}/remarks/${spam!.id}/hide`, { reason: 'reklama (zasady moderacji, pkt 3)', version: '1' })).statusCode, 303);
    assert.equal((await director.post(`/${m.slug}/consultations/${id}/remarks/${letter!.id}/position`, { position: 'partly', reasons: 'Częściowo.', version: '1' })).statusCode, 303);
    const publicPage = pageText((await new TestClient(h.app).get(`/${m.slug}/consultations/${id}`)).body);
    assertIncludes(publicPage, 'Uwaga ukryta przez moderatora. Powód: reklama (zasady moderacji, pkt 3)');
    assertExcludes(publicPage, 'tanie kredyty');

    // The text after the consultation: the first change keeps the consulted text.
    const edited = await director.post(`/${m.slug}/consultations/${id}/parts/${part.id}/edit`, { label: part.label, chapter: 'Rozdział 1. Postanowienia ogólne', body: 'Program określa cele, zasady, formy i mierniki współpracy.', version: String(part.version) });
    assert.equal(edited.statusCode, 303);
    const changes = (await new TestClient(h.app).get(`/${m.slug}/consultations/${id}/changes`)).body;
    assert.match(changes, /<ins><span class="visually-hidden">dodano: <\/span>i mierniki <\/ins>współpracy/);

    // Publishing goes through the confirmation page: what it publishes, whom it mails, that it cannot be undone.
    const confirmPage = pageText((await director.get(`/${m.slug}/consultations/${id}/report/publish`)).body);
    for (const s of ['Opublikować raport z konsultacji?', 'jako ogłoszenie w kategorii „Konsultacje”', 'Wiadomość z odnośnikiem do raportu dostaną 2 uczestnicy konsultacji.', 'Tego nie można cofnąć']) assertIncludes(confirmPage, s);
    const unconfirmed = await director.post(`/${m.slug}/consultations/${id}/report/publish`, { version: await versionOf(id) });
    assert.equal(unconfirmed.statusCode, 422);
    assertIncludes(pageText(unconfirmed.body), 'Nic nie zostało zrobione: tę czynność trzeba najpierw potwierdzić.');
    assert.equal((await h.db.ownerTx((sql) => sql.query('SELECT 1 FROM consultations WHERE id = $1 AND report_published_at IS NOT NULL', [id]))).length, 0, 'nothing published unconfirmed');
    const publish = await director.post(`/${m.slug}/consultations/${id}/report/publish`, { version: await versionOf(id), confirmed: 'yes' });
    assert.equal(publish.statusCode, 303);
    const again = await director.postJson(`/${m.slug}/consultations/${id}/report/publish`, { version: await versionOf(id), confirmed: 'yes' });
    assert.deepEqual([again.statusCode, code(again)], [409, 'consultation.report_state']);
    const announced = await h.db.ownerTx((sql) => sql.query<{ source_id: string; title: string }>("SELECT source_id, title FROM announcements WHERE municipality_id = $1 AND source_module = 'consultations' ORDER BY source_id", [m.id]));
    assert.deepEqual(announced.map((a) => a.source_id), [id, `${id}/report`], 'the notice at the opening and the report, in the announcements');
    assert.match(announced[1]!.title, /^Raport z konsultacji: /);
    const report = pageText((await new TestClient(h.app).get(`/${m.slug}/consultations/${id}/report`)).body);
    for (const s of ['Jan Pietrzak', 'Stowarzyszenie „Razem”', 'uwzględniona częściowo', 'Doprecyzujemy cele w § 1.', 'anonimowo', 'Uwaga ukryta przez moderatora', `Osoba ${user.email.slice(6, 14)}`]) assertIncludes(report, s);
    assertExcludes(report, `Osoba ${shyUser.email.slice(6, 14)}`);
    const pdf = await new TestClient(h.app).get(`/${m.slug}/consultations/${id}/report.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const pdfBody = pdf.rawPayload;
    assert.ok(pdfBody.subarray(0, 5).toString() === '%PDF-');
    assert.ok(pdfText(pdfBody).length > 0);

    await h.worker.drain();
    for (const u of [user, shyUser]) {
      const mails = await devMail(h.db, u.email);
      assert.equal(mails.length, 1, u.email);
      assert.match(mails[0]!.subject, /^Raport z konsultacji: /);
      assertIncludes(mails[0]!.body_text, `/${m.slug}/consultations/${id}/report`);
    }
  });

  test('announced at the opening by e-mail to the verified organisations whose spheres match, once however many instances sweep', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Sfer');
    const { c: director } = await person(h, m, ['director']);
    const wrong = await director.post(`/${m.slug}/consultations/new`, consultationForm({ spheres: ['social_assistance', 'nie-ma-takiej'] }));
    assert.equal(wrong.statusCode, 422, 'an unknown sphere is refused');
    const { id } = await consultationWithText(h, m, director, { spheres: ['social_assistance', 'seniors'] });
    const { id: noSpheres } = await consultationWithText(h, m, director, { subject: 'Konsultacje bez sfer' });
    const [saved] = await h.db.ownerTx((sql) => sql.query<{ spheres: string[] }>('SELECT spheres FROM consultations WHERE id = $1', [id]));
    assert.deepEqual(saved!.spheres, ['social_assistance', 'seniors']);
    assertIncludes(pageText((await new TestClient(h.app).get(`/${m.slug}/consultations/${id}`)).body), 'Działalność na rzecz osób w wieku emerytalnym', 'the spheres on the public page');
    const org = (name: string, spheres: string[], email: string, verified: boolean) => h.db.ownerTx((sql) => sql.query(
      `INSERT INTO organisations (municipality_id, name, kind, spheres, email, status, verified_at) VALUES ($1, $2, 'association', $3, $4, $5, $6)`,
      [m.id, name, spheres, email, verified ? 'verified' : 'pending', verified ? new Date() : null]));
    await org('Stowarzyszenie Pomocy Sąsiedzkiej', ['social_assistance', 'health'], 'pomoc@sfery.example', true);
    await org('Klub Seniora „Jesień”', ['seniors'], 'klub@sfery.example', true);
    await org('Fundacja Sportu Osiedlowego', ['physical_culture'], 'sport@sfery.example', true);
    await org('Stowarzyszenie w rejestracji', ['social_assistance'], 'czeka@sfery.example', false);
    const deps = { db: h.db, publicUrl: h.config.publicUrl };
    const town = { id: m.id, slug: m.slug, cus_name: m.cus_name };

    assert.equal(await announceOpenings(deps, town), 0, 'not before the opening');
    await setPhase(h, m, id, 'open');
    await setPhase(h, m, noSpheres, 'open');
    const [a, b] = await Promise.all([announceOpenings(deps, town), announceOpenings(deps, town)]);
    assert.equal(a + b, 2, 'two instances at once: each matching address once');
    assert.equal(await sweepOpenings(deps), 0, 'never again');
    await h.worker.drain();
    for (const to of ['pomoc@sfery.example', 'klub@sfery.example']) {
      const mails = await devMail(h.db, to);
      assert.equal(mails.length, 1, to);
      assert.equal(mails[0]!.subject, `Zaproszenie do konsultacji: ${consultationForm().subject}`);
      assertIncludes(mails[0]!.body_text, `/${m.slug}/consultations/${id}`);
    }
    for (const to of ['sport@sfery.example', 'czeka@sfery.example']) assert.equal((await devMail(h.db, to)).length, 0, `${to}: another sphere or not verified`);
  });

  test('DOCX import: split into parts; oversize, malformed and ODT files refused with a Polish field error; nothing changed', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Plików');
    const { c: director } = await person(h, m, ['director']);
    const created = await director.post(`/${m.slug}/consultations/new`, consultationForm());
    const id = /consultations\/([0-9a-f-]{36})\/manage/.exec(created.headers.location ?? '')![1]!;
    await director.get(`/${m.slug}/consultations/${id}/manage`);
    const ok = await uploadDocx(director, m.slug, id, 'projekt.docx', makeDocx(['Regulamin', '§ 1. 1. Pierwszy ustęp.', '2. Drugi ustęp & <znaczniki>.', '§ 2. Ostatni.']));
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 400));
    assert.deepEqual((await partsOf(h, m, id)).filter((p) => !p.removed_at).map((p) => [p.label, p.body]), [['§ 1 ust. 1', 'Pierwszy ustęp.'], ['§ 1 ust. 2', 'Drugi ustęp & <znaczniki>.'], ['§ 2', 'Ostatni.']]);
    const before = await partsOf(h, m, id);
    const big = await uploadDocx(director, m.slug, id, 'duzy.docx', Buffer.concat([Buffer.from('PK'), Buffer.alloc(10 * 1024 * 1024 + 10)]), '2');
    assert.equal(big.statusCode, 422);
    assert.equal(fieldError(big.body, 'file'), 'Plik jest za duży: DOCX może mieć najwyżej 10 MB.');
    const broken = await uploadDocx(director, m.slug, id, 'zepsuty.docx', Buffer.from('PK\u0003\u0004 to nie jest zip'), '2');
    assert.equal(fieldError(broken.body, 'file'), 'Tego pliku nie da się odczytać jako DOCX. Zapisz go w edytorze jako „Dokument Word (.docx)” albo wklej tekst.');
    const odt = await uploadDocx(director, m.slug, id, 'projekt.odt', Buffer.from('PK\u0003\u0004'), '2');
    assert.equal(fieldError(odt.body, 'file'), 'Pliki ODT nie są obsługiwane — zapisz dokument jako DOCX albo wklej tekst.');
    assert.deepEqual(await partsOf(h, m, id), before, 'nothing changed');
    const stale = await director.postJson(`/${m.slug}/consultations/${id}/title`, { title: 'Nowy tytuł', version: '1' });
    assert.deepEqual([stale.statusCode, code(stale)], [409, 'conflict.stale'], 'the title is versioned');
    assert.equal((await director.post(`/${m.slug}/consultations/${id}/title`, { title: 'Regulamin konsultacji', version: '2' })).statusCode, 303);
  });

  async function versionOf(id: string): Promise<string> {
    const [row] = await h.db.ownerTx((sql) => sql.query<{ version: number }>('SELECT version FROM consultations WHERE id = $1', [id]));
    return String(row!.version);
  }
});
