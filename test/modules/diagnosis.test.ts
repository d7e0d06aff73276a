import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedCatalogFixtures } from '../../src/modules/catalog';
import { seedDiagnosisFixtures } from '../../src/modules/diagnosis';
import { seedOrganisationFixtures } from '../../src/modules/organisations';
import type { Role } from '../../src/platform/auth/roles';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { assertExcludes, assertIncludes } from '../support/assertions';
import { TestClient } from '../support/client';
import { auditActions, ownerQuery } from '../support/db';
import { makeMunicipality } from '../support/factories';
import { describeEachEngine, type Harness } from '../support/harness';
import { CONFLICT, fieldError, inputValue, pageText } from '../support/pages';
import { person } from '../support/people';

const diagnosisForm = (over: Record<string, string | string[]> = {}) => ({
  title: 'Diagnoza potrzeb i potencjału wspólnoty 2026',
  period_from: '2026-01-01',
  period_to: '2026-12-31',
  areas: ['social_assistance', 'disability'],
  groups: ['seniors', 'carers'],
  sources: 'Bank Danych Lokalnych GUS; ankieta mieszkańców.',
  team: 'Analityczka i organizator społeczności.',
  timetable: 'Styczeń–czerwiec.',
  ...over,
});

async function created(h: Harness, m: MunicipalityRow, roles: Role[] = ['analyst']) {
  const { c } = await person(h, m, roles);
  const res = await c.post(`/${m.slug}/diagnoza/nowa`, diagnosisForm());
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  const id = /diagnoza\/([0-9a-f-]{36})$/.exec(res.headers.location!)![1]!;
  return { c, id, base: `/${m.slug}/diagnoza/${id}` };
}

/** A refused import's JSON: the stable code, and every problem with its row and column. */
const problemsOf = (res: { body: string }) => {
  const { error } = JSON.parse(res.body) as { error: { code: string; problems: { row: number; column: string; code: string }[] } };
  assert.equal(error.code, 'validation.failed');
  return error.problems;
};

const GOOD_CSV = `wskaznik;przekroj;okres;wartosc;jednostka;zrodlo;data_zrodla
Ludność ogółem;ogółem;2025;38 870;osoby;;
Ludność w wieku poprodukcyjnym;65+;2025;9 370,5;osoby;GUS BDL LUDN_2137;2025-06-30
`;

