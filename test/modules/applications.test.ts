import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../support/harness';
import { AFTER_SCHOOL, CARE, applicationForm, applicationRow, applyFor, catalogueMunicipality, coordinator, decideNow, mailsTo, serviceId } from './applications-helpers';
import { ownerQuery } from '../support/db';
import { fieldError, pageText } from '../support/pages';
import { person } from '../support/people';

describeEachEngine('applications: apply, the resident view, staff decisions with reasons', (h) => {
  test('applying reports a suspended service, a missing consent and a missing need; nothing is saved', async () => {
    const m = await catalogueMunicipality(h);
    const care = await serviceId(h, m, CARE);
    await ownerQuery(h, "UPDATE services SET status = 'suspended' WHERE municipality_id = $1 AND name = $2", [m.id, AFTER_SCHOOL]);
    const suspended = await serviceId(h, m, AFTER_SCHOOL);
    const { c } = await person(h, m, ['resident']);
    assert.equal((await c.get(`/${m.slug}/applications/new?service=${care}`)).statusCode, 200);
    const s = await c.post(`/${m.slug}/applications`, applicationForm(suspended));
    assert.equal(s.statusCode, 422);
    assert.match(fieldError(s.body, 'service_id'), /wstrzymane/);
    const wrong = await c.post(`/${m.slug}/applications`, applicationForm(care, { consent_processing: '', need: '', beneficiary_name: '', contact_phone: '' }));
    assert.equal(wrong.statusCode, 422);
    assert.match(fieldError(wrong.body, 'consent_processing'), /Bez zgody/);
    assert.match(fieldError(wrong.body, 'need'), /wymagane/);
    assert.match(fieldError(wrong.body, 'beneficiary_name'), /imię i nazwisko/);
    assert.match(fieldError(wrong.body, 'contact_phone'), /telefon albo e-mail/);
    const { c: stranger } = await person(h);
    const notJoined = await stranger.get(`/${m.slug}/applications/new`);
    assert.equal(notJoined.statusCode, 403);
    assert.match(pageText(notJoined.body), /Dołącz do gminy jako mieszkaniec/);
    assert.equal((await stranger.post(`/${m.slug}/applications`, applicationForm(care))).statusCode, 403);
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM applications WHERE municipality_id = $1', [m.id])).length, 0);
  });

  test('a resident applies, sees the place and an honest estimate, and is mailed; another resident sees nothing of it', async () => {
    const m = await catalogueMunicipality(h);
    const care = await serviceId(h, m, CARE);
    const { user, c } = await person(h, m, ['resident']);
    const first = await applyFor(h, c, m, care, { consent_sharing: '1' });
    const second = await applyFor(h, c, m, care, { relation: 'self', beneficiary_name: '' });
    const mine = pageText((await c.get(`/${m.slug}/applications/mine`)).body);
    assert.match(mine, /Miejsce w kolejce: 1/);
    assert.match(mine, /Miejsce w kolejce: 2/);
    assert.match(mine, /Nie da się jeszcze oszacować/);
    const consents = await ownerQuery<{ purpose: string; recipient: string }>(h, 'SELECT purpose, recipient FROM application_consents WHERE municipality_id = $1 AND application_id = $2 ORDER BY purpose', [m.id, first]);
    assert.deepEqual(consents.map((x) => x.purpose), ['cus_processing', 'provider_sharing']);
    const mails = await mailsTo(h, user.email);
    assert.match(mails[0]!.subject, /Otrzymaliśmy wniosek/);
    assert.match(mails[0]!.body_text, /Miejsce w kolejce: 1/);

    // Accepted applications of the last 12 weeks set the pace: 6 in 12 weeks → place 2 ≈ 4 weeks.
    await ownerQuery(h, `INSERT INTO applications (municipality_id, service_id, applicant_name, beneficiary_name, beneficiary_birth_year, relation, contact_phone, need, channel, status, decided_at)
      SELECT $1, $2, 'Osoba', 'Osoba', 1950, 'self', '1', 'x', 'phone', 'accepted', now() - make_interval(days => g * 10) FROM generate_series(1, 6) g`, [m.id, care]);
    const paced = pageText((await c.get(`/${m.slug}/applications/mine`)).body);
    assert.match(paced, /Przy obecnym tempie ok\. 2 tygodni\./);
    assert.match(paced, /Przy obecnym tempie ok\. 4 tygodni\./);

    // Accepted: what happens next and where to follow it, not a dead end (walk-through of issue 14); none while queued.
    assert.doesNotMatch(paced, /Co dalej:/);
    const club = await applyFor(h, c, m, await serviceId(h, m, AFTER_SCHOOL), { relation: 'self', beneficiary_name: '' });
    const { c: staff } = await coordinator(h, m);
    assert.equal((await decideNow(h, staff, m, club, 'accept')).statusCode, 303);
    const accepted = await c.get(`/${m.slug}/applications/mine`);
    assert.match(pageText(accepted.body), /Co dalej: osoba koordynująca sprawę kontaktuje się z Tobą i razem układacie plan usług\. Sprawę, plan i skierowania widać w jednym miejscu: Moje sprawy w CUS/);
    assert.equal((accepted.body.slice(accepted.body.indexOf("<main")).match(new RegExp(`<a href="/${m.slug}/my">Moje sprawy w CUS</a>`, 'g')) ?? []).length, 1, 'under the accepted one only');

    const { c: other } = await person(h, m, ['resident']);
    assert.doesNotMatch((await other.get(`/${m.slug}/applications/mine`)).body, /Janina Lniarska/);
    assert.equal((await other.post(`/${m.slug}/applications/mine/${first}/withdraw`, { confirmed: 'yes' })).statusCode, 404);
    assert.equal((await other.get(`/${m.slug}/applications/${first}`)).statusCode, 403);
    assert.equal((await applicationRow(h, m, first)).status, 'waiting');

    // Withdrawing asks first: the page names the place lost and that it cannot be undone; a POST that skipped it does nothing.
    const confirmation = pageText((await c.get(`/${m.slug}/applications/mine/${first}/withdraw`)).body);
    assert.match(confirmation, /Wycofać wniosek\?/);
    assert.match(confirmation, /utracisz miejsce w kolejce \(obecnie 1\.\)/);
    assert.match(confirmation, /Nie można tego cofnąć/);
    const forced = await c.post(`/${m.slug}/applications/mine/${first}/withdraw`);
    assert.equal(forced.statusCode, 422);
    assert.match(pageText(forced.body), /Nic nie zostało zrobione: tę czynność trzeba najpierw potwierdzić/);
    assert.match(forced.body, /id="error-summary" autofocus/);
    assert.equal((await applicationRow(h, m, first)).status, 'waiting');
    assert.equal((await c.postJson(`/${m.slug}/applications/mine/${first}/withdraw`)).json().error.code, 'confirmation.required');

    // Withdrawing: the one behind moves up.
    assert.equal((await c.post(`/${m.slug}/applications/mine/${first}/withdraw`, { confirmed: 'yes' })).statusCode, 303);
    assert.equal((await applicationRow(h, m, first)).status, 'withdrawn');
    assert.equal((await applicationRow(h, m, second)).queue_position, 1);
    assert.equal((await c.post(`/${m.slug}/applications/mine/${first}/withdraw`, { confirmed: 'yes' })).statusCode, 409);
    assert.match((await mailsTo(h, user.email)).at(-1)!.subject, /Wniosek wycofany/);
  });

  test('staff decide with reasons; a decline without one is 422; a stale decision is 409 and overwrites nothing; mails carry the reason', async () => {
    const m = await catalogueMunicipality(h);
    const care = await serviceId(h, m, CARE);
    const { user, c } = await person(h, m, ['resident']);
    const id = await applyFor(h, c, m, care);
    const { c: staff } = await coordinator(h, m);
    // Declining asks first: whose application, that it leaves the queue and the applicant is told, that it cannot be undone.
    assert.doesNotMatch((await staff.get(`/${m.slug}/applications/${id}`)).body, /<form[^>]*action="[^"]*\/decline"/);
    const confirmation = pageText((await staff.get(`/${m.slug}/applications/${id}/decline`)).body);
    for (const part of [/Odrzucić wniosek\?/, /zniknie z kolejki/, /dostanie wiadomość e-mail z tym uzasadnieniem/, /Nie można tego cofnąć/]) assert.match(confirmation, part);
    const forced = await decideNow(h, staff, m, id, 'decline', { decline_reason: 'Brak miejsc.' });
    assert.equal(forced.statusCode, 422);
    assert.match(pageText(forced.body), /Nic nie zostało zrobione/);
    assert.equal((await applicationRow(h, m, id)).status, 'waiting');
    const noReason = await decideNow(h, staff, m, id, 'decline', { decline_reason: '  ', confirmed: 'yes' });
    assert.equal(noReason.statusCode, 422);
    assert.match(fieldError(noReason.body, 'decline_reason'), /uzasadnienie/);
    const { version } = await applicationRow(h, m, id);
    assert.equal((await decideNow(h, staff, m, id, 'hold', { hold_reason: 'Czekamy na zaświadczenie lekarskie.' })).statusCode, 303);
    const stale = await staff.post(`/${m.slug}/applications/${id}/decline`, { version: String(version), decline_reason: 'Brak miejsc.', confirmed: 'yes' });
    assert.equal(stale.statusCode, 409);
    assert.match(pageText(stale.body), /Ktoś inny zmienił te dane/);
    const held = await applicationRow(h, m, id);
    assert.equal(held.status, 'on_hold');
    assert.equal(held.queue_position, 1, 'on hold keeps its place');
    assert.match(pageText((await c.get(`/${m.slug}/applications/mine`)).body), /Uzasadnienie: Czekamy na zaświadczenie lekarskie\./);
    assert.equal((await decideNow(h, staff, m, id, 'resume')).statusCode, 303);
    assert.equal((await decideNow(h, staff, m, id, 'decline', { decline_reason: 'Usługa nie obejmuje opieki nocnej.', confirmed: 'yes' })).statusCode, 303);
    const done = await applicationRow(h, m, id);
    assert.deepEqual([done.status, done.status_reason, done.queue_position], ['declined', 'Usługa nie obejmuje opieki nocnej.', null]);
    const subjects = (await mailsTo(h, user.email)).map((x) => x.subject);
    assert.deepEqual(subjects.map((s) => s.split(':')[0]), ['Otrzymaliśmy wniosek', 'Wniosek wstrzymany', 'Wniosek wznowiony', 'Wniosek nieprzyjęty']);
    assert.match((await mailsTo(h, user.email)).at(-1)!.body_text, /Uzasadnienie: Usługa nie obejmuje opieki nocnej\./);
    const page = pageText((await staff.get(`/${m.slug}/applications/${id}`)).body);
    assert.match(page, /w kolejce → wstrzymany/);
    assert.match(page, /Uzasadnienie: Usługa nie obejmuje opieki nocnej\./);
    assert.equal((await decideNow(h, staff, m, id, 'accept')).statusCode, 409, 'a decided application is out of the queue');
  });

  test('forwarding needs the resident\'s consent, which is then recorded; registering on behalf links the account by e-mail', async () => {
    const m = await catalogueMunicipality(h);
    const care = await serviceId(h, m, CARE);
    const { user } = await person(h, m, ['resident']);
    const { c: staff, user: staffUser } = await coordinator(h, m);
    const reg = await staff.post(`/${m.slug}/applications/register`, { ...applicationForm(care, { contact_email: user.email }), applicant_name: 'Zofia Przędzalna', channel: 'phone' });
    assert.equal(reg.statusCode, 303, reg.body.slice(0, 1500));
    const id = reg.headers.location!.split('/').pop()!;
    const row = await applicationRow(h, m, id);
    assert.deepEqual([row.channel, row.applicant_id, row.registered_by], ['phone', user.id, staffUser.id]);
    const [unit] = await ownerQuery<{ id: string }>(h, "INSERT INTO units (municipality_id, name) VALUES ($1, 'Dział Pomocy Społecznej') RETURNING id", [m.id]);
    const noConsent = await decideNow(h, staff, m, id, 'forward', { unit_id: unit!.id, forward_reason: 'Sprawa dla pracownika socjalnego.' });
    assert.equal(noConsent.statusCode, 422);
    assert.match(fieldError(noConsent.body, 'consent'), /zgody mieszkańca/);
    assert.equal((await decideNow(h, staff, m, id, 'forward', { unit_id: unit!.id, forward_reason: 'Sprawa dla pracownika socjalnego.', consent: '1' })).statusCode, 303);
    const consents = await ownerQuery<{ purpose: string; recipient: string }>(h, "SELECT purpose, recipient FROM application_consents WHERE municipality_id = $1 AND application_id = $2 AND purpose = 'forwarding'", [m.id, id]);
    assert.deepEqual(consents, [{ purpose: 'forwarding', recipient: 'Dział Pomocy Społecznej' }]);
    assert.match((await mailsTo(h, user.email)).at(-1)!.body_text, /przekazaliśmy do: Dział Pomocy Społecznej/);
  });

  test('a beneficiary outside the age range is a warning for staff, not a refusal; every staff read is audited', async () => {
    const m = await catalogueMunicipality(h);
    const club = await serviceId(h, m, AFTER_SCHOOL);
    const { c } = await person(h, m, ['resident']);
    const id = await applyFor(h, c, m, club, { relation: 'self', beneficiary_name: '', beneficiary_birth_year: '1950' });
    assert.equal((await applicationRow(h, m, id)).status, 'waiting');
    const { c: staff, user: staffUser } = await coordinator(h, m);
    assert.match(pageText((await staff.get(`/${m.slug}/applications/${id}`)).body), /Uwaga: usługa jest dla osób do 18 lat, a osoba ma ok\. \d+ lat/);
    assert.match(pageText((await staff.get(`/${m.slug}/applications/services/${club}`)).body), /Uwaga: usługa jest dla osób do 18 lat/);
    const csv = await staff.get(`/${m.slug}/applications/services/${club}/export.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.body, /age_above/);
    const reads = await ownerQuery<{ subject_type: string; subject_id: string; details: { ids: string[]; purpose?: string } }>(
      h, "SELECT subject_type, subject_id, details FROM audit_log WHERE municipality_id = $1 AND action = 'application.read' AND actor_user_id = $2 ORDER BY id", [m.id, staffUser.id]);
    assert.deepEqual(reads.map((r) => [r.subject_type, r.details.purpose ?? 'page', r.details.ids]), [
      ['application', 'page', [id]],
      ['service_queue', 'page', [id]],
      ['service_queue', 'export', [id]],
    ]);
  });
});
