/**
 * Real records in a municipality for the probes: the demo catalogue and registry of organisations
 * (A) or a small catalogue of its own (B), records the public must not see (a suspended and a closed
 * service, a draft programme, a registration awaiting verification, staff invitations, an audit
 * entry, catalogue history), and the ids route parameters take (the rest are read off A's pages).
 */
import { audit } from '../src/platform/audit/audit';
import { newToken } from '../src/platform/auth/tokens';
import type { Database, Sql } from '../src/platform/db/types';
import type { MunicipalityRow } from '../src/platform/tenancy/repository';
import { seedActionPlanFixtures } from '../src/modules/action-plan';
import { seedApplicationFixtures } from '../src/modules/applications';
import { seedCatalogFixtures } from '../src/modules/catalog';
import { seedMeetingFixtures } from '../src/modules/meetings';
import { seedOrganisationFixtures } from '../src/modules/organisations';
import { inviteStaff } from '../src/modules/staff';
import { myDataIds, myDataText } from './world-seed-my-data';
import { seedVenueFixtures } from '../src/modules/venues';
import type { TestClient } from '../test/support/client';
import { uniq, type TestUser } from '../test/support/factories';
import { referralIds, referralText } from './world-seed-referrals';
import { caseIds } from './world-seed-cases';
import { announcementIds, announcementText } from './world-seed-announcements';
import { budgetIds } from './world-seed-budget';
import { commissioningIds } from './world-seed-commissioning';
import { diagnosisIds } from './world-seed-diagnosis';
import { exchangeIds } from './world-seed-exchange';
import { consultationAnonymousNames, consultationIds } from './world-seed-consultations';
import { surveyIds, surveyTexts } from './world-seed-surveys';
import { carePlanIds, carePlanText } from './world-seed-care-plans';

export interface Seeded {
  /**
   * A real id (or token) for each route parameter, keyed by the route's path up to it, e.g.
   * `catalog/services/:id`. The open-data ids (derived, not stored) are read from the API after seeding.
   */
  ids: Record<string, string>;
  /** Text only A's staff may see. */
  privateMarkers: string[];
  /** Text of the public catalogue. */
  publicMarkers: string[];
  /** Invited e-mail addresses: an invitation's page shows its address to whoever holds its link. */
  invitees: string[];
}

const one = async <T extends object>(sql: Sql, text: string, params: unknown[]): Promise<T> => {
  const [row] = await sql.query<T>(text, params);
  if (!row) throw new Error(`no row: ${text.slice(0, 60)}`);
  return row;
};

async function smallCatalogue(sql: Sql, m: MunicipalityRow, tag: string): Promise<void> {
  const p = await one<{ id: string }>(sql, "INSERT INTO providers (municipality_id, name, kind) VALUES ($1, $2, 'cus_unit') RETURNING id", [m.id, `Dostawca ${tag}`]);
  const l = await one<{ id: string }>(
    sql,
    `INSERT INTO locations (municipality_id, provider_id, name, street, postal_code, city) VALUES ($1, $2, $3, 'ul. Polna 1', '00-001', 'Miasto') RETURNING id`,
    [m.id, p.id, `Miejsce ${tag}`],
  );
  await sql.query('INSERT INTO opening_hours (municipality_id, location_id, weekday, opens, closes) VALUES ($1, $2, 1, $3, $4)', [m.id, l.id, '08:00', '16:00']);
  const s = await one<{ id: string }>(sql, "INSERT INTO services (municipality_id, provider_id, name, area) VALUES ($1, $2, $3, 'health') RETURNING id", [m.id, p.id, `Usługa ${tag}`]);
  await sql.query('INSERT INTO service_locations (municipality_id, service_id, location_id) VALUES ($1, $2, $3)', [m.id, s.id, l.id]);
  await sql.query(
    "INSERT INTO programmes (municipality_id, name, period_from, period_to, resolution_number, resolution_date, status) VALUES ($1, $2, '2026-01-01', '2027-12-31', 'I/1/2026', '2026-01-01', 'adopted')",
    [m.id, `Program ${tag}`],
  );
}

/**
 * `full`: the demo catalogue and registry of organisations (`representative` registered and
 * administers the federation), else a small catalogue of the municipality's own.
 */