describeEachEngine('diagnosis: periods, public statistics from CSV, needs, resources and gaps', (h) => {
  test('access: staff with diagnosis.manage create and edit; a draft is hidden from the public, an adopted one readable by anyone; a stale edit is 409 with the typed text kept', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Diagnozowana');
    const anonymous = new TestClient(h.app);
    assert.equal((await anonymous.get(`/${m.slug}/diagnoza/nowa`)).statusCode, 303, 'to the log-in');
    for (const roles of [['resident'], ['ngo_member'], ['coordinator']] as Role[][]) {
      const { c } = await person(h, m, roles);
      assert.equal((await c.post(`/${m.slug}/diagnoza/nowa`, diagnosisForm())).statusCode, 403, roles.join());
    }
    const { c: analyst } = await person(h, m, ['analyst']);
    const wrong = await analyst.post(`/${m.slug}/diagnoza/nowa`, diagnosisForm({ title: 'D', period_to: '2025-12-31', areas: ['moon'] }));
    assert.equal(wrong.statusCode, 422);
    assert.equal(fieldError(wrong.body, 'title'), 'Wpisz co najmniej 3 znaki.');
    assert.equal(fieldError(wrong.body, 'areas'), 'Nieprawidłowa wartość.');
    assert.equal(await ownerQuery(h, 'SELECT 1 FROM diagnoses WHERE municipality_id = $1', [m.id]).then((r) => r.length), 0);
    const backwards = await analyst.post(`/${m.slug}/diagnoza/nowa`, diagnosisForm({ period_to: '2025-12-31' }));
    assert.equal(fieldError(backwards.body, 'period_to'), 'Koniec okresu nie może być wcześniejszy niż jego początek.');

    const { c: organiser, id, base } = await created(h, m, ['community_organiser']);
    assert.equal((await anonymous.get(base)).statusCode, 404, 'a draft is staff-only');
    assert.doesNotMatch(pageText((await anonymous.get(`/${m.slug}/diagnoza`)).body), /Diagnoza potrzeb i potencjału wspólnoty 2026/);
    assert.equal((await analyst.post(`${base}/edycja`, { ...diagnosisForm({ title: 'Diagnoza 2026 — wersja robocza' }), version: '1' })).statusCode, 303);
    const stale = await organiser.post(`${base}/edycja`, { ...diagnosisForm({ title: 'Diagnoza — moja zmiana' }), version: '1' });
    assert.equal(stale.statusCode, 409);
    assertIncludes(pageText(stale.body), CONFLICT);
    assert.equal(inputValue(stale.body, 'title'), 'Diagnoza — moja zmiana', 'what was typed is kept');
    assert.equal(inputValue(stale.body, 'version'), '2', 'the form now carries the saved version');
    const json = await organiser.postJson(`${base}/edycja`, { ...diagnosisForm(), version: '1' });
    assert.equal((JSON.parse(json.body) as { error: { code: string } }).error.code, 'conflict.stale');

    assert.equal((await analyst.post(`${base}/stan`, { version: '2' })).statusCode, 303, 'draft → in progress');
    assert.equal((await analyst.post(`${base}/stan`, { version: '2' })).statusCode, 409, 'stale step');
    const { c: resident } = await person(h, m, ['resident']);
    assert.equal((await resident.post(`${base}/stan`, { version: '3' })).statusCode, 403);
    assert.equal((await analyst.post(`${base}/stan`, { version: '3' })).statusCode, 303, 'in progress → adopted');
    const adopted = await anonymous.get(base);
    assert.equal(adopted.statusCode, 200, 'adopted: public');
    assertIncludes(pageText(adopted.body), 'Diagnoza 2026 — wersja robocza');
    assertIncludes(pageText(adopted.body), 'przyjęta');
    assertIncludes(pageText((await anonymous.get(`/${m.slug}/diagnoza`)).body), 'Diagnoza 2026 — wersja robocza');
    const final = await analyst.postJson(`${base}/stan`, { version: '4' });
    assert.equal((JSON.parse(final.body) as { error: { code: string } }).error.code, 'diagnosis.status');
    const frozen = await analyst.postJson(`${base}/potrzeby/nowa`, { title: 'Potrzeba po przyjęciu', area: 'health', target_group: 'seniors', priority: 'low' });
    assert.equal(frozen.statusCode, 409);
    assert.equal((JSON.parse(frozen.body) as { error: { code: string } }).error.code, 'diagnosis.adopted');
    assert.deepEqual((await auditActions(h, m, id)).map((a) => a.action), ['diagnosis.created', 'diagnosis.updated', 'diagnosis.started', 'diagnosis.adopted']);
  });

  test('CSV of public statistics: a malformed file is refused whole, naming row and column; a good one keeps each value with its source and date', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Statystyczna');
    const { c, id, base } = await created(h, m);
    const datasets = () => ownerQuery<{ n: number }>(h, 'SELECT (SELECT count(*)::int FROM diagnosis_datasets WHERE municipality_id = $1) + (SELECT count(*)::int FROM diagnosis_indicators WHERE municipality_id = $1) AS n', [m.id]).then((r) => r[0]!.n);
    const form = (csv: string, over: Record<string, string> = {}) => ({ title: 'Ludność według wieku', source: 'GUS, Bank Danych Lokalnych', source_date: '2025-12-31', csv, ...over });

    const badValue = await c.post(`${base}/dane`, form('wskaznik;okres;wartosc\nLudność ogółem;2025;38 870\nLudność 65+;2025;dużo\n;2025;12'));
    assert.equal(badValue.statusCode, 422);
    const text = pageText(badValue.body);
    assertIncludes(text, 'Plik nie został zaimportowany — nic nie zapisano.');
    assertIncludes(text, 'Wiersz 3, kolumna „wartosc”: to nie jest liczba');
    assertIncludes(text, 'Wiersz 4, kolumna „wskaznik”: brak wartości.');
    assert.equal(inputValue(badValue.body, 'title'), 'Ludność według wieku', 'the form keeps what was typed');
    assert.equal(await datasets(), 0, 'nothing half-saved: the good first row is not stored either');

    const missing = await c.postJson(`${base}/dane`, form('wskaznik;rok\nLudność ogółem;2025'));
    assert.equal(missing.statusCode, 422);
    assert.deepEqual(problemsOf(missing), [{ row: 1, column: 'wartosc', code: 'csv_column_missing' }]);
    const quote = await c.postJson(`${base}/dane`, form('wskaznik;okres;wartosc\n"Ludność ogółem;2025;1\nInna;2025;2'));
    assert.equal(problemsOf(quote)[0]!.code, 'csv_malformed');
    const fields = await c.postJson(`${base}/dane`, form('wskaznik;okres;wartosc\nLudność;2025;1;nadmiar'));
    assert.equal(problemsOf(fields)[0]!.code, 'csv_malformed');
    const noSource = await c.postJson(`${base}/dane`, form('wskaznik;okres;wartosc;data_zrodla\nLudność;2025;1;2025-02-30', { source: '', source_date: '' }));
    assert.deepEqual(problemsOf(noSource), [{ row: 2, column: 'zrodlo', code: 'csv_required' }, { row: 2, column: 'data_zrodla', code: 'csv_date' }]);
    assert.equal(await datasets(), 0);

    const good = await c.post(`${base}/dane`, form(`\uFEFF${GOOD_CSV}`));
    assert.equal(good.statusCode, 303, good.body.slice(0, 500));
    const values = await ownerQuery<{ indicator: string; value: string; source: string; source_date: string; line: number }>(h,
      "SELECT indicator, value::text AS value, source, to_char(source_date, 'YYYY-MM-DD') AS source_date, line FROM diagnosis_indicators WHERE municipality_id = $1 AND diagnosis_id = $2 ORDER BY line", [m.id, id]);
    assert.deepEqual(values, [
      { indicator: 'Ludność ogółem', value: '38870', source: 'GUS, Bank Danych Lokalnych', source_date: '2025-12-31', line: 2 },
      { indicator: 'Ludność w wieku poprodukcyjnym', value: '9370.5', source: 'GUS BDL LUDN_2137', source_date: '2025-06-30', line: 3 },
    ]);
    const page = pageText((await c.get(base)).body);
    assertIncludes(page, '38 870 osoby');
    assertIncludes(page, 'GUS BDL LUDN_2137 (30 czerwca 2025)');
    const { c: coordinator } = await person(h, m, ['coordinator']);
    assert.equal((await coordinator.post(`${base}/dane`, form(GOOD_CSV))).statusCode, 403);
  });

  test('needs with their evidence, resources answering them, and the gaps (needs without a resource) on the diagnosis page', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Luk');
    const { c, id, base } = await created(h, m);
    assert.equal((await c.post(`${base}/dane`, { title: 'Ludność', source: 'GUS', source_date: '2025-12-31', csv: GOOD_CSV })).statusCode, 303);
    const [value] = await ownerQuery<{ id: string }>(h, 'SELECT id FROM diagnosis_indicators WHERE municipality_id = $1 AND line = 3', [m.id]);
    const need = async (fields: Record<string, string | string[]>) => {
      const res = await c.postJson(`${base}/potrzeby/nowa`, fields);
      assert.equal(res.statusCode, 201, res.body);
      return (JSON.parse(res.body) as { id: string }).id;
    };
    const wrong = await c.post(`${base}/potrzeby/nowa`, { title: 'Op', area: 'moon', target_group: '', priority: 'high' });
    assert.equal(wrong.statusCode, 422);
    assert.equal(fieldError(wrong.body, 'area'), 'Nieprawidłowa wartość.');
    assert.equal(fieldError(wrong.body, 'target_group'), 'To pole jest wymagane.');
    const care = await need({ title: 'Usługi opiekuńcze dla osób 75+', area: 'social_assistance', target_group: 'seniors', priority: 'high', evidence: '37 osób czeka.', indicator_ids: [value!.id] });
    const respite = await need({ title: 'Opieka wytchnieniowa dla opiekunów', area: 'disability', target_group: 'carers', priority: 'high' });
    await need({ title: 'Zajęcia dla młodzieży', area: 'education', target_group: 'youth', priority: 'low' });
    const foreign = await c.postJson(`${base}/potrzeby/nowa`, { title: 'Cudza wartość', area: 'health', target_group: 'seniors', priority: 'low', indicator_ids: ['00000000-0000-4000-8000-000000000000'] });
    assert.equal(foreign.statusCode, 422, 'evidence cites only this diagnosis’ values');

    const noName = await c.post(`${base}/zasoby/nowy`, { name: '', area: 'social_assistance', need_ids: [care] });
    assert.equal(fieldError(noName.body, 'name'), 'Wpisz nazwę zasobu albo wybierz usługę lub organizację.');
    const added = await c.postJson(`${base}/zasoby/nowy`, { name: 'Opiekunki CUS', area: 'social_assistance', places: '120', potential: '20 miejsc więcej od lipca', need_ids: [care] });
    assert.equal(added.statusCode, 201, added.body);

    const view = pageText((await c.get(base)).body);
    assertIncludes(view, 'Potrzeb bez zasobu: 2');
    const gaps = view.slice(view.indexOf('Luki: potrzeby bez zasobu'), view.indexOf('Potrzeby Dodaj potrzebę'));
    assertIncludes(gaps, 'Opieka wytchnieniowa dla opiekunów');
    assertIncludes(gaps, 'Zajęcia dla młodzieży');
    assertExcludes(gaps, 'Usługi opiekuńcze dla osób 75+');
    assert.ok(gaps.indexOf('Opieka wytchnieniowa') < gaps.indexOf('Zajęcia dla młodzieży'), 'the highest priority first');
    assertIncludes(view, 'wartości z danych: 1');

    // The resource now answers the other need too: one gap less.
    assert.equal((await c.postJson(`${base}/zasoby/nowy`, { name: 'Fundacja opiekunów', area: 'disability', need_ids: [respite] })).statusCode, 201);
    assertIncludes(pageText((await c.get(base)).body), 'Potrzeb bez zasobu: 1');
    assert.deepEqual((await auditActions(h, m, id)).map((a) => a.action).filter((a) => a !== 'diagnosis.data_imported'), ['diagnosis.created', 'diagnosis.need_added', 'diagnosis.need_added', 'diagnosis.need_added', 'diagnosis.resource_added', 'diagnosis.resource_added']);
  });

  test('needs and resources changed (a stale change is 409 with the other side shown) and removed after a confirmation; by staff of this municipality only, until adoption', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Zmian');
    const other = await makeMunicipality(h.db, 'Gmina Inna');
    const { c, id, base } = await created(h, m);
    const { c: outsider } = await person(h, other, ['analyst']);
    const { c: coordinator } = await person(h, m, ['coordinator']);
    const careRes = await c.postJson(`${base}/potrzeby/nowa`, { title: 'Usługi opiekuńcze dla osób 75+', area: 'social_assistance', target_group: 'seniors', priority: 'high' });
    const care = (JSON.parse(careRes.body) as { id: string }).id;
    const homeRes = await c.postJson(`${base}/zasoby/nowy`, { name: 'Opiekunki CUS', area: 'social_assistance', places: '120', need_ids: [care] });
    const home = (JSON.parse(homeRes.body) as { id: string }).id;
    const needUrl = `${base}/potrzeby/${care}`;
    const resourceUrl = `${base}/zasoby/${home}`;

    // The page links both; the edit form shows what is saved.
    const page = (await c.get(base)).body;
    for (const href of [`${needUrl}/edycja`, `${needUrl}/usun`, `${resourceUrl}/edycja`, `${resourceUrl}/usun`]) assert.match(page, new RegExp(`href="${href}"`));
    assert.equal(inputValue((await c.get(`${needUrl}/edycja`)).body, 'title'), 'Usługi opiekuńcze dla osób 75+');

    // A change, then a stale one: 409, the other side named, what was typed kept.
    const changed = await c.post(`${needUrl}/edycja`, { title: 'Usługi opiekuńcze w domu dla osób 75+', area: 'social_assistance', target_group: 'seniors', priority: 'medium', version: '1' });
    assert.equal(changed.statusCode, 303, changed.body.slice(0, 300));
    const stale = await c.post(`${needUrl}/edycja`, { title: 'Inny tytuł potrzeby', area: 'social_assistance', target_group: 'seniors', priority: 'high', version: '1' });
    assert.equal(stale.statusCode, 409);
    assertIncludes(pageText(stale.body), CONFLICT);
    assertIncludes(pageText(stale.body), 'Usługi opiekuńcze w domu dla osób 75+');
    assert.equal(inputValue(stale.body, 'title'), 'Inny tytuł potrzeby');
    const [saved] = await ownerQuery<{ title: string; priority: string; version: number }>(h, 'SELECT title, priority, version FROM diagnosis_needs WHERE municipality_id = $1 AND id = $2', [m.id, care]);
    assert.deepEqual(saved, { title: 'Usługi opiekuńcze w domu dla osób 75+', priority: 'medium', version: 2 });

    // The resource no longer answers the need: it becomes a gap.
    assert.equal((await c.post(`${resourceUrl}/edycja`, { name: 'Opiekunki CUS', area: 'social_assistance', places: '90', version: '1' })).statusCode, 303);
    assertIncludes(pageText((await c.get(base)).body), 'Potrzeb bez zasobu: 1');

    // Nobody else changes or removes them: staff without the permission, another municipality's analyst (its address or ours).
    assert.equal((await coordinator.post(`${needUrl}/edycja`, { title: 'Przejęte', area: 'health', target_group: 'seniors', priority: 'low', version: '2' })).statusCode, 403);
    assert.equal((await outsider.post(`${needUrl}/usun`, { confirmed: 'yes' })).statusCode, 403, 'no role in this municipality');
    assert.equal((await outsider.post(`/${other.slug}/diagnoza/${id}/potrzeby/${care}/usun`, { confirmed: 'yes' })).statusCode, 404);

    // Removal asks first; without the confirmation nothing goes.
    assertIncludes(pageText((await c.get(`${needUrl}/usun`)).body), 'Usunąć potrzebę „Usługi opiekuńcze w domu dla osób 75+”?');
    assert.equal((await c.post(`${needUrl}/usun`, {})).statusCode, 422);
    assert.equal((await c.post(`${needUrl}/usun`, { confirmed: 'yes' })).statusCode, 303);
    assert.equal((await c.post(`${resourceUrl}/usun`, { confirmed: 'yes' })).statusCode, 303);
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM diagnosis_needs WHERE municipality_id = $1', [m.id])).length, 0);
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM diagnosis_resources WHERE municipality_id = $1', [m.id])).length, 0);
    assert.equal((await c.get(`${needUrl}/edycja`)).statusCode, 404);
    assert.deepEqual(
      (await auditActions(h, m, id)).map((a) => a.action).filter((a) => /changed|removed/.test(a)),
      ['diagnosis.need_changed', 'diagnosis.resource_changed', 'diagnosis.need_removed', 'diagnosis.resource_removed'],
    );

    // Once adopted, nothing changes.
    const again = await c.postJson(`${base}/potrzeby/nowa`, { title: 'Mieszkania wspomagane', area: 'housing', target_group: 'seniors', priority: 'low' });
    const later = (JSON.parse(again.body) as { id: string }).id;
    for (const version of ['1', '2']) await c.post(`${base}/stan`, { version });
    const refused = await c.postJson(`${base}/potrzeby/${later}/edycja`, { title: 'Po przyjęciu', area: 'housing', target_group: 'seniors', priority: 'low', version: '1' });
    assert.equal(refused.statusCode, 409);
    assert.equal((JSON.parse(refused.body) as { error: { code: string } }).error.code, 'diagnosis.adopted');
    // The edit and removal pages say so too (each refusal handled: no stray rejection ends the process's test).
    for (const page of [`${base}/potrzeby/${later}/edycja`, `${base}/potrzeby/${later}/usun`]) assert.equal((await c.get(page)).statusCode, 409, page);
  });

  test('the demo: Żyrardów 2026 with areas, a GUS population table, seven needs of which two are gaps, resources from the catalogue and the registry', async () => {
    const m = await makeMunicipality(h.db, 'Żyrardów Testowy');
    const id = await h.db.ownerTx(async (sql) => {
      await sql.query("SELECT set_config('app.municipality_id', $1, true)", [m.id]);
      await seedCatalogFixtures(sql, m.id);
      await seedOrganisationFixtures(sql, m.id, {});
      return seedDiagnosisFixtures(sql, m.id);
    });
    const { c } = await person(h, m, ['director']);
    const page = pageText((await c.get(`/${m.slug}/diagnoza/${id}`)).body);
    assertIncludes(page, 'Diagnoza potrzeb i potencjału wspólnoty Żyrardowa 2026');
    assertIncludes(page, 'Potrzeb bez zasobu: 2');
    assertIncludes(page, 'Ludność w wieku poprodukcyjnym');
    const linked = await ownerQuery<{ services: number; organisations: number; needs: number }>(h,
      `SELECT count(service_id)::int AS services, count(organisation_id)::int AS organisations, (SELECT count(*)::int FROM diagnosis_needs WHERE municipality_id = $1) AS needs
       FROM diagnosis_resources WHERE municipality_id = $1`, [m.id]);
    assert.deepEqual(linked, [{ services: 5, organisations: 2, needs: 7 }]);
  });
});
