import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { assertExcludes, assertIncludes } from '../support/assertions';
import type { TestClient } from '../support/client';
import { makeMunicipality, makeUser, uniq } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { logIn } from '../support/session';
import { decideNow } from './applications-helpers';
import { acceptedApplication, caseRow, openCase } from './cases-helpers';
import { ownerQuery } from '../support/db';
import { actNow, referralMunicipality, sendForm, sendReferral, staffPerson } from './referrals-helpers';

/** Entries per page of the audit log (PAGE_SIZE in the module's service). */
const PAGE_SIZE = 50;

interface ApiRow {
  id: number;
  occurred_at: string;
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string;
  details: Record<string, unknown>;
}
interface ApiPage {
  data: ApiRow[];
  next: { before: number } | null;
}

interface Seed {
  at?: string;
  action: string;
  actor?: string;
  subjectType?: string;
  subjectId?: string;
}

describeEachEngine('audit log browsing', (h) => {
  /** Entries written as the owner, so their time can be set. */
  const seed = async (m: MunicipalityRow, entries: Seed[]) => {
    for (const e of entries) {
      await h.db.ownerTx((sql) =>
        sql.query(
          `INSERT INTO audit_log (municipality_id, occurred_at, actor_label, action, subject_type, subject_id)
           VALUES ($1, COALESCE($2::timestamptz, now()), $3, $4, $5, $6)`,
          [m.id, e.at ?? null, e.actor ?? '', e.action, e.subjectType ?? '', e.subjectId ?? ''],
        ),
      );
    }
  };
  const setup = async () => {
    const m = await makeMunicipality(h.db);
    const auditor = await makeUser(h.db, { municipality: m, roles: ['auditor'], totp: true });
    return { m, auditor, c: await logIn(h, auditor) };
  };
  const api = async (c: TestClient, m: MunicipalityRow, query = ''): Promise<ApiPage> => {
    const res = await c.get(`/api/${m.slug}/audit-log${query}`);
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    return res.json() as ApiPage;
  };
  const ownActions = (m: MunicipalityRow, userId: string) =>
    h.db.ownerTx((sql) =>
      sql.query<{ action: string; details: Record<string, unknown> }>(
        'SELECT action, details FROM audit_log WHERE municipality_id = $1 AND actor_user_id = $2 ORDER BY id',
        [m.id, userId],
      ),
    );

  test('an auditor sees the audit page with entries, newest first', async () => {
    const { m, c } = await setup();
    await seed(m, [
      { action: 'test.older', actor: 'anna@example.pl', subjectType: 'user', subjectId: 'u-1', at: '2026-01-05T10:00:00Z' },
      { action: 'test.newer', actor: 'jan@example.pl', subjectType: 'invitation', subjectId: 'i-2', at: '2026-01-06T10:00:00Z' },
    ]);
    const res = await c.get(`/${m.slug}/audit`);
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    assertIncludes(res.body, '<code>test.older</code>');
    assertIncludes(res.body, '<code>test.newer</code>');
    assert.ok(res.body.indexOf('test.newer</code>') < res.body.indexOf('test.older</code>'), 'newest first');
    assertIncludes(res.body, 'anna@example.pl');
    assertIncludes(res.body, 'invitation i-2');
    assertIncludes(res.body, '5 stycznia 2026 11:00', 'times in Warsaw time');
    assertIncludes(res.body, 'Pokazano 2 zdarzenia');
    // The action filter offers the actions present in the log.
    assert.match(res.body, /<option value="test.older"/);
  });

  test('events are named in words (walk-through of issue 14), in the list and in the filter; the code stays beside them', async () => {
    const { m, c } = await setup();
    await seed(m, [
      { action: 'case.read', actor: 'koordynatorka@example.pl' },
      { action: 'auth.login_failed', actor: 'jan@example.pl' },
      { action: 'budget.something_new', actor: 'ewa@example.pl' },
      { action: 'zzz.unknown', actor: 'ewa@example.pl' },
    ]);
    const res = await c.get(`/${m.slug}/audit`);
    assert.equal(res.statusCode, 200);
    const cells = [...res.body.matchAll(/<td>([^<]*)(?:<br\/?>)?<span class="muted"><code>([^<]+)<\/code><\/span><\/td>/g)].map((x) => [x[2], x[1]]);
    const words = Object.fromEntries(cells);
    assert.equal(words['case.read'], 'Odczyt sprawy lub listy spraw');
    assert.equal(words['auth.login_failed'], 'Nieudane logowanie');
    assert.equal(words['budget.something_new'], 'Budżet obywatelski (budget.something_new)', 'a new action is named by its area');
    assert.equal(words['zzz.unknown'], 'Inne zdarzenie (zzz.unknown)');
    assert.match(res.body, /<option value="case.read"[^>]*>Odczyt sprawy lub listy spraw<\/option>/);
  });

  test('filters by action, actor and Warsaw calendar days', async () => {
    const { m, c } = await setup();
    await seed(m, [
      // 23:30 in Warsaw on 9 March (CET, UTC+1).
      { action: 'test.evening', actor: 'anna.nowak@example.pl', at: '2026-03-09T22:30:00Z' },
      // 00:30 in Warsaw on 10 March.
      { action: 'test.midnight', actor: 'jan.kowalski@example.pl', at: '2026-03-09T23:30:00Z' },
      // 00:30 in Warsaw on 1 July (CEST, UTC+2), still 30 June in UTC.
      { action: 'test.summer', actor: 'anna.nowak@example.pl', at: '2026-06-30T22:30:00Z' },
      { action: 'test.summer', actor: '50%_off@example.pl', at: '2026-07-02T10:00:00Z' },
    ]);
    const actions = (p: ApiPage) => p.data.map((r) => r.action);

    assert.deepEqual(actions(await api(c, m, '?action=test.summer')), ['test.summer', 'test.summer']);
    assert.deepEqual(actions(await api(c, m, '?action=test.nothing')), []);

    const byActor = await api(c, m, '?actor=ANNA.nowak');
    assert.deepEqual(byActor.data.map((r) => r.actor_label), ['anna.nowak@example.pl', 'anna.nowak@example.pl'], 'substring, any case');
    // % and _ are taken literally, not as wildcards.
    assert.deepEqual((await api(c, m, '?actor=50%25_')).data.map((r) => r.actor_label), ['50%_off@example.pl']);
    assert.deepEqual((await api(c, m, '?actor=%25')).data.map((r) => r.actor_label), ['50%_off@example.pl']);
    assert.deepEqual((await api(c, m, '?actor=a_n')).data, []);

    assert.deepEqual(actions(await api(c, m, '?from=2026-03-09&to=2026-03-09')), ['test.evening']);
    assert.deepEqual(actions(await api(c, m, '?from=2026-03-10&to=2026-03-10')), ['test.midnight']);
    assert.deepEqual(actions(await api(c, m, '?to=2026-03-09')), ['test.evening']);
    assert.deepEqual(actions(await api(c, m, '?from=2026-06-30&to=2026-06-30')), [], '22:30 UTC on 30 June is 1 July in Poland');
    assert.deepEqual(actions(await api(c, m, '?from=2026-07-01&to=2026-07-01')), ['test.summer']);
    assert.deepEqual(actions(await api(c, m, '?from=2026-03-10&to=2026-07-01&actor=anna')), ['test.summer']);

    // The page applies the same filters and keeps them in the form.
    const page = await c.get(`/${m.slug}/audit?action=test.evening&from=2026-03-01`);
    assert.equal(page.statusCode, 200);
    assertIncludes(page.body, '<code>test.evening</code>');
    assertExcludes(page.body, '<code>test.midnight</code>');
    assertExcludes(page.body, '<code>test.summer</code>');
    assert.match(page.body, /<option value="test.evening" selected/);
    assert.match(page.body, /name="from"[^>]*value="2026-03-01"/);
  });

  test('an invalid date is a 422 with a field error, not a failure', async () => {
    const { m, c } = await setup();
    for (const bad of ['2026-13-45', 'wczoraj', '2026-02-30', '2026-04-31', '0000-01-01', '2026-1-5']) {
      const page = await c.get(`/${m.slug}/audit?from=${encodeURIComponent(bad)}`);
      assert.equal(page.statusCode, 422, `page, from=${bad}`);
      assertIncludes(page.body, 'Wpisz datę w formacie RRRR-MM-DD.', bad);
      assert.match(page.body, new RegExp(`name="from"[^>]*value="${bad}"`), 'what was typed stays in the form');

      const json = await c.get(`/api/${m.slug}/audit-log?to=${encodeURIComponent(bad)}`);
      assert.equal(json.statusCode, 422, `api, to=${bad}`);
      const err = (json.json() as { error: { code: string; fields: Record<string, { code: string }> } }).error;
      assert.equal(err.code, 'validation.failed');
      assert.equal(err.fields.to?.code, 'date');

      const csv = await c.get(`/${m.slug}/audit.csv?from=${encodeURIComponent(bad)}`, { accept: 'application/json' });
      assert.equal(csv.statusCode, 422, `csv, from=${bad}`);
    }
    const range = await c.get(`/${m.slug}/audit?from=2026-05-02&to=2026-05-01`);
    assert.equal(range.statusCode, 422);
    assertIncludes(range.body, 'Data początkowa musi być wcześniejsza niż końcowa.');
    const leap = await c.get(`/${m.slug}/audit?from=2028-02-29&to=2028-02-29`);
    assert.equal(leap.statusCode, 200, 'a real leap day is fine');
    for (const before of ['abc', '-5', '0', '1.5', '99999999999999999999']) {
      const res = await c.get(`/api/${m.slug}/audit-log?before=${before}`);
      assert.equal(res.statusCode, 422, `before=${before}`);
    }
  });

  test('pages with `before`: no entry lost or repeated', async () => {
    const { m, c } = await setup();
    const total = PAGE_SIZE + 7;
    await seed(m, Array.from({ length: total }, (_, i) => ({ action: 'test.paged', subjectId: String(i) })));
    const first = await api(c, m, '?action=test.paged');
    assert.equal(first.data.length, PAGE_SIZE);
    assert.ok(first.next, 'there is a next page');
    assert.equal(first.next.before, first.data.at(-1)!.id);
    const second = await api(c, m, `?action=test.paged&before=${first.next.before}`);
    assert.equal(second.data.length, total - PAGE_SIZE);
    assert.equal(second.next, null);
    const ids = [...first.data, ...second.data].map((r) => r.id);
    assert.equal(new Set(ids).size, total);
    assert.deepEqual(ids, [...ids].sort((x, y) => y - x), 'newest first throughout');
    assert.deepEqual(
      [...first.data, ...second.data].map((r) => Number(r.subject_id)),
      Array.from({ length: total }, (_, i) => total - 1 - i),
    );

    const page = await c.get(`/${m.slug}/audit?action=test.paged`);
    const older = /<a href="([^"]*before=(\d+)[^"]*)">Starsze zdarzenia<\/a>/.exec(page.body);
    assert.ok(older, 'the page links to older entries');
    assert.equal(Number(older[2]), first.next.before);
    const olderPage = await c.get(older[1]!.replace(/&amp;/g, '&'));
    assert.equal(olderPage.statusCode, 200);
    assert.equal((olderPage.body.match(/<code>test.paged<\/code>/g) ?? []).length, total - PAGE_SIZE);
    assertIncludes(olderPage.body, 'Najnowsze zdarzenia');
    assertExcludes(olderPage.body, 'Starsze zdarzenia</a>');
  });

  test('CSV export: header, rows, text/csv, formulas neutralised', async () => {
    const { m, auditor, c } = await setup();
    await seed(m, [
      { action: 'test.csv', actor: '=HYPERLINK("http://evil.example","kliknij")', subjectType: 'user', subjectId: '+48123' },
      { action: 'test.csv', actor: 'zwykla@example.pl', subjectType: 'user', subjectId: '@SUM(A1)' },
      { action: 'test.csv', actor: '-2+3', subjectType: 'user', subjectId: 'plain, with "quotes"' },
    ]);
    const res = await c.get(`/${m.slug}/audit.csv?action=test.csv`);
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/csv/);
    assert.match(res.headers['content-disposition'] as string, new RegExp(`^attachment; filename="dziennik-zdarzen-${m.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const text = res.body.replace(/^\uFEFF/, '');
    const lines = text.trim().split(/\r?\n/);
    assert.equal(lines[0], 'id,occurred_at,actor,action,subject_type,subject_id,reason,ip,request_id,details');
    assert.equal(lines.length, 1 + 3, 'header and the three matching rows');
    assert.deepEqual(lines.slice(1).filter((l) => !l.includes(',test.csv,')), [], 'rows of other actions');
    assertIncludes(text, `"'=HYPERLINK(""http://evil.example"",""kliknij"")"`, 'a leading = gets an apostrophe');
    assertIncludes(text, ",'+48123,", 'a leading + too');
    assertIncludes(text, ",'@SUM(A1),", 'and @');
    assertIncludes(text, ",'-2+3,", 'and -');
    assert.ok(!/(^|,)"?[=+@-]/m.test(lines.slice(1).join('\n')), 'no cell starts a formula');
    assertIncludes(text, '"plain, with ""quotes"""', 'commas and quotes are quoted');
    assertIncludes(text, 'zwykla@example.pl', 'ordinary text untouched');

    const exported = (await ownActions(m, auditor.id)).filter((e) => e.action === 'audit.exported');
    assert.equal(exported.length, 1, 'the export is audited');
    assert.equal(exported[0]!.details.rows, 3);
    assert.equal(exported[0]!.details.action, 'test.csv');
  });

  test('the JSON API returns {data, next}', async () => {
    const { m, c } = await setup();
    await seed(m, [{ action: 'test.json', actor: 'api@example.pl', subjectType: 'user', subjectId: 'x' }]);
    const res = await c.get(`/api/${m.slug}/audit-log?action=test.json`);
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /application\/json/);
    const body = res.json() as ApiPage;
    assert.deepEqual(Object.keys(body).sort(), ['data', 'next']);
    assert.equal(body.next, null);
    assert.equal(body.data.length, 1);
    const [row] = body.data;
    assert.equal(typeof row!.id, 'number');
    assert.equal(row!.action, 'test.json');
    assert.equal(row!.actor_label, 'api@example.pl');
    assert.ok(!Number.isNaN(Date.parse(row!.occurred_at)));
    assert.ok(!('municipality_id' in row!) && !('user_agent' in row!), 'only the documented columns');
  });

  test('viewing the log is itself audited, with the filter used', async () => {
    const { m, auditor, c } = await setup();
    assert.equal((await c.get(`/${m.slug}/audit?action=staff.invited&from=2026-01-01`)).statusCode, 200);
    await api(c, m, '?actor=someone');
    const viewed = (await ownActions(m, auditor.id)).filter((e) => e.action === 'audit.viewed');
    assert.equal(viewed.length, 2);
    assert.deepEqual(viewed[0]!.details, { action: 'staff.invited', from: '2026-01-01' });
    assert.deepEqual(viewed[1]!.details, { actor: 'someone' });
    // The next look shows the earlier looks.
    const page = await c.get(`/${m.slug}/audit?action=audit.viewed`);
    assert.equal((page.body.match(/<code>audit.viewed<\/code>/g) ?? []).length, 2);
    assertIncludes(page.body, auditor.email);
  });

  test('an auditor of another municipality never sees these entries', async () => {
    const { m: a } = await setup();
    const secret = `test.secret_${uniq()}`;
    await seed(a, [{ action: secret, actor: 'tajne@example.pl', subjectId: 'a-only' }]);
    const { m: b, c } = await setup();
    await seed(b, [{ action: 'test.b_own', actor: 'b@example.pl' }]);

    const own = await api(c, b);
    assert.ok(own.data.some((r) => r.action === 'test.b_own'));
    for (const query of ['', `?action=${secret}`, '?actor=tajne', '?subject=a-only', '?before=999999999']) {
      const page = await api(c, b, query);
      assert.ok(!page.data.some((r) => r.action === secret || r.actor_label === 'tajne@example.pl'), `query ${query}`);
    }
    const html = await c.get(`/${b.slug}/audit`);
    assert.equal(html.statusCode, 200);
    assertExcludes(html.body, secret, 'not even in the action list');
    assertExcludes(html.body, 'tajne@example.pl', 'not even in the action list');
    const csv = await c.get(`/${b.slug}/audit.csv`);
    // (B's own audit.viewed entries quote the filters typed above in their details, so look at the columns.)
    assert.equal(csv.statusCode, 200);
    assertIncludes(csv.body, ',test.b_own,');
    for (const cell of [`,${secret},`, ',tajne@example.pl,', ',a-only,']) assertExcludes(csv.body, cell);

    for (const url of [`/${a.slug}/audit`, `/${a.slug}/audit.csv`, `/api/${a.slug}/audit-log`]) {
      const res = await c.get(url, { accept: 'application/json' });
      assert.equal(res.statusCode, 403, url);
      assertExcludes(res.body, secret, url);
    }
  });

  test('review 1 #8: reasons people type are not copied into the audit log; the auditor reads them from their records; after retention none is left', async () => {
    const { m, orgId } = await referralMunicipality(h, 'Gmina Powodów');
    const coord = await staffPerson(h, m);
    const other = await staffPerson(h, m);
    const { c: auditorC } = await staffPerson(h, m, ['auditor']);
    const T = {
      hold: `Pobyt na oddziale psychiatrycznym ${uniq()}`,
      glass: `Sąsiadka zgłasza przemoc domową ${uniq()}`,
      override: `Cukrzyca, sama w domu po wypisie ${uniq()}`,
      cancel: `Uzależnienie, terapia w ośrodku ${uniq()}`,
    };
    const app = await acceptedApplication(h, m, { status: 'waiting' });
    assert.equal((await decideNow(h, coord.c, m, app, 'hold', { hold_reason: T.hold })).statusCode, 303);
    assert.equal((await decideNow(h, coord.c, m, app, 'resume')).statusCode, 303);
    assert.equal((await decideNow(h, coord.c, m, app, 'accept')).statusCode, 303);
    const caseId = await openCase(h, coord.c, m, app, { coordinator_id: coord.user.id });
    assert.equal((await other.c.post(`/${m.slug}/cases/${caseId}/glass`, { reason: T.glass })).statusCode, 303);
    const referral = await sendReferral(h, coord.c, m, caseId, sendForm(`organisation:${orgId}`, { override_basis: 'vital_interest', override_reason: T.override }));
    assert.equal((await actNow(h, coord.c, m, `/${m.slug}/cases/${caseId}/referrals`, referral, 'cancel', { cancel_reason: T.cancel, confirmed: 'yes' })).statusCode, 303);
    const { version } = await caseRow(h, m, caseId);
    assert.equal((await coord.c.post(`/${m.slug}/cases/${caseId}/close`, { version: String(version), closing_note: 'Wsparcie zakończone.', confirmed: 'yes' })).statusCode, 303);

    const copies = async () => {
      const found: string[] = [];
      for (const [name, text] of Object.entries(T)) {
        const rows = await ownerQuery(h, "SELECT 1 FROM audit_log l WHERE municipality_id = $1 AND l::text LIKE '%' || $2 || '%'", [m.id, text]);
        if (rows.length) found.push(name);
      }
      return found;
    };
    assert.deepEqual(await copies(), [], 'the log names records, it holds no copy of what was typed');
    const page = await auditorC.get(`/${m.slug}/audit`);
    assert.equal(page.statusCode, 200);
    for (const [name, text] of Object.entries(T)) assertIncludes(page.body, text, `the auditor reads the ${name} reason`);

    // Retention: the case closed long ago is anonymised by the nightly job; no reason survives anywhere.
    await ownerQuery(h, "UPDATE cases SET closed_at = now() - interval '121 months' WHERE municipality_id = $1 AND id = $2", [m.id, caseId]);
    await h.scheduler.ensure();
    await ownerQuery(h, "UPDATE jobs SET run_at = now() WHERE queue = 'cases.anonymise' AND done_at IS NULL AND failed_at IS NULL", []);
    await h.worker.drain();
    assert.ok((await caseRow(h, m, caseId)).anonymised_at);
    assert.deepEqual(await copies(), []);
    for (const table of ['case_access_grants', 'referrals', 'referral_events', 'applications', 'application_events']) {
      for (const text of Object.values(T)) {
        assert.equal((await ownerQuery(h, `SELECT 1 FROM ${table} x WHERE municipality_id = $1 AND x::text LIKE '%' || $2 || '%'`, [m.id, text])).length, 0, `${table} keeps no reason`);
      }
    }
    const after = await auditorC.get(`/${m.slug}/audit`);
    for (const text of Object.values(T)) assertExcludes(after.body, text);
  });
});
