import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../support/harness';
import { CARE, applicationForm, applicationRow, applyFor, catalogueMunicipality, coordinator, decideNow, gapless, mailsTo, positions, serviceId } from './applications-helpers';
import { ownerQuery } from '../support/db';
import { fieldError, pageText } from '../support/pages';
import { person } from '../support/people';
import { warsawDay } from './meetings-helpers';
import { assertIncludes } from '../support/assertions';

describeEachEngine('applications: the queue, its order and its places', (h) => {
  test('places per period: overlaps refused; accepting beyond the places needs a reason; so does accepting out of order', async () => {
    const m = await catalogueMunicipality(h);
    const care = await serviceId(h, m, CARE);
    const { c: staff } = await coordinator(h, m, ['director']);
    const base = `/${m.slug}/applications/services/${care}/capacity`;
    assert.equal((await staff.post(base, { period_from: warsawDay(-10), period_to: warsawDay(50), places: '1' })).statusCode, 303);
    const overlap = await staff.post(base, { period_from: warsawDay(40), period_to: warsawDay(90), places: '5' });
    assert.equal(overlap.statusCode, 422);
    assert.match(fieldError(overlap.body, 'period_from'), /zachodzi na inny okres/);
    const backwards = await staff.post(base, { period_from: warsawDay(100), period_to: warsawDay(90), places: '5' });
    assert.equal(backwards.statusCode, 422);

    const { c } = await person(h, m, ['resident']);
    const [a, b, third] = [await applyFor(h, c, m, care, { beneficiary_name: 'Osoba A' }), await applyFor(h, c, m, care, { beneficiary_name: 'Osoba B' }), await applyFor(h, c, m, care, { beneficiary_name: 'Osoba C' })];
    const jump = await decideNow(h, staff, m, b, 'accept');
    assert.equal(jump.statusCode, 422);
    assert.match(fieldError(jump.body, 'accept_reason'), /Przed tym wnioskiem czekają inne/);
    assert.equal((await decideNow(h, staff, m, a, 'accept')).statusCode, 303);
    const full = await decideNow(h, staff, m, b, 'accept');
    assert.equal(full.statusCode, 422);
    assert.match(fieldError(full.body, 'accept_reason'), /wykorzystano już wszystkie miejsca \(1\)/);
    assert.equal((await decideNow(h, staff, m, b, 'accept', { accept_reason: 'Pilna sytuacja: osoba wraca ze szpitala.' })).statusCode, 303);
    assert.equal((await applicationRow(h, m, third)).queue_position, 1);
    assert.match(pageText((await staff.get(base)).body), /Przyjęto 2 Liczba miejsc|2\s+Liczba miejsc/);
    const [{ details }] = (await ownerQuery<{ details: { overCapacity: boolean } }>(h, "SELECT details FROM audit_log WHERE municipality_id = $1 AND subject_id = $2 AND action = 'application.accepted'", [m.id, b])) as [{ details: { overCapacity: boolean } }];
    assert.equal(details.overCapacity, true);

    // A period's places on a stale version: 409, nothing changed.
    const [period] = await ownerQuery<{ id: string; version: number }>(h, 'SELECT id, version FROM service_capacity WHERE municipality_id = $1', [m.id]);
    assert.equal((await staff.post(`${base}/${period!.id}`, { version: String(period!.version), places: '10' })).statusCode, 303);
    const stale = await staff.post(`${base}/${period!.id}`, { version: String(period!.version), places: '3' });
    assert.equal(stale.statusCode, 409);
    assert.equal((await ownerQuery<{ places: number }>(h, 'SELECT places FROM service_capacity WHERE id = $1', [period!.id]))[0]!.places, 10);

    // Removing a period asks first: its places and what was accepted in it, that the accepted stay, how to undo it.
    assert.doesNotMatch((await staff.get(base)).body, /<form[^>]*action="[^"]*\/delete"/, 'the list only links to the confirmation');
    const removal = pageText((await staff.get(`${base}/${period!.id}/delete`)).body);
    for (const part of [/Usunąć okres\?/, /Liczba miejsc 10/, /Przyjęto 2/, /pozostają przyjęte/, /możesz dodać ten sam okres ponownie/]) assert.match(removal, part);
    const forced = await staff.post(`${base}/${period!.id}/delete`, { version: String(period!.version + 1) });
    assert.equal(forced.statusCode, 422);
    assert.match(pageText(forced.body), /Nic nie zostało zrobione/);
    assert.equal((await staff.postJson(`${base}/${period!.id}/delete`, { version: String(period!.version + 1) })).json().error.code, 'confirmation.required');
    const periods = async () => (await ownerQuery(h, 'SELECT 1 FROM service_capacity WHERE municipality_id = $1', [m.id])).length;
    assert.equal(await periods(), 1);
    assert.equal((await staff.post(`${base}/${period!.id}/delete`, { version: String(period!.version), confirmed: 'yes' })).statusCode, 409, 'on the version shown');
    assert.equal((await staff.post(`${base}/${period!.id}/delete`, { version: String(period!.version + 1), confirmed: 'yes' })).statusCode, 303);
    assert.equal(await periods(), 0);
    assert.equal((await applicationRow(h, m, b)).status, 'accepted', 'what was accepted stays');
  });

  test('nobody jumps the queue without a recorded reason; a move shifts the places between', async () => {
    const m = await catalogueMunicipality(h);
    const care = await serviceId(h, m, CARE);
    const residents = await Promise.all([0, 1].map(() => person(h, m, ['resident'])));
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await applyFor(h, residents[i % 2]!.c, m, care, { beneficiary_name: `Osoba ${i}` }));
    const { c: staff } = await coordinator(h, m);
    const noReason = await decideNow(h, staff, m, ids[4]!, 'move', { position: '1', move_reason: '' });
    assert.equal(noReason.statusCode, 422);
    assert.match(fieldError(noReason.body, 'move_reason'), /powód zmiany miejsca/);
    assert.equal((await decideNow(h, staff, m, ids[4]!, 'move', { position: '2', move_reason: 'Osoba samotna po udarze.' })).statusCode, 303);
    const order = async () => Promise.all(ids.map(async (id) => (await applicationRow(h, m, id)).queue_position));
    assert.deepEqual(await order(), [1, 3, 4, 5, 2]);
    assert.equal((await decideNow(h, staff, m, ids[0]!, 'move', { position: '99', move_reason: 'Na prośbę rodziny — wyjazd do sanatorium.' })).statusCode, 303);
    assert.deepEqual(await order(), [5, 2, 3, 4, 1]);
    const [moved] = await ownerQuery<{ reason: string; details: { from: number; to: number } }>(h, "SELECT reason, details FROM audit_log WHERE municipality_id = $1 AND subject_id = $2 AND action = 'application.moved'", [m.id, ids[4]]);
    assert.deepEqual([moved!.reason, moved!.details.from, moved!.details.to], ['', 5, 2], 'the reason stays in the history, not copied into the log');
    assert.match(pageText((await staff.get(`/${m.slug}/applications/${ids[4]}`)).body), /przesunięcie w kolejce: z miejsca 5 na 2 Uzasadnienie: Osoba samotna po udarze\./);
  });

  test('review 2 #5: accepting past earlier applications on hold is a jump that needs a reason and is recorded', async () => {
    const m = await catalogueMunicipality(h);
    const care = await serviceId(h, m, CARE);
    const residents = await Promise.all([0, 1].map(() => person(h, m, ['resident'])));
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await applyFor(h, residents[i % 2]!.c, m, care, { beneficiary_name: `Osoba Kolejkowa ${i}` }));
    const { c: staff } = await coordinator(h, m);
    for (const id of ids.slice(0, 3)) assert.equal((await decideNow(h, staff, m, id, 'hold', { hold_reason: 'Czekamy na zaświadczenie lekarskie.' })).statusCode, 303);
    const jump = await decideNow(h, staff, m, ids[3]!, 'accept');
    assert.equal(jump.statusCode, 422, 'three earlier applications are open, only held');
    assert.match(fieldError(jump.body, 'accept_reason'), /Przed tym wnioskiem czekają inne/);
    assert.equal((await decideNow(h, staff, m, ids[3]!, 'accept', { accept_reason: 'Interwencja: osoba bez opieki od dziś.' })).statusCode, 303);
    for (const id of ids.slice(0, 3)) assert.equal((await decideNow(h, staff, m, id, 'resume')).statusCode, 303);
    assert.equal((await decideNow(h, staff, m, ids[0]!, 'accept')).statusCode, 303, 'the first in the queue is accepted in order');
    const accepted = await ownerQuery<{ subject_id: string; details: { jumped: boolean } }>(h, "SELECT subject_id, details FROM audit_log WHERE municipality_id = $1 AND action = 'application.accepted' ORDER BY id", [m.id]);
    assert.deepEqual(accepted.map((a) => [a.subject_id, a.details.jumped]), [[ids[3], true], [ids[0], false]]);
  });

  test('review 2 #4: a flood of parallel applications by one resident for one service takes at most 3 places, one per beneficiary', async () => {
    const m = await catalogueMunicipality(h);
    const care = await serviceId(h, m, CARE);
    const { c, user } = await person(h, m, ['resident']);
    const { c: other } = await person(h, m, ['resident']);
    const form = (i: number) => applicationForm(care, { beneficiary_name: `Zmyślona Osoba ${i}`, beneficiary_birth_year: String(1940 + i) });
    const flood = await Promise.all([...Array.from({ length: 8 }, (_, i) => c.post(`/${m.slug}/applications`, form(i))),
      ...[0, 1, 2].map(() => other.post(`/${m.slug}/applications`, applicationForm(care, { beneficiary_name: 'Janina  lniarska' })))]);
    const mine = flood.slice(0, 8);
    const theirs = flood.slice(8);
    assert.equal(mine.filter((r) => r.statusCode === 303).length, 3, mine.map((r) => r.statusCode).join(','));
    for (const r of mine.filter((r) => r.statusCode !== 303)) {
      assert.equal(r.statusCode, 422);
      assert.match(fieldError(r.body, 'service_id'), /już 3 otwarte wnioski o tę usługę/);
    }
    assert.equal(theirs.filter((r) => r.statusCode === 303).length, 1, 'one open application per beneficiary (name and year of birth)');
    for (const r of theirs.filter((r) => r.statusCode !== 303)) assert.match(fieldError(r.body, 'beneficiary_name'), /już czeka w kolejce/);
    const { c: third } = await person(h, m, ['resident']);
    assert.equal((await third.post(`/${m.slug}/applications`, applicationForm(care))).statusCode, 303, 'a namesake filed by someone else is not blocked');
    const list = await positions(h, m, care);
    assert.deepEqual(list, [1, 2, 3, 4, 5]);
    const [{ n }] = (await ownerQuery<{ n: number }>(h, 'SELECT count(*)::int AS n FROM applications WHERE municipality_id = $1 AND applicant_id = $2', [m.id, user.id])) as [{ n: number }];
    assert.equal(n, 3);
  });

  test('review 2 #4: submitting applications is rate limited per person', async () => {
    const m = await catalogueMunicipality(h);
    const care = await serviceId(h, m, CARE);
    const { c } = await person(h, m, ['resident']);
    const { c: neighbour } = await person(h, m, ['resident']);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await c.post(`/${m.slug}/applications`, applicationForm(care, { need: '' }))).statusCode);
    assert.deepEqual([...new Set(statuses.slice(0, 20))], [422]);
    assert.equal(statuses[20], 429);
    assert.equal((await neighbour.post(`/${m.slug}/applications`, applicationForm(care))).statusCode, 303, 'another person is not held up');
  });

  test('review 2 #4: staff decline a batch of duplicates with one reason; each is declined, mailed and audited', async () => {
    const m = await catalogueMunicipality(h);
    const care = await serviceId(h, m, CARE);
    const { c, user } = await person(h, m, ['resident']);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await applyFor(h, c, m, care, { beneficiary_name: `Powtórzona Osoba ${i}` }));
    const { c: staff } = await coordinator(h, m);
    const url = `/${m.slug}/applications/services/${care}/decline`;
    const page = await staff.get(`/${m.slug}/applications/services/${care}`);
    assert.match(page.body, new RegExp(`name="ids" value="${ids[1]}"`), 'each row can be selected');
    const versions = async (list: string[]) => Object.fromEntries(await Promise.all(list.map(async (id) => [`version_${id}`, String((await applicationRow(h, m, id)).version)])));
    const reason = 'Wnioski powtórzone — osoby zmyślone, bez związku z wnioskodawcą.';
    // The queue's form only leads to the confirmation page (GET): it names the ticked ones and what happens; the reason is typed there.
    assert.match(page.body, new RegExp(`<form method="get" action="${url}"`));
    const seen: Record<string, string> = await versions([ids[1]!, ids[2]!]);
    const chosen = { ids: [ids[1]!, ids[2]!], ...seen };
    const query = new URLSearchParams([...chosen.ids.map((id): [string, string] => ['ids', id]), ...Object.entries(seen)]);
    const confirmation = await staff.get(`${url}?${query}`);
    assert.equal(confirmation.statusCode, 200);
    const said = pageText(confirmation.body);
    assert.match(said, /Odrzucić 2 zaznaczone wnioski\?/);
    assert.match(said, /2\. Powtórzona Osoba 1/);
    assert.match(said, /3\. Powtórzona Osoba 2/);
    assert.doesNotMatch(said, /Powtórzona Osoba 0/);
    assert.match(said, /Każdy wnioskodawca dostanie wiadomość e-mail/);
    assert.match(said, /Nie można tego cofnąć/);
    assert.match(confirmation.body, /name="batch_reason"/);
    assert.match(fieldError((await staff.get(url)).body, 'ids'), /Zaznacz co najmniej jeden wniosek/, 'nothing ticked: the queue says so');

    const forced = await staff.post(url, { ...chosen, batch_reason: reason });
    assert.equal(forced.statusCode, 422, 'a POST that skipped the confirmation page does nothing');
    assert.match(pageText(forced.body), /Nic nie zostało zrobione/);
    assert.equal((await applicationRow(h, m, ids[1]!)).status, 'waiting');
    assert.equal((await staff.postJson(url, { ...chosen, batch_reason: reason })).json().error.code, 'confirmation.required');
    const noReason = await staff.post(url, { ...chosen, batch_reason: '', confirmed: 'yes' });
    assert.equal(noReason.statusCode, 422);
    assert.match(fieldError(noReason.body, 'batch_reason'), /Wpisz uzasadnienie/);
    const nothing = await staff.post(url, { batch_reason: reason, confirmed: 'yes' });
    assert.equal(nothing.statusCode, 422);
    assert.match(fieldError(nothing.body, 'ids'), /Zaznacz co najmniej jeden wniosek/);
    const stale = await staff.post(url, { ids: [ids[1]!, ids[2]!], [`version_${ids[1]}`]: '1', [`version_${ids[2]}`]: '7', batch_reason: reason, confirmed: 'yes' });
    assert.equal(stale.statusCode, 409, 'one changed meanwhile: none is declined');
    assert.equal((await applicationRow(h, m, ids[1]!)).status, 'waiting');

    const done = await staff.post(url, { ...chosen, batch_reason: reason, confirmed: 'yes' });
    assert.equal(done.statusCode, 303, done.body.slice(0, 500));
    for (const id of ids.slice(1)) assert.deepEqual(await applicationRow(h, m, id).then((r) => [r.status, r.status_reason, r.queue_position]), ['declined', reason, null]);
    assert.deepEqual(await positions(h, m, care), [1]);
    const mails = (await mailsTo(h, user.email)).filter((x) => x.body_text.includes(reason));
    assert.equal(mails.length, 2, 'each applicant is told, with the reason');
    const audited = await ownerQuery<{ subject_id: string; reason: string; details: { batch: number } }>(h, "SELECT subject_id, reason, details FROM audit_log WHERE municipality_id = $1 AND action = 'application.declined' ORDER BY subject_id", [m.id]);
    // The reason stays in the application's history, not copied into the append-only log (review 1 #8).
    assert.deepEqual(audited.map((a) => [a.subject_id, a.reason, a.details.batch]), [ids[1]!, ids[2]!].sort().map((id) => [id, '', 2]));
  });

  test('concurrent applications, acceptances, withdrawals and moves keep the places a gapless 1..n', async () => {
    const m = await catalogueMunicipality(h);
    const care = await serviceId(h, m, CARE);
    const residents = await Promise.all([0, 1, 2, 3].map(() => person(h, m, ['resident'])));
    const ids: string[] = [];
    for (let i = 0; i < 9; i++) ids.push(await applyFor(h, residents[i % 3]!.c, m, care, { beneficiary_name: `Osoba ${i}` }));
    const { c: staff } = await coordinator(h, m);
    const versions = await Promise.all(ids.map((id) => applicationRow(h, m, id).then((r) => String(r.version))));
    const form = (i: number, kind: string, extra: Record<string, string>) => staff.post(`/${m.slug}/applications/${ids[i]}/${kind}`, { version: versions[i]!, ...extra });
    const results = await Promise.all([
      form(0, 'accept', {}),
      form(4, 'accept', { accept_reason: 'Pilne.' }),
      residents[1]!.c.post(`/${m.slug}/applications/mine/${ids[1]}/withdraw`, { confirmed: 'yes' }),
      residents[2]!.c.post(`/${m.slug}/applications/mine/${ids[5]}/withdraw`, { confirmed: 'yes' }),
      form(7, 'move', { position: '1', move_reason: 'Pilne.' }),
      form(3, 'decline', { decline_reason: 'Poza zakresem usługi.', confirmed: 'yes' }),
      residents[3]!.c.post(`/${m.slug}/applications`, { service_id: care, relation: 'self', beneficiary_birth_year: '1950', contact_phone: '46 855 00 01', need: 'Pomoc.', consent_processing: '1' }),
      residents[3]!.c.post(`/${m.slug}/applications`, { service_id: care, relation: 'child', beneficiary_name: 'Dziecko', beneficiary_birth_year: '2015', contact_phone: '46 855 00 02', need: 'Pomoc.', consent_processing: '1' }),
    ]);
    for (const r of results) assertIncludes([303, 409, 422], r.statusCode, `${r.statusCode} ${r.body.slice(0, 300)}`);
    const list = await positions(h, m, care);
    assert.ok(gapless(list), `places ${list.join(',')}`);
    const inQueue = await ownerQuery<{ n: number }>(h, "SELECT count(*)::int AS n FROM applications WHERE municipality_id = $1 AND service_id = $2 AND status IN ('waiting', 'on_hold')", [m.id, care]);
    assert.equal(list.length, inQueue[0]!.n);
    assert.equal(list.length, 9 + 2 - results.slice(0, 6).filter((r, i) => r.statusCode === 303 && i !== 4).length);
  });
});
