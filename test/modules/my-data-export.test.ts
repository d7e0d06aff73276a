import assert from 'node:assert/strict';
import { test } from 'node:test';
import { audit } from '../../src/platform/audit/audit';
import { assertExcludes, assertIncludes } from '../support/assertions';
import { describeEachEngine } from '../support/harness';
import { assertTaggedPdf } from '../support/pdf-structure';
import { pdfText } from '../support/pdf-text';
import { catalogueMunicipality, coordinator } from './applications-helpers';
import { applied, auditOf, FULL, fullResident, openCase } from './my-data-helpers';
import { ownerQuery } from '../support/db';
import { pageText } from '../support/pages';
import { person } from '../support/people';

const NEIGHBOUR_NEED = 'Sąsiad potrzebuje transportu na rehabilitację we wtorki.';

describeEachEngine('my data: download and who read it', (h) => {
  test('data.json and data.pdf hold everything of the person and nothing of anyone else; the download is audited', async () => {
    const m = await catalogueMunicipality(h, 'Gmina Danych');
    const resident = await person(h, m, ['resident']);
    const neighbour = await person(h, m, ['resident']);
    const { user: coord } = await coordinator(h, m);
    const { user: approver } = await coordinator(h, m, ['director']);
    const full = await fullResident(h, m, { coord, approver, resident });
    const theirs = await applied(h, neighbour.c, m, { need: NEIGHBOUR_NEED, beneficiary_name: 'Bogdan Osnowski' });
    await openCase(h, m, { application: theirs, resident: neighbour.user, coordinator: coord, person: 'Bogdan Osnowski' });

    const res = await resident.c.get(`/${m.slug}/my/data.json`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="moje-dane-/);
    const data = res.json() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.equal(data.format, 'wspolnota.my-data/1');
    assert.equal(data.account.email, resident.user.email);
    assert.deepEqual(data.membership.roles, ['resident']);
    assert.equal(data.applications.length, 1);
    assert.equal(data.applications[0].need, FULL.need);
    assert.deepEqual(data.applications[0].consents.map((c: { purpose: string }) => c.purpose).sort(), ['cus_processing', 'provider_sharing']);
    assert.equal(data.applications[0].history[0].kind, 'submitted');
    assert.equal(data.cases[0].id, full.kase.id);
    assert.equal(data.cases[0].coordinator, `Osoba ${coord.email.slice(6, 14)}`);
    assert.equal(data.cases[0].unit.phone, '46 855 00 20');
    assert.equal(data.plans[0].goals[0].description, FULL.goal);
    assert.equal(data.plans[0].services[0].provider, 'Stowarzyszenie Lniany Krąg');
    assert.equal(data.plans[0].commitments[0].description, FULL.commitment);
    assert.equal(data.plans[0].reviews[0].note, FULL.review);
    assert.equal(data.plans[0].notes[0].body, FULL.note);
    assert.equal(data.referrals[0].id, full.referral);
    assert.equal(data.referrals[0].events[0].status_to, 'accepted');
    assert.equal(data.referrals[0].deliveries[0].note, FULL.delivery);
    assert.equal(data.referrals[0].deliveries[0].minutes, 90);
    assert.equal(data.documents[0].filename, 'wypis.pdf');
    assert.equal(data.documents[0].media_type, 'application/pdf');
    assert.ok(!('content' in data.documents[0]), 'metadata only');
    assert.ok(Array.isArray(data.reads));
    for (const foreign of [NEIGHBOUR_NEED, 'Bogdan Osnowski', neighbour.user.email]) assertExcludes(res.body, foreign, foreign);

    const pdf = await resident.c.get(`/${m.slug}/my/data.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    for (const heading of ['Moje dane w: Centrum Usług Społecznych', 'Konto', 'Moje wnioski', 'Moje sprawy', 'Mój plan usług (IPUS)', 'Moje skierowania', 'Moje dokumenty', 'Kto czytał moje dane']) {
      assertIncludes(text, heading, heading);
    }
    for (const own of [FULL.goal, FULL.commitment, FULL.delivery, 'wypis.pdf', full.kase.number, 'obowiązuje']) assertIncludes(text, own, own);
    assertTaggedPdf(pdf.rawPayload, { title: `Moje dane w: ${m.cus_name}`, lang: 'pl-PL', types: ['H2', 'H3', 'L', 'LI'] });
    for (const foreign of ['Bogdan Osnowski', 'rehabilitację']) assertExcludes(text, foreign, foreign);

    // Someone who does not belong to the municipality has nothing here: told how to join, nothing audited.
    const { c: outsider } = await person(h);
    for (const path of ['my', 'my/data.json', 'my/reads', 'my/consents', 'my/documents']) {
      const refused = await outsider.get(`/${m.slug}/${path}`);
      assert.equal(refused.statusCode, 403, path);
    }
    assert.match(pageText((await outsider.get(`/${m.slug}/my`)).body), /Nie należysz do tej gminy na platformie/);

    const downloads = await auditOf(h, m, 'my_data.download');
    assert.deepEqual(downloads.map((d) => [d.actor_user_id, d.subject_id, (d.details as { format?: string }).format]), [
      [resident.user.id, resident.user.id, 'json'],
      [resident.user.id, resident.user.id, 'pdf'],
    ]);
  });

  test('review 2 #8: the download holds every module\'s section of the person — meeting answers, bookings, memberships — and no draft plan', async () => {
    const m = await catalogueMunicipality(h, 'Gmina Sekcji');
    const resident = await person(h, m, ['resident']);
    const neighbour = await person(h, m, ['resident']);
    const { user: coord } = await coordinator(h, m);
    const { user: approver } = await coordinator(h, m, ['director']);
    const full = await fullResident(h, m, { coord, approver, resident });
    const DRAFT = 'Szkic kolejnej wersji: rozważyć dom pomocy społecznej';
    const [draft] = await ownerQuery<{ id: string }>(h,
      `INSERT INTO care_plans (municipality_id, case_id, revision, status, situation, valid_from, valid_until, author_id)
       VALUES ($1, $2, 2, 'draft', $3, current_date, current_date + 90, $4) RETURNING id`, [m.id, full.kase.id, DRAFT, coord.id]);
    await ownerQuery(h, 'INSERT INTO care_plan_goals (municipality_id, plan_id, position, description) VALUES ($1, $2, 1, $3)', [m.id, draft!.id, `${DRAFT} — cel`]);

    const NEEDS = 'Poruszam się na wózku, potrzebuję pętli indukcyjnej.';
    const [meeting] = await ownerQuery<{ id: string }>(h,
      "INSERT INTO meetings (municipality_id, title, address, starts_at, ends_at) VALUES ($1, 'Spotkanie sąsiedzkie Osady', 'ul. Dittricha 1', now() + interval '3 days', now() + interval '3 days 2 hours') RETURNING id", [m.id]);
    const invite = (u: { id: string; email: string }, needs: string) => ownerQuery(h,
      `INSERT INTO meeting_invitations (municipality_id, meeting_id, user_id, email, token_hash, chosen_by, response, people_count, accessibility_needs, responded_at, responded_by, answers)
       VALUES ($1, $2, $3, $4, $5, 'person', 'yes', 2, $6, now(), $3, 1)`, [m.id, meeting!.id, u.id, u.email, `hash-${u.id}`, needs]);
    await invite(resident.user, NEEDS);
    await invite(neighbour.user, 'Potrzebuję tłumacza PJM.');
    const [venue] = await ownerQuery<{ id: string }>(h, "INSERT INTO venues (municipality_id, name, street, city) VALUES ($1, 'MAL Resursa', 'ul. Dittricha 1', 'Żyrardów') RETURNING id", [m.id]);
    const [room] = await ownerQuery<{ id: string }>(h, "INSERT INTO venue_rooms (municipality_id, venue_id, name, capacity) VALUES ($1, $2, 'Sala kominkowa', 20) RETURNING id", [m.id, venue!.id]);
    const bookRoom = (u: { id: string }, title: string, days: number) => ownerQuery(h,
      `INSERT INTO room_bookings (municipality_id, room_id, requested_by, title, people, during)
       VALUES ($1, $2, $3, $4, 6, tstzrange(now() + make_interval(days => $5), now() + make_interval(days => $5, hours => 2)))`, [m.id, room!.id, u.id, title, days]);
    await bookRoom(resident.user, 'Próba chóru seniorów', 5);
    await bookRoom(neighbour.user, 'Urodziny sąsiada Bogdana', 6);
    const [org] = await ownerQuery<{ id: string }>(h,
      "INSERT INTO organisations (municipality_id, name, kind, spheres, email) VALUES ($1, 'Stowarzyszenie Przyjaciół Osady', 'association', ARRAY['social_assistance'], 'osada@example.org') RETURNING id", [m.id]);
    await ownerQuery(h, "INSERT INTO organisation_members (municipality_id, organisation_id, user_id, role) VALUES ($1, $2, $3, 'admin')", [m.id, org!.id, resident.user.id]);

    const res = await resident.c.get(`/${m.slug}/my/data.json`);
    assert.equal(res.statusCode, 200);
    const data = res.json() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.deepEqual(Object.keys(data).filter((k) => Array.isArray(data[k])).sort(),
      ['announcement_subscriptions', 'applications', 'bookings', 'cases', 'consultation_remarks', 'documents', 'meeting_answers', 'organisation_memberships', 'plans', 'reads', 'referrals', 'survey_responses']);
    assert.equal(data.applications[0].id, full.app);
    assert.equal(data.cases[0].id, full.kase.id);
    assert.deepEqual(data.plans.map((p: { id: string }) => p.id), [full.plan], 'the draft revision is not in the download');
    assert.equal(data.referrals[0].id, full.referral);
    assert.equal(data.documents[0].filename, 'wypis.pdf');
    assert.deepEqual(data.meeting_answers.map((a: { meeting: string; response: string; people_count: number; accessibility_needs: string }) => [a.meeting, a.response, a.people_count, a.accessibility_needs]),
      [['Spotkanie sąsiedzkie Osady', 'yes', 2, NEEDS]]);
    assert.deepEqual(data.bookings.map((b: { title: string; room: string; status: string }) => [b.title, b.room, b.status]), [['Próba chóru seniorów', 'Sala kominkowa', 'requested']]);
    assert.deepEqual(data.organisation_memberships.map((o: { organisation: string; role: string }) => [o.organisation, o.role]), [['Stowarzyszenie Przyjaciół Osady', 'admin']]);
    for (const foreign of [DRAFT, 'tłumacza PJM', 'Urodziny sąsiada']) assertExcludes(res.body, foreign, foreign);

    const pdf = await resident.c.get(`/${m.slug}/my/data.pdf`);
    assert.equal(pdf.statusCode, 200);
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    for (const own of ['Zaproszenia na spotkania', 'Spotkanie sąsiedzkie Osady', NEEDS, 'Moje rezerwacje', 'Próba chóru seniorów', 'Moje organizacje', 'Stowarzyszenie Przyjaciół Osady', FULL.goal]) assertIncludes(text, own, own);
    for (const foreign of [DRAFT, 'tłumacza PJM', 'Urodziny sąsiada']) assertExcludes(text, foreign, foreign);
  });

  test('who read my data: staff reads of my case and documents with who, what and why — not my own, not others’; 50 a page', async () => {
    const m = await catalogueMunicipality(h, 'Gmina Odczytów');
    const resident = await person(h, m, ['resident']);
    const neighbour = await person(h, m, ['resident']);
    const { user: coord, c: staff } = await coordinator(h, m);
    const { user: approver } = await coordinator(h, m, ['director']);
    const full = await fullResident(h, m, { coord, approver, resident });

    const empty = pageText((await resident.c.get(`/${m.slug}/my/reads`)).body);
    assert.match(empty, /Nikt z pracowników nie otwierał jeszcze Twoich danych/);

    // A staff read of the case's documents, a break-the-glass read with its grant's reason, and the resident's own read.
    assert.equal((await staff.get(`/${m.slug}/cases/${full.kase.id}/documents`)).statusCode, 200);
    const { user: glass } = await coordinator(h, m);
    const reason = 'Zastępstwo za koordynatorkę na urlopie — pilny telefon od córki.';
    await ownerQuery(h, "INSERT INTO case_access_grants (municipality_id, case_id, user_id, reason, expires_at) VALUES ($1, $2, $3, $4, now() + interval '1 day')", [m.id, full.kase.id, glass.id, reason]);
    const actor = (userId: string) => ({ userId, label: '', ip: '10.0.0.1', userAgent: 'test', requestId: 'r' });
    await h.db.tx({ municipalityId: m.id, userId: glass.id }, async (sql) => {
      await audit(sql, m.id, actor(glass.id), { action: 'case.read', subjectType: 'case', subjectId: full.kase.id, details: { cases: [full.kase.id], ids: [full.kase.id] } });
      await audit(sql, m.id, actor(resident.user.id), { action: 'case.read', subjectType: 'case', subjectId: full.kase.id, details: { cases: [full.kase.id], ids: [full.kase.id] } });
    });

    const page = pageText((await resident.c.get(`/${m.slug}/my/reads`)).body);
    const who = (u: { email: string }) => `Osoba ${u.email.slice(6, 14)}`;
    assert.match(page, new RegExp(`${who(glass)} koordynator usług sprawa ${full.kase.number} ${reason}`));
    assert.match(page, new RegExp(`${who(coord)} koordynator usług lista dokumentów sprawy ${full.kase.number} w ramach obowiązków`));
    assert.match(page, /2 odczyty/, 'the resident’s own read is not listed');
    assert.match(pageText((await neighbour.c.get(`/${m.slug}/my/reads`)).body), /Nikt z pracowników/);
    const hub = pageText((await resident.c.get(`/${m.slug}/my`)).body);
    assert.match(hub, /Pracownicy otworzyli Twoje dane 2 razy/);

    await h.db.tx({ municipalityId: m.id, userId: coord.id }, async (sql) => {
      for (let i = 0; i < 53; i++) await audit(sql, m.id, actor(coord.id), { action: 'plan.read', subjectType: 'care_plan', subjectId: full.plan, details: { cases: [full.kase.id], ids: [full.plan] } });
    });
    const first = await resident.c.get(`/${m.slug}/my/reads`);
    assert.equal((first.body.match(/<tr>/g) ?? []).length - 1, 50);
    assert.match(pageText(first.body), /55 odczytów/);
    const second = await resident.c.get(`/${m.slug}/my/reads?page=2`);
    assert.equal((second.body.match(/<tr>/g) ?? []).length - 1, 5);
    assert.match(pageText(second.body), new RegExp(reason));
    assert.equal((await resident.c.get(`/${m.slug}/my/reads?page=abc`)).statusCode, 200);
  });

  test('review 2 #3: data.pdf and data.json are limited per person (5 each in 10 minutes, then 429); a neighbour at the same address is not held back', async () => {
    const m = await catalogueMunicipality(h, 'Gmina Eksportów');
    const { c } = await person(h, m, ['resident']);
    const { c: neighbour } = await person(h, m, ['resident']);
    for (let i = 0; i < 5; i++) assert.equal((await c.get(`/${m.slug}/my/data.pdf`)).statusCode, 200, `data.pdf ${i + 1}`);
    const sixth = await c.get(`/${m.slug}/my/data.pdf`);
    assert.equal(sixth.statusCode, 429);
    assert.match(pageText(sixth.body), /Zbyt wiele żądań/);
    for (let i = 0; i < 5; i++) assert.equal((await c.get(`/${m.slug}/my/data.json`)).statusCode, 200, `data.json ${i + 1}`);
    assert.equal((await c.get(`/${m.slug}/my/data.json`)).statusCode, 429);
    assert.equal((await neighbour.get(`/${m.slug}/my/data.pdf`)).statusCode, 200);
    assert.equal((await auditOf(h, m, 'my_data.download')).length, 11, 'a refused download reads nothing');
  });
});
