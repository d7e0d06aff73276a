import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generateApplications } from '../../bench/applications';
import { generateCases } from '../../bench/cases';
import { generateCatalogue, SIZES } from '../../bench/catalogue';
import { benchTotpSecret, CASEWORK, coordinatorEmail, generateCentre } from '../../bench/centre';
import { generate, townAt } from '../../bench/generator';
import { readMarker } from '../../bench/load';
import { generateMeetings, invitationTokenOf, INVITED_PER_MEETING, linkKeyOf, MEETINGS } from '../../bench/meetings';
import { generateOrganisations, ORGANISATIONS } from '../../bench/organisations';
import { generatePeople, GENERATED_PASSWORD, RESIDENTS, residentEmail } from '../../bench/people';
import { isValidNip, isValidRegon } from '../../src/modules/organisations';
import { verifyPassword } from '../../src/platform/auth/passwords';
import { hashToken } from '../../src/platform/auth/tokens';
import { STAFF_ROLES } from '../../src/platform/auth/roles';
import { SecretBox, totpCode, verifyTotp } from '../../src/platform/auth/totp';
import { openTestDb, testEngines, type OpenedDb } from '../support/engines';

const APP_SECRET = 'bench-generate-test-app-secret-0123456789';
const NOW = new Date('2026-11-20T12:00:00Z');

