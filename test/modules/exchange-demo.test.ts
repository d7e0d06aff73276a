import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, seedDemo } from '../../src/seed/demo';
import { assertIncludes } from '../support/assertions';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/harness';
import { pageText } from '../support/pages';

/** The demo's care-services exchange group: Żyrardów with Milanówek and Sochaczew, a round compared by Żyrardów's delegates. */
describeEachEngine("the demo's exchange group", (h) => {

    test('the demo seeds', async () => {
      assert.equal(await seedDemo(h.db), true);
    });

    test('three members; the others’ shared snapshots and Żyrardów’s own, computed from its demo data; suppressed cells without a value', async () => {
      const rows = await h.db.ownerTx((sql) =>
        sql.query<{ slug: string; indicator: string; value: string | null; count: number | null; suppressed: boolean; shared: boolean }>(
          `SELECT mu.slug, s.indicator, s.value::text AS value, s.count, s.suppressed, s.shared FROM exchange_snapshots s JOIN municipalities mu ON mu.id = s.municipality_id ORDER BY mu.slug, s.indicator`,
          [],
        ),
      );
      assert.deepEqual([...new Set(rows.map((r) => r.slug))], ['milanowek', 'sochaczew', 'zyrardow']);
      assert.equal(rows.filter((r) => r.slug === 'zyrardow').length, 5, 'every indicator computed for Żyrardów');
      for (const r of rows) assert.equal(r.suppressed, r.value === null && r.count === null, `${r.slug} ${r.indicator}`);
      const zyrardowServices = rows.find((r) => r.slug === 'zyrardow' && r.indicator === 'services_per_1000')!;
      assert.equal(zyrardowServices.suppressed, false, 'the demo catalogue has enough services');
    });

    test('a delegate of Żyrardów compares the round; a Żyrardów coordinator (not a delegate) is refused', async () => {
      {
        const director = new TestClient(h.app);
        assert.equal((await director.post('/login', { email: 'dyrektor@zyrardow.example', password: DEMO_PASSWORD, next: '/account' })).statusCode, 303);
        const [round] = await h.db.ownerTx((sql) => sql.query<{ id: string }>('SELECT id FROM exchange_rounds', []));
        const page = pageText((await director.get(`/zyrardow/wymiana/rundy/${round!.id}`)).body);
        assertIncludes(page, 'Miasto Milanówek 12,5 dni 41');
        assertIncludes(page, 'Miasto Sochaczew mniej niż 5 przypadków — nie udostępnia się');
        assertIncludes(page, 'Jak liczymy ten wskaźnik');
        // Every member's improvement plan after the round: Żyrardów's own in its form, the others' shared ones below.
        assertIncludes(page, 'Skrócić czas od wniosku do decyzji o usługach opiekuńczych do 14 dni w ciągu roku.');
        assertIncludes(page, 'Miasto Milanówek Czego się nauczyliśmy i od kogo Sochaczew przyjmuje skierowania');
        assertIncludes(page, 'Miasto Sochaczew Czego się nauczyliśmy i od kogo W Żyrardowie i Milanówku plany IPUS');
        const coordinator = new TestClient(h.app);
        assert.equal((await coordinator.post('/login', { email: 'koordynator@zyrardow.example', password: DEMO_PASSWORD, next: '/account' })).statusCode, 303);
        assert.equal((await coordinator.get(`/zyrardow/wymiana/rundy/${round!.id}`)).statusCode, 403);
      }
    });
});
