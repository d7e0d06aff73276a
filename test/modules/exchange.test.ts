import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../../src/platform/auth/roles';
import { addDays, warsawDay } from '../../src/platform/time';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { assertIncludes } from '../support/assertions';
import type { TestClient } from '../support/client';
import { ownerQuery } from '../support/db';
import { makeMunicipality, makeUser, uniq, type TestUser } from '../support/factories';
import { describeEachEngine, type Harness } from '../support/harness';
import { CONFLICT, fieldError, pageText } from '../support/pages';
import { logIn } from '../support/session';

async function person(h: Harness, m: MunicipalityRow, roles: Role[]): Promise<{ user: TestUser; c: TestClient }> {
  const user = await makeUser(h.db, { municipality: m, roles });
  return { user, c: await logIn(h, user) };
}

const idIn = (location: string | undefined, what: string) => new RegExp(`${what}/([0-9a-f-]{36})`).exec(location ?? '')![1]!;
const NOT_MEMBER = 'Twoja gmina nie należy do tej grupy wymiany, więc nie może w niej niczego udostępniać ani oglądać.';
const NOT_DELEGATE = 'Nie jesteś delegatem tej gminy do tej grupy wymiany — nie możesz działać w jej imieniu.';

/** A group convened by `a` (through the forms), joined by `b`; returns the group id. */
async function groupOf(h: Harness, a: { m: MunicipalityRow; c: TestClient }, b: { m: MunicipalityRow; c: TestClient }, named = true): Promise<string> {
  const created = await a.c.post(`/${a.m.slug}/wymiana/grupy`, { theme: 'Usługi opiekuńcze', cadence: 'co dwa miesiące', named: named ? 'named' : 'anonymised', min_count: '5', population: '40 000' });
  assert.equal(created.statusCode, 303, created.body.slice(0, 500));
  const id = idIn(created.headers.location, 'grupy');
  assert.equal((await a.c.post(`/${a.m.slug}/wymiana/grupy/${id}/zaproszenia`, { slug: b.m.slug })).statusCode, 303);
  const joined = await b.c.post(`/${b.m.slug}/wymiana/grupy/${id}/przystapienie`, { population: '16 000' });
  assert.equal(joined.statusCode, 303, joined.body.slice(0, 500));
  return id;
}

/** Both directors named their municipality's delegates, and the convener `a` opened a round over the last 30 days; its id. */
async function delegatesAndRound(h: Harness, id: string, a: { m: MunicipalityRow; c: TestClient; user: TestUser }, b: { m: MunicipalityRow; c: TestClient; user: TestUser }, label = 'Runda'): Promise<string> {
  for (const x of [a, b]) await x.c.post(`/${x.m.slug}/wymiana/grupy/${id}/delegaci`, { user_id: x.user.id });
  await a.c.post(`/${a.m.slug}/wymiana/grupy/${id}/rundy`, { label, period_from: addDays(warsawDay(), -30), period_to: warsawDay() });
  const [{ id: roundId }] = (await ownerQuery<{ id: string }>(h, 'SELECT id FROM exchange_rounds WHERE group_id = $1', [id])) as [{ id: string }];
  return roundId;
}

async function services(h: Harness, m: MunicipalityRow, n: number): Promise<void> {
  const [p] = await ownerQuery<{ id: string }>(h, "INSERT INTO providers (municipality_id, name, kind) VALUES ($1, 'Dział Usług', 'cus_unit') RETURNING id", [m.id]);
  for (let i = 0; i < n; i++) {
    await ownerQuery(h, "INSERT INTO services (municipality_id, provider_id, name, area) VALUES ($1, $2, $3, 'social_assistance')", [m.id, p!.id, `Usługa opiekuńcza nr ${i + 1}`]);
  }
}

