import { invitationToken } from '../src/modules/meetings';
import { STAFF_ROLES } from '../src/platform/auth/roles';
import { derivedKey } from '../src/platform/auth/tokens';
import { TIME_ZONE } from '../src/platform/i18n';
import type { Columns, Town } from './catalogue';
import type { Organisations } from './organisations';
import type { People } from './people';
import { Random } from './random';
import { DISTRICTS, STREETS } from './words';

/** Meetings per municipality, by size: over about two years, a little under half of them past. */
export const MEETINGS = { demo: 10, town: 50, city: 200, metro: 1_000 } as const;
/** Organisations invited to one meeting on average (from half to one and a half times this), by size: metro ≈ 60 000 invitations. */
export const INVITED_PER_MEETING = { demo: 10, town: 25, city: 50, metro: 60 } as const;

/**
 * The APP_SECRET of the benchmark's app (bench/run.ts) and of databases generated with --database-url:
 * invitations' token hashes are derived from it, so the benchmark can make every invitation's answer
 * link again from its id. Not a secret: only for generated data.
 */
export const BENCH_APP_SECRET = 'wspolnota-bench-only-app-secret-not-for-production';

/** The key of links a module sends again (as src/app.ts derives it from APP_SECRET). */
export const linkKeyOf = (appSecret: string): Buffer => derivedKey(appSecret, 'module-links');

/** An invitation's answer link token (the part after /rsvp/) and the hash stored in meeting_invitations.token_hash. */
export const invitationTokenOf = (linkKey: Buffer, invitationId: string): { token: string; hash: string } => invitationToken({ linkKey }, invitationId);

export interface Meetings {
  meetings: Columns;
  meeting_invitations: Columns;
  meeting_attendance: Columns;
}

const KINDS = ['Forum organizacji', 'Spotkanie konsultacyjne', 'Warsztat', 'Spotkanie sąsiedzkie', 'Kawiarenka obywatelska', 'Narada robocza', 'Szkolenie dla organizacji', 'Rada seniorów'];
const SUBJECTS = [
  'program współpracy na przyszły rok', 'potrzeby seniorów', 'wolontariat sąsiedzki', 'dostępność usług dla osób z niepełnosprawnościami',
  'konkursy ofert', 'wsparcie rodzin z dziećmi', 'przeciwdziałanie samotności', 'lokalny plan działań', 'diagnoza potrzeb mieszkańców',
  'inicjatywy młodzieżowe', 'opieka wytchnieniowa', 'zdrowie psychiczne', 'integracja cudzoziemców', 'aktywność fizyczna seniorów',
];
const AGENDA = ['Powitanie i przedstawienie się', 'Informacje Centrum Usług Społecznych', 'Praca w grupach', 'Propozycje wspólnych działań', 'Harmonogram na kolejne miesiące', 'Wolne wnioski'];
const AUDIENCES = ['Wszystkie organizacje z rejestru', 'Organizacje działające na rzecz seniorów', 'Organizacje i grupy nieformalne z dzielnicy', 'Kluby sportowe i stowarzyszenia', 'Organizacje pracujące z rodzinami'];
const PLACES = ['Centrum Aktywności Lokalnej', 'Dom Kultury', 'Sala konferencyjna Centrum Usług Społecznych', 'Biblioteka Publiczna, filia', 'Klub Seniora'];
const STARTS = [9 * 60, 10 * 60, 12 * 60, 16 * 60, 16 * 60 + 30, 17 * 60, 18 * 60];
const NEEDS = ['Podjazd dla wózka', 'Pętla indukcyjna', 'Tłumacz PJM', 'Miejsce dla psa asystującego', 'Materiały w dużym druku'];
const WALK_INS = ['Sąsiedzi z ulicy', 'Rada osiedla', 'Grupa mam', 'Koło seniorów', 'Młodzieżowa rada'];
const DAY = 86_400_000;
const MINUTE = 60_000;

const warsaw = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});
/** The Warsaw wall-clock time of `ms` as if it were UTC (ms, to the minute). */
function warsawWallClock(ms: number): number {
  const p = Object.fromEntries(warsaw.formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!);
}
/** The instant of `minutes` after midnight, Warsaw time, on the day `day` (UTC midnight of that calendar date). */
function warsawInstant(day: number, minutes: number): number {
  const wall = day + minutes * MINUTE;
  let t = wall - (warsawWallClock(wall) - wall);
  t = wall - (warsawWallClock(t) - t); // across a change of the offset, the offset of the instant itself
  return t;
}
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A municipality's meetings of the community organiser, the same for the same seed (times relative to
 * the day of `now`): `MEETINGS[size]` meetings at an address (no room), planned; about 40 % in the past
 * year — invitations answered (two in three), reminders sent, attendance recorded (invitees and
 * walk-ins), minutes — and the rest in the coming nine months, a third of their invitations already
 * answered. Each meeting invites organisations drawn from the verified ones. Invitation ids come from the
 * seeded generator and each token hash is `invitationToken({ linkKey }, id).hash`, as the app makes it.
 */