for (const engine of testEngines()) {
  describe(`bench generator [${engine}]`, () => {
    let opened: OpenedDb;
    before(async () => {
      opened = await openTestDb(engine);
    });
    after(async () => {
      await opened?.close();
    });

    test('loads a demo-size catalogue per municipality, with the marker', async () => {
      const result = await generate(opened.db, { size: 'demo', seed: 7, municipalities: 2, appSecret: APP_SECRET, now: NOW, quiet: true });
      assert.equal(result.municipalities.length, 2);
      const counts = await opened.db.ownerTx((sql) =>
        sql.query<{ municipality_id: string; services: number; providers: number; locations: number }>(
          `SELECT m.id AS municipality_id,
             (SELECT count(*)::int FROM services s WHERE s.municipality_id = m.id) AS services,
             (SELECT count(*)::int FROM providers p WHERE p.municipality_id = m.id) AS providers,
             (SELECT count(*)::int FROM locations l WHERE l.municipality_id = m.id) AS locations
           FROM municipalities m WHERE m.id = ANY($1::uuid[])`,
          [result.municipalities.map((m) => m.id)],
        ),
      );
      assert.equal(counts.length, 2);
      for (const c of counts) assert.deepEqual([c.services, c.providers, c.locations], [SIZES.demo.services, SIZES.demo.providers, SIZES.demo.locations]);
      await checkCasework(opened, result.municipalities[1]!.id, townAt(1).slug);
      assert.deepEqual(await readMarker(opened.db), { size: 'demo', seed: 7, municipalities: 2 });

      // Accounts: one staff member per staff role and the residents, confirmed, with the shared password.
      const people = await opened.db.ownerTx((sql) =>
        sql.query<{ role: string; n: number; verified: number }>(
          `SELECT mb.roles[1] AS role, count(*)::int AS n, count(u.email_verified_at)::int AS verified
           FROM memberships mb JOIN users u ON u.id = mb.user_id WHERE mb.municipality_id = $1 GROUP BY 1 ORDER BY 1`,
          [result.municipalities[1]!.id],
        ),
      );
      // One staff member per role; the casework's coordinators and their teams' supervisors are coordinators too.
      const staffOf = (role: string) => (role === 'coordinator' ? 1 + CASEWORK.demo.coordinators + CASEWORK.demo.teams : 1);
      assert.deepEqual(people, [...STAFF_ROLES.map((role) => ({ role, n: staffOf(role), verified: staffOf(role) })), { role: 'resident', n: RESIDENTS.demo, verified: RESIDENTS.demo }]
        .sort((x, y) => x.role.localeCompare(y.role)));
      const [resident] = await opened.db.ownerTx((sql) =>
        sql.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE email = $1', [residentEmail(townAt(1).slug, 0)]),
      );
      assert.ok(await verifyPassword(resident!.password_hash, GENERATED_PASSWORD), 'the documented password opens a generated account');

      // Organisations: every one with an administrator among the residents, identifiers that pass their checks.
      const orgs = await opened.db.ownerTx((sql) =>
        sql.query<{ nip: string | null; regon: string | null; kind: string; admins: number }>(
          `SELECT o.nip, o.regon, o.kind, (SELECT count(*)::int FROM organisation_members om
             WHERE om.municipality_id = o.municipality_id AND om.organisation_id = o.id AND om.role = 'admin') AS admins
           FROM organisations o WHERE o.municipality_id = $1`,
          [result.municipalities[1]!.id],
        ),
      );
      assert.equal(orgs.length, ORGANISATIONS.demo);
      assert.ok(orgs.every((o) => o.admins === 1), 'one administrator each');
      for (const o of orgs.filter((x) => x.kind !== 'informal_group')) assert.ok(isValidNip(o.nip!) && isValidRegon(o.regon!), `${o.nip} ${o.regon}`);

      // Meetings: planned, at an address, some past (answers, attendance, minutes), the rest ahead;
      // invitations only of verified organisations, one per organisation and meeting.
      const second = result.municipalities[1]!;
      const meetings = await opened.db.ownerTx((sql) =>
        sql.query<{ past: boolean; status: string; address: string; room_id: string | null; minutes: string; invited: number; answered: number; came: number }>(
          `SELECT m.starts_at < $2 AS past, m.status, m.address, m.room_id, m.minutes,
             (SELECT count(*)::int FROM meeting_invitations i WHERE i.municipality_id = m.municipality_id AND i.meeting_id = m.id) AS invited,
             (SELECT count(*)::int FROM meeting_invitations i WHERE i.municipality_id = m.municipality_id AND i.meeting_id = m.id AND i.response IS NOT NULL) AS answered,
             (SELECT count(*)::int FROM meeting_attendance a WHERE a.municipality_id = m.municipality_id AND a.meeting_id = m.id) AS came
           FROM meetings m WHERE m.municipality_id = $1`,
          [second.id, NOW],
        ),
      );
      assert.equal(meetings.length, MEETINGS.demo);
      assert.ok(meetings.every((m) => m.status === 'planned' && m.address !== '' && m.room_id === null && m.invited > 0), 'planned, at an address, with invitations');
      const past = meetings.filter((m) => m.past);
      assert.ok(past.length > 0 && past.length < meetings.length, `some past, some ahead (${past.length} of ${meetings.length} past)`);
      assert.ok(past.some((m) => m.answered > 0) && past.some((m) => m.came > 0) && past.every((m) => m.minutes !== ''), 'past meetings have answers, attendance and minutes');
      assert.ok(meetings.filter((m) => !m.past).every((m) => m.came === 0 && m.minutes === ''), 'no attendance ahead');
      const invitations = await opened.db.ownerTx((sql) =>
        sql.query<{ id: string; token_hash: string; email: string; verified: boolean; answers: number; response: string | null }>(
          `SELECT i.id, i.token_hash, i.email, o.status = 'verified' AS verified, i.answers, i.response
           FROM meeting_invitations i JOIN organisations o ON o.municipality_id = i.municipality_id AND o.id = i.organisation_id WHERE i.municipality_id = $1`,
          [second.id],
        ),
      );
      assert.equal(invitations.length, meetings.reduce((n, m) => n + m.invited, 0), 'every invitation is of an organisation');
      assert.ok(invitations.every((i) => i.verified), 'only verified organisations are invited');
      assert.ok(invitations.every((i) => (i.response === null) === (i.answers === 0)), 'answers counted');
      const [pairs] = await opened.db.ownerTx((sql) =>
        sql.query<{ n: number }>('SELECT count(DISTINCT (meeting_id, organisation_id))::int AS n FROM meeting_invitations WHERE municipality_id = $1', [second.id]),
      );
      assert.equal(pairs!.n, invitations.length, 'one invitation per organisation and meeting');
      // The answer link's token is made again from the id with the app's key; the app stores its hash.
      const key = linkKeyOf(APP_SECRET);
      for (const i of invitations) {
        const { token, hash } = invitationTokenOf(key, i.id);
        assert.equal(i.token_hash, hash);
        assert.equal(hashToken(token), i.token_hash);
      }
      assert.notEqual(invitationTokenOf(linkKeyOf(`${APP_SECRET}x`), invitations[0]!.id).hash, invitations[0]!.token_hash, 'another secret, another token');

      const first = result.municipalities[0]!;
      const stored = await opened.db.ownerTx((sql) =>
        sql.query<{ name: string }>('SELECT name FROM services WHERE municipality_id = $1 ORDER BY name COLLATE "C"', [first.id]),
      );
      const expected = generateCatalogue(first.id, townAt(0), 'demo', 7 * 1000).services.name as string[];
      assert.deepEqual(stored.map((r) => r.name), [...expected].sort());
    });

    test('casework in memory (town): exact counts, gapless queues, the same ids for the same seed', () => {
      const municipality = '00000000-0000-4000-8000-000000000001';
      const catalogue = generateCatalogue(municipality, townAt(0), 'town', 42);
      const people = generatePeople(municipality, townAt(0).slug, 'town', 42, 'hash');
      const make = () => {
        const { staffing } = generateCentre(municipality, townAt(0).slug, 'town', 42, 'hash', APP_SECRET);
        const apps = generateApplications(municipality, townAt(0).slug, 'town', 42, people, catalogue, staffing, NOW);
        return { apps, cases: generateCases(municipality, 42, apps.openings, people.users.id![0] as string, NOW) };
      };
      const a = make();
      const b = make();
      const n = CASEWORK.town;
      assert.equal(a.apps.applications.id!.length + a.apps.later_applications.id!.length, n.applications);
      assert.equal(a.cases.cases.id!.length, n.cases);
      assert.deepEqual(a.cases.cases.id, b.cases.cases.id);
      assert.deepEqual(a.apps.later_applications.queue_position, b.apps.later_applications.queue_position);
      const queues = new Map<string, number[]>();
      a.apps.later_applications.queue_position!.forEach((p, i) => {
        if (p !== null) queues.set(String(a.apps.later_applications.service_id![i]), [...(queues.get(String(a.apps.later_applications.service_id![i])) ?? []), p as number]);
      });
      assert.ok(queues.size > 1);
      for (const [, places] of queues) assert.deepEqual(places.sort((x, y) => x - y), places.map((_, i) => i + 1), 'places 1..n');
    });

    test('the same seed gives the same catalogue; another seed a different one', () => {
      const a = generateCatalogue('00000000-0000-4000-8000-000000000001', townAt(0), 'demo', 42);
      const b = generateCatalogue('00000000-0000-4000-8000-000000000001', townAt(0), 'demo', 42);
      const c = generateCatalogue('00000000-0000-4000-8000-000000000001', townAt(0), 'demo', 43);
      assert.deepEqual(a.services.name, b.services.name);
      assert.deepEqual(a.services.id, b.services.id);
      assert.notDeepEqual(a.services.name, c.services.name);
      assert.equal(a.services.name!.length, SIZES.demo.services);
    });

    test('metro: 5 000 organisations and at least 50 000 invitations, the same ids and tokens for the same seed', () => {
      const municipality = '00000000-0000-4000-8000-000000000001';
      const people = generatePeople(municipality, townAt(0).slug, 'metro', 42, 'hash');
      const organisations = generateOrganisations(municipality, townAt(0), 'metro', 42, people);
      const key = linkKeyOf(APP_SECRET);
      const a = generateMeetings(municipality, townAt(0), 'metro', 42, people, organisations, key, NOW);
      const b = generateMeetings(municipality, townAt(0), 'metro', 42, people, organisations, key, new Date(NOW.getTime() + 86_400_000 * 30));
      assert.equal(organisations.organisations.id!.length, 5_000);
      assert.equal(a.meetings.id!.length, MEETINGS.metro);
      const invited = a.meeting_invitations.id!.length;
      assert.ok(invited >= 50_000, `${invited} invitations`);
      assert.ok(invited <= MEETINGS.metro * INVITED_PER_MEETING.metro * 1.5);
      assert.deepEqual(a.meeting_invitations.id, b.meeting_invitations.id, 'ids do not depend on the day of generation');
      assert.deepEqual(a.meeting_invitations.token_hash, b.meeting_invitations.token_hash);
      assert.equal(new Set(a.meeting_invitations.token_hash).size, invited, 'every token is different');
      const verified = new Set((organisations.organisations.id as string[]).filter((_, i) => organisations.organisations.status![i] === 'verified'));
      assert.ok((a.meeting_invitations.organisation_id as string[]).every((id) => verified.has(id)));
      // Spread over the registry: most verified organisations get invitations.
      assert.ok(new Set(a.meeting_invitations.organisation_id).size > verified.size * 0.9);
      const c = generateMeetings(municipality, townAt(0), 'metro', 43, people, organisations, key, NOW);
      assert.notDeepEqual(a.meeting_invitations.id!.slice(0, 10), c.meeting_invitations.id!.slice(0, 10));
    });
  });
}

