import { STAFF_ROLES, type Role } from '../src/platform/auth/roles';
import type { Columns } from './catalogue';
import { Random } from './random';

/** Residents with an account per municipality, by size (metro ≈ Warsaw's residents known to its CUS). */
export const RESIDENTS = { demo: 200, town: 4_000, city: 40_000, metro: 200_000 } as const;

/** Every generated account's password (one argon2id hash is computed and shared: hashing 200 000 would take hours). */
export const GENERATED_PASSWORD = 'Pomiar-Lniany-Szlak-2026';

export interface People {
  users: Columns;
  memberships: Columns;
}

export const FIRST = ['Anna', 'Katarzyna', 'Maria', 'Małgorzata', 'Agnieszka', 'Barbara', 'Ewa', 'Krystyna', 'Zofia', 'Jadwiga', 'Piotr', 'Krzysztof',
  'Andrzej', 'Tomasz', 'Paweł', 'Jan', 'Michał', 'Marcin', 'Stanisław', 'Józef', 'Łucja', 'Bożena', 'Grzegorz', 'Żaneta'];
export const LAST = ['Nowak', 'Kowalczyk', 'Wiśniewska', 'Wójcik', 'Kamińska', 'Lewandowski', 'Zielińska', 'Szymański', 'Woźniak', 'Dąbrowska',
  'Kozłowski', 'Jankowska', 'Mazur', 'Kwiatkowska', 'Krawczyk', 'Piotrowska', 'Grabowski', 'Nowakowska', 'Pawłowski', 'Michalska'];

/** The e-mail of the n-th generated resident of a municipality (0-based). */
export const residentEmail = (slug: string, n: number) => `mieszkaniec-${String(n + 1).padStart(6, '0')}@${slug}.example`;
/** The e-mail of the generated staff member holding `role`. */
export const staffEmail = (slug: string, role: Role) => `${role.replace(/_/g, '-')}@${slug}.example`;

/**
 * Accounts of one municipality, the same for the same seed: one staff member per staff role and
 * `RESIDENTS[size]` residents, all confirmed, all with `passwordHash` (of GENERATED_PASSWORD).
 * Names are drawn from common Polish first names and surnames: no real person's data.
 */
export function generatePeople(municipalityId: string, slug: string, size: keyof typeof RESIDENTS, seed: number, passwordHash: string): People {
  const r = new Random(seed);
  const users: Columns = { id: [], email: [], display_name: [], password_hash: [], locale: [] };
  const memberships: Columns = { municipality_id: [], user_id: [], roles: [] };
  const add = (email: string, roles: Role[]) => {
    const id = r.uuid();
    users.id!.push(id);
    users.email!.push(email);
    users.display_name!.push(`${r.pick(FIRST)} ${r.pick(LAST)}`);
    users.password_hash!.push(passwordHash);
    users.locale!.push(r.chance(0.95) ? 'pl' : 'en');
    memberships.municipality_id!.push(municipalityId);
    memberships.user_id!.push(id);
    memberships.roles!.push(`{${roles.join(',')}}`);
  };
  for (const role of STAFF_ROLES) add(staffEmail(slug, role), [role]);
  for (let n = 0; n < RESIDENTS[size]; n++) add(residentEmail(slug, n), ['resident']);
  return { users, memberships };
}