export async function seedMunicipality(
  db: Database,
  m: MunicipalityRow,
  opts: { admin: TestUser; adminLabel: string; full: boolean; representative: TestUser },
): Promise<Seeded> {
  const tag = uniq();
  const hidden = { suspended: `Usługa wstrzymana ${tag}`, closed: `Usługa zamknięta ${tag}`, draft: `Projekt programu ${tag}`, auditNote: `wpis-dziennika-${tag}` };
  const ctx = { municipalityId: m.id, userId: opts.admin.id };
  const actor = { userId: opts.admin.id, label: opts.admin.email, ip: '10.255.0.1', userAgent: 'probe', requestId: `seed-${tag}` };

  await db.tx(ctx, async (sql) => {
    if (opts.full) {
      await seedCatalogFixtures(sql, m.id);
      await seedOrganisationFixtures(sql, m.id, { representative: opts.representative.id });
      await seedVenueFixtures(sql, m.id, { representative: opts.representative.id, organiser: opts.admin.id });
      await seedActionPlanFixtures(sql, m.id);
      await seedMeetingFixtures(sql, m.id);
      // The representative applies for herself and her mother; the rest are registered by staff.
      await seedApplicationFixtures(sql, m.id, { resident: opts.representative.id, coordinator: opts.admin.id });
    } else await smallCatalogue(sql, m, `gminy ${tag}`);
    const provider = await one<{ id: string }>(sql, 'SELECT id FROM providers WHERE municipality_id = $1 ORDER BY name LIMIT 1', [m.id]);
    for (const [name, status] of [[hidden.suspended, 'suspended'], [hidden.closed, 'closed']]) {
      await sql.query("INSERT INTO services (municipality_id, provider_id, name, area, status) VALUES ($1, $2, $3, 'housing', $4)", [m.id, provider.id, name, status]);
    }
    const draft = await one<{ id: string }>(
      sql,
      "INSERT INTO programmes (municipality_id, name, period_from, period_to, status) VALUES ($1, $2, '2028-01-01', '2029-12-31', 'draft') RETURNING id",
      [m.id, hidden.draft],
    );
    // A draft for the next period naturally includes services that are public today.
    await sql.query(
      `INSERT INTO programme_services (municipality_id, programme_id, service_id)
       SELECT municipality_id, $2, id FROM services WHERE municipality_id = $1 ORDER BY name`,
      [m.id, draft.id],
    );
    // The place of the service the public pages are read for: what is done to the place shows there.
    const location = await one<{ id: string }>(
      sql,
      `SELECT sl.location_id AS id FROM services s JOIN service_locations sl ON sl.municipality_id = s.municipality_id AND sl.service_id = s.id
       WHERE s.municipality_id = $1 AND s.status = 'active' ORDER BY s.name LIMIT 1`,
      [m.id],
    );
    await sql.query("INSERT INTO opening_exceptions (municipality_id, location_id, day, closed, note) VALUES ($1, $2, '2030-05-02', true, 'Dzień wolny')", [m.id, location.id]);
    await sql.query("INSERT INTO units (municipality_id, name, description) VALUES ($1, $2, 'Dział obsługi mieszkańców')", [m.id, `Dział ${tag}`]);
    await audit(sql, m.id, actor, { action: 'probe.seeded', subjectType: 'probe', subjectId: tag, details: { note: hidden.auditNote } });
    const service = await one<{ id: string; name: string }>(sql, "SELECT id, name FROM services WHERE municipality_id = $1 AND status = 'suspended'", [m.id]);
    await sql.query(
      "INSERT INTO catalog_history (municipality_id, entity_type, entity_id, version, changed_by, changed_by_label, snapshot) VALUES ($1, 'service', $2, 1, $3, $4, $5)",
      [m.id, service.id, opts.admin.id, opts.adminLabel, JSON.stringify({ name: service.name })],
    );
  });

  const deps = { db, publicUrl: 'http://localhost:3000' };
  const invited = [`zaproszenie-${tag}-1@example.pl`, `zaproszenie-${tag}-2@example.pl`];
  const links: string[] = [];
  for (const email of invited) links.push((await inviteStaff(deps, ctx, m, { email, roles: ['coordinator'], locale: 'pl' }, actor)).link!);

  return db.tx(ctx, async (sql) => {
    const active = await one<{ id: string; provider_id: string }>(
      sql,
      `SELECT s.id, s.provider_id FROM services s JOIN service_locations sl ON sl.municipality_id = s.municipality_id AND sl.service_id = s.id
       WHERE s.municipality_id = $1 AND s.status = 'active' ORDER BY s.name LIMIT 1`,
      [m.id],
    );
    const q = (text: string) => one<{ id: string }>(sql, text, [m.id]).then((r) => r.id);
    const exception = await one<{ id: string; location_id: string }>(sql, 'SELECT id, location_id FROM opening_exceptions WHERE municipality_id = $1', [m.id]);
    const invitation = await one<{ id: string }>(sql, 'SELECT id FROM invitations WHERE municipality_id = $1 AND email = $2', [m.id, invited[0]]);
    const ids: Record<string, string> = {
      'services/:id': active.id,
      'programme/:id': await q("SELECT id FROM programmes WHERE municipality_id = $1 AND status = 'adopted' LIMIT 1"),
      'hsds/services/:id': active.id,
      'hsds/organizations/:id': active.provider_id,
      'catalog/services/:id': await q("SELECT id FROM services WHERE municipality_id = $1 AND status = 'suspended'"),
      'catalog/providers/:id': active.provider_id,
      'catalog/locations/:id': exception.location_id,
      'catalog/locations/:id/exceptions/:exceptionId': exception.id,
      'catalog/programmes/:id': await q("SELECT id FROM programmes WHERE municipality_id = $1 AND status = 'draft'"),
      'staff/invitations/:id': invitation.id,
      'invitations/:token': links[1]!.split('/').pop()!,
    };
    // The adopted demo action plan (public), its first goal and that goal's first action.
    const actionPlan = opts.full ? await one<{ plan: string; goal: string; action: string }>(
      sql,
      `SELECT p.id AS plan, g.id AS goal, a.id AS action FROM action_plans p
       JOIN action_plan_goals g ON g.municipality_id = p.municipality_id AND g.plan_id = p.id
       JOIN action_plan_actions a ON a.municipality_id = g.municipality_id AND a.goal_id = g.id
       WHERE p.municipality_id = $1 AND p.status = 'adopted' ORDER BY g.position, a.position LIMIT 1`,
      [m.id],
    ) : undefined;
    if (actionPlan) {
      ids['action-plans/:id'] = actionPlan.plan;
      ids['action-plans/:id/goals/:goalId'] = actionPlan.goal;
      ids['action-plans/:id/actions/:actionId'] = actionPlan.action;
    }
    // The MAL's venue, a room, and a request waiting for staff; what bookings are for only staff and the requester see.
    const venue = opts.full
      ? await one<{ venue: string; room: string; booking: string }>(
          sql,
          `SELECT r.venue_id AS venue, r.id AS room, b.id AS booking FROM room_bookings b JOIN venue_rooms r ON r.municipality_id = b.municipality_id AND r.id = b.room_id
           WHERE b.municipality_id = $1 AND b.status = 'requested' ORDER BY b.created_at LIMIT 1`,
          [m.id],
        )
      : undefined;
    if (venue) Object.assign(ids, { 'venues/:id': venue.venue, 'venues/rooms/:id': venue.room, 'venues/bookings/:id': venue.booking });
    if (opts.full) Object.assign(ids, await meetingIds(sql, m, opts.representative));
    if (opts.full) Object.assign(ids, await applicationIds(sql, m, opts.representative));
    if (opts.full) Object.assign(ids, await caseIds(sql, m, opts.representative));
    if (opts.full) Object.assign(ids, await referralIds(sql, m, opts.admin, opts.representative));
    if (opts.full) Object.assign(ids, await carePlanIds(sql, m, ids['cases/:caseId'], opts.representative));
    if (opts.full) Object.assign(ids, await myDataIds(sql, m, opts.representative));
    Object.assign(ids, await announcementIds(sql, m, opts.admin));
    // Small versions too: the consultation routes are called with real ids of A.
    Object.assign(ids, await consultationIds(sql, m, opts.admin));
    Object.assign(ids, await budgetIds(sql, m, opts.admin));
    Object.assign(ids, await surveyIds(sql, m));
    Object.assign(ids, await commissioningIds(sql, m, opts.admin));
    const diagnosis = await diagnosisIds(sql, m);
    Object.assign(ids, diagnosis.ids);
    Object.assign(ids, await exchangeIds(sql, m, opts.admin));
    const bookingTitles = opts.full ? await sql.query<{ name: string }>('SELECT DISTINCT title AS name FROM room_bookings WHERE municipality_id = $1', [m.id]) : [];
    const names = await sql.query<{ name: string }>(
      `SELECT name FROM services WHERE municipality_id = $1 AND status = 'active'
       UNION ALL SELECT name FROM providers WHERE municipality_id = $1 UNION ALL SELECT name FROM units WHERE municipality_id = $1`,
      [m.id],
    );
    // Registrations waiting for verification are shown to nobody but their registrant and staff.
    const waiting = opts.full ? await sql.query<{ name: string }>("SELECT name FROM organisations WHERE municipality_id = $1 AND status = 'pending'", [m.id]) : [];
    // Draft action plans are for staff only.
    const draftPlans = opts.full ? await sql.query<{ name: string }>("SELECT title AS name FROM action_plans WHERE municipality_id = $1 AND status = 'draft'", [m.id]) : [];
    // Residents' applications: who they are for and what is needed, for staff and the applicant only.
    const applicationText = opts.full
      ? await sql.query<{ name: string }>('SELECT DISTINCT beneficiary_name AS name FROM applications WHERE municipality_id = $1 UNION SELECT DISTINCT need FROM applications WHERE municipality_id = $1', [m.id])
      : [];
    // What providers were told of residents, outcomes and delivery notes: for A's people only.
    const referralNotes = opts.full ? await referralText(sql, m) : [];
    const documentNotes = opts.full ? await myDataText(sql, m) : [];
    const planNotes = opts.full ? await carePlanText(sql, m) : [];
    const announcementDrafts = await announcementText(sql, m);
    const anonymousAuthors = await consultationAnonymousNames(sql, m);
    const surveyAnswers = await surveyTexts(sql, m);
    return {
      ids,
      privateMarkers: [...Object.values(hidden), ...waiting.map((r) => r.name), ...draftPlans.map((r) => r.name), ...bookingTitles.map((r) => r.name), ...applicationText.map((r) => r.name), ...referralNotes, ...documentNotes, ...planNotes, ...announcementDrafts, ...anonymousAuthors, ...surveyAnswers, ...diagnosis.texts, ...invited],
      // Names without characters that pages escape, so that they can be looked for as they are.
      publicMarkers: [...new Set(names.map((r) => r.name).filter((n) => !/[&<>"']/.test(n)))],
      invitees: invited,
    };
  });
}

/**
 * A meeting with walk-ins and tasks, an invitation of the representative's federation (with an
 * answer link whose token is known here), and the representative's calendar feed.
 */
async function meetingIds(sql: Sql, m: MunicipalityRow, representative: TestUser): Promise<Record<string, string>> {
  const walkIn = await one<{ id: string; meeting_id: string }>(sql, 'SELECT id, meeting_id FROM meeting_attendance WHERE municipality_id = $1 AND invitation_id IS NULL LIMIT 1', [m.id]);
  const task = await one<{ id: string }>(sql, 'SELECT id FROM meeting_tasks WHERE municipality_id = $1 AND meeting_id = $2 LIMIT 1', [m.id, walkIn.meeting_id]);
  const invitation = await one<{ id: string }>(
    sql,
    `SELECT i.id FROM meeting_invitations i JOIN organisation_members om ON om.municipality_id = i.municipality_id AND om.organisation_id = i.organisation_id
     JOIN meetings mt ON mt.municipality_id = i.municipality_id AND mt.id = i.meeting_id
     WHERE i.municipality_id = $1 AND om.user_id = $2 ORDER BY mt.starts_at DESC LIMIT 1`,
    [m.id, representative.id],
  );
  const rsvp = newToken();
  await sql.query('UPDATE meeting_invitations SET token_hash = $3 WHERE municipality_id = $1 AND id = $2', [m.id, invitation.id, rsvp.hash]);
  const feed = newToken();
  await sql.query('INSERT INTO meeting_feeds (municipality_id, user_id, token_hash) VALUES ($1, $2, $3)', [m.id, representative.id, feed.hash]);
  return {
    'meetings/:id': walkIn.meeting_id,
    'meetings/:id/attendance/:attendanceId': walkIn.id,
    'meetings/:id/tasks/:taskId': task.id,
    'meetings/invitations/:id': invitation.id,
    'rsvp/:token': rsvp.token,
    'calendar/:token': feed.token,
  };
}

/** A service's queue, a waiting application of the representative (her own to withdraw), and a capacity period. */
async function applicationIds(sql: Sql, m: MunicipalityRow, representative: TestUser): Promise<Record<string, string>> {
  const mine = await one<{ id: string; service_id: string }>(
    sql,
    "SELECT id, service_id FROM applications WHERE municipality_id = $1 AND applicant_id = $2 AND status = 'waiting' ORDER BY submitted_at LIMIT 1",
    [m.id, representative.id],
  );
  const period = await one<{ id: string }>(sql, 'SELECT id FROM service_capacity WHERE municipality_id = $1 AND service_id = $2', [m.id, mine.service_id]);
  return {
    'applications/:id': mine.id,
    'applications/mine/:id': mine.id,
    'applications/services/:serviceId': mine.service_id,
    'applications/services/:serviceId/capacity/:id': period.id,
  };
}

/**
 * What only the app itself can make: an organisation's invitation (its token travels only by mail).
 * The federation's administrator invites someone through the members page's form, and another
 * organisation to the federation; the administrator asks for an auditor, which waits for the
 * director's confirmation (its link travels only by mail).
 */
export async function seedThroughApp(
  db: Database,
  m: MunicipalityRow,
  representative: { user: TestUser; client: TestClient },
  admin: { client: TestClient },
): Promise<string[]> {
  const [federation] = await db.ownerTx((sql) =>
    sql.query<{ id: string }>("SELECT id FROM organisations WHERE municipality_id = $1 AND registered_by = $2 AND status = 'verified'", [m.id, representative.user.id]),
  );
  if (!federation) throw new Error('no organisation administered by the representative');
  const email = `czlonek-${uniq()}@example.pl`;
  const res = await representative.client.post(`/${m.slug}/organisations/${federation.id}/invitations`, { email });
  if (res.statusCode !== 303) throw new Error(`inviting to the organisation: ${res.statusCode}`);
  const [candidate] = await db.ownerTx((sql) =>
    sql.query<{ id: string }>(
      `SELECT o.id FROM organisations o WHERE o.municipality_id = $1 AND o.status = 'verified' AND o.id <> $2
         AND NOT EXISTS (SELECT 1 FROM federation_members f WHERE f.municipality_id = o.municipality_id AND f.federation_id = $2 AND f.member_id = o.id)
       ORDER BY o.name LIMIT 1`,
      [m.id, federation.id],
    ),
  );
  if (!candidate) throw new Error('no organisation to invite to the federation');
  const joining = await representative.client.post(`/${m.slug}/organisations/${federation.id}/federation`, { member_id: candidate.id, since: '' });
  if (joining.statusCode !== 303) throw new Error(`inviting to the federation: ${joining.statusCode}`);
  // …and the representative's organisation is itself invited by another, so that its administrator has an invitation to decline.
  await db.ownerTx((sql) =>
    sql.query('INSERT INTO federation_invitations (municipality_id, federation_id, member_id, since) VALUES ($1, $2, $3, current_date)', [m.id, candidate.id, federation.id]),
  );
  const auditor = `audytor-${uniq()}@example.pl`;
  await admin.client.get(`/${m.slug}/staff`);
  const grant = await admin.client.post(`/${m.slug}/staff/invitations`, { email: auditor, roles: 'auditor' });
  if (grant.statusCode !== 303) throw new Error(`asking for an auditor: ${grant.statusCode}`);
  return [email, auditor];
}
