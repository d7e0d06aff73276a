import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../support/harness';
import { acceptedApplication, auditOf, bulkCases, casesMunicipality, coordinator, makeTeam } from './cases-helpers';
import { ownerQuery } from '../support/db';
import { pageText } from '../support/pages';

/** The case numbers and ids a list page links to, in order. */
const shown = (body: string) => [...body.matchAll(/<a href="\/[^/]+\/cases\/([0-9a-f-]{36})">([^<]+)<\/a>/g)].map((m) => m[1]!);
const nextLink = (body: string) => /href="([^"]*after=[0-9a-f-]{36}[^"]*)" rel="next"/.exec(body)?.[1]?.replace(/&amp;/g, '&');

describeEachEngine('cases: the coordinator’s list (scopes, filters, keyset pages, audit) and gapless numbers', (h) => {
  test('my cases, my team’s, all (directors only): 50 a page by keyset, newest first, one audit entry per page', async () => {
    const m = await casesMunicipality(h);
    const { user: a, c: aC } = await coordinator(h, m);
    const { user: b, c: bC } = await coordinator(h, m);
    const { user: s, c: sC } = await coordinator(h, m);
    const { c: dC } = await coordinator(h, m, ['director']);
    const team = await makeTeam(h, m, s.id, [a.id]);
    const mine = await bulkCases(h, m, { count: 55, coordinator: a.id, team, tag: 'A' });
    const closed = await bulkCases(h, m, { count: 2, coordinator: a.id, team, status: 'closed', tag: 'AZ' });
    const bs = await bulkCases(h, m, { count: 3, coordinator: b.id, tag: 'B' });
    const order = await ownerQuery<{ id: string }>(h, "SELECT id FROM cases WHERE municipality_id = $1 AND coordinator_id = $2 AND status = 'open' ORDER BY opened_at DESC, id DESC", [m.id, a.id]);

    const first = await aC.get(`/${m.slug}/cases`);
    assert.equal(first.statusCode, 200);
    const page1 = shown(first.body);
    assert.equal(page1.length, 50);
    const next = nextLink(first.body);
    assert.ok(next, 'a link to the next page');
    const second = await aC.get(next);
    const page2 = shown(second.body);
    assert.equal(page2.length, 5);
    assert.equal(nextLink(second.body), undefined);
    assert.deepEqual([...page1, ...page2], order.map((r) => r.id), 'newest first, ties broken by id, nothing lost or repeated');
    assert.deepEqual(new Set(page1.concat(page2)), new Set(mine));
    const reads = await auditOf(h, m, 'case.read', a.id);
    assert.equal(reads.length, 2);
    assert.deepEqual(reads[0]!.details.cases, page1);
    assert.equal(reads[0]!.details.ids, undefined, 'the cases are named once (details.cases), not copied as ids');
    assert.deepEqual(reads[1]!.details.cases, page2);

    // The JSON of the same page, audited the same way.
    const api = await aC.get(`/api/${m.slug}/cases`);
    assert.equal(api.statusCode, 200);
    const body = api.json() as { cases: { id: string; number: string }[]; next: string | null };
    assert.deepEqual(body.cases.map((x) => x.id), page1);
    assert.equal(body.next, page1.at(-1));
    const api2 = (await aC.get(`/api/${m.slug}/cases?after=${body.next}`)).json() as { cases: { id: string }[]; next: string | null };
    assert.deepEqual(api2.cases.map((x) => x.id), page2);
    assert.equal(api2.next, null);
    assert.equal((await auditOf(h, m, 'case.read', a.id)).length, 4);

    assert.deepEqual(new Set(shown((await aC.get(`/${m.slug}/cases?status=closed`)).body)), new Set(closed));
    // B sees B's own; asking for "all" without being a director still shows only B's own.
    assert.deepEqual(new Set(shown((await bC.get(`/${m.slug}/cases`)).body)), new Set(bs));
    assert.deepEqual(new Set(shown((await bC.get(`/${m.slug}/cases?scope=all`)).body)), new Set(bs));
    assert.doesNotMatch((await bC.get(`/${m.slug}/cases`)).body, /scope=team/, 'no team tab for who supervises none');
    // The supervisor: nothing of their own (an empty page writes no audit entry), the team's 55.
    const sMine = await sC.get(`/${m.slug}/cases`);
    assert.match(pageText(sMine.body), /Brak spraw/);
    // Not a dead end (walk-through of issue 14): the empty "Moje" points to the team's cases, and the director's to all.
    assert.match(sMine.body, /<a href="[^"]*\/cases\?scope=team&amp;status=open">Zobacz sprawy Twojego zespołu<\/a>/);
    assert.match((await dC.get(`/${m.slug}/cases`)).body, /<a href="[^"]*\/cases\?scope=all&amp;status=open">Zobacz wszystkie sprawy<\/a>/);
    assert.doesNotMatch((await aC.get(`/${m.slug}/cases`)).body, /Zobacz sprawy Twojego zespołu/, 'not under a list that has cases');
    assert.equal((await auditOf(h, m, 'case.read', s.id)).length, 0);
    const sTeam = await sC.get(`/${m.slug}/cases?scope=team`);
    assert.equal(shown(sTeam.body).length, 50);
    assert.deepEqual(shown(sTeam.body).filter((id) => !mine.includes(id)), [], 'cases shown that are not in scope');
    // The director: every open case.
    const all = await dC.get(`/${m.slug}/cases?scope=all`);
    assert.equal(shown(all.body).length, 50);
    const allNext = shown((await dC.get(nextLink(all.body)!)).body);
    assert.equal(allNext.length, 8);
  });

  test('filters: plan due within 7 days or overdue, a case number, a surname', async () => {
    const m = await casesMunicipality(h);
    const { user: a, c } = await coordinator(h, m);
    const ids = await bulkCases(h, m, { count: 5, coordinator: a.id, tag: 'F' });
    const warsaw = "(now() AT TIME ZONE 'Europe/Warsaw')::date";
    for (const [i, days] of [[0, 3], [1, -2], [2, 20]] as const) {
      await ownerQuery(h, `UPDATE cases SET needs_plan = true, plan_due_on = ${warsaw} + $3::int WHERE municipality_id = $1 AND id = $2`, [m.id, ids[i], days]);
    }
    await ownerQuery(h, "UPDATE cases SET person_name = 'Lucyna Krosienna', number = 'CUS/2026/000777' WHERE municipality_id = $1 AND id = $2", [m.id, ids[4]]);
    const due = await c.get(`/${m.slug}/cases?due=1`);
    assert.deepEqual(new Set(shown(due.body)), new Set([ids[0], ids[1]]));
    const text = pageText(due.body);
    assert.match(text, /\(po terminie\)/);
    assert.match(text, /zostały 3 dni/);
    assert.deepEqual(shown((await c.get(`/${m.slug}/cases?q=krosien`)).body), [ids[4]]);
    assert.deepEqual(shown((await c.get(`/${m.slug}/cases?q=000777`)).body), [ids[4]]);
    assert.deepEqual(shown((await c.get(`/${m.slug}/cases?q=${encodeURIComponent('50%_')}`)).body), []);
    // Anything odd in the address falls back to the defaults, never an error.
    assert.equal((await c.get(`/${m.slug}/cases?scope=x&status=y&after=z&due=1&due=2`)).statusCode, 200);
  });

  test('the list’s kept-prepared statements answer each coordinator of each municipality with their own newest open cases', async () => {
    // Two municipalities, two coordinators each, asked again and again at once: on PostgreSQL every pooled
    // connection runs the same prepared statements (a generic plan after five runs) under changing RLS
    // contexts, so a plan or a result kept from another person or municipality would show here.
    const m1 = await casesMunicipality(h, 'Gmina Planów');
    const m2 = await casesMunicipality(h, 'Gmina Wykonań');
    const people: { m: typeof m1; id: string; c: Awaited<ReturnType<typeof coordinator>>['c']; newest: string[] }[] = [];
    for (const [m, tag] of [[m1, 'P1'], [m1, 'P2'], [m2, 'W1'], [m2, 'W2']] as const) {
      const { user, c } = await coordinator(h, m);
      await bulkCases(h, m, { count: 53, coordinator: user.id, tag });
      await bulkCases(h, m, { count: 1, coordinator: user.id, status: 'closed', tag: `${tag}Z` });
      const newest = await ownerQuery<{ id: string }>(h,
        "SELECT id FROM cases WHERE municipality_id = $1 AND coordinator_id = $2 AND status = 'open' ORDER BY opened_at DESC, id DESC", [m.id, user.id]);
      people.push({ m, id: user.id, c, newest: newest.map((r) => r.id) });
    }
    for (let round = 0; round < 4; round++) {
      const answers = await Promise.all(people.flatMap((p) => [0, 1].map(async () => {
        const first = (await p.c.get(`/api/${p.m.slug}/cases`)).json() as { cases: { id: string }[]; next: string };
        const second = (await p.c.get(`/api/${p.m.slug}/cases?after=${first.next}`)).json() as { cases: { id: string }[]; next: string | null };
        return { p, ids: [...first.cases, ...second.cases].map((x) => x.id), next: second.next };
      })));
      for (const { p, ids, next } of answers) {
        assert.deepEqual(ids, p.newest, `round ${round}: the first page is the 50 newest open cases, the second the 3 after them`);
        assert.equal(next, null);
      }
    }
    // The supervised teams come with a page's rows: the team tab is offered to who supervises one, not to the others.
    await makeTeam(h, m1, people[0]!.id, [people[1]!.id]);
    assert.match((await people[0]!.c.get(`/${m1.slug}/cases`)).body, /scope=team/);
    assert.doesNotMatch((await people[1]!.c.get(`/${m1.slug}/cases`)).body, /scope=team/);
  });

  test('ten cases opened at once get ten numbers of the year, gapless and unique', async () => {
    const m = await casesMunicipality(h);
    const { user: me, c } = await coordinator(h, m);
    const apps: string[] = [];
    for (let i = 0; i < 10; i++) apps.push(await acceptedApplication(h, m));
    const results = await Promise.all(apps.map((id) => c.post(`/${m.slug}/cases/new?application=${id}`, { mode: 'open', coordinator_id: me.id })));
    assert.deepEqual(results.map((r) => r.statusCode), Array(10).fill(303));
    const numbers = (await ownerQuery<{ number: string }>(h, 'SELECT number FROM cases WHERE municipality_id = $1 ORDER BY number', [m.id])).map((r) => r.number);
    const year = new Date().getFullYear();
    assert.deepEqual(numbers, Array.from({ length: 10 }, (_, i) => `CUS/${year}/${String(i + 1).padStart(6, '0')}`));
  });
});
