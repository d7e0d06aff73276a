import { KINDS, nipCheckDigit, regon9CheckDigit, SPHERE_CODES, type Kind } from '../src/modules/organisations';
import type { Columns, Town } from './catalogue';
import type { People } from './people';
import { Random } from './random';
import { DISTRICTS, STREETS } from './words';

/** Organisations per municipality, by size (metro ≈ Warsaw's 5 000). */
export const ORGANISATIONS = { demo: 20, town: 200, city: 1_000, metro: 5_000 } as const;

export interface Organisations {
  organisations: Columns;
  organisation_members: Columns;
}

const NAMES: Record<Kind, [string, string[]]> = {
  association: ['Stowarzyszenie', ['Przyjaciół Osiedla', 'Aktywni Razem', 'Sąsiedzka Pomoc', 'Miłośników Historii Miasta', 'Rodzin Zastępczych', 'Na Rzecz Osób z Niepełnosprawnościami']],
  foundation: ['Fundacja', ['Dobrego Startu', 'Pomocna Dłoń', 'Otwarte Drzwi', 'Zdrowie Seniora', 'Dzieci Lnianego Miasta', 'Wspólny Dom']],
  federation: ['Związek Stowarzyszeń', ['Razem dla Miasta', 'Sieć Sąsiedzka', 'Porozumienie Organizacji']],
  social_cooperative: ['Spółdzielnia Socjalna', ['Smaczny Kąt', 'Zielona Pracownia', 'Czysty Dom', 'Usługi Opiekuńcze Razem']],
  rural_womens_circle: ['Koło Gospodyń Wiejskich', ['z Zatorza', 'Lniane Dziewczyny', 'z Osiedla Północ', 'Pod Lipami']],
  university_third_age: ['Uniwersytet Trzeciego Wieku', ['przy Domu Kultury', 'Aktywny Senior']],
  sports_club: ['Klub Sportowy', ['Lnianka', 'Start', 'Orlik', 'Biegacze']],
  church_entity: ['Parafialny Zespół Caritas', ['św. Józefa', 'Matki Bożej', 'św. Cecylii']],
  informal_group: ['Grupa nieformalna', ['Sąsiedzi z Podwórka', 'Mamy na Spacerze', 'Ogrodnicy z Bloku 7', 'Szachiści z Parku']],
};

/**
 * A municipality's organisations, the same for the same seed: every kind, checksum-valid NIP and REGON
 * (unique per municipality: consecutive numbers with their check digits), KRS for those that must have
 * one, 1–3 spheres, 95 % verified; each administered by one of the municipality's generated residents.
 */
export function generateOrganisations(municipalityId: string, town: Town & { slug: string }, size: keyof typeof ORGANISATIONS, seed: number, people: People): Organisations {
  const r = new Random(seed);
  const o: Organisations = {
    organisations: {
      municipality_id: [], id: [], name: [], kind: [], krs: [], nip: [], regon: [], leader_name: [], spheres: [], description: [], founded_year: [],
      members_count: [], volunteers_count: [], street: [], postal_code: [], city: [], email: [], phone: [], website: [], published_contacts: [],
      status: [], registered_by: [],
    },
    organisation_members: { municipality_id: [], organisation_id: [], user_id: [], role: [] },
  };
  const residents = (people.users.id as string[]).slice(-Math.max(1, people.users.id!.length - 20));
  let serial = 0;
  const nextNip = (): string => {
    for (;;) {
      const first9 = String(700_000_000 + serial++);
      const check = nipCheckDigit(first9);
      if (check !== null) return first9 + check;
    }
  };
  for (let i = 0; i < ORGANISATIONS[size]; i++) {
    const kind = i === 0 ? 'federation' : r.pick(KINDS);
    const [prefix, names] = NAMES[kind];
    const informal = kind === 'informal_group';
    const id = r.uuid();
    const admin = residents[i % residents.length]!;
    const regon8 = String(10_000_000 + i).slice(-8);
    const row: Record<string, unknown> = {
      municipality_id: municipalityId, id, name: `${prefix} ${r.pick(names)} — ${r.pick(DISTRICTS)} ${i + 1}`, kind,
      krs: informal || (kind === 'association' && r.chance(0.3)) ? null : String(1_000_000 + i).padStart(10, '0'),
      nip: informal ? null : nextNip(), regon: informal ? null : regon8 + regon9CheckDigit(regon8),
      leader_name: informal ? 'Lider grupy' : '', spheres: `{${[...new Set([r.pick(SPHERE_CODES), r.pick(SPHERE_CODES), r.pick(SPHERE_CODES)])].slice(0, r.int(1, 3)).join(',')}}`,
      description: `Działamy w mieście ${town.name}: spotkania, warsztaty i pomoc sąsiedzka.`, founded_year: r.int(1990, 2025),
      members_count: r.int(3, 300), volunteers_count: r.int(0, 80), street: `${r.pick(STREETS)} ${r.int(1, 90)}`, postal_code: `${town.postal}${r.int(10, 99)}`,
      city: town.name, email: `kontakt-${i + 1}@organizacje.${town.slug}.example`, phone: `${r.int(500, 899)} ${r.int(100, 999)} ${r.int(100, 999)}`,
      website: r.chance(0.5) ? `https://organizacja-${i + 1}.${town.slug}.example` : '', published_contacts: '{email,phone}',
      status: r.chance(0.95) ? 'verified' : 'pending', registered_by: admin,
    };
    for (const [k, v] of Object.entries(row)) o.organisations[k]!.push(v);
    for (const [user, role] of [[admin, 'admin'], [residents[(i * 7 + 3) % residents.length]!, 'member']] as const) {
      if (role === 'member' && user === admin) continue;
      o.organisation_members.municipality_id!.push(municipalityId);
      o.organisation_members.organisation_id!.push(id);
      o.organisation_members.user_id!.push(user);
      o.organisation_members.role!.push(role);
    }
  }
  return o;
}
