import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Criterion } from '../../src/modules/catalog';
import { makeMunicipality } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import {
  CONFLICT, fieldError, historyOf, idByName, inputValue, isChecked, ownerQuery, seededMunicipality, selectedOption, serviceForm, staffClient, textareaValue,
} from './catalog-admin-helpers';
import { assertExcludes, assertIncludes } from '../support/assertions';

interface ServiceDbRow {
  name: string;
  status: string;
  fee_kind: string;
  fee_amount: string | null;
  fee_rule: string;
  criteria: Criterion[];
  required_documents: string[];
  languages: string[];
  target_groups: string[];
  capacity: number | null;
  contact_email: string;
  description: string;
  version: number;
}

describeEachEngine('catalogue editing: services', (h) => {
  const serviceRow = async (municipalityId: string, id: string) =>
    (await ownerQuery<ServiceDbRow>(h, `SELECT name, status, fee_kind, fee_amount::text AS fee_amount, fee_rule, criteria, required_documents, languages,
       target_groups, capacity, contact_email, description, version FROM services WHERE municipality_id = $1 AND id = $2`, [municipalityId, id]))[0];
  const serviceCount = async (municipalityId: string) =>
    (await ownerQuery<{ n: number }>(h, 'SELECT count(*)::int AS n FROM services WHERE municipality_id = $1', [municipalityId]))[0]!.n;

  test('the overview lists services, providers, places and programmes; an empty catalogue says so', async () => {
    const m = await seededMunicipality(h);
    const c = await staffClient(h, m);
    const res = await c.get(`/${m.slug}/catalog`);
    assert.equal(res.statusCode, 200);
    assert.equal((res.body.match(/<h1>/g) ?? []).length, 1);
    for (const text of ['Usługi opiekuńcze w miejscu zamieszkania', 'Pomoc społeczna', 'dostępna', 'Fundacja „Dom przy Lnianej”', 'organizacja pozarządowa',
      'ul. Mireckiego 8, 96-300 Żyrardów', 'Program usług społecznych Miasta Żyrardowa na lata 2026–2027', 'przyjęty', '1 stycznia 2026 – 31 grudnia 2027']) {
      assertIncludes(res.body, text);
    }
    for (const add of ['services/new', 'providers/new', 'locations/new', 'programmes/new']) assertIncludes(res.body, `href="/${m.slug}/catalog/${add}"`, add);
    const serviceId = await idByName(h, 'services', m, 'Teleopieka „Bezpieczny Senior”');
    assertIncludes(res.body, `href="/${m.slug}/catalog/services/${serviceId}"`);
    assertIncludes(res.body, `href="/${m.slug}/catalog/services/${serviceId}/history"`);

    const empty = await makeMunicipality(h.db, 'Gmina Pusta');
    const e = await (await staffClient(h, empty, ['director'])).get(`/${empty.slug}/catalog`);
    assert.equal(e.statusCode, 200);
    for (const text of ['Katalog nie ma jeszcze żadnej usługi.', 'Nie dodano jeszcze żadnego realizatora usług.', 'Nie dodano jeszcze żadnego miejsca.',
      'Nie dodano jeszcze żadnego programu.']) {
      assertIncludes(e.body, text);
    }
    assertExcludes(e.body, '<table');
  });

  test('a coordinator creates a service with every field, then edits it; each save is a version in the history', async () => {
    const m = await seededMunicipality(h);
    const c = await staffClient(h, m);
    const provider = await idByName(h, 'providers', m, 'Centrum Usług Społecznych w Żyrardowie');
    const siedziba = await idByName(h, 'locations', m, 'Siedziba CUS');
    const mal = await idByName(h, 'locations', m, 'Miejsce Aktywności Lokalnej');

    const blank = await c.get(`/${m.slug}/catalog/services/new`);
    assert.equal(blank.statusCode, 200);
    assertIncludes(blank.body, '<h1>Nowa usługa</h1>');
    assert.ok(isChecked(blank.body, 'f-status-active') && isChecked(blank.body, 'f-fee_kind-free') && isChecked(blank.body, 'f-languages-pl'));

    const created = await c.post(`/${m.slug}/catalog/services`, serviceForm(provider, [siedziba, mal]));
    assert.equal(created.statusCode, 303, created.body.slice(0, 2000));
    const id = /\/catalog\/services\/([0-9a-f-]{36})$/.exec(created.headers.location ?? '')?.[1];
    assert.ok(id, created.headers.location);
    const row = (await serviceRow(m.id, id))!;
    assert.equal(row.fee_kind, 'fixed');
    assert.equal(row.fee_amount, '15.50', 'a Polish decimal comma is read as a decimal point');
    assert.deepEqual(row.criteria, [{ type: 'age', min: 65 }, { type: 'residence' }, { type: 'income_per_person', max: 2020.5 }]);
    assert.deepEqual(row.required_documents, ['skierowanie lub potwierdzenie wizyty', 'oświadczenie o dochodach']);
    assert.deepEqual(row.languages, ['pl', 'uk']);
    assert.deepEqual(row.target_groups, ['seniors', 'people_with_disabilities']);
    assert.equal(row.capacity, 12);
    assert.equal(row.contact_email, 'transport@cus.example');
    assert.equal(row.version, 1);
    const links = await ownerQuery<{ location_id: string }>(h, 'SELECT location_id FROM service_locations WHERE municipality_id = $1 AND service_id = $2', [m.id, id]);
    assert.deepEqual(links.map((l) => l.location_id).sort(), [siedziba, mal].sort());

    // The edit page shows what was saved, the Polish way.
    const edit = await c.get(created.headers.location!);
    assert.equal(edit.statusCode, 200);
    assertIncludes(edit.body, 'Dodano usługę.', 'the flash confirms');
    assert.equal(inputValue(edit.body, 'fee_amount'), '15,50');
    assert.equal(inputValue(edit.body, 'max_income'), '2020,50');
    assert.equal(inputValue(edit.body, 'min_age'), '65');
    assert.equal(inputValue(edit.body, 'max_age'), '');
    assert.equal(inputValue(edit.body, 'version'), '1');
    assert.equal(textareaValue(edit.body, 'required_documents'), 'skierowanie lub potwierdzenie wizyty\noświadczenie o dochodach');
    assert.equal(selectedOption(edit.body, 'area'), 'health');
    assert.equal(selectedOption(edit.body, 'provider_id'), provider);
    assert.ok(isChecked(edit.body, 'f-residence') && !isChecked(edit.body, 'f-unemployed'));
    assert.ok(isChecked(edit.body, `f-location_ids-${mal}`) && isChecked(edit.body, 'f-languages-uk') && isChecked(edit.body, 'f-fee_kind-fixed'));

    // Edit: a new name, suspended, income-dependent with a rule, one place fewer, an age range, unemployed.
    const changed = serviceForm(provider, [siedziba], {
      name: 'Transport do lekarza', status: 'suspended', fee_kind: 'income_dependent', fee_amount: '', fee_rule: 'Według uchwały rady miasta.',
      max_age: '90', unemployed: '1', version: '1',
    });
    const saved = await c.post(`/${m.slug}/catalog/services/${id}`, changed);
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 2000));
    const after = (await serviceRow(m.id, id))!;
    assert.equal(after.version, 2);
    assert.equal(after.status, 'suspended');
    assert.equal(after.fee_amount, null, 'no amount was typed');
    assert.deepEqual(after.criteria, [{ type: 'age', min: 65, max: 90 }, { type: 'residence' }, { type: 'income_per_person', max: 2020.5 }, { type: 'unemployed' }]);

    const entries = await historyOf(h, m, 'service', id);
    assert.deepEqual(entries.map((e) => e.version), [1, 2]);
    const [first, second] = entries as [(typeof entries)[0], (typeof entries)[0]];
    assert.ok(first.changed_by);
    assertIncludes(first.changed_by_label, '@example.pl');
    assert.deepEqual(first.changes.name, [null, 'Transport do lekarza dla seniorów']);
    assert.deepEqual(first.changes.fee_amount, [null, '15.50']);
    assert.equal(first.snapshot.name, 'Transport do lekarza dla seniorów');
    assert.deepEqual(Object.keys(second.changes).sort(), ['criteria', 'fee_amount', 'fee_kind', 'fee_rule', 'locations', 'name', 'status']);
    assert.deepEqual(second.changes.name, ['Transport do lekarza dla seniorów', 'Transport do lekarza']);
    assert.deepEqual(second.changes.status, ['active', 'suspended']);
    assert.deepEqual(second.changes.locations, [['Miejsce Aktywności Lokalnej', 'Siedziba CUS'], ['Siedziba CUS']]);
    assert.deepEqual(second.snapshot.location_ids, [siedziba]);
    assert.equal(second.snapshot.status, 'suspended');

    // Saving the same values again writes no new version.
    const again = await c.post(`/${m.slug}/catalog/services/${id}`, { ...changed, version: '2' });
    assert.equal(again.statusCode, 303);
    assert.equal((await serviceRow(m.id, id))!.version, 2);
    assert.equal((await historyOf(h, m, 'service', id)).length, 2);

    // The history page: who, when (Warsaw), which fields, before → after.
    const page = await c.get(`/${m.slug}/catalog/services/${id}/history`);
    assert.equal(page.statusCode, 200);
    assertIncludes(page.body, 'Historia zmian: Transport do lekarza');
    assertIncludes(page.body, 'Wersja 2');
    assertIncludes(page.body, 'Wersja 1');
    assert.ok(/<th scope="row">Status<\/th><td class="admin-history-value">dostępna<\/td><td class="admin-history-value">zawieszona<\/td>/.test(page.body));
    assertIncludes(page.body, 'Zależna od dochodu');
    assertIncludes(page.body, 'wiek od 65 do 90 lat');
    assertIncludes(page.body, first.changed_by_label.replace(/&/g, '&amp;'));
    const [{ changed_at }] = await ownerQuery<{ changed_at: Date }>(h, 'SELECT changed_at FROM catalog_history WHERE municipality_id = $1 AND entity_id = $2 AND version = 2', [m.id, id]) as [{ changed_at: Date }];
    const warsaw = new Intl.DateTimeFormat('pl-PL', { timeZone: 'Europe/Warsaw', dateStyle: 'long', timeStyle: 'short' }).format(changed_at);
    assertIncludes(page.body, warsaw, `time shown in Europe/Warsaw: ${warsaw}`);
  });

  test('mistakes come back as field errors with everything typed kept, and nothing is saved', async () => {
    const m = await seededMunicipality(h);
    const c = await staffClient(h, m);
    const provider = await idByName(h, 'providers', m, 'Punkt Interwencji Kryzysowej');
    const before = await serviceCount(m.id);
    await c.get(`/${m.slug}/catalog/services/new`);
    const res = await c.post(`/${m.slug}/catalog/services`, serviceForm(provider, [], {
      name: 'Wsparcie <b>psychologa</b>', description: '<script>alert("x")</script> & więcej', min_age: '70', max_age: '18', fee_kind: 'income_dependent',
      fee_rule: '', fee_amount: '', contact_phone: 'zadzwoń', max_income: '-5',
    }));
    assert.equal(res.statusCode, 422);
    assertIncludes(res.body, 'Formularz zawiera 4 błędy', res.body.match(/error-summary[\s\S]{0,1500}/)?.[0]);
    assert.equal(fieldError(res.body, 'max_age'), 'Wiek „od” nie może być większy niż wiek „do”.');
    assert.equal(fieldError(res.body, 'fee_rule'), 'Przy odpłatności zależnej od dochodu opisz zasady odpłatności.');
    assert.ok(fieldError(res.body, 'contact_phone').startsWith('Wpisz numer telefonu'));
    assert.ok(fieldError(res.body, 'max_income').startsWith('Wpisz kwotę większą od zera'));
    assertIncludes(res.body, 'href="#f-max_age"', 'the summary links to the field');
    assert.equal(inputValue(res.body, 'min_age'), '70');
    assert.equal(inputValue(res.body, 'name'), 'Wsparcie <b>psychologa</b>');
    assert.equal(textareaValue(res.body, 'description'), '<script>alert("x")</script> & więcej');
    assertExcludes(res.body, '<script>alert', 'typed HTML is escaped');
    assert.ok(isChecked(res.body, 'f-fee_kind-income_dependent') && isChecked(res.body, 'f-languages-uk'));
    assert.equal(await serviceCount(m.id), before);

    // A fixed fee without an amount, and an amount that is not one.
    const noAmount = await c.post(`/${m.slug}/catalog/services`, serviceForm(provider, [], { fee_amount: '' }));
    assert.equal(noAmount.statusCode, 422);
    assert.equal(fieldError(noAmount.body, 'fee_amount'), 'Przy stałej opłacie podaj kwotę.');
    const badAmount = await c.post(`/${m.slug}/catalog/services`, serviceForm(provider, [], { fee_amount: '15,555' }));
    assert.equal(fieldError(badAmount.body, 'fee_amount'), 'Wpisz kwotę w złotych, np. 15 albo 15,50.');
    // Another municipality's provider, or a made-up place, is not a choice here.
    const other = await seededMunicipality(h, 'Gmina Obca');
    const foreign = await c.post(`/${m.slug}/catalog/services`, serviceForm(await idByName(h, 'providers', other, 'Punkt Interwencji Kryzysowej'), [crypto.randomUUID()]));
    assert.equal(foreign.statusCode, 422);
    assert.equal(fieldError(foreign.body, 'provider_id'), 'Nieprawidłowa wartość.');
    assert.equal(await serviceCount(m.id), before);

    // Saved HTML stays text: shown escaped on the edit page.
    const ok = await c.post(`/${m.slug}/catalog/services`, serviceForm(provider, [], { description: '<img src=x onerror=alert(1)><b>pogrubione</b>' }));
    assert.equal(ok.statusCode, 303);
    const edit = await c.get(ok.headers.location!);
    assertIncludes(edit.body, '&lt;img src=x onerror=alert(1)>&lt;b>pogrubione&lt;/b>');
    assertExcludes(edit.body, '<img src=x');
  });

  test('a stale save is refused with 409: the current values are shown and nothing is overwritten', async () => {
    const m = await seededMunicipality(h);
    const id = await idByName(h, 'services', m, 'Asystent rodziny');
    const provider = await idByName(h, 'providers', m, 'Centrum Usług Społecznych w Żyrardowie');
    const siedziba = await idByName(h, 'locations', m, 'Siedziba CUS');
    const url = `/${m.slug}/catalog/services/${id}`;
    const [anna, ben] = [await staffClient(h, m), await staffClient(h, m, ['director'])];
    const [formA, formB] = [await anna.get(url), await ben.get(url)];
    assert.equal(inputValue(formA.body, 'version'), '1');
    assert.equal(inputValue(formB.body, 'version'), '1');

    const first = await anna.post(url, serviceForm(provider, [siedziba], { name: 'Asystent rodziny — zmienione przez Annę', fee_kind: 'free', version: '1' }));
    assert.equal(first.statusCode, 303);
    const stale = await ben.post(url, serviceForm(provider, [siedziba], { name: 'Asystent rodziny — wersja Bena', fee_kind: 'free', version: '1' }));
    assert.equal(stale.statusCode, 409);
    assertIncludes(stale.body, CONFLICT);
    assert.equal(inputValue(stale.body, 'name'), 'Asystent rodziny — zmienione przez Annę', 'the form shows what is saved now');
    assertExcludes(stale.body, 'wersja Bena');
    assert.equal(inputValue(stale.body, 'version'), '2');
    const row = (await serviceRow(m.id, id))!;
    assert.equal(row.name, 'Asystent rodziny — zmienione przez Annę');
    assert.equal(row.version, 2);
    assert.equal((await historyOf(h, m, 'service', id)).length, 1, 'only Anna’s save is in the history');
    const json = await ben.postJson(url, serviceForm(provider, [siedziba], { fee_kind: 'free', version: '1' }));
    assert.equal(json.statusCode, 409);
    assert.equal((json.json() as { error: { code: string } }).error.code, 'conflict.stale');

    // A deliberate retry on the current version goes through.
    const retry = await ben.post(url, serviceForm(provider, [siedziba], { name: 'Asystent rodziny — wersja Bena', fee_kind: 'free', version: '2' }));
    assert.equal(retry.statusCode, 303);
    assert.equal((await serviceRow(m.id, id))!.version, 3);

    // Two saves at the same moment on the same version: exactly one wins.
    const [r1, r2] = await Promise.all([
      anna.post(url, serviceForm(provider, [siedziba], { name: 'Równocześnie A', fee_kind: 'free', version: '3' })),
      ben.post(url, serviceForm(provider, [siedziba], { name: 'Równocześnie B', fee_kind: 'free', version: '3' })),
    ]);
    assert.deepEqual([r1.statusCode, r2.statusCode].sort(), [303, 409]);
    assert.equal((await serviceRow(m.id, id))!.version, 4);
  });
});