/** The generated casework of one demo municipality, against the schema's rules and the benchmark's needs. */
async function checkCasework(opened: OpenedDb, municipalityId: string, slug: string): Promise<void> {
  const q = <R extends object>(text: string) => opened.db.ownerTx((sql) => sql.query<R>(text, [municipalityId]));
  const n = CASEWORK.demo;
  const [counts] = await q<{ cases: number; applications: number; referrals: number; deliveries: number; teams: number }>(
    `SELECT (SELECT count(*)::int FROM cases WHERE municipality_id = $1) AS cases, (SELECT count(*)::int FROM applications WHERE municipality_id = $1) AS applications,
       (SELECT count(*)::int FROM referrals WHERE municipality_id = $1) AS referrals, (SELECT count(*)::int FROM referral_deliveries WHERE municipality_id = $1) AS deliveries,
       (SELECT count(*)::int FROM care_teams WHERE municipality_id = $1) AS teams`,
  );
  assert.deepEqual(counts, { cases: n.cases, applications: n.applications, referrals: n.referrals, deliveries: n.deliveries, teams: n.teams });
  // Every queue is 1..n; every case opens from an accepted application that names it; its coordinator is in its team.
  const [shape] = await q<{ gappy: number; unlinked: number; outside: number; delivering: number; consents: number; counters: number }>(
    `SELECT (SELECT count(*)::int FROM (SELECT service_id FROM applications WHERE municipality_id = $1 AND queue_position IS NOT NULL GROUP BY service_id
              HAVING max(queue_position) <> count(*) OR count(DISTINCT queue_position) <> count(*)) g) AS gappy,
       (SELECT count(*)::int FROM cases c JOIN applications a ON a.municipality_id = c.municipality_id AND a.id = c.opened_from
         WHERE c.municipality_id = $1 AND (a.status <> 'accepted' OR a.case_id IS DISTINCT FROM c.id OR a.applicant_id IS DISTINCT FROM c.resident_user_id)) AS unlinked,
       (SELECT count(*)::int FROM cases c WHERE c.municipality_id = $1 AND NOT EXISTS (SELECT 1 FROM care_team_members m
         WHERE m.municipality_id = c.municipality_id AND m.team_id = c.team_id AND m.user_id = c.coordinator_id)) AS outside,
       (SELECT count(*)::int FROM referral_deliveries d JOIN referrals r ON r.municipality_id = d.municipality_id AND r.id = d.referral_id
         WHERE d.municipality_id = $1 AND r.status NOT IN ('in_progress', 'completed')) AS delivering,
       (SELECT count(*)::int FROM referrals r JOIN application_consents k ON k.municipality_id = r.municipality_id AND k.id = r.consent_id
         WHERE r.municipality_id = $1 AND k.purpose = 'provider_sharing' AND k.application_id = r.application_id
           AND k.recipient_unit_id IS NOT DISTINCT FROM r.unit_id AND k.recipient_organisation_id IS NOT DISTINCT FROM r.organisation_id) AS consents,
       (SELECT count(*)::int FROM case_number_counters k WHERE k.municipality_id = $1 AND k.last_number =
         (SELECT count(*) FROM cases c WHERE c.municipality_id = $1 AND c.number LIKE 'CUS/' || k.year || '/%')) AS counters`,
  );
  assert.equal(shape!.gappy, 0, 'queues without gaps');
  assert.equal(shape!.unlinked, 0, 'cases open from their accepted applications, which name them');
  assert.equal(shape!.outside, 0, "coordinators are members of their case's team");
  assert.equal(shape!.delivering, 0, 'deliveries only of referrals in progress or completed');
  assert.equal(shape!.consents, n.referrals, 'each referral on a consent to share with its provider');
  assert.ok(shape!.counters > 0);
  // The coordinators log in with TOTP: the stored secret is the one made again from the e-mail.
  const [coordinator] = await opened.db.ownerTx((sql) =>
    sql.query<{ totp_secret_enc: string; totp_enabled_at: Date | null; supervises: boolean }>(
      `SELECT u.totp_secret_enc, u.totp_enabled_at, EXISTS (SELECT 1 FROM care_teams t WHERE t.supervisor_id = u.id) AS supervises FROM users u WHERE u.email = $1`,
      [coordinatorEmail(slug, 0)],
    ),
  );
  const secret = new SecretBox(APP_SECRET).open(coordinator!.totp_secret_enc);
  assert.equal(secret, benchTotpSecret(coordinatorEmail(slug, 0)));
  assert.ok(coordinator!.totp_enabled_at && verifyTotp(secret, totpCode(secret)) !== null);
  assert.equal(coordinator!.supervises, false, "a coordinator's own list is only their cases");
}
