import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import { makeMunicipality } from '../../../test/support/factories';
import { describeEachEngine } from '../../../test/support/harness';
import { seedCatalogFixtures } from './fixtures';
import { searchCatalogue, searchTerms, warsawMoment, type CatalogueFilter } from './public-service';

test('the Warsaw wall clock, in winter and summer time and across midnight', () => {
  // Monday 2 March 2026, 10:00 in Warsaw (CET, UTC+1).
  assert.deepEqual(warsawMoment(new Date('2026-03-02T09:00:00Z')), { day: '2026-03-02', weekday: 1, time: '10:00:00' });
  // Monday 6 July 2026, 10:00 in Warsaw (CEST, UTC+2).
  assert.deepEqual(warsawMoment(new Date('2026-07-06T08:00:00Z')), { day: '2026-07-06', weekday: 1, time: '10:00:00' });
  // 23:30 UTC on Sunday 1 March is already Monday 00:30 in Warsaw.
  assert.deepEqual(warsawMoment(new Date('2026-03-01T23:30:00Z')), { day: '2026-03-02', weekday: 1, time: '00:30:00' });
  assert.deepEqual(warsawMoment(new Date('2026-03-08T09:00:00Z')), { day: '2026-03-08', weekday: 7, time: '10:00:00' });
});

test('search terms: words of three letters or more, without punctuation, at most eight', () => {
  assert.deepEqual(searchTerms('pomoc w nauce'), ['pomoc', 'nauce']);
  assert.deepEqual(searchTerms('„Lniane Serca”, klub — 60+'), ['Lniane', 'Serca', 'klub', '60+']);
  assert.deepEqual(searchTerms('a b'), []);
  assert.equal(searchTerms('jeden dwa trzy cztery pięć sześć siedem osiem dziewięć').length, 8);
});

/** The places of the demo catalogue and their weekly hours (see fixtures.ts). */
const AT_MAL = ['Aktywny Żyrardów 60+', 'Inicjatywy sąsiedzkie i wolontariat w MAL', 'Posiłek dla potrzebujących', 'Szkoła rodzenia i wsparcie po porodzie',
  'Warsztaty ekologiczne „Zielony Żyrardów”', 'Świetlica środowiskowa — pomoc w nauce'];
const AT_PIK = ['Interwencja kryzysowa', 'Poradnictwo psychologiczne i rodzinne'];
const AT_KLUB = ['Klub Seniora „Lniane Serca”', 'Spotkania z kulturą dla seniorów i osób z niepełnosprawnościami'];

