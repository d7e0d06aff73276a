import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertExcludes, assertIncludes } from '../support/assertions';
import { TestClient } from '../support/client';
import { ownerQuery } from '../support/db';
import { makeMunicipality } from '../support/factories';
import { describeEachEngine, devMail, linkIn } from '../support/harness';
import { CONFLICT, fieldError, pageText } from '../support/pages';
import { person } from '../support/people';
import { draft, fields, publishDraft } from './announcements-helpers';

/** Issue 16, what remained: staff manage the categories; subscription mails in the subscriber's language. */
describeEachEngine('announcements: categories (add, rename, retire), mails in the recipient’s language', (h) => {
  test('categories: added with an address from the name, renamed on the version seen, retired but never deleted; Polish field errors', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Kategorii');
    const other = await makeMunicipality(h.db, 'Gmina Obca');
    const list = `/${m.slug}/ogloszenia/kategorie`;
    const { c: organiser } = await person(h, m, ['community_organiser']);
    const { c: director } = await person(h, m, ['director']);
    for (const roles of [['resident'], ['coordinator']] as const) {
      const { c } = await person(h, m, [...roles]);
      assert.equal((await c.get(list)).statusCode, 403, roles.join());
      assert.equal((await c.post(list, { name: 'Cudza kategoria' })).statusCode, 403, roles.join());
    }
    assert.equal((await new TestClient(h.app).get(list)).statusCode, 303, 'to the log-in');
    const page = pageText((await organiser.get(list)).body);
    for (const s of ['Ogłoszenia', 'Aktualności', 'Konsultacje społeczne', 'w użyciu']) assertIncludes(page, s);

    const empty = await organiser.post(list, { name: '  ' });
    assert.equal(empty.statusCode, 422);
    assert.equal(fieldError(empty.body, 'name'), 'To pole jest wymagane.');
    assert.equal(fieldError((await organiser.post(list, { name: '—!' })).body, 'name'), 'Nazwa musi zawierać co najmniej dwie litery lub cyfry.');
    assert.equal((await organiser.post(list, { name: 'Wydarzenia kulturalne' })).statusCode, 303);
    const [added] = await ownerQuery<{ id: string; slug: string; version: number }>(h, "SELECT id, slug, version FROM announcement_categories WHERE municipality_id = $1 AND name = 'Wydarzenia kulturalne'", [m.id]);
    assert.equal(added!.slug, 'wydarzenia-kulturalne');
    const twice = await organiser.post(list, { name: 'wydarzenia KULTURALNE' });
    assert.equal(fieldError(twice.body, 'name'), 'Kategoria o takiej nazwie (albo adresie) już istnieje — wybierz inną nazwę.');
    assert.equal(fieldError((await organiser.post(list, { name: 'Wydarzenia: kulturalne!' })).body, 'name'), 'Kategoria o takiej nazwie (albo adresie) już istnieje — wybierz inną nazwę.', 'the same address');
    const { c: outsider } = await person(h, other, ['director']);
    assert.equal((await outsider.get(`/${other.slug}/ogloszenia/kategorie/${added!.id}/edycja`)).statusCode, 404, 'another municipality’s category');

    // Rename: the address stays; two staff on one name → the second gets 409 with both texts, nothing overwritten.
    const edit = `${list}/${added!.id}/edycja`;
    assert.equal((await organiser.post(edit, { name: 'Kultura i wydarzenia', version: '1' })).statusCode, 303);
    const stale = await director.post(edit, { name: 'Wydarzenia w mieście', version: '1' });
    assert.equal(stale.statusCode, 409);
    assertIncludes(pageText(stale.body), CONFLICT);
    assertIncludes(pageText(stale.body), 'Wydarzenia w mieście');
    assertIncludes(pageText(stale.body), 'Kultura i wydarzenia');
    const [renamed] = await ownerQuery<{ name: string; slug: string; version: number }>(h, 'SELECT name, slug, version FROM announcement_categories WHERE id = $1', [added!.id]);
    assert.deepEqual([renamed!.name, renamed!.slug, renamed!.version], ['Kultura i wydarzenia', 'wydarzenia-kulturalne', 2]);

    // An announcement in it; then retired: kept, its announcement and board still there, no longer offered.
    const number = await publishDraft(h, organiser, m, await draft(organiser, m, { category: 'wydarzenia-kulturalne', title: 'Koncert w Resursie' }));
    const draftId = await draft(organiser, m, { category: 'wydarzenia-kulturalne', title: 'Szkic w kategorii' });
    const staleRetire = await organiser.post(`${list}/${added!.id}/wycofaj`, { version: '1' });
    assert.equal(staleRetire.statusCode, 409);
    assertIncludes(pageText(staleRetire.body), CONFLICT);
    assert.equal((await organiser.post(`${list}/${added!.id}/wycofaj`, { version: '2' })).statusCode, 303);
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM announcement_categories WHERE id = $1 AND retired_at IS NOT NULL', [added!.id])).length, 1, 'retired, not deleted');
    const visitor = new TestClient(h.app);
    assert.equal((await visitor.get(`/${m.slug}/ogloszenia/${number}`)).statusCode, 200, 'its announcement stays');
    assertIncludes(pageText((await visitor.get(`/${m.slug}/ogloszenia/kategoria/wydarzenia-kulturalne`)).body), 'Koncert w Resursie');
    assert.equal((await visitor.get(`/${m.slug}/ogloszenia/kategoria/wydarzenia-kulturalne/kanal.atom`)).statusCode, 200, 'its feed stays');
    assertExcludes((await visitor.get(`/${m.slug}/ogloszenia/subskrypcja`)).body, 'value="wydarzenia-kulturalne"', 'not offered for subscriptions');
    assertExcludes((await organiser.get(`/${m.slug}/ogloszenia/nowe`)).body, 'value="wydarzenia-kulturalne"', 'not offered for a new announcement');
    assertIncludes((await organiser.get(`/${m.slug}/ogloszenia/${draftId}/edycja`)).body, 'value="wydarzenia-kulturalne"', 'a draft already in it keeps it');
    const refused = await organiser.post(`/${m.slug}/ogloszenia/nowe`, fields({ category: 'wydarzenia-kulturalne' }));
    assert.equal(refused.statusCode, 422);
    assert.ok(fieldError(refused.body, 'category'), 'a retired category refused for a new announcement');
    const subscribe = await visitor.post(`/${m.slug}/ogloszenia/subskrypcja`, { email: 'kultura@example.org', categories: ['wydarzenia-kulturalne'] });
    assert.equal(subscribe.statusCode, 422);
    assertIncludes(pageText((await organiser.get(list)).body), 'wycofana');

    assert.equal((await organiser.post(`${list}/${added!.id}/przywroc`, { version: '3' })).statusCode, 303);
    assertIncludes((await organiser.get(`/${m.slug}/ogloszenia/nowe`)).body, 'value="wydarzenia-kulturalne"', 'offered again once restored');
  });

  test('subscription mails in the subscriber’s language: English for an English account’s address, Polish otherwise', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Języków');
    const { c: organiser } = await person(h, m, ['community_organiser']);
    const { c: english, user } = await person(h, m, ['resident']);
    await ownerQuery(h, "UPDATE users SET locale = 'en' WHERE id = $1", [user.id]);
    const visitor = new TestClient(h.app);
    await visitor.get(`/${m.slug}/ogloszenia/subskrypcja`);
    await english.get(`/${m.slug}/ogloszenia/subskrypcja`);
    assert.equal((await visitor.post(`/${m.slug}/ogloszenia/subskrypcja`, { email: 'polka@example.org', categories: ['ogloszenia'] })).statusCode, 200);
    assert.equal((await english.post(`/${m.slug}/ogloszenia/subskrypcja`, { email: user.email, categories: ['ogloszenia'] })).statusCode, 200);
    await h.worker.drain();
    const [polishConfirm] = await devMail(h.db, 'polka@example.org');
    const [englishConfirm] = await devMail(h.db, user.email);
    assert.match(polishConfirm!.subject, /^Potwierdź powiadomienia/);
    assert.match(englishConfirm!.subject, /^Confirm announcement notices/);
    for (const [c, mail] of [[visitor, polishConfirm!], [english, englishConfirm!]] as const) {
      const path = linkIn(mail.body_text);
      await c.get(path);
      assert.equal((await c.post(path)).statusCode, 200);
    }
    await publishDraft(h, organiser, m, await draft(organiser, m, { category: 'ogloszenia', title: 'Dyżur w ratuszu' }));
    await h.worker.drain();
    const polish = (await devMail(h.db, 'polka@example.org'))[0]!;
    const inEnglish = (await devMail(h.db, user.email))[0]!;
    assertIncludes(polish.body_text, 'nowe ogłoszenie');
    assertIncludes(inEnglish.body_text, 'a new announcement');
    assertIncludes(inEnglish.subject, 'Dyżur w ratuszu');
  });
});
