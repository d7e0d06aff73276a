import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { TestUser } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { referralMunicipality, type Place } from './referrals-helpers';
import {
  alsoMemberOf, caseDue, cardsOf, countOf, glassGrant, invitation, meeting, member, pendingOrganisation, planOf, referralTo, waitingApplication,
} from './start-helpers';
import { ownerQuery } from '../support/db';

/**
 * Each module's "needs me now" counts on the start page, against rows inserted with known dates: the
 * right number for the person's role, nothing of another municipality, nothing of another person.
 */
describeEachEngine('start cards', (h) => {
  let a: Place;
  let b: Place;
  let m: MunicipalityRow;
  let resident: TestUser;
  let neighbour: TestUser;
  let coordinator: TestUser;
  let colleague: TestUser;
  let director: TestUser;
  let ngo: TestUser;

  before(async () => {
    a = await referralMunicipality(h, 'Gmina Startowa');
    b = await referralMunicipality(h, 'Gmina Sąsiednia');
    m = a.m;
    resident = await member(h, m, ['resident']);
    neighbour = await member(h, m, ['resident']);
    coordinator = await member(h, m, ['coordinator']);
    colleague = await member(h, m, ['coordinator']);
    director = await member(h, m, ['director']);
    ngo = await member(h, m, ['ngo_member']);
    await ownerQuery(h, "INSERT INTO organisation_members (municipality_id, organisation_id, user_id, role) VALUES ($1, $2, $3, 'member')", [m.id, a.orgId, ngo.id]);
    // The same people in the neighbouring municipality, with rows of their own there that must not count here.
    await alsoMemberOf(h, b.m, resident, ['resident']);
    await alsoMemberOf(h, b.m, coordinator, ['coordinator']);
    await alsoMemberOf(h, b.m, ngo, ['ngo_member']);
  });

  test('applications: the resident sees their own queued applications and nearest place; the coordinator new and waiting ones', async () => {
    await waitingApplication(h, m, resident, { position: 5, daysAgo: 20 });
    await waitingApplication(h, m, resident, { position: 3, daysAgo: 2 });
    await waitingApplication(h, m, resident, { position: 1, daysAgo: 1, status: 'accepted' });
    await waitingApplication(h, m, neighbour, { position: 1, daysAgo: 1 });
    await waitingApplication(h, b.m, resident, { position: 1, daysAgo: 1 });

    const mine = await cardsOf(h, m, resident, ['resident']);
    const queued = mine.find((c) => c.label === 'applications.start.in_queue_place');
    assert.deepEqual([queued?.count, queued?.params?.place], [2, 3], 'two of mine wait here, the nearest at place 3; the accepted one and the neighbour’s do not count');
    assert.equal(countOf(await cardsOf(h, b.m, resident, ['resident']), 'resident', 'applications.start.in_queue_place'), 1, 'the other municipality counts only its own');

    const work = await cardsOf(h, m, coordinator, ['coordinator']);
    assert.equal(countOf(work, 'coordinator', 'applications.start.new'), 2, 'submitted within 7 days and still waiting');
    assert.equal(countOf(work, 'coordinator', 'applications.start.waiting'), 3);
    assert.equal(countOf(await cardsOf(h, m, resident, ['resident']), 'coordinator', 'applications.start.new'), undefined, 'a resident gets no staff card');
  });

  test('plans: the coordinator’s own deadlines, the resident’s plan in force, the director’s plans to approve (never one’s own)', async () => {
    const due = await caseDue(h, m, coordinator, { resident, dueInDays: 3 });
    await caseDue(h, m, coordinator, { dueInDays: 20 });
    const overdue = await caseDue(h, m, coordinator, { dueInDays: -2 });
    await caseDue(h, m, colleague, { dueInDays: 1 });
    await caseDue(h, b.m, coordinator, { dueInDays: 1 });
    const inForce = await caseDue(h, m, coordinator, { resident });
    await planOf(h, m, inForce.caseId, coordinator, { status: 'approved', endsInDays: 10, approver: director });
    const neighbours = await caseDue(h, m, colleague, { resident: neighbour });
    await planOf(h, m, neighbours.caseId, colleague, { status: 'approved', endsInDays: 100, approver: director });
    await planOf(h, m, overdue.caseId, coordinator, { status: 'submitted' });
    const elsewhere = await caseDue(h, b.m, coordinator);
    await planOf(h, b.m, elsewhere.caseId, coordinator, { status: 'submitted' });

    const work = await cardsOf(h, m, coordinator, ['coordinator']);
    assert.equal(countOf(work, 'coordinator', 'care_plans.start.due'), 2, 'due in 3 days and 2 days past; not in 20 days, not the colleague’s, not elsewhere');
    assert.equal(countOf(work, 'coordinator', 'care_plans.start.expiring'), 1);
    assert.equal(countOf(work, 'coordinator', 'care_plans.start.to_approve'), 0, 'nobody approves their own plan');
    assert.equal(countOf(await cardsOf(h, m, director, ['director']), 'director', 'care_plans.start.to_approve'), 1);
    assert.equal(countOf(await cardsOf(h, m, resident, ['resident']), 'resident', 'care_plans.start.mine'), 1, 'the neighbour’s plan is not mine');
    assert.equal(countOf(await cardsOf(h, m, colleague, ['coordinator']), 'coordinator', 'care_plans.start.due'), 1);
    void due;
  });

  test('referrals: the organisation’s to answer, the resident’s open ones, the coordinator’s overdue ones', async () => {
    const mine = await caseDue(h, m, coordinator, { resident });
    const theirs = await caseDue(h, m, colleague, { resident: neighbour });
    await referralTo(h, m, mine, a.orgId, { status: 'sent', respondInDays: -1 });
    await referralTo(h, m, mine, a.otherOrgId, { status: 'sent', respondInDays: 5 });
    await referralTo(h, m, mine, a.orgId, { status: 'accepted', respondInDays: -3 });
    await referralTo(h, m, theirs, a.orgId, { status: 'sent', respondInDays: -4 });
    const elsewhere = await caseDue(h, b.m, coordinator, { resident });
    await referralTo(h, b.m, elsewhere, b.orgId, { status: 'sent', respondInDays: -1 });

    assert.equal(countOf(await cardsOf(h, m, ngo, ['ngo_member']), 'ngo_member', 'referrals.start.to_answer'), 2, 'sent to my organisation; not accepted, not another organisation’s');
    assert.equal(countOf(await cardsOf(h, b.m, ngo, ['ngo_member']), 'ngo_member', 'referrals.start.to_answer'), 0, 'not a member of the other municipality’s organisation');
    assert.equal(countOf(await cardsOf(h, m, resident, ['resident']), 'resident', 'referrals.start.mine'), 3);
    assert.equal(countOf(await cardsOf(h, m, coordinator, ['coordinator']), 'coordinator', 'referrals.start.overdue'), 1, 'only my cases');
    assert.equal(countOf(await cardsOf(h, m, director, ['director']), 'director', 'referrals.start.overdue'), 2, 'the director sees every case');
  });

  test('meetings: invitations still to answer (own and the organisation’s), meetings I go to, the organiser’s coming meetings', async () => {
    const organiser = await member(h, m, ['community_organiser']);
    const before = countOf(await cardsOf(h, m, organiser, ['community_organiser']), 'community_organiser', 'meetings.start.coming');
    const soon = await meeting(h, m, 1);
    const later = await meeting(h, m, 10);
    const far = await meeting(h, m, 40);
    const cancelled = await meeting(h, m, 2, true);
    const past = await meeting(h, m, -3);
    await invitation(h, m, soon, { user: resident });
    await invitation(h, m, later, { user: resident }, 'yes');
    await invitation(h, m, cancelled, { user: resident });
    await invitation(h, m, past, { user: resident });
    await invitation(h, m, far, { user: neighbour });
    await invitation(h, m, soon, { organisationId: a.orgId });
    await invitation(h, m, later, { organisationId: a.otherOrgId });
    await invitation(h, b.m, await meeting(h, b.m, 1), { user: resident });

    const mine = await cardsOf(h, m, resident, ['resident']);
    assert.equal(countOf(mine, 'resident', 'meetings.start.invitations'), 1, 'not the cancelled, the past, the answered or another person’s');
    assert.equal(countOf(mine, 'resident', 'meetings.start.going'), 1);
    assert.equal(countOf(await cardsOf(h, m, ngo, ['ngo_member']), 'ngo_member', 'meetings.start.org_invitations'), 1);
    assert.equal(countOf(await cardsOf(h, m, organiser, ['community_organiser']), 'community_organiser', 'meetings.start.coming'), (before ?? 0) + 2, 'within 14 days, planned');
  });

  test('organisations, glass grants: the representative’s registrations being verified, the organiser’s and the auditor’s queues', async () => {
    const organiser = await member(h, m, ['community_organiser']);
    const auditor = await member(h, m, ['auditor']);
    const toVerify = () => cardsOf(h, m, organiser, ['community_organiser']).then((c) => countOf(c, 'community_organiser', 'organisations.start.to_verify') ?? -1);
    const before = await toVerify();
    await pendingOrganisation(h, m, ngo);
    await pendingOrganisation(h, b.m);
    assert.equal(await toVerify(), before + 1);
    // Every role holding organisations.manage counts them — the director too — in one section only.
    const director = await member(h, m, ['director']);
    assert.equal(countOf(await cardsOf(h, m, director, ['director']), 'director', 'organisations.start.to_verify'), before + 1);
    const both = await cardsOf(h, m, director, ['community_organiser', 'director']);
    assert.deepEqual(both.filter((c) => c.label === 'organisations.start.to_verify').map((c) => c.role), ['community_organiser']);
    assert.equal(countOf(await cardsOf(h, m, auditor, ['auditor']), 'auditor', 'organisations.start.to_verify'), undefined, 'the auditor may not verify');
    const rep = await cardsOf(h, m, ngo, ['ngo_member']);
    assert.deepEqual([countOf(rep, 'ngo_member', 'organisations.start.mine'), countOf(rep, 'ngo_member', 'organisations.start.pending')], [2, 1]);

    const glass = () => cardsOf(h, m, auditor, ['auditor']).then((c) => countOf(c, 'auditor', 'cases.start.glass'));
    assert.equal(await glass(), 0);
    await glassGrant(h, m, (await caseDue(h, m, coordinator)).caseId, colleague);
    await glassGrant(h, b.m, (await caseDue(h, b.m, coordinator)).caseId, colleague);
    assert.equal(await glass(), 1);
  });

  test('someone with several roles gets each role’s cards, each in its own section', async () => {
    const both = await member(h, m, ['resident', 'coordinator']);
    const cards = await cardsOf(h, m, both, ['resident', 'coordinator']);
    assert.ok(cards.some((c) => c.role === 'resident' && c.label === 'applications.start.apply'));
    assert.ok(cards.some((c) => c.role === 'coordinator' && c.label === 'applications.start.waiting'));
    assert.ok(cards.every((c) => c.role === 'resident' || c.role === 'coordinator'));
  });
});
