import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { makeUser } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { logIn } from '../support/session';
import type { TestClient } from '../support/client';
import { AFTER_SCHOOL, CARE, catalogueMunicipality, serviceId } from './applications-helpers';
import { application, seedNumbers } from './dashboards-helpers';
import { ownerQuery } from '../support/db';
import { pageText } from '../support/pages';
import { person } from '../support/people';
import { assertIncludes } from '../support/assertions';

/**
 * The dashboards' numbers against rows inserted with known times: medians, the longest wait, rates,
 * percentiles and counts per service, team and provider — on the page and in every CSV — for the
 * period asked; only the municipality's own rows; only for cases.statistics.
 */

type Csv = Record<string, string>[];
async function csv(c: TestClient, path: string): Promise<Csv> {
  const res = await c.get(path);
  assert.equal(res.statusCode, 200, path);
  assert.match(String(res.headers['content-type']), /^text\/csv/);
  return parse(res.body, { columns: true, bom: true }) as Csv;
}
const row = (rows: Csv, key: string, value: string) => {
  const found = rows.find((r) => r[key] === value);
  assert.ok(found, `${key} = ${value} in ${JSON.stringify(rows)}`);
  return found;
};

describeEachEngine('dashboards', (h) => {
  let a: MunicipalityRow;
  let b: MunicipalityRow;
  let analyst: TestClient;

  test('queue length and waiting time per service: counts, median and longest wait, median days to acceptance', async () => {
    a = await catalogueMunicipality(h, 'Miasto Statystyk');
    b = await catalogueMunicipality(h, 'Gmina Obca');
    const coordinator = await makeUser(h.db, { municipality: a, roles: ['coordinator'], totp: true });
    const director = await makeUser(h.db, { municipality: a, roles: ['director'], totp: true });
    await seedNumbers(h, a, { care: await serviceId(h, a, CARE), club: await serviceId(h, a, AFTER_SCHOOL), coordinatorId: coordinator.id, directorId: director.id });
    // Another municipality's rows: one waiting for 1 000 days, a case overdue, referrals — none may count in A.
    const bCoordinator = await makeUser(h.db, { municipality: b, roles: ['coordinator'], totp: true });
    const bDirector = await makeUser(h.db, { municipality: b, roles: ['director'], totp: true });
    await seedNumbers(h, b, { care: await serviceId(h, b, CARE), club: await serviceId(h, b, AFTER_SCHOOL), coordinatorId: bCoordinator.id, directorId: bDirector.id });
    await application(h, b, await serviceId(h, b, CARE), { status: 'waiting', submittedDaysAgo: 1000, position: 5 });

    analyst = await logIn(h, await makeUser(h.db, { municipality: a, roles: ['analyst'] }));
    const page = await analyst.get(`/${a.slug}/dashboards`);
    assert.equal(page.statusCode, 200);
    const text = pageText(page.body);
    assert.match(text, /W kolejkach czeka 4, wstrzymanych 1\. Mediana oczekiwania: 15 dni, najdłużej: 40 dni\. Mediana czasu do przyjęcia \(ostatnie 12 tygodni\): 6 dni\./);
    assert.match(text, new RegExp(`${CARE}: czeka 3, wstrzymanych 1\\.`), 'the chart text alternative');
    assert.match(page.body, /<svg[^>]*role="img"[^>]*aria-labelledby="queues-chart"/);

    const queues = await csv(analyst, `/${a.slug}/dashboards/queues.csv`);
    assert.deepEqual(row(queues, 'service', CARE), {
      service: CARE, waiting: '3', on_hold: '1', median_wait_days: '20', longest_wait_days: '40', accepted_last_12_weeks: '3', median_days_to_acceptance: '6',
    });
    assert.deepEqual(row(queues, 'service', AFTER_SCHOOL), {
      service: AFTER_SCHOOL, waiting: '1', on_hold: '0', median_wait_days: '3', longest_wait_days: '3', accepted_last_12_weeks: '0', median_days_to_acceptance: '',
    });
    assert.deepEqual(row(queues, 'service', 'Razem'), {
      service: 'Razem', waiting: '4', on_hold: '1', median_wait_days: '15', longest_wait_days: '40', accepted_last_12_weeks: '3', median_days_to_acceptance: '6',
    });
    assert.equal(queues.length, 3, 'two services and the total');
    // B sees its own numbers, with its 1 000-day wait.
    const bAnalyst = await logIn(h, await makeUser(h.db, { municipality: b, roles: ['analyst'] }));
    assert.equal(row(await csv(bAnalyst, `/${b.slug}/dashboards/queues.csv`), 'service', 'Razem').longest_wait_days, '1000');
  });

  test('plans approaching their limits, per team and in total', async () => {
    const page = pageText((await analyst.get(`/${a.slug}/dashboards`)).body);
    assert.match(page, /Zespół Północ: termin planu za ≤ 7 dni 1, termin minął 1, plan kończy się za ≤ 30 dni 0, plan wygasł 0\./);
    assert.match(page, /Zespół Południe: termin planu za ≤ 7 dni 0, termin minął 0, plan kończy się za ≤ 30 dni 1, plan wygasł 1\./);
    assert.doesNotMatch(page, /=SUMA\(A1:A9\): termin/, 'a team with nothing near a limit is not drawn');
    const plans = await csv(analyst, `/${a.slug}/dashboards/plans.csv`);
    const figures = (r: Record<string, string>) => [r.plan_due_within_7_days, r.plan_due_passed, r.plan_ending_within_30_days, r.plan_ended].map(Number);
    assert.deepEqual(figures(row(plans, 'team', 'Zespół Północ')), [1, 1, 0, 0]);
    assert.deepEqual(figures(row(plans, 'team', 'Zespół Południe')), [0, 0, 1, 1]);
    assert.deepEqual(figures(row(plans, 'team', 'Bez zespołu')), [1, 0, 0, 0], 'the case due today, of no team');
    assert.deepEqual(figures(row(plans, 'team', "'=SUMA(A1:A9)")), [0, 0, 0, 0], 'listed, and neutralised against formulas');
    assert.deepEqual(figures(row(plans, 'team', 'Razem')), [2, 1, 1, 1]);
    assert.equal(plans.length, 5);
  });

  test('referrals by status and provider: acceptance rate, hours to accept (median, p90), completion rate, overdue; the period', async () => {
    const page = pageText((await analyst.get(`/${a.slug}/dashboards`)).body);
    assert.match(page, /Wysłano 9\. Przyjęto 83,3% z tych, na które odpowiedziano; mediana czasu do przyjęcia: 6 godz\. \(90\. percentyl: 22 godz\.\)\. Zakończono 40% zamkniętych\. Bez odpowiedzi po terminie: 1\./);
    assert.match(page, /Wysłane: 2\. Przyjęte: 1\. Odrzucone: 1\. W realizacji: 1\. Zakończone: 2\. Anulowane: 2\./, 'the status chart text alternative');
    const providers = await csv(analyst, `/${a.slug}/dashboards/referrals.csv`);
    const pick = (r: Record<string, string>) => [r.sent, r.answered, r.accepted, r.rejected, r.acceptance_rate, r.median_hours_to_accept, r.p90_hours_to_accept, r.completed, r.closed, r.completion_rate, r.overdue];
    assert.deepEqual(pick(row(providers, 'provider', 'Dział Usług Opiekuńczych')), ['5', '4', '3', '1', '0.75', '4', '8.8', '1', '2', '0.5', '1']);
    assert.equal(row(providers, 'provider', 'Dział Usług Opiekuńczych').provider_kind, 'unit');
    assert.deepEqual(pick(row(providers, 'provider', 'Fundacja Lniana Nić')), ['4', '2', '2', '0', '1', '18', '27.6', '1', '3', '0.333', '0']);
    assert.deepEqual(pick(row(providers, 'provider', 'Razem')), ['9', '6', '5', '1', '0.833', '6', '22', '2', '5', '0.4', '1']);
    const statuses = await csv(analyst, `/${a.slug}/dashboards/referral-statuses.csv`);
    assert.deepEqual(statuses, [['sent', '2'], ['accepted', '1'], ['rejected', '1'], ['in_progress', '1'], ['completed', '2'], ['cancelled', '2']].map(([status, n]) => ({ status, referrals: n })));

    // The last 365 days take in the rejection of 200 days ago; a wrong period is the default (90 days).
    const year = await csv(analyst, `/${a.slug}/dashboards/referrals.csv?period=365`);
    assert.deepEqual(pick(row(year, 'provider', 'Dział Usług Opiekuńczych')), ['6', '5', '3', '2', '0.6', '4', '8.8', '1', '3', '0.333', '1']);
    assert.match(pageText((await analyst.get(`/${a.slug}/dashboards?period=365`)).body), /Wysłano 10\./);
    assert.match(pageText((await analyst.get(`/${a.slug}/dashboards?period=7%27`)).body), /Wysłano 9\./);
    const month = pageText((await analyst.get(`/${a.slug}/dashboards?period=30`)).body);
    assert.match(month, /Wysłano 9\./);
    assert.match((await analyst.get(`/${a.slug}/dashboards?period=30`)).body, /<option value="30" selected>/);
  });

  test('an empty municipality: every section says so in Polish; the CSVs hold only zeros', async () => {
    const empty = await catalogueMunicipality(h, 'Gmina Pusta');
    const c = await logIn(h, await makeUser(h.db, { municipality: empty, roles: ['director'], totp: true }));
    const text = pageText((await c.get(`/${empty.slug}/dashboards`)).body);
    assert.match(text, /Żadna usługa nie ma teraz kolejki ani wniosków przyjętych w ostatnich 12 tygodniach\./);
    assert.match(text, /Żaden termin planu nie mija w ciągu 7 dni ani nie minął/);
    assert.match(text, /W ostatnich 90 dniach nie wysłano żadnego skierowania\./);
    assert.deepEqual(await csv(c, `/${empty.slug}/dashboards/queues.csv`), [
      { service: 'Razem', waiting: '0', on_hold: '0', median_wait_days: '', longest_wait_days: '', accepted_last_12_weeks: '0', median_days_to_acceptance: '' },
    ]);
    assert.equal(row(await csv(c, `/${empty.slug}/dashboards/referrals.csv`), 'provider', 'Razem').sent, '0');
  });

  test('only for cases.statistics: coordinators, analysts, the director; residents and others are refused, the anonymous sent to log in', async () => {
    const coordinator = await logIn(h, await makeUser(h.db, { municipality: a, roles: ['coordinator'], totp: true }));
    assert.equal((await coordinator.get(`/${a.slug}/dashboards`)).statusCode, 200);
    assert.match((await coordinator.get(`/${a.slug}`)).body, new RegExp(`href="/${a.slug}/dashboards"`), 'in the navigation');
    for (const roles of [['resident'], ['community_organiser'], ['auditor']] as const) {
      const { c } = await person(h, a, [...roles]);
      for (const path of ['/dashboards', '/dashboards/queues.csv', '/dashboards/referrals.csv']) {
        assert.equal((await c.get(`/${a.slug}${path}`)).statusCode, 403, `${roles[0]} ${path}`);
      }
    }
    const outsider = await logIn(h, await makeUser(h.db, { municipality: b, roles: ['analyst'] }));
    assert.equal((await outsider.get(`/${a.slug}/dashboards`)).statusCode, 403, "another municipality's analyst");
    const anonymous = await h.client().get(`/${a.slug}/dashboards/plans.csv`);
    assertIncludes([302, 303], anonymous.statusCode, 'anonymous status');
    assert.match(String(anonymous.headers.location), /\/login/);
    // Counts only: no audit entry for looking at them.
    const [audit] = await ownerQuery<{ n: number }>(h, "SELECT count(*)::int AS n FROM audit_log WHERE municipality_id = $1 AND action LIKE 'dashboard%'", [a.id]);
    assert.equal(audit!.n, 0);
  });
});