/** A meeting held ten days ago: `invited` invitations, the first `came` of them present. */
async function meeting(h: Harness, m: MunicipalityRow, invited: number, came: number): Promise<void> {
  const [mt] = await ownerQuery<{ id: string }>(
    h,
    `INSERT INTO meetings (municipality_id, title, address, starts_at, ends_at) VALUES ($1, 'Spotkanie opiekunów', 'ul. Okrzei 3', now() - interval '10 days', now() - interval '10 days' + interval '2 hours') RETURNING id`,
    [m.id],
  );
  for (let i = 0; i < invited; i++) {
    const [inv] = await ownerQuery<{ id: string }>(
      h,
      'INSERT INTO meeting_invitations (municipality_id, meeting_id, email, token_hash) VALUES ($1, $2, $3, $4) RETURNING id',
      [m.id, mt!.id, `osoba-${uniq()}@example.pl`, uniq() + uniq()],
    );
    if (i < came) await ownerQuery(h, 'INSERT INTO meeting_attendance (municipality_id, meeting_id, invitation_id, people_count) VALUES ($1, $2, $3, 1)', [m.id, mt!.id, inv!.id]);
  }
}

/** What the application role sees of `owner`'s snapshots as `userId` acting in `m` (row-level security as in a request). */
async function visibleSnapshots(h: Harness, m: MunicipalityRow, userId: string, owner: MunicipalityRow): Promise<{ indicator: string; value: string | null }[]> {
  return h.db.tx({ municipalityId: m.id, userId }, (sql) =>
    sql.query<{ indicator: string; value: string | null }>('SELECT indicator, value::text AS value FROM exchange_snapshots WHERE municipality_id = $1 ORDER BY indicator', [owner.id]),
  );
}