export function generateMeetings(
  municipalityId: string, town: Town, size: keyof typeof MEETINGS, seed: number, people: People, organisations: Organisations, linkKey: Buffer, now: Date,
): Meetings {
  const r = new Random((seed + 0x4d454554) >>> 0);
  const m: Meetings = {
    meetings: {
      municipality_id: [], id: [], title: [], purpose: [], agenda: [], audience: [], address: [], starts_at: [], ends_at: [], capacity: [], status: [],
      minutes: [], created_by: [], created_at: [], updated_at: [],
    },
    meeting_invitations: {
      municipality_id: [], id: [], meeting_id: [], organisation_id: [], email: [], token_hash: [], chosen_by: [], invited_by: [], invited_at: [],
      response: [], people_count: [], accessibility_needs: [], responded_at: [], answers: [], reminded_at: [],
    },
    meeting_attendance: { municipality_id: [], id: [], meeting_id: [], invitation_id: [], organisation_id: [], name: [], people_count: [], recorded_by: [], recorded_at: [] },
  };
  const push = (t: Columns, row: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(row)) t[k]!.push(v);
  };
  const staffIds = people.users.id as string[];
  const organiser = staffIds[Math.max(0, STAFF_ROLES.indexOf('community_organiser'))]!;
  const orgs = organisations.organisations;
  const verified = (orgs.id as string[]).flatMap((id, i) => (orgs.status![i] === 'verified' ? [{ id, email: String(orgs.email![i]).toLowerCase() }] : []));
  const nowMs = now.getTime();
  const today = warsawWallClock(nowMs) - (warsawWallClock(nowMs) % DAY);
  const avg = INVITED_PER_MEETING[size];

  for (let n = 0; n < MEETINGS[size]; n++) {
    const past = r.chance(0.4);
    const day = today + (past ? -r.int(1, 365) : r.int(3, 270)) * DAY;
    const startMin = r.pick(STARTS);
    const starts = warsawInstant(day, startMin);
    const ends = warsawInstant(day, startMin + r.pick([90, 120, 150, 180]));
    const subject = r.pick(SUBJECTS);
    const district = r.pick(DISTRICTS);
    const id = r.uuid();
    const invited = r.some(verified, Math.min(verified.length, r.int(Math.ceil(avg / 2), Math.floor((avg * 3) / 2))));
    const invitedAt = past ? starts - r.int(10, 30) * DAY : Math.min(starts - 2 * DAY, nowMs) - r.int(0, 10) * DAY;
    let came = 0;
    for (const org of invited) {
      const invitationId = r.uuid();
      const answered = r.chance(past ? 0.65 : 0.3);
      const roll = r.next();
      const response = !answered ? null : roll < 0.5 ? 'yes' : roll < 0.75 ? 'no' : 'maybe';
      const peopleCount = response === 'yes' ? r.int(1, 4) : response === 'maybe' ? r.int(0, 2) : 0;
      const needs = response && response !== 'no' && r.chance(0.08) ? r.pick(NEEDS) : '';
      const answeredBy = Math.min(starts, nowMs);
      push(m.meeting_invitations, {
        municipality_id: municipalityId, id: invitationId, meeting_id: id, organisation_id: org.id, email: org.email,
        token_hash: invitationTokenOf(linkKey, invitationId).hash, chosen_by: r.chance(0.7) ? 'filter' : 'hand', invited_by: organiser, invited_at: iso(invitedAt),
        response, people_count: peopleCount, accessibility_needs: needs,
        responded_at: response ? iso(invitedAt + Math.floor(r.next() * (answeredBy - invitedAt))) : null, answers: response ? (r.chance(0.1) ? 2 : 1) : 0,
        reminded_at: past && response !== 'no' ? iso(starts - DAY) : null,
      });
      const comes = past && r.chance(response === 'yes' ? 0.8 : response === 'maybe' ? 0.4 : response === 'no' ? 0.02 : 0.1);
      if (comes) {
        came++;
        push(m.meeting_attendance, {
          municipality_id: municipalityId, id: r.uuid(), meeting_id: id, invitation_id: invitationId, organisation_id: org.id, name: '',
          people_count: Math.max(1, peopleCount || r.int(1, 2)), recorded_by: organiser, recorded_at: iso(starts + r.int(0, 30) * MINUTE),
        });
      }
    }
    const walkIns = past ? r.int(0, 2) : 0;
    for (let w = 0; w < walkIns; w++) {
      push(m.meeting_attendance, {
        municipality_id: municipalityId, id: r.uuid(), meeting_id: id, invitation_id: null, organisation_id: null, name: `${r.pick(WALK_INS)} — ${r.pick(DISTRICTS)}`,
        people_count: r.int(1, 5), recorded_by: organiser, recorded_at: iso(starts + r.int(0, 45) * MINUTE),
      });
    }
    const created = invitedAt - r.int(0, 5) * DAY;
    push(m.meetings, {
      municipality_id: municipalityId, id, title: `${r.pick(KINDS)}: ${subject} — ${district}`, purpose: `Wspólnie omówić temat: ${subject}.`,
      agenda: r.some(AGENDA, r.int(3, 5)).join('\n'), audience: r.pick(AUDIENCES),
      address: `${r.pick(PLACES)}, ul. ${r.pick(STREETS)} ${r.int(1, 90)}, ${town.name}`,
      starts_at: iso(starts), ends_at: iso(ends), capacity: r.chance(0.5) ? r.int(20, 200) : null, status: 'planned',
      minutes: past ? `Przyszło ${came} z ${invited.length} zaproszonych organizacji${walkIns ? ` i ${walkIns} ${walkIns === 1 ? 'grupa' : 'grupy'} spoza zaproszonych` : ''}. Temat: ${subject}.` : '',
      created_by: organiser, created_at: iso(created), updated_at: iso(past ? starts + DAY : created),
    });
  }
  return m;
}
