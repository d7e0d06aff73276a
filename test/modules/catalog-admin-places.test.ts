import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../support/harness';
import {
  CONFLICT, fieldError, historyOf, idByName, inputValue, isChecked, ownerQuery, seededMunicipality, selectedOption, staffClient, textareaValue,
} from './catalog-admin-helpers';
import { assertIncludes } from '../support/assertions';

const locationForm = (providerId: string, over: Record<string, string> = {}): Record<string, string> => ({
  provider_id: providerId,
  name: 'Punkt konsultacyjny na Ruda',
  street: 'ul. Jaktorowska 14',
  postal_code: '96300',
  city: 'Żyrardów',
  latitude: '52,0601',
  longitude: '20,4312',
  step_free: '1',
  induction_loop: '1',
  accessibility_notes: 'Wejście od parkingu, dzwonek na wysokości 90 cm.',
  h1_1_opens: '8:00',
  h1_1_closes: '16:00',
  h2_1_opens: '08:00',
  h2_1_closes: '12:00',
  h2_2_opens: '13.00',
  h2_2_closes: '17:30',
  ...over,
});

describeEachEngine('catalogue editing: providers, places, programmes', (h) => {
  const hoursOf = (locationId: string) =>
    ownerQuery<{ weekday: number; opens: string; closes: string }>(
      h,
      "SELECT weekday, to_char(opens, 'HH24:MI') AS opens, to_char(closes, 'HH24:MI') AS closes FROM opening_hours WHERE location_id = $1 ORDER BY weekday, opens",
      [locationId],
    );

  test('providers: create, edit with history, validation and a stale save', async () => {
    const m = await seededMunicipality(h);
    const c = await staffClient(h, m, ['administrator']);
    const bad = await c.post(`/${m.slug}/catalog/providers`, { name: 'X', kind: 'ngo', email: 'nie-email', website: 'www.bez-protokolu.pl', phone: '46 855 00 00' });
    assert.equal(bad.statusCode, 422);
    assert.equal(fieldError(bad.body, 'name'), 'Tekst jest za krótki (co najmniej 2 znaków).');
    assert.ok(fieldError(bad.body, 'email').startsWith('Wpisz poprawny adres e-mail'));
    assert.ok(fieldError(bad.body, 'website').startsWith('Wpisz pełny adres strony'));
    assert.equal(inputValue(bad.body, 'website'), 'www.bez-protokolu.pl');
    assert.equal(selectedOption(bad.body, 'kind'), 'ngo');

    const created = await c.post(`/${m.slug}/catalog/providers`, {
      name: 'Stowarzyszenie „Razem dla Żyrardowa”', kind: 'ngo', description: 'Wolontariat sąsiedzki.', email: 'Biuro@Razem.example', phone: '+48 46 855 30 30',
      website: 'https://razem.example/',
    });
    assert.equal(created.statusCode, 303, created.body.slice(0, 1000));
    const id = created.headers.location!.split('/').pop()!;
    const edit = await c.get(created.headers.location!);
    assert.equal(inputValue(edit.body, 'email'), 'biuro@razem.example');
    assert.equal(inputValue(edit.body, 'version'), '1');
    const saved = await c.post(created.headers.location!, { name: 'Stowarzyszenie „Razem dla Żyrardowa”', kind: 'informal_group', description: 'Wolontariat sąsiedzki.',
      email: 'biuro@razem.example', phone: '+48 46 855 30 30', website: 'https://razem.example/', version: '1' });
    assert.equal(saved.statusCode, 303);
    const entries = await historyOf(h, m, 'provider', id);
    assert.deepEqual(entries.map((e) => e.version), [1, 2]);
    assert.deepEqual(entries[1]!.changes, { kind: ['ngo', 'informal_group'] });
    const history = await c.get(`${created.headers.location!}/history`);
    assert.ok(/<th scope="row">Rodzaj realizatora<\/th><td class="admin-history-value">organizacja pozarządowa<\/td><td class="admin-history-value">grupa nieformalna<\/td>/.test(history.body));

    const stale = await c.post(created.headers.location!, { name: 'Nadpisane', kind: 'company', version: '1' });
    assert.equal(stale.statusCode, 409);
    assertIncludes(stale.body, CONFLICT);
    assert.equal(inputValue(stale.body, 'name'), 'Stowarzyszenie „Razem dla Żyrardowa”');
    const [row] = await ownerQuery<{ kind: string; version: number }>(h, 'SELECT kind, version FROM providers WHERE id = $1', [id]);
    assert.deepEqual(row, { kind: 'informal_group', version: 2 });
  });

  test('places: postal code, coordinates and weekly hours are checked; everything typed comes back', async () => {
    const m = await seededMunicipality(h);
    const c = await staffClient(h, m);
    const provider = await idByName(h, 'providers', m, 'Klub Integracji Społecznej');
    const count = async () => (await ownerQuery<{ n: number }>(h, 'SELECT count(*)::int AS n FROM locations WHERE municipality_id = $1', [m.id]))[0]!.n;
    const before = await count();
    await c.get(`/${m.slug}/catalog/locations/new`);
    const res = await c.post(`/${m.slug}/catalog/locations`, locationForm(provider, {
      postal_code: '96-30', latitude: '55,5', longitude: '13,9',
      h3_1_opens: '25:00', h3_1_closes: '26:00',
      h4_1_opens: '16:00', h4_1_closes: '08:00',
      h5_1_opens: '08:00', h5_1_closes: '14:00', h5_2_opens: '12:00', h5_2_closes: '18:00',
      h6_1_opens: '10:00',
    }));
    assert.equal(res.statusCode, 422);
    assert.equal(fieldError(res.body, 'postal_code'), 'Wpisz kod pocztowy w formacie NN-NNN, np. 96-300.');
    assert.ok(fieldError(res.body, 'latitude').startsWith('Szerokość geograficzna w Polsce to liczba od 49,0 do 54,9'));
    assert.ok(fieldError(res.body, 'longitude').startsWith('Długość geograficzna w Polsce to liczba od 14,1 do 24,2'));
    assert.ok(fieldError(res.body, 'h3_1_opens').startsWith('Wpisz godzinę w formacie GG:MM'));
    assert.equal(fieldError(res.body, 'h4_1_closes'), 'Godzina zamknięcia musi być późniejsza niż godzina otwarcia.');
    assert.equal(fieldError(res.body, 'h5_2_opens'), 'Przedziały godzin tego dnia nachodzą na siebie.');
    assert.equal(fieldError(res.body, 'h6_1_closes'), 'Podaj godzinę otwarcia i zamknięcia.');
    assertIncludes(res.body, 'href="#f-h5_2_opens"', 'the summary links to the hours field');
    assertIncludes(res.body, 'piątek, 2. przedział — od', 'the summary names the day and range');
    for (const [name, value] of [['postal_code', '96-30'], ['latitude', '55,5'], ['h3_1_opens', '25:00'], ['h5_2_opens', '12:00'], ['h2_2_opens', '13.00']]) {
      assert.equal(inputValue(res.body, name!), value, name);
    }
    assert.ok(isChecked(res.body, 'f-step_free') && !isChecked(res.body, 'f-accessible_toilet'));
    assert.equal(textareaValue(res.body, 'accessibility_notes'), 'Wejście od parkingu, dzwonek na wysokości 90 cm.');
    assert.equal(await count(), before, 'nothing saved');

    const created = await c.post(`/${m.slug}/catalog/locations`, locationForm(provider));
    assert.equal(created.statusCode, 303, created.body.slice(0, 1500));
    const id = created.headers.location!.split('/').pop()!;
    const [row] = await ownerQuery<{ postal_code: string; latitude: number; longitude: number; step_free: boolean; accessible_toilet: boolean }>(
      h, 'SELECT postal_code, latitude, longitude, step_free, accessible_toilet FROM locations WHERE id = $1', [id]);
    assert.deepEqual(row, { postal_code: '96-300', latitude: 52.0601, longitude: 20.4312, step_free: true, accessible_toilet: false });
    assert.deepEqual(await hoursOf(id), [
      { weekday: 1, opens: '08:00', closes: '16:00' }, { weekday: 2, opens: '08:00', closes: '12:00' }, { weekday: 2, opens: '13:00', closes: '17:30' },
    ]);
    const edit = await c.get(created.headers.location!);
    assert.equal(inputValue(edit.body, 'h2_2_closes'), '17:30');
    assert.equal(inputValue(edit.body, 'latitude'), '52,0601');
    assert.equal(inputValue(edit.body, 'h7_1_opens'), '');

    // Edit: Monday shortened, Wednesday added, a toilet; the history says so.
    const saved = await c.post(created.headers.location!, locationForm(provider, { h1_1_closes: '15:00', h3_1_opens: '09:00', h3_1_closes: '11:00', accessible_toilet: '1', postal_code: '96-300', version: '1' }));
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 1500));
    const entries = await historyOf(h, m, 'location', id);
    assert.deepEqual(entries.map((e) => e.version), [1, 2]);
    assert.deepEqual(Object.keys(entries[1]!.changes).sort(), ['accessible_toilet', 'hours']);
    assert.deepEqual(entries[1]!.changes.accessible_toilet, [false, true]);
    const page = await c.get(`${created.headers.location!}/history`);
    assertIncludes(page.body, 'poniedziałek 08:00–15:00; wtorek 08:00–12:00; wtorek 13:00–17:30; środa 09:00–11:00');

    const stale = await c.post(created.headers.location!, locationForm(provider, { name: 'Nadpisane', version: '1' }));
    assert.equal(stale.statusCode, 409);
    assert.equal(inputValue(stale.body, 'h1_1_closes'), '15:00', 'the saved hours are shown');
    assert.equal(inputValue(stale.body, 'name'), 'Punkt konsultacyjny na Ruda');
    assert.equal((await hoursOf(id)).length, 4);
  });

  test('places: days with different hours are added, checked and removed, each a version', async () => {
    const m = await seededMunicipality(h);
    const c = await staffClient(h, m);
    const id = await idByName(h, 'locations', m, 'Siedziba CUS');
    const url = `/${m.slug}/catalog/locations/${id}`;
    await c.get(url);
    const closed = await c.post(`${url}/exceptions`, { ex_day: '2026-12-24', ex_mode: 'closed', ex_note: 'Wigilia' });
    assert.equal(closed.statusCode, 303);
    const bad = await c.post(`${url}/exceptions`, { ex_day: '2026-12-31', ex_mode: 'open', ex_opens: '14:00', ex_closes: '10:00' });
    assert.equal(bad.statusCode, 422);
    assert.equal(fieldError(bad.body, 'ex_closes'), 'Godzina zamknięcia musi być późniejsza niż godzina otwarcia.');
    assert.equal(inputValue(bad.body, 'ex_day'), '2026-12-31');
    assert.equal(inputValue(bad.body, 'name'), 'Siedziba CUS', 'the place form above shows the saved place');
    const badDay = await c.post(`${url}/exceptions`, { ex_day: '2026-02-30', ex_mode: 'closed' });
    assert.equal(fieldError(badDay.body, 'ex_day'), 'Wpisz datę w formacie RRRR-MM-DD.');
    const open = await c.post(`${url}/exceptions`, { ex_day: '2026-12-31', ex_mode: 'open', ex_opens: '8:00', ex_closes: '12:00', ex_note: 'Sylwester' });
    assert.equal(open.statusCode, 303);
    const page = await c.get(url);
    for (const part of ['24 grudnia 2026', 'Wigilia', '08:00–12:00']) assertIncludes(page.body, part);
    const rows = await ownerQuery<{ id: string; day: string; closed: boolean }>(h, 'SELECT id, day, closed FROM opening_exceptions WHERE location_id = $1 ORDER BY day', [id]);
    assert.deepEqual(rows.map((r) => [r.day, r.closed]), [['2026-12-24', true], ['2026-12-31', false]]);
    // Removing one asks first: the day, its hours, what the place shows that day afterwards, how to undo it.
    assert.doesNotMatch(page.body, new RegExp(`<form[^>]*action="${url}/exceptions/${rows[0]!.id}/delete"`), 'the list only links to the confirmation');
    const confirmation = await c.get(`${url}/exceptions/${rows[0]!.id}/delete`);
    assert.equal(confirmation.statusCode, 200);
    for (const part of ['Usunąć dzień z innymi godzinami?', '24 grudnia 2026', 'nieczynne', 'Wigilia', 'zwykłe godziny z tygodnia', 'Można to odwrócić']) assertIncludes(confirmation.body, part);
    const forced = await c.post(`${url}/exceptions/${rows[0]!.id}/delete`);
    assert.equal(forced.statusCode, 422);
    assertIncludes(forced.body, 'Nic nie zostało zrobione');
    assert.equal((await c.postJson(`${url}/exceptions/${rows[0]!.id}/delete`)).json().error.code, 'confirmation.required');
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM opening_exceptions WHERE location_id = $1', [id])).length, 2);
    const removed = await c.post(`${url}/exceptions/${rows[0]!.id}/delete`, { confirmed: 'yes' });
    assert.equal(removed.statusCode, 303);
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM opening_exceptions WHERE location_id = $1', [id])).length, 1);
    assert.equal((await c.post(`${url}/exceptions/${rows[0]!.id}/delete`, { confirmed: 'yes' })).statusCode, 404);
    const entries = await historyOf(h, m, 'location', id);
    assert.deepEqual(entries.map((e) => e.version), [2, 3, 4]);
    assert.deepEqual(entries[0]!.changes.exceptions, [[], [{ day: '2026-12-24', closed: true, opens: null, closes: null, note: 'Wigilia' }]]);
  });

  test('programmes: period, resolution and a status that only moves forward', async () => {
    const m = await seededMunicipality(h);
    const c = await staffClient(h, m, ['director']);
    const a = await idByName(h, 'services', m, 'Opieka wytchnieniowa');
    const b = await idByName(h, 'services', m, 'Asystent rodziny');
    await c.get(`/${m.slug}/catalog/programmes/new`);
    const bad = await c.post(`/${m.slug}/catalog/programmes`, { name: 'Program 2028', period_from: '2028-12-31', period_to: '2028-01-01', status: 'adopted', service_ids: [a] });
    assert.equal(bad.statusCode, 422);
    assert.equal(fieldError(bad.body, 'period_to'), 'Koniec okresu nie może być wcześniejszy niż jego początek.');
    assert.equal(fieldError(bad.body, 'resolution_number'), 'Przyjęty program musi mieć numer i datę uchwały rady.');
    assert.ok(isChecked(bad.body, `f-service_ids-${a}`));

    const created = await c.post(`/${m.slug}/catalog/programmes`, { name: 'Program 2028', period_from: '2028-01-01', period_to: '2028-12-31', status: 'draft', service_ids: [a, b] });
    assert.equal(created.statusCode, 303, created.body.slice(0, 1500));
    const id = created.headers.location!.split('/').pop()!;
    const consult = await c.post(created.headers.location!, { name: 'Program 2028', period_from: '2028-01-01', period_to: '2028-12-31', status: 'consultation', service_ids: [a], version: '1' });
    assert.equal(consult.statusCode, 303);
    const back = await c.post(created.headers.location!, { name: 'Program 2028', period_from: '2028-01-01', period_to: '2028-12-31', status: 'draft', service_ids: [a], version: '2' });
    assert.equal(back.statusCode, 422);
    assert.ok(fieldError(back.body, 'status').startsWith('Status programu nie może się cofnąć'));
    const [row] = await ownerQuery<{ status: string; version: number }>(h, 'SELECT status, version FROM programmes WHERE id = $1', [id]);
    assert.deepEqual(row, { status: 'consultation', version: 2 });
    const entries = await historyOf(h, m, 'programme', id);
    assert.deepEqual(entries[1]!.changes, { status: ['draft', 'consultation'], services: [['Asystent rodziny', 'Opieka wytchnieniowa'], ['Opieka wytchnieniowa']] });
    const page = await c.get(`${created.headers.location!}/history`);
    assertIncludes(page.body, 'w konsultacjach');
  });
});