describeEachEngine('open now, with the clock given', (h) => {
  const filter: CatalogueFilter = { q: '', place: '', free: false, openNow: true, stepFree: false, page: 1, exact: false };
  let m: MunicipalityRow;
  const ctx = () => ({ municipalityId: m.id, userId: null });
  const openAt = async (iso: string, extra: Partial<CatalogueFilter> = {}) => {
    const view = await searchCatalogue(h.db, ctx(), m.id, { ...filter, ...extra }, {}, new Date(iso));
    assert.ok(view.results);
    return view.results.rows.map((r) => r.name).sort((a, b) => a.localeCompare(b, 'pl'));
  };
  const sorted = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b, 'pl'));
  const locationId = async (name: string) => {
    const [row] = await h.db.tx(ctx(), (sql) => sql.query<{ id: string }>('SELECT id FROM locations WHERE municipality_id = $1 AND name = $2', [m.id, name]));
    return row!.id;
  };
  const exception = (location: string, day: string, hours: [string, string] | null) =>
    h.db.tx(ctx(), (sql) =>
      sql.query('INSERT INTO opening_exceptions (municipality_id, location_id, day, closed, opens, closes) VALUES ($1, $2, $3, $4, $5, $6)', [
        m.id, location, day, hours === null, hours?.[0] ?? null, hours?.[1] ?? null,
      ]),
    );

  before(async () => {
    m = await makeMunicipality(h.db, 'Gmina Zegarowa');
    await h.db.tx(ctx(), (sql) => seedCatalogFixtures(sql, m.id));
  });

  test('weekly hours decide: every place is open on Monday at 10:00, none on Sunday', async () => {
    assert.equal((await openAt('2026-03-02T09:00:00Z')).length, 20, 'Monday 10:00 (winter time)');
    assert.equal((await openAt('2026-07-06T08:00:00Z')).length, 20, 'Monday 10:00 (summer time)');
    assert.deepEqual(await openAt('2026-03-08T09:00:00Z'), [], 'Sunday 10:00');
    // Monday 07:30 in Warsaw (06:30 UTC): before any place opens.
    assert.deepEqual(await openAt('2026-03-02T06:30:00Z'), []);
    // Monday 19:00: only the crisis point and the local activity centre are open until 20:00.
    assert.deepEqual(await openAt('2026-03-02T18:00:00Z'), sorted([...AT_MAL, ...AT_PIK]));
    // Closing time is exclusive: Monday 20:00 is closed everywhere.
    assert.deepEqual(await openAt('2026-03-02T19:00:00Z'), []);
    // Saturday 12:00: the crisis point (10–14) and the local activity centre (10–16).
    assert.deepEqual(await openAt('2026-03-07T11:00:00Z'), sorted([...AT_MAL, ...AT_PIK]));
    // Saturday 15:00: only the local activity centre.
    assert.deepEqual(await openAt('2026-03-07T14:00:00Z'), sorted(AT_MAL));
    // Tuesday: the foundation is open on Monday, Wednesday and Friday only.
    assert.ok(!(await openAt('2026-03-03T09:00:00Z')).includes('Opieka wytchnieniowa'));
    assert.ok((await openAt('2026-03-04T09:00:00Z')).includes('Opieka wytchnieniowa'));

    const view = await searchCatalogue(h.db, ctx(), m.id, { ...filter, q: 'interwencja' }, {}, new Date('2026-03-02T18:00:00Z'));
    assert.deepEqual(view.results!.rows[0]!.reasons.at(-1), { kind: 'open_now', name: 'Punkt Interwencji Kryzysowej', until: '20:00' });
  });

  test('a day\'s exception closes a place, or replaces its weekly hours', async () => {
    const mal = await locationId('Miejsce Aktywności Lokalnej');
    const klub = await locationId('Klub Seniora „Lniane Serca”');
    // Monday 2 March: the local activity centre is closed all day.
    await exception(mal, '2026-03-02', null);
    const monday = await openAt('2026-03-02T09:00:00Z');
    assert.equal(monday.length, 20 - AT_MAL.length);
    for (const name of AT_MAL) assert.ok(!monday.includes(name), name);
    // The next Monday it is open as usual.
    assert.equal((await openAt('2026-03-09T09:00:00Z')).length, 20);

    // Sunday 8 March: the seniors' club opens 11:00–13:00 for a special event.
    await exception(klub, '2026-03-08', ['11:00', '13:00']);
    assert.deepEqual(await openAt('2026-03-08T09:00:00Z'), [], 'Sunday 10:00: not yet');
    assert.deepEqual(await openAt('2026-03-08T11:00:00Z'), sorted(AT_KLUB), 'Sunday 12:00');
    assert.deepEqual(await openAt('2026-03-08T12:00:00Z'), [], 'Sunday 13:00: closed again');
    const view = await searchCatalogue(h.db, ctx(), m.id, filter, {}, new Date('2026-03-08T11:30:00Z'));
    assert.deepEqual(view.results!.rows[0]!.reasons, [{ kind: 'open_now', name: 'Klub Seniora „Lniane Serca”', until: '13:00' }]);

    // Tuesday 10 March: the club's special hours 14:00–18:00 replace its usual 09:00–15:00.
    await exception(klub, '2026-03-10', ['14:00', '18:00']);
    assert.ok(!(await openAt('2026-03-10T09:00:00Z')).includes(AT_KLUB[0]!), 'Tuesday 10:00: the usual hours do not apply');
    assert.ok((await openAt('2026-03-10T16:00:00Z')).includes(AT_KLUB[0]!), 'Tuesday 17:00: open by the exception');

    // Open now at a chosen place.
    const atMal = await openAt('2026-03-07T14:00:00Z', { location: mal });
    assert.deepEqual(atMal, sorted(AT_MAL));
    assert.deepEqual(await openAt('2026-03-07T14:00:00Z', { location: klub }), []);
  });
});
