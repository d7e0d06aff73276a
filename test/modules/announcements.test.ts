import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFeed } from '@rowanmanning/feed-parser';
import { notifySubscribers, publishFromModule, sweepNotices } from '../../src/modules/announcements';
import { AppError } from '../../src/platform/http/errors';
import type { MailMessage } from '../../src/platform/mail/mailer';
import { addDays, warsawDay, warsawInstant } from '../../src/platform/time';
import { assertExcludes, assertIncludes } from '../support/assertions';
import { TestClient } from '../support/client';
import { ownerQuery } from '../support/db';
import { makeMunicipality } from '../support/factories';
import { describeEachEngine, linkIn } from '../support/harness';
import { CONFLICT, fieldError, inputValue, pageText } from '../support/pages';
import { person } from '../support/people';
import { draft, fields, mailJobsTo, PNG, publishDraft, row, upload } from './announcements-helpers';

describeEachEngine('announcements: the board, the editor, the register, feeds and subscriptions', (h) => {
  const deps = () => ({ db: h.db, publicUrl: h.config.publicUrl, linkKey: Buffer.alloc(0) });

  test('who may edit: organiser, director, administrator; not residents, coordinators, anonymous or another municipality', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Ogłoszeniowa');
    const other = await makeMunicipality(h.db, 'Gmina Obca');
    for (const role of ['community_organiser', 'director', 'administrator'] as const) {
      const { c } = await person(h, m, [role]);
      assert.equal((await c.get(`/${m.slug}/ogloszenia/zarzadzanie`)).statusCode, 200, role);
    }
    const { c: organiser } = await person(h, m, ['community_organiser']);
    const id = await draft(organiser, m);
    for (const roles of [['resident'], ['coordinator']] as const) {
      const { c } = await person(h, m, [...roles]);
      assert.equal((await c.get(`/${m.slug}/ogloszenia/zarzadzanie`)).statusCode, 403, roles[0]);
      assert.equal((await c.postJson(`/${m.slug}/ogloszenia/${id}/publikuj`, { version: '1' })).statusCode, 403, roles[0]);
      assert.equal((await c.get(`/${m.slug}/ogloszenia/${id}`)).statusCode, 404, 'a draft is not public');
    }
    const { c: outsider } = await person(h, other, ['community_organiser', 'administrator']);
    assert.equal((await outsider.get(`/${m.slug}/ogloszenia/${id}/edycja`)).statusCode, 403);
    assert.equal((await outsider.get(`/${other.slug}/ogloszenia/${id}/edycja`)).statusCode, 404, "A's announcement is not in B");
    assert.equal((await outsider.postJson(`/${other.slug}/ogloszenia/${id}/publikuj`, { version: '1' })).statusCode, 404);
    const anonymous = new TestClient(h.app);
    const res = await anonymous.get(`/${m.slug}/ogloszenia/nowe`);
    assert.equal(res.statusCode, 303);
    assert.match(res.headers.location ?? '', /^\/login\?next=/);
    assert.equal((await row(h, m, id)).status, 'draft', 'nothing published');
  });

  test('field errors in Polish; javascript: links refused; typed markup shown as text, never run', async () => {
    const m = await makeMunicipality(h.db);
    const { c } = await person(h, m, ['community_organiser']);
    await c.get(`/${m.slug}/ogloszenia/nowe`);
    const bad = await c.post(`/${m.slug}/ogloszenia/nowe`, fields({ title: '', category: 'nie-ma', body: 'Kliknij [tutaj](javascript:alert(1)) i <javascript:alert(2)>', publish_time: '25:00', remove_day: '2026-02-30' }));
    assert.equal(bad.statusCode, 422);
    assert.equal(fieldError(bad.body, 'title'), 'To pole jest wymagane.');
    assert.equal(fieldError(bad.body, 'body'), 'Treść zawiera niedozwolony link. Dozwolone są tylko adresy http(s)://, mailto: i adresy w serwisie.');
    assert.equal(fieldError(bad.body, 'remove_day'), 'Wpisz datę w formacie RRRR-MM-DD.');
    assertIncludes(fieldError(bad.body, 'publish_time'), 'GG:MM');
    assert.equal(inputValue(bad.body, 'produced_by'), 'Dział Organizowania Społeczności Lokalnej', 'what was typed stays');
    const wrongCategory = await c.post(`/${m.slug}/ogloszenia/nowe`, fields({ category: 'nie-ma' }));
    assert.equal(fieldError(wrongCategory.body, 'category'), 'Wybierz kategorię z listy.');
    const json = await c.postJson(`/${m.slug}/ogloszenia/nowe`, fields({ body: '[x](JaVaScRiPt:alert(1))' }));
    assert.equal(json.statusCode, 422);
    assert.equal(JSON.parse(json.body).error.fields.body.code, 'announcement_link');

    const id = await draft(c, m, { body: '<script>alert("x")</script>\n\n<img src=x onerror=alert(1)>\n\n[Strona gminy](https://example.org) i [kontakt](mailto:cus@example.org)\n\n| a | b |\n|---|---|\n| 1 | 2 |' });
    const number = await publishDraft(h, c, m, id);
    const page = await new TestClient(h.app).get(`/${m.slug}/ogloszenia/${number}`);
    assert.equal(page.statusCode, 200);
    assertExcludes(page.body, '<script>alert', 'no script from the body');
    assertExcludes(page.body, '<img src=x', 'no markup from the body');
    assertIncludes(page.body, '&lt;script&gt;alert');
    assertIncludes(page.body, 'href="https://example.org"');
    assertIncludes(page.body, 'href="mailto:cus@example.org"');
    assertIncludes(page.body, '<table>');
  });

  test('a stale edit is 409 with what was typed kept; publishing twice is refused', async () => {
    const m = await makeMunicipality(h.db);
    const { c: a } = await person(h, m, ['community_organiser']);
    const { c: b } = await person(h, m, ['director']);
    const id = await draft(a, m);
    await a.get(`/${m.slug}/ogloszenia/${id}/edycja`);
    await b.get(`/${m.slug}/ogloszenia/${id}/edycja`);
    assert.equal((await a.post(`/${m.slug}/ogloszenia/${id}/edycja`, fields({ title: 'Tytuł pierwszej osoby', version: '1' }))).statusCode, 303);
    const stale = await b.post(`/${m.slug}/ogloszenia/${id}/edycja`, fields({ lead: 'Wstęp drugiej osoby', version: '1' }));
    assert.equal(stale.statusCode, 409);
    assertIncludes(pageText(stale.body), CONFLICT);
    assertIncludes(stale.body, 'Wstęp drugiej osoby', 'what was typed stays');
    assert.equal(inputValue(stale.body, 'version'), '2', 'the form is now on the saved version');
    const [saved] = await ownerQuery<{ title: string; lead: string }>(h, 'SELECT title, lead FROM announcements WHERE id = $1', [id]);
    assert.equal(saved!.title, 'Tytuł pierwszej osoby', 'nothing lost');
    const json = await b.postJson(`/${m.slug}/ogloszenia/${id}/publikuj`, { version: '1' });
    assert.deepEqual([json.statusCode, JSON.parse(json.body).error.code], [409, 'conflict.stale']);
    await publishDraft(h, a, m, id);
    const again = await a.postJson(`/${m.slug}/ogloszenia/${id}/publikuj`, { version: '3' });
    assert.deepEqual([again.statusCode, JSON.parse(again.body).error.code], [409, 'announcement.not_draft']);
  });

  test('a scheduled announcement is invisible (page, board, feed, mail) until its time by the server clock', async () => {
    const m = await makeMunicipality(h.db);
    const { c } = await person(h, m, ['community_organiser']);
    const tomorrow = addDays(warsawDay(), 1);
    const id = await draft(c, m, { title: 'Zebranie mieszkańców Osady', publish_day: tomorrow, publish_time: '8:30' });
    const number = await publishDraft(h, c, m, id);
    const anonymous = new TestClient(h.app);
    assert.equal((await anonymous.get(`/${m.slug}/ogloszenia/${number}`)).statusCode, 404);
    assert.equal((await anonymous.get(`/${m.slug}/ogloszenia/${id}`)).statusCode, 404);
    assertExcludes((await anonymous.get(`/${m.slug}/ogloszenia`)).body, 'Zebranie mieszkańców Osady');
    assertExcludes((await anonymous.get(`/${m.slug}/ogloszenia/kanal.atom`)).body, 'Zebranie mieszkańców Osady');
    assertIncludes(pageText((await c.get(`/${m.slug}/ogloszenia/${number}`)).body), 'Zaplanowane do publikacji', 'staff see it, marked');
    assert.equal(await notifySubscribers(deps(), m.id, id), 0);
    assert.equal((await row(h, m, id)).mailed_at, null, 'not claimed before its time');
    const [saved] = await ownerQuery<{ at: Date }>(h, 'SELECT publish_at AS at FROM announcements WHERE id = $1', [id]);
    assert.equal(saved!.at.toISOString(), warsawInstant(tomorrow, '08:30').toISOString(), 'Warsaw time');
    await ownerQuery(h, "UPDATE announcements SET publish_at = now() - interval '1 minute' WHERE id = $1", [id]);
    assert.equal((await anonymous.get(`/${m.slug}/ogloszenia/${number}`)).statusCode, 200, 'its time has come');
    assertIncludes((await anonymous.get(`/${m.slug}/ogloszenia`)).body, 'Zebranie mieszkańców Osady');
    await sweepNotices(deps());
    assert.notEqual((await row(h, m, id)).mailed_at, null, 'the sweep claims it once its time has come');
  });

  test('a correction is a new version in the public register; withdrawal needs confirmation and keeps the page', async () => {
    const m = await makeMunicipality(h.db);
    const { c } = await person(h, m, ['community_organiser']);
    const id = await draft(c, m, { title: 'Dyżur doradcy', body: 'Dyżur w czwartki.' });
    const number = await publishDraft(h, c, m, id);
    await c.get(`/${m.slug}/ogloszenia/${id}/edycja`);
    const v = String((await row(h, m, id)).version);
    const noReason = await c.post(`/${m.slug}/ogloszenia/${id}/edycja`, fields({ title: 'Dyżur doradcy', body: 'Dyżur w piątki.', version: v }));
    assert.equal(noReason.statusCode, 422);
    assert.equal(fieldError(noReason.body, 'reason'), 'To pole jest wymagane.');
    const ok = await c.post(`/${m.slug}/ogloszenia/${id}/edycja`, fields({ title: 'Dyżur doradcy', body: 'Dyżur w piątki.', reason: 'Zmiana dnia dyżuru.', version: v }));
    assert.equal(ok.statusCode, 303);
    const versions = await ownerQuery<{ n: number; body: string; reason: string }>(h, 'SELECT n, body, reason FROM announcement_versions WHERE announcement_id = $1 ORDER BY n', [id]);
    assert.deepEqual(versions.map((v) => [v.n, v.body, v.reason]), [[1, 'Dyżur w czwartki.', ''], [2, 'Dyżur w piątki.', 'Zmiana dnia dyżuru.']]);
    const publicText = pageText((await new TestClient(h.app).get(`/${m.slug}/ogloszenia/${number}`)).body);
    assertIncludes(publicText, 'Dyżur w piątki.');
    assertIncludes(publicText, 'Korekta: Zmiana dnia dyżuru.');
    assertIncludes(publicText, 'Rejestr zmian');
    assertIncludes(publicText, 'Informację wytworzył Dział Organizowania Społeczności Lokalnej');
    await assert.rejects(h.db.tx({ municipalityId: m.id, userId: null }, (sql) => sql.query("UPDATE announcement_versions SET body = 'x' WHERE announcement_id = $1", [id])), /permission denied/, 'versions are immutable for the app');

    const w = String((await row(h, m, id)).version);
    const unconfirmed = await c.postJson(`/${m.slug}/ogloszenia/${id}/wycofaj`, { reason: 'Dyżur odwołany.', version: w });
    assert.deepEqual([unconfirmed.statusCode, JSON.parse(unconfirmed.body).error.code], [422, 'confirmation.required']);
    assert.equal((await c.get(`/${m.slug}/ogloszenia/${id}/wycofaj`)).statusCode, 200);
    const done = await c.post(`/${m.slug}/ogloszenia/${id}/wycofaj`, { reason: 'Dyżur odwołany.', version: w, confirmed: 'yes' });
    assert.equal(done.statusCode, 303);
    const page = await new TestClient(h.app).get(`/${m.slug}/ogloszenia/${number}`);
    assert.equal(page.statusCode, 200, 'the page stays');
    assertIncludes(pageText(page.body), 'Ogłoszenie wycofane');
    assertIncludes(pageText(page.body), 'Powód wycofania: Dyżur odwołany.');
    assertExcludes((await new TestClient(h.app).get(`/${m.slug}/ogloszenia`)).body, 'Dyżur doradcy');
    const actions = await ownerQuery<{ action: string }>(h, "SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY id", [id]);
    assert.deepEqual(actions.map((a) => a.action), ['announcement.created', 'announcement.published', 'announcement.corrected', 'announcement.withdrawn']);
  });

  test('Atom feeds read by an independent parser; advertised in the head of the home page and of announcements', async () => {
    const m = await makeMunicipality(h.db);
    const { c } = await person(h, m, ['community_organiser']);
    const first = await publishDraft(h, c, m, await draft(c, m, { title: 'Aktualność pierwsza', category: 'aktualnosci' }));
    const second = await publishDraft(h, c, m, await draft(c, m, { title: 'Konkurs na klub młodzieżowy', category: 'konkursy-ofert' }));
    await publishDraft(h, c, m, await draft(c, m, { title: 'Jutrzejsze', publish_day: addDays(warsawDay(), 2) }));
    const res = await new TestClient(h.app).get(`/${m.slug}/ogloszenia/kanal.atom`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/atom\+xml/);
    const feed = parseFeed(res.body);
    assert.equal(feed.self, `${h.config.publicUrl}/${m.slug}/ogloszenia/kanal.atom`);
    assert.deepEqual(feed.items.map((i) => i.title).sort(), ['Aktualność pierwsza', 'Konkurs na klub młodzieżowy']);
    const item = feed.items.find((i) => i.title === 'Aktualność pierwsza')!;
    assert.equal(item.url, `${h.config.publicUrl}/${m.slug}/ogloszenia/${first}`);
    assertIncludes(item.content ?? '', '<h2>Godziny</h2>');
    const byCategory = parseFeed((await new TestClient(h.app).get(`/${m.slug}/ogloszenia/kategoria/konkursy-ofert/kanal.atom`)).body);
    assert.deepEqual(byCategory.items.map((i) => i.url), [`${h.config.publicUrl}/${m.slug}/ogloszenia/${second}`]);
    assert.equal((await new TestClient(h.app).get(`/${m.slug}/ogloszenia/kategoria/nie-ma/kanal.atom`)).statusCode, 404);
    const alternate = `<link rel="alternate" type="application/atom+xml" href="/${m.slug}/ogloszenia/kanal.atom"`;
    assertIncludes((await new TestClient(h.app).get(`/${m.slug}`)).body, alternate, 'the public home advertises the feed');
    const page = (await new TestClient(h.app).get(`/${m.slug}/ogloszenia/${second}`)).body;
    assertIncludes(page, alternate);
    assertIncludes(page, `href="/${m.slug}/ogloszenia/kategoria/konkursy-ofert/kanal.atom"`);
    const print = await new TestClient(h.app).get(`/${m.slug}/ogloszenia/${second}/druk`);
    assert.equal(print.statusCode, 200);
    assertIncludes(pageText(print.body), 'Metryczka');
  });

  test('subscriptions: double opt-in, one mail per confirmed subscriber once, one-click unsubscribe without a session', async () => {
    const m = await makeMunicipality(h.db);
    const { c } = await person(h, m, ['community_organiser']);
    const visitor = new TestClient(h.app);
    await visitor.get(`/${m.slug}/ogloszenia/subskrypcja`);
    const bad = await visitor.post(`/${m.slug}/ogloszenia/subskrypcja`, { email: 'nie-adres', categories: [] });
    assert.equal(bad.statusCode, 422);
    assert.equal(fieldError(bad.body, 'email'), 'Wpisz poprawny adres e-mail, np. jan.kowalski@example.pl.');
    const sent: MailMessage[] = [];
    const original = h.mailer.send;
    h.mailer.send = async (message) => void sent.push(message);
    try {
      assert.equal((await visitor.post(`/${m.slug}/ogloszenia/subskrypcja`, { email: 'Sasiadka@Example.org', categories: ['ogloszenia'] })).statusCode, 200);
      await h.worker.drain();
      const confirmation = sent.find((s) => s.to === 'sasiadka@example.org')!;
      assertIncludes(confirmation.subject, 'Potwierdź powiadomienia');
      const confirmPath = linkIn(confirmation.text);
      // Not confirmed yet: a new announcement mails nobody.
      await publishDraft(h, c, m, await draft(c, m, { category: 'ogloszenia', title: 'Przed potwierdzeniem' }));
      await h.worker.drain();
      assert.equal(await mailJobsTo(h, 'sasiadka@example.org'), 1, 'only the confirmation');
      const scanner = await new TestClient(h.app).get(confirmPath);
      assert.equal(scanner.statusCode, 200, 'opening the link confirms nothing by itself');
      await visitor.get(confirmPath);
      assert.equal((await visitor.post(confirmPath)).statusCode, 200);
      assert.equal((await visitor.post(confirmPath.replace(/[^/]+$/, 'x'.repeat(43)))).statusCode, 404);

      const id = await draft(c, m, { category: 'ogloszenia', title: 'Po potwierdzeniu' });
      await publishDraft(h, c, m, await draft(c, m, { category: 'aktualnosci', title: 'Inna kategoria' }));
      await publishDraft(h, c, m, id);
      await h.worker.drain();
      assert.equal(await sweepNotices(deps()), 0, 'every announcement told once');
      assert.equal(await notifySubscribers(deps(), m.id, id), 0);
      await h.worker.drain();
      assert.equal(await mailJobsTo(h, 'sasiadka@example.org'), 2, 'the confirmation and one announcement');
      const notice = sent.filter((s) => s.to === 'sasiadka@example.org').at(-1)!;
      assertIncludes(notice.subject, 'Po potwierdzeniu');
      assert.match(notice.headers?.['List-Unsubscribe'] ?? '', /^<http:\/\/localhost:3000\/.+\/ogloszenia\/subskrypcja\/wypisz\/[A-Za-z0-9_-]+>$/);
      assert.equal(notice.headers?.['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
      const unsubscribe = new URL(notice.headers!['List-Unsubscribe']!.slice(1, -1)).pathname;
      // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" with no cookie and no CSRF token.
      const oneClick = await h.app.inject({ method: 'POST', url: unsubscribe, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(oneClick.statusCode, 200);
      const left = await ownerQuery(h, 'SELECT 1 FROM announcement_subscriptions WHERE municipality_id = $1', [m.id]);
      assert.equal(left.length, 0, 'the address is forgotten');
      await publishDraft(h, c, m, await draft(c, m, { category: 'ogloszenia', title: 'Po wypisaniu' }));
      await h.worker.drain();
      assert.equal(await mailJobsTo(h, 'sasiadka@example.org'), 2, 'nothing after unsubscribing');
    } finally {
      h.mailer.send = original;
    }

    // "Download my data": the subscription to the account's address, its categories by name, no link hashes; nobody else's.
    const { c: subscriber, user } = await person(h, m, ['resident']);
    const { c: other } = await person(h, m, ['resident']);
    await ownerQuery(h,
      `INSERT INTO announcement_subscriptions (municipality_id, email, category_ids, confirm_hash, unsubscribe_hash, confirmed_at)
       SELECT $1, lower($2), array_agg(id ORDER BY slug), repeat('a', 64), repeat('b', 64), now() FROM announcement_categories WHERE municipality_id = $1 AND slug IN ('ogloszenia', 'aktualnosci')`,
      [m.id, user.email]);
    const [names] = await ownerQuery<{ names: string[] }>(h, "SELECT array_agg(name ORDER BY position, name) AS names FROM announcement_categories WHERE municipality_id = $1 AND slug IN ('ogloszenia', 'aktualnosci')", [m.id]);
    const data = await subscriber.get(`/${m.slug}/my/data.json`);
    const subs = (data.json() as { announcement_subscriptions: { email: string; categories: string[]; confirmed_at: string | null }[] }).announcement_subscriptions;
    assert.deepEqual(subs.map((x) => [x.email, x.categories]), [[user.email.toLowerCase(), names!.names]]);
    assert.ok(subs[0]!.confirmed_at);
    assertExcludes(data.body, 'a'.repeat(64), 'no link hashes');
    assert.deepEqual((await other.get(`/${m.slug}/my/data.json`)).json().announcement_subscriptions, []);
  });

  test('other modules publish and correct within their transaction; attachments: type, size, alt text', async () => {
    const m = await makeMunicipality(h.db);
    const { user, c } = await person(h, m, ['community_organiser']);
    const a = { categorySlug: 'konsultacje', title: 'Konsultacje programu CUS', lead: 'Zapraszamy do uwag.', bodyMarkdown: 'Projekt w załączniku.', producedBy: 'Zespół ds. konsultacji', source: { module: 'consultations', id: 'k-1' }, attachments: [{ name: 'projekt.pdf', mediaType: 'application/pdf', content: Buffer.from('%PDF-1.7\n%test') }] };
    const first = await h.db.tx({ municipalityId: m.id, userId: user.id }, (sql) => publishFromModule(sql, m.id, user.id, a));
    assert.match(first.path, new RegExp(`^/${m.slug}/ogloszenia/\\d+$`));
    const page = await new TestClient(h.app).get(first.path);
    assert.equal(page.statusCode, 200);
    assertIncludes(pageText(page.body), 'projekt.pdf');
    const again = await h.db.tx({ municipalityId: m.id, userId: user.id }, (sql) => publishFromModule(sql, m.id, user.id, { ...a, bodyMarkdown: 'Projekt po poprawkach.', attachments: [] }));
    assert.equal(again.id, first.id, 'the same source is corrected, not duplicated');
    assert.equal((await row(h, m, first.id)).published_version, 2);
    await assert.rejects(
      h.db.tx({ municipalityId: m.id, userId: user.id }, (sql) => publishFromModule(sql, m.id, user.id, { ...a, source: { module: 'consultations', id: 'k-2' }, bodyMarkdown: '[x](javascript:alert(1))' })),
      (err: unknown) => err instanceof AppError && err.code === 'validation.failed' && err.fields?.body?.code === 'announcement_link',
    );

    const id = await draft(c, m);
    await c.get(`/${m.slug}/ogloszenia/${id}/edycja`);
    const noAlt = await upload(c, `/${m.slug}/ogloszenia/${id}/zalaczniki`, { alt_text: '' }, { name: 'zdjecie.png', data: PNG, type: 'image/png' });
    assert.equal(noAlt.statusCode, 422);
    assert.equal(fieldError(noAlt.body, 'alt_text'), 'Opisz zdjęcie: tekst alternatywny jest wymagany.');
    const exe = await upload(c, `/${m.slug}/ogloszenia/${id}/zalaczniki`, { alt_text: '' }, { name: 'program.pdf', data: Buffer.from('MZ\x90\x00 nie pdf'), type: 'application/pdf' });
    assert.equal(fieldError(exe.body, 'file'), 'Dozwolone są pliki PDF, JPEG, PNG, DOCX i ODT.');
    const big = await upload(c, `/${m.slug}/ogloszenia/${id}/zalaczniki`, { alt_text: '' }, { name: 'duzy.pdf', data: Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(5 * 1024 * 1024 + 10)]) });
    assert.equal(fieldError(big.body, 'file'), 'Plik jest za duży: najwyżej 5 MB.');
    assert.equal((await upload(c, `/${m.slug}/ogloszenia/${id}/zalaczniki`, { alt_text: 'Dzieci przy stole do gier w świetlicy' }, { name: 'swietlica.png', data: PNG })).statusCode, 303);
    const [att] = await ownerQuery<{ id: string }>(h, 'SELECT id FROM announcement_attachments WHERE announcement_id = $1', [id]);
    assert.equal((await new TestClient(h.app).get(`/${m.slug}/ogloszenia/zalaczniki/${att!.id}`)).statusCode, 404, "a draft's attachment is not public");
    const number = await publishDraft(h, c, m, id);
    assertIncludes((await new TestClient(h.app).get(`/${m.slug}/ogloszenia/${number}`)).body, 'alt="Dzieci przy stole do gier w świetlicy"');
    const file = await new TestClient(h.app).get(`/${m.slug}/ogloszenia/zalaczniki/${att!.id}`);
    assert.deepEqual([file.statusCode, file.headers['content-type'], file.rawPayload.equals(PNG)], [200, 'image/png', true]);
  });
});
