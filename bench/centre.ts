import crypto from 'node:crypto';
import { Secret } from 'otpauth';
import { SecretBox } from '../src/platform/auth/totp';
import type { Columns } from './catalogue';
import { FIRST, LAST } from './people';
import { Random } from './random';

/**
 * The centre's casework by size: cases of residents known to the centre (each opened from an accepted
 * application), applications in total, referrals and their delivery records, and the coordinators who
 * hold the cases in teams. metro is the issue's city: 200 000 residents known to the centre.
 */
export const CASEWORK = {
  demo: { cases: 120, applications: 200, referrals: 40, deliveries: 400, coordinators: 4, teams: 2 },
  town: { cases: 3_000, applications: 4_500, referrals: 750, deliveries: 15_000, coordinators: 12, teams: 2 },
  city: { cases: 40_000, applications: 60_000, referrals: 10_000, deliveries: 200_000, coordinators: 40, teams: 4 },
  metro: { cases: 200_000, applications: 300_000, referrals: 50_000, deliveries: 1_000_000, coordinators: 150, teams: 15 },
} as const;
export type CaseworkSize = keyof typeof CASEWORK;

/** The e-mail of the n-th generated coordinator (0-based) and of a team's supervisor. */
export const coordinatorEmail = (slug: string, n: number) => `koordynator-${String(n + 1).padStart(3, '0')}@${slug}.example`;
export const supervisorEmail = (slug: string, n: number) => `kierownik-zespolu-${String(n + 1).padStart(2, '0')}@${slug}.example`;

/**
 * A generated coordinator's TOTP secret, made again from the e-mail (the benchmark logs them in with
 * their codes, as staff must): 20 bytes of a hash, base32. Only for generated data.
 */
export function benchTotpSecret(email: string): string {
  return new Secret({ buffer: crypto.createHash('sha1').update(`wspolnota-bench-totp:${email}`).digest().buffer as ArrayBuffer }).base32;
}

const UNITS = ['Dział Usług Opiekuńczych', 'Dział Wsparcia Rodziny', 'Klub Integracji Społecznej', 'Dział Asystentury Osobistej', 'Punkt Interwencji Kryzysowej'];
const TEAM_AREAS = ['Śródmieście', 'Północ', 'Południe', 'Wschód', 'Zachód', 'Zatorze', 'Stare Miasto', 'Nowe Miasto', 'Podzamcze', 'Piaski', 'Błonie',
  'Górki', 'Zakole', 'osiedle Leśne', 'osiedle Słoneczne', 'osiedle Parkowe', 'osiedle Młodych', 'osiedle Zielone'];

export interface Centre {
  units: Columns;
  casework_users: Columns;
  casework_memberships: Columns;
  care_teams: Columns;
  care_team_members: Columns;
}

/** Who does the casework, for the generators that follow. */
export interface Staffing {
  units: { id: string; name: string }[];
  coordinators: { id: string; teamId: string }[];
  teams: string[];
}

/**
 * The centre's units, its coordinators (confirmed, TOTP enrolled, the shared password) in teams of about
 * ten, each team with a supervisor of its own (not one of the coordinators, so a coordinator's own list
 * is only their cases), the same for the same seed.
 */
export function generateCentre(municipalityId: string, slug: string, size: CaseworkSize, seed: number, passwordHash: string, appSecret: string): Centre & { staffing: Staffing } {
  const r = new Random((seed + 0x43454e54) >>> 0);
  const n = CASEWORK[size];
  const box = new SecretBox(appSecret);
  const c: Centre = {
    units: { municipality_id: [], id: [], name: [], position: [] },
    casework_users: { id: [], email: [], display_name: [], password_hash: [], locale: [], totp_secret_enc: [] },
    casework_memberships: { municipality_id: [], user_id: [], roles: [] },
    care_teams: { municipality_id: [], id: [], name: [], unit_id: [], supervisor_id: [] },
    care_team_members: { municipality_id: [], team_id: [], user_id: [] },
  };
  const staffing: Staffing = { units: [], coordinators: [], teams: [] };
  UNITS.forEach((name, i) => {
    const id = r.uuid();
    c.units.municipality_id!.push(municipalityId); c.units.id!.push(id); c.units.name!.push(name); c.units.position!.push(i + 1);
    staffing.units.push({ id, name });
  });
  const account = (email: string) => {
    const id = r.uuid();
    c.casework_users.id!.push(id); c.casework_users.email!.push(email); c.casework_users.display_name!.push(`${r.pick(FIRST)} ${r.pick(LAST)}`);
    c.casework_users.password_hash!.push(passwordHash); c.casework_users.locale!.push('pl'); c.casework_users.totp_secret_enc!.push(box.seal(benchTotpSecret(email)));
    c.casework_memberships.municipality_id!.push(municipalityId); c.casework_memberships.user_id!.push(id); c.casework_memberships.roles!.push('{coordinator}');
    return id;
  };
  for (let t = 0; t < n.teams; t++) {
    const id = r.uuid();
    const supervisor = account(supervisorEmail(slug, t));
    c.care_teams.municipality_id!.push(municipalityId); c.care_teams.id!.push(id);
    c.care_teams.name!.push(`Zespół koordynatorów — ${TEAM_AREAS[t % TEAM_AREAS.length]}${t >= TEAM_AREAS.length ? ` ${Math.floor(t / TEAM_AREAS.length) + 1}` : ''}`);
    c.care_teams.unit_id!.push(staffing.units[t % staffing.units.length]!.id); c.care_teams.supervisor_id!.push(supervisor);
    staffing.teams.push(id);
  }
  for (let k = 0; k < n.coordinators; k++) {
    const id = account(coordinatorEmail(slug, k));
    const teamId = staffing.teams[k % n.teams]!;
    c.care_team_members.municipality_id!.push(municipalityId); c.care_team_members.team_id!.push(teamId); c.care_team_members.user_id!.push(id);
    staffing.coordinators.push({ id, teamId });
  }
  return { ...c, staffing };
}
