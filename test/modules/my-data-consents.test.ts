import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../support/harness';
import { catalogueMunicipality, coordinator, mailsTo } from './applications-helpers';
import { applied, auditOf, consentId, openCase, referral } from './my-data-helpers';
import { ownerQuery } from '../support/db';
import { pageText } from '../support/pages';
import { person } from '../support/people';

describeEachEngine('my data: consents', (h) => {
  test('withdrawing a consent to share: confirmed, recorded once, the coordinator of an open referral relying on it is mailed', async () => {
    const m = await catalogueMunicipality(h, 'Gmina Zgód');
    const { user, c } = await person(h, m, ['resident']);
    const { c: neighbour } = await person(h, m, ['resident']);
    const { user: coord } = await coordinator(h, m);
    const app = await applied(h, c, m, { consent_sharing: '1' });
    const sharing = await consentId(h, m, app, 'provider_sharing');
    const kase = await openCase(h, m, { application: app, resident: user, coordinator: coord });
    const relying = await referral(h, m, kase, app, sharing);
    // A referral already completed, and one on an override, are not told about.
    const done = await referral(h, m, kase, app, sharing, 'Zakupy — zakończone');
    await ownerQuery(h, "UPDATE referrals SET status = 'cancelled', status_reason = 'Rodzina pomaga.' WHERE municipality_id = $1 AND id = $2", [m.id, done]);
    await referral(h, m, kase, app, null, 'Pilna pomoc');

    const list = pageText((await c.get(`/${m.slug}/my/consents`)).body);
    assert.match(list, /Przetwarzanie danych z wniosku przez Centrum Centrum Usług Społecznych \w+ Usługi opiekuńcze w miejscu zamieszkania \(w kolejce\)/);
    assert.match(list, /Udostępnienie danych realizatorowi usługi/);
    assert.doesNotMatch(pageText((await neighbour.get(`/${m.slug}/my/consents`)).body), /Udostępnienie/);

    const url = `/${m.slug}/my/consents/${sharing}/withdraw`;
    assert.equal((await neighbour.get(url)).statusCode, 404);
    assert.equal((await neighbour.post(url)).statusCode, 404);
    const confirm = pageText((await c.get(url)).body);
    assert.match(confirm, /Wycofać zgodę\?/);
    assert.match(confirm, /Na tej zgodzie polega 1 skierowanie w toku/);

    const forced = await c.post(url);
    assert.equal(forced.statusCode, 422, 'a POST without the confirmation page’s field does nothing');
    assert.match(pageText(forced.body), /Nic nie zostało zrobione/);
    assert.equal((await auditOf(h, m, 'consent.withdrawn')).length, 0);
    const res = await c.post(url, { confirmed: 'yes' });
    assert.equal(res.statusCode, 303);
    assert.match(pageText((await c.get(res.headers.location!)).body), /Koordynator skierowania, które na niej polegało, dostał wiadomość/);
    const [row] = await ownerQuery<{ withdrawn_at: Date | null }>(h, 'SELECT withdrawn_at FROM application_consents WHERE municipality_id = $1 AND id = $2', [m.id, sharing]);
    assert.ok(row!.withdrawn_at);
    const mails = await mailsTo(h, coord.email);
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.subject, new RegExp(`sprawa ${kase.number.replaceAll('/', '\\/')}`));
    assert.match(mails[0]!.body_text, new RegExp(`http://localhost:3000/${m.slug}/cases/${kase.id}`));
    assert.match(mails[0]!.body_text, /Usługi opiekuńcze — 2 godziny dziennie/);
    assert.doesNotMatch(mails[0]!.body_text, /Janina|zakupach/, 'no personal data by mail');
    const [entry] = await auditOf(h, m, 'consent.withdrawn');
    assert.equal(entry!.actor_user_id, user.id);
    assert.deepEqual((entry!.details as { referrals?: string[] }).referrals, [relying]);

    // Twice: a clear message, nothing changed, no second mail.
    const again = await c.post(url);
    assert.equal(again.statusCode, 409);
    assert.match(pageText(again.body), /Ta zgoda została już wycofana/);
    const json = await c.postJson(url);
    assert.equal((json.json() as { error: { code: string } }).error.code, 'consent.withdrawn');
    assert.equal((await mailsTo(h, coord.email)).length, 1);
    assert.equal((await auditOf(h, m, 'consent.withdrawn')).length, 1);

    // Accepted into an open case, the application still needs processing: talk to the coordinator.
    await ownerQuery(h, "UPDATE applications SET status = 'accepted', queue_position = NULL, decided_at = now() WHERE municipality_id = $1 AND id = $2", [m.id, app]);
    const processing = await c.post(`/${m.slug}/my/consents/${await consentId(h, m, app, 'cus_processing')}/withdraw`);
    assert.equal(processing.statusCode, 409);
    assert.match(pageText(processing.body), /Wniosek należy do prowadzonej sprawy.*Porozmawiaj z koordynatorem/);
  });

  test('processing by the centre is not withdrawn while the application waits in the queue: the page says what to do instead', async () => {
    const m = await catalogueMunicipality(h, 'Gmina Kolejki');
    const { c } = await person(h, m, ['resident']);
    const app = await applied(h, c, m);
    const processing = await consentId(h, m, app, 'cus_processing');
    const url = `/${m.slug}/my/consents/${processing}/withdraw`;

    // "Moje zgody" offers no "Wycofaj" for it, and says why and what to do instead.
    const list = (await c.get(`/${m.slug}/my/consents`)).body;
    assert.doesNotMatch(list, new RegExp(`consents/${processing}/withdraw`));
    assert.match(pageText(list), /Obowiązuje — teraz nie można jej wycofać\. Bez tej zgody nie możemy rozpatrzyć wniosku/);
    const page = pageText((await c.get(url)).body);
    assert.match(page, /Bez tej zgody nie możemy rozpatrzyć wniosku, który czeka w kolejce/);
    assert.doesNotMatch(page, /Tak, wycofuję zgodę/);
    const res = await c.post(url);
    assert.equal(res.statusCode, 409);
    assert.match(pageText(res.body), /wycofaj wniosek w „Moich wnioskach”/);
    const [row] = await ownerQuery<{ withdrawn_at: Date | null }>(h, 'SELECT withdrawn_at FROM application_consents WHERE municipality_id = $1 AND id = $2', [m.id, processing]);
    assert.equal(row!.withdrawn_at, null);

    // Once the application is withdrawn, so may the consent be.
    assert.equal((await c.post(`/${m.slug}/applications/mine/${app}/withdraw`, { confirmed: 'yes' })).statusCode, 303);
    assert.equal((await c.post(url, { confirmed: 'yes' })).statusCode, 303);
  });
});