describeEachEngine('exchange: groups across municipalities, sharing consent, benchmarks', (h) => {
  test('groups: convened, invited, joined; a municipality not in the group cannot share with it nor see it', async () => {
    const a = await makeMunicipality(h.db, 'Gmina Zwołująca');
    const b = await makeMunicipality(h.db, 'Gmina Zaproszona');
    const outsider = await makeMunicipality(h.db, 'Gmina Obca');
    const { c: dirA } = await person(h, a, ['director']);
    const { c: dirB } = await person(h, b, ['administrator']);
    const { c: dirC } = await person(h, outsider, ['director']);
    const { c: coordinatorA } = await person(h, a, ['coordinator']);
    const { c: residentA } = await person(h, a, ['resident']);

    assert.equal((await residentA.get(`/${a.slug}/wymiana`)).statusCode, 403, 'residents take no part');
    assert.equal((await coordinatorA.post(`/${a.slug}/wymiana/grupy`, { theme: 'Usługi', named: 'named', min_count: '5', population: '1000' })).statusCode, 403, 'staff, not a director');
    const bad = await dirA.post(`/${a.slug}/wymiana/grupy`, { theme: 'ab', named: 'named', min_count: '3', population: 'dużo' });
    assert.equal(bad.statusCode, 422);
    assert.equal(fieldError(bad.body, 'theme'), 'Temat grupy ma co najmniej 3 znaki.');
    assert.equal(fieldError(bad.body, 'min_count'), 'Wpisz liczbę całkowitą od 5 do 1000.');
    assert.equal(fieldError(bad.body, 'population'), 'Wpisz liczbę mieszkańców jako liczbę całkowitą, np. 40 500.');

    const created = await dirA.post(`/${a.slug}/wymiana/grupy`, { theme: 'Usługi opiekuńcze', cadence: 'co dwa miesiące', named: 'named', min_count: '5', population: '40 000' });
    const id = idIn(created.headers.location, 'grupy');
    const unknown = await dirA.post(`/${a.slug}/wymiana/grupy/${id}/zaproszenia`, { slug: 'nie-ma-takiej-gminy' });
    assert.equal(fieldError(unknown.body, 'slug'), 'Nie ma gminy o takim adresie w tej instalacji.');
    assert.equal((await dirA.post(`/${a.slug}/wymiana/grupy/${id}/zaproszenia`, { slug: b.slug })).statusCode, 303);

    // The outsider: the group is not found, sharing and joining refused in Polish, nothing written.
    assert.equal((await dirC.get(`/${outsider.slug}/wymiana/grupy/${id}`)).statusCode, 404);
    const share = await dirC.post(`/${outsider.slug}/wymiana/grupy/${id}/udostepnianie`, { indicators: ['meeting_turnout'], version: '1' });
    assert.equal(share.statusCode, 403);
    assertIncludes(pageText(share.body), NOT_MEMBER);
    const json = await dirC.post(`/${outsider.slug}/wymiana/grupy/${id}/udostepnianie`, { indicators: ['meeting_turnout'], version: '1' }, { headers: { accept: 'application/json' } });
    assert.equal((JSON.parse(json.body) as { error: { code: string } }).error.code, 'exchange.not_member');
    const gate = await dirC.post(`/${outsider.slug}/wymiana/grupy/${id}/przystapienie`, { population: '5000' });
    assert.equal(gate.statusCode, 403);
    assertIncludes(pageText(gate.body), 'Twoja gmina nie została zaproszona do tej grupy.');
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM exchange_sharing WHERE municipality_id = $1', [outsider.id])).length, 0);
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM exchange_members WHERE municipality_id = $1', [outsider.id])).length, 0);

    // The invited municipality sees the group to decide, and joins.
    assertIncludes(pageText((await dirB.get(`/${b.slug}/wymiana`)).body), 'Usługi opiekuńcze — zaprasza:');
    assertIncludes(pageText((await dirB.get(`/${b.slug}/wymiana/grupy/${id}`)).body), 'Przystąp do grupy');
    // Two joins at the same instant: one joins, the other is told it is a member already (409, not a key clash's 500).
    const joins = await Promise.all([1, 2].map(() => dirB.post(`/${b.slug}/wymiana/grupy/${id}/przystapienie`, { population: '16 000' })));
    assert.deepEqual(joins.map((r) => r.statusCode).sort(), [303, 409]);
    assert.equal((await dirB.post(`/${b.slug}/wymiana/grupy/${id}/przystapienie`, { population: '16 000' })).statusCode, 409);
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM exchange_members WHERE municipality_id = $1', [b.id])).length, 1);
    const page = pageText((await dirA.get(`/${a.slug}/wymiana/grupy/${id}`)).body);
    assertIncludes(page, a.name);
    assertIncludes(page, b.name);
    // Only the convener invites.
    const notConvener = await dirB.post(`/${b.slug}/wymiana/grupy/${id}/zaproszenia`, { slug: outsider.slug });
    assert.equal(notConvener.statusCode, 403);
    assertIncludes(pageText(notConvener.body), 'Zapraszać gminy i otwierać rundy może tylko gmina, która zwołała grupę.');
  });

  test('benchmarks: only shared indicators cross, to delegates only; small cells suppressed at the member; a delegate acts only for its own municipality', async () => {
    const a = await makeMunicipality(h.db, 'Gmina Alfa');
    const b = await makeMunicipality(h.db, 'Gmina Beta');
    const outsider = await makeMunicipality(h.db, 'Gmina Obca');
    const { c: dirA, user: dirAUser } = await person(h, a, ['director']);
    const { c: dirB, user: dirBUser } = await person(h, b, ['director']);
    const { c: coordinatorA, user: coordinatorAUser } = await person(h, a, ['coordinator']);
    const { user: outsiderUser } = await person(h, outsider, ['director']);
    const id = await groupOf(h, { m: a, c: dirA }, { m: b, c: dirB });
    await services(h, a, 8);
    await services(h, b, 3);
    await meeting(h, a, 10, 4);

    // Delegates: staff of their own municipality only.
    const foreign = await dirA.post(`/${a.slug}/wymiana/grupy/${id}/delegaci`, { user_id: dirBUser.id });
    assert.equal(fieldError(foreign.body, 'user_id'), 'Wybierz pracownika swojej gminy.');
    assert.equal((await dirA.post(`/${a.slug}/wymiana/grupy/${id}/delegaci`, { user_id: dirAUser.id })).statusCode, 303);
    assert.equal((await dirB.post(`/${b.slug}/wymiana/grupy/${id}/delegaci`, { user_id: dirBUser.id })).statusCode, 303);

    // Consent: A shares services per 1 000 only; B shares both. A stale form is 409 with the input kept.
    assert.equal((await dirA.post(`/${a.slug}/wymiana/grupy/${id}/udostepnianie`, { indicators: ['services_per_1000'], version: '1' })).statusCode, 303);
    const stale = await dirA.post(`/${a.slug}/wymiana/grupy/${id}/udostepnianie`, { indicators: ['meeting_turnout'], version: '1' });
    assert.equal(stale.statusCode, 409);
    assertIncludes(pageText(stale.body), CONFLICT);
    assert.match(stale.body, /value="meeting_turnout" checked/);
    assert.equal((await dirB.post(`/${b.slug}/wymiana/grupy/${id}/udostepnianie`, { indicators: ['services_per_1000', 'meeting_turnout'], version: '1' })).statusCode, 303);

    const long = await dirA.post(`/${a.slug}/wymiana/grupy/${id}/rundy`, { label: 'R', period_from: addDays(warsawDay(), -500), period_to: warsawDay() });
    assert.equal(long.statusCode, 422);
    assert.equal(fieldError(long.body, 'label'), 'Nazwa rundy ma co najmniej 2 znaki.');
    assert.equal(fieldError(long.body, 'period_to'), 'Runda obejmuje najwyżej 400 dni.');
    const notConvener = await dirB.post(`/${b.slug}/wymiana/grupy/${id}/rundy`, { label: 'Runda B', period_from: addDays(warsawDay(), -30), period_to: warsawDay() });
    assert.equal(notConvener.statusCode, 403, 'only the convener opens rounds');
    const round = await dirA.post(`/${a.slug}/wymiana/grupy/${id}/rundy`, { label: 'Runda testowa', period_from: addDays(warsawDay(), -30), period_to: warsawDay() });
    assert.equal(round.statusCode, 303);
    const [{ id: roundId }] = (await ownerQuery<{ id: string }>(h, 'SELECT id FROM exchange_rounds WHERE group_id = $1', [id])) as [{ id: string }];

    // Only a delegate compares or shares; a delegate of A cannot act for B — not even one who is staff of both.
    const notDelegate = await coordinatorA.get(`/${a.slug}/wymiana/rundy/${roundId}`);
    assert.equal(notDelegate.statusCode, 403);
    assertIncludes(pageText(notDelegate.body), NOT_DELEGATE);
    assert.equal((await dirA.post(`/${b.slug}/wymiana/rundy/${roundId}/wyniki`)).statusCode, 403, 'no role in B');
    await ownerQuery(h, "INSERT INTO memberships (municipality_id, user_id, roles) VALUES ($1, $2, ARRAY['analyst'])", [b.id, dirAUser.id]);
    const forB = await dirA.post(`/${b.slug}/wymiana/rundy/${roundId}/wyniki`);
    assert.equal(forB.statusCode, 403);
    assertIncludes(pageText(forB.body), NOT_DELEGATE);
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM exchange_snapshots WHERE municipality_id = $1', [b.id])).length, 0, 'nothing written for B');

    assert.equal((await dirA.post(`/${a.slug}/wymiana/rundy/${roundId}/wyniki`)).statusCode, 303);
    assert.equal((await dirB.post(`/${b.slug}/wymiana/rundy/${roundId}/wyniki`)).statusCode, 303);

    // What is stored: A's meeting turnout (40 %, 10 invitations) stays A's own row, unshared; B's 3 services are under 5 — no value, no count.
    const stored = await ownerQuery<{ municipality_id: string; indicator: string; value: string | null; count: number | null; suppressed: boolean; shared: boolean }>(
      h,
      "SELECT municipality_id, indicator, value::text AS value, count, suppressed, shared FROM exchange_snapshots WHERE round_id = $1 AND indicator IN ('services_per_1000', 'meeting_turnout') ORDER BY indicator, municipality_id = $2 DESC",
      [roundId, a.id],
    );
    assert.deepEqual(
      stored.map((s) => [s.municipality_id === a.id ? 'A' : 'B', s.indicator, s.value === null ? null : Number(s.value), s.count, s.suppressed, s.shared]),
      [
        ['A', 'meeting_turnout', 40, 10, false, false],
        ['B', 'meeting_turnout', null, null, true, true],
        ['A', 'services_per_1000', 0.2, 8, false, true],
        ['B', 'services_per_1000', null, null, true, true],
      ],
    );

    // B's delegate reads A's shared row only; B's non-delegate staff and an outsider read none of A's.
    assert.deepEqual(await visibleSnapshots(h, b, dirBUser.id, a), [{ indicator: 'services_per_1000', value: '0.2' }]);
    const { user: coordinatorB } = await person(h, b, ['coordinator']);
    assert.deepEqual(await visibleSnapshots(h, b, coordinatorB.id, a), []);
    assert.deepEqual(await visibleSnapshots(h, outsider, outsiderUser.id, a), []);
    assert.deepEqual(await visibleSnapshots(h, outsider, outsiderUser.id, b), []);
    assert.equal((await visibleSnapshots(h, a, coordinatorAUser.id, a)).length, 5, 'the member sees its own rows');
    // Sharing consents never cross.
    assert.deepEqual(await h.db.tx({ municipalityId: b.id, userId: dirBUser.id }, (sql) => sql.query('SELECT * FROM exchange_sharing WHERE municipality_id = $1', [a.id])), []);

    // The comparison pages: B sees A's services, not A's turnout; A sees B's cells suppressed.
    const seenByB = pageText((await dirB.get(`/${b.slug}/wymiana/rundy/${roundId}`)).body);
    assertIncludes(seenByB, `${a.name} 0,2 na 1000 mieszkańców 8`);
    assert.ok(!seenByB.includes('40%'), 'A’s unshared turnout never shown to B');
    assertIncludes(seenByB, 'Gmina Beta');
    const seenByA = (await dirA.get(`/${a.slug}/wymiana/rundy/${roundId}`)).body;
    assertIncludes(pageText(seenByA), `${b.name} mniej niż 5 przypadków — nie udostępnia się`);
    assertIncludes(pageText(seenByA), '40% 10 nie — widzi tylko twoja gmina');
    assert.match(seenByA, /<svg[^>]*role="img"/);
    assertIncludes(pageText(seenByA), 'Usługi aktywne w katalogu usług społecznych gminy w chwili obliczenia');

    // Withdrawing the consent hides the row at once.
    assert.equal((await dirA.post(`/${a.slug}/wymiana/grupy/${id}/udostepnianie`, { version: '2' })).statusCode, 303);
    assert.deepEqual(await visibleSnapshots(h, b, dirBUser.id, a), []);
    assert.ok(!pageText((await dirB.get(`/${b.slug}/wymiana/rundy/${roundId}`)).body).includes(a.name));
  });

  test('an anonymised group: the other members are letters on the page', async () => {
    const a = await makeMunicipality(h.db, 'Gmina Jawna');
    const b = await makeMunicipality(h.db, 'Gmina Ukryta');
    const { c: dirA, user: dirAUser } = await person(h, a, ['director']);
    const { c: dirB, user: dirBUser } = await person(h, b, ['director']);
    const id = await groupOf(h, { m: a, c: dirA }, { m: b, c: dirB }, false);
    await services(h, b, 6);
    const roundId = await delegatesAndRound(h, id, { m: a, c: dirA, user: dirAUser }, { m: b, c: dirB, user: dirBUser });
    await dirB.post(`/${b.slug}/wymiana/grupy/${id}/udostepnianie`, { indicators: ['services_per_1000'], version: '1' });
    assert.equal((await dirB.post(`/${b.slug}/wymiana/rundy/${roundId}/wyniki`)).statusCode, 303);
    const page = pageText((await dirA.get(`/${a.slug}/wymiana/rundy/${roundId}`)).body);
    assertIncludes(page, 'Gmina A 0,38 na 1000 mieszkańców 6');
    assert.ok(!page.includes(b.name), 'the other member is not named');
  });

  test('improvement plans: a delegate writes the member’s plan after a round; shared, the other delegates read it; a stale save is 409', async () => {
    const a = await makeMunicipality(h.db, 'Gmina Planująca');
    const b = await makeMunicipality(h.db, 'Gmina Ucząca');
    const { c: dirA, user: dirAUser } = await person(h, a, ['director']);
    const { c: dirB, user: dirBUser } = await person(h, b, ['director']);
    const { c: coordinatorB } = await person(h, b, ['coordinator']);
    const id = await groupOf(h, { m: a, c: dirA }, { m: b, c: dirB });
    const roundId = await delegatesAndRound(h, id, { m: a, c: dirA, user: dirAUser }, { m: b, c: dirB, user: dirBUser }, 'Runda wiosenna');
    const planUrl = `/${b.slug}/wymiana/rundy/${roundId}/plan`;
    const plan = { learned: 'Od Gminy Planującej: dyżury opiekunek w soboty.', goals: 'Skrócić oczekiwanie na usługi opiekuńcze do 14 dni.', actions: 'Dyżur sobotni — kierowniczka działu — do marca\nNabór opiekunek — CUS — do czerwca' };

    const empty = await dirB.post(planUrl, { ...plan, goals: '', version: '0' });
    assert.equal(empty.statusCode, 422);
    assert.equal(fieldError(empty.body, 'goals'), 'To pole jest wymagane.');
    assert.equal((await coordinatorB.post(planUrl, { ...plan, version: '0' })).statusCode, 403, 'only a delegate writes it');
    assert.equal((await dirA.post(planUrl, { ...plan, version: '0' })).statusCode, 403, 'A has no role in B');

    // Kept to itself first: A's delegate does not see it.
    assert.equal((await dirB.post(planUrl, { ...plan, version: '0' })).statusCode, 303);
    assertIncludes(pageText((await dirB.get(`/${b.slug}/wymiana/rundy/${roundId}`)).body), 'Skrócić oczekiwanie na usługi opiekuńcze do 14 dni.');
    const seenByA = pageText((await dirA.get(`/${a.slug}/wymiana/rundy/${roundId}`)).body);
    assert.ok(!seenByA.includes('Skrócić oczekiwanie'), 'an unshared plan stays the member’s');
    assertIncludes(seenByA, 'Żadna inna gmina nie udostępniła jeszcze planu po tej rundzie.');

    // Shared: A's delegate reads it under B's name, each action on its own line.
    assert.equal((await dirB.post(planUrl, { ...plan, shared: '1', version: '1' })).statusCode, 303);
    const shared = (await dirA.get(`/${a.slug}/wymiana/rundy/${roundId}`)).body;
    assertIncludes(pageText(shared), `${b.name} Czego się nauczyliśmy i od kogo Od Gminy Planującej: dyżury opiekunek w soboty.`);
    assert.match(shared, /<li>Dyżur sobotni — kierowniczka działu — do marca<\/li>\s*<li>Nabór opiekunek — CUS — do czerwca<\/li>/);

    // Someone saved in between: 409, the saved plan shown, what was typed kept.
    const stale = await dirB.post(planUrl, { ...plan, goals: 'Inne cele wpisane w drugiej karcie.', shared: '1', version: '1' });
    assert.equal(stale.statusCode, 409);
    assertIncludes(pageText(stale.body), CONFLICT);
    assertIncludes(stale.body, 'Inne cele wpisane w drugiej karcie.');
    const [row] = await ownerQuery<{ goals: string; shared: boolean; version: number }>(h, 'SELECT goals, shared, version FROM exchange_improvement_plans WHERE municipality_id = $1', [b.id]);
    assert.deepEqual(row, { goals: plan.goals, shared: true, version: 2 });

    // Withdrawn from the group: hidden from A at once.
    assert.equal((await dirB.post(planUrl, { ...plan, version: '2' })).statusCode, 303);
    assert.ok(!pageText((await dirA.get(`/${a.slug}/wymiana/rundy/${roundId}`)).body).includes('Skrócić oczekiwanie'));
  });

  test('leaving: asked first, the member’s shared values stop crossing at once, the convener stays, nobody else decides', async () => {
    const a = await makeMunicipality(h.db, 'Gmina Zwołująca');
    const b = await makeMunicipality(h.db, 'Gmina Odchodząca');
    const { c: dirA, user: dirAUser } = await person(h, a, ['director']);
    const { c: dirB, user: dirBUser } = await person(h, b, ['director']);
    const { c: coordinatorB } = await person(h, b, ['coordinator']);
    const id = await groupOf(h, { m: a, c: dirA }, { m: b, c: dirB });
    await services(h, b, 6);
    const roundId = await delegatesAndRound(h, id, { m: a, c: dirA, user: dirAUser }, { m: b, c: dirB, user: dirBUser });
    await dirB.post(`/${b.slug}/wymiana/grupy/${id}/udostepnianie`, { indicators: ['services_per_1000'], version: '1' });
    assert.equal((await dirB.post(`/${b.slug}/wymiana/rundy/${roundId}/wyniki`)).statusCode, 303);
    assert.equal((await visibleSnapshots(h, a, dirAUser.id, b)).length, 1, 'B’s shared value crosses before B leaves');
    const leaveUrl = `/${b.slug}/wymiana/grupy/${id}/wystapienie`;

    // The group page offers it to B's director; the confirmation page says what happens.
    assert.match((await dirB.get(`/${b.slug}/wymiana/grupy/${id}`)).body, new RegExp(`href="${leaveUrl}"`));
    const ask = pageText((await dirB.get(leaveUrl)).body);
    assertIncludes(ask, 'Wystąpić z grupy „Usługi opiekuńcze”?');
    assertIncludes(ask, 'pozostałe gminy od razu przestaną je widzieć');
    // Skipping the confirmation, or a coordinator of B, or an outsider: nothing happens.
    assert.equal((await dirB.post(leaveUrl, {})).statusCode, 422);
    assert.equal((await coordinatorB.post(leaveUrl, { confirmed: 'yes' })).statusCode, 403);
    assert.equal((await dirA.post(`/${b.slug}/wymiana/grupy/${id}/wystapienie`, { confirmed: 'yes' })).statusCode, 403, 'A has no role in B');
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM exchange_members WHERE municipality_id = $1', [b.id])).length, 1);

    // The convener cannot leave: told why, in Polish and as a stable code.
    assertIncludes(pageText((await dirA.get(`/${a.slug}/wymiana/grupy/${id}/wystapienie`)).body), 'Gmina zwołała tę grupę, więc nie może z niej wystąpić');
    const convener = await dirA.post(`/${a.slug}/wymiana/grupy/${id}/wystapienie`, { confirmed: 'yes' }, { headers: { accept: 'application/json' } });
    assert.equal(convener.statusCode, 409);
    assert.equal((JSON.parse(convener.body) as { error: { code: string } }).error.code, 'exchange.convener_stays');

    // B leaves: its rows are gone, A's delegate no longer sees B's value, and B sees the group as an invitation again.
    const left = await dirB.post(leaveUrl, { confirmed: 'yes' });
    assert.equal(left.statusCode, 303);
    assert.equal(left.headers.location, `/${b.slug}/wymiana`);
    for (const table of ['exchange_members', 'exchange_delegates', 'exchange_sharing', 'exchange_snapshots']) {
      assert.equal((await ownerQuery(h, `SELECT 1 FROM ${table} WHERE municipality_id = $1`, [b.id])).length, 0, table);
    }
    assert.deepEqual(await visibleSnapshots(h, a, dirAUser.id, b), []);
    assert.ok(!pageText((await dirA.get(`/${a.slug}/wymiana/rundy/${roundId}`)).body).includes(b.name));
    // On A's group page B is back among the invited, not the members.
    assertIncludes(pageText((await dirA.get(`/${a.slug}/wymiana/grupy/${id}`)).body), `Gminy w grupie ${a.name} Zaproszone, jeszcze nie przystąpiły: ${b.name}`);
    assertIncludes(pageText((await dirB.get(`/${b.slug}/wymiana`)).body), `Usługi opiekuńcze — zaprasza: ${a.name}`);
    assert.equal((await dirB.get(`/${b.slug}/wymiana/rundy/${roundId}`)).statusCode, 404, 'the group’s rounds are its members’ only');
    const [entry] = await ownerQuery<{ action: string }>(h, "SELECT action FROM audit_log WHERE municipality_id = $1 AND action = 'exchange.left'", [b.id]);
    assert.equal(entry?.action, 'exchange.left');
  });
});
