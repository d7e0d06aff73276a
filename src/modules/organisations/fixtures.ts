import type { Sql } from '../../platform/db/types';
import type { Kind, PublishableContact, Sphere, Status } from './domain';
import { isValidKrs, isValidNip, isValidRegon } from './identifiers';

interface DemoOrganisation {
  key: string;
  name: string;
  kind: Kind;
  /** Fictional numbers with valid check digits (KRS numbers far beyond those ever given). */
  krs?: string;
  nip?: string;
  regon?: string;
  leader?: string;
  spheres: Sphere[];
  description: string;
  founded: number;
  members?: number;
  volunteers?: number;
  street: string;
  email: string;
  phone?: string;
  website?: string;
  social?: string[];
  publish: PublishableContact[];
  status: Status;
  /** Member of the federation "DZIAŁAJ.MY" since this day. */
  federationSince?: string;
}

const ORGANISATIONS: DemoOrganisation[] = [
  { key: 'dzialajmy', name: 'Federacja Organizacji Pozarządowych „DZIAŁAJ.MY”', kind: 'federation', krs: '0009900001', nip: '8381701375', regon: '141200008', spheres: ['support_for_ngos', 'local_communities', 'volunteering'], description: 'Związek żyrardowskich stowarzyszeń i fundacji. Wspieramy organizacje członkowskie w pisaniu ofert, rozliczaniu dotacji i promocji, prowadzimy wspólny kalendarz wydarzeń i reprezentujemy organizacje w rozmowach z miastem.\n\nSpotykamy się w pierwszy wtorek miesiąca w Miejscu Aktywności Lokalnej.', founded: 2019, members: 7, volunteers: 25, street: 'ul. Okrzei 3', email: 'kontakt@dzialajmy.example', phone: '46 855 10 10', website: 'https://dzialajmy.example', social: ['https://www.facebook.com/dzialajmy.example'], publish: ['email', 'phone', 'address'], status: 'verified' },
  { key: 'lniany', name: 'Stowarzyszenie „Lniany Szlak”', kind: 'association', krs: '0009900002', nip: '8381702742', regon: '141202119', spheres: ['culture_heritage', 'tourism', 'local_communities'], description: 'Opowiadamy historię osady fabrycznej i Zakładów Lniarskich: spacery z przewodnikiem, warsztaty tkackie dla dzieci i seniorów, Noc Muzeów w Resursie.', founded: 2008, members: 34, volunteers: 12, street: 'ul. Dittricha 1', email: 'biuro@lnianyszlak.example', website: 'https://lnianyszlak.example', publish: ['email'], status: 'verified', federationSince: '2019-06-14' },
  { key: 'dom', name: 'Fundacja „Dom przy Lnianej”', kind: 'foundation', krs: '0009900003', nip: '8381705485', regon: '141204220', spheres: ['disability', 'health', 'family_support_foster_care'], description: 'Opieka wytchnieniowa i wsparcie dla rodzin osób z niepełnosprawnościami, grupa wsparcia dla opiekunów, wypożyczalnia sprzętu rehabilitacyjnego.', founded: 2012, members: 5, volunteers: 18, street: 'ul. Lniana 12', email: 'biuro@domprzylnianej.example', phone: '46 855 20 20', publish: ['email', 'phone', 'address'], status: 'verified', federationSince: '2019-06-14' },
  { key: 'razem', name: 'Stowarzyszenie Rodzin i Przyjaciół Osób z Niepełnosprawnością „Razem”', kind: 'association', krs: '0009900004', nip: '8381706852', regon: '141206330', spheres: ['disability', 'social_reintegration', 'family_parenthood_child_rights'], description: 'Rodzice i przyjaciele osób z niepełnosprawnością intelektualną. Prowadzimy warsztaty samodzielności, turnusy wakacyjne i klub dla młodzieży.', founded: 2001, members: 62, volunteers: 20, street: 'ul. Kościuszki 7', email: 'razem@razem-zyrardow.example', phone: '46 855 30 30', publish: ['email', 'phone'], status: 'verified', federationSince: '2020-01-20' },
  { key: 'utw', name: 'Żyrardowski Uniwersytet Trzeciego Wieku', kind: 'university_third_age', krs: '0009900005', nip: '8381709595', regon: '141208441', spheres: ['seniors', 'education_science', 'culture_heritage'], description: 'Wykłady, lektoraty języków obcych, zajęcia komputerowe, gimnastyka i wycieczki dla osób 60+. Zapisy we wrześniu i w lutym.', founded: 2010, members: 240, volunteers: 15, street: 'ul. 1 Maja 20', email: 'utw@utw-zyrardow.example', phone: '46 855 40 40', publish: ['email', 'phone', 'address'], status: 'verified', federationSince: '2019-06-14' },
  { key: 'kgw', name: 'Koło Gospodyń Wiejskich „Ruda”', kind: 'rural_womens_circle', nip: '8381710960', regon: '141210550', spheres: ['national_tradition', 'local_communities', 'gender_equality'], description: 'Gotujemy, śpiewamy i uczymy dawnych rzemiosł. Organizujemy dożynki osiedlowe i kiermasz świąteczny, wspieramy zbiórki dla potrzebujących sąsiadów.', founded: 2019, members: 21, street: 'ul. Rudzka 4', email: 'kgw.ruda@example.pl', publish: ['email'], status: 'verified', federationSince: '2021-09-01' },
  { key: 'orly', name: 'Uczniowski Klub Sportowy „Lniane Orły”', kind: 'sports_club', nip: '8381712338', regon: '141212661', spheres: ['physical_culture', 'children_youth'], description: 'Treningi piłki nożnej i lekkiej atletyki dla dzieci i młodzieży od 7 do 16 lat, obozy sportowe w wakacje. Sprzęt dla dzieci z rodzin w trudnej sytuacji bezpłatnie.', founded: 2015, members: 95, volunteers: 8, street: 'ul. Jaktorowska 14', email: 'uks@lnianeorly.example', phone: '46 855 50 50', social: ['https://www.facebook.com/lnianeorly.example', 'https://www.instagram.com/lnianeorly.example'], publish: ['email', 'phone'], status: 'verified' },
  { key: 'komin', name: 'Spółdzielnia Socjalna „Pracownia pod Kominem”', kind: 'social_cooperative', krs: '0009900008', nip: '8381713705', regon: '141214772', spheres: ['social_reintegration', 'employment', 'economic_development'], description: 'Catering, drobne naprawy i pielęgnacja zieleni. Zatrudniamy osoby wracające na rynek pracy po długiej przerwie.', founded: 2017, members: 9, street: 'ul. Limanowskiego 45', email: 'zamowienia@podkominem.example', phone: '46 855 60 60', website: 'https://podkominem.example', publish: ['email', 'phone', 'address'], status: 'verified', federationSince: '2022-03-10' },
  { key: 'caritas', name: 'Parafialny Zespół Caritas „Przystań”', kind: 'church_entity', nip: '8381715070', regon: '141216883', spheres: ['charity', 'social_assistance', 'addiction_prevention'], description: 'Paczki żywnościowe, świetlica dla dzieci po szkole i dyżur dla osób w kryzysie bezdomności w okresie zimowym.', founded: 2005, volunteers: 30, street: 'ul. Świętego Józefa 2', email: 'przystan@caritas-zyrardow.example', phone: '46 855 70 70', publish: ['email', 'phone'], status: 'verified' },
  { key: 'sasiedzi', name: 'Sąsiedzi z Osady Fabrycznej', kind: 'informal_group', leader: 'Irena Przykładowa', spheres: ['local_communities', 'revitalisation', 'ecology_animals'], description: 'Grupa mieszkańców kamienic przy ul. Dittricha i Family. Sprzątamy podwórka, zakładamy ogródki sąsiedzkie i zbieramy pomysły do programu rewitalizacji.', founded: 2023, members: 14, street: '', email: 'sasiedzi.osada@example.pl', publish: ['email'], status: 'verified', federationSince: '2024-05-07' },
  { key: 'zielony', name: 'Stowarzyszenie „Zielony Żyrardów”', kind: 'association', krs: '0009900011', nip: '8381716448', regon: '141218994', spheres: ['ecology_animals', 'education_science'], description: 'Edukacja ekologiczna w szkołach, sadzenie drzew i liczenie ptaków nad Pisią Gągoliną. Pomagamy schronisku dla zwierząt.', founded: 2016, members: 27, volunteers: 40, street: 'ul. Narutowicza 10', email: 'kontakt@zielonyzyrardow.example', website: 'https://zielonyzyrardow.example', publish: ['email'], status: 'verified' },
  { key: 'liderzy', name: 'Fundacja „Akademia Młodych Liderów”', kind: 'foundation', krs: '0009900012', nip: '8381717815', regon: '141221105', spheres: ['children_youth', 'education_science', 'human_rights_democracy'], description: 'Warsztaty przywództwa i projekty obywatelskie dla licealistów; młodzieżowa rada miasta.', founded: 2025, members: 3, volunteers: 6, street: 'ul. Wyspiańskiego 5', email: 'fundacja@mlodziliderzy.example', publish: ['email'], status: 'pending' },
];

/** Checked here, so that a typo in the demo data fails at once rather than during a demonstration. */
function checked(o: DemoOrganisation): DemoOrganisation {
  if ((o.krs && !isValidKrs(o.krs)) || (o.nip && !isValidNip(o.nip)) || (o.regon && !isValidRegon(o.regon))) throw new Error(`demo organisation ${o.key}: invalid identifier`);
  return o;
}

/**
 * The demo registry of Żyrardów: the federation "DZIAŁAJ.MY" with its member organisations, a rural
 * women's circle, a university of the third age, a sports club, an informal group, and one
 * registration waiting for verification. `representative` (if given) registered the federation and
 * the waiting registration, and administers the federation.
 */
export async function seedOrganisationFixtures(sql: Sql, municipalityId: string, opts: { representative?: string } = {}): Promise<void> {
  const ids = new Map<string, string>();
  for (const [i, o] of ORGANISATIONS.map(checked).entries()) {
    const registrant = o.key === 'dzialajmy' || o.status === 'pending' ? (opts.representative ?? null) : null;
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO organisations (municipality_id, name, kind, krs, nip, regon, leader_name, spheres, description, founded_year, members_count,
         volunteers_count, street, postal_code, city, email, phone, website, social_links, published_contacts, status, registered_by, submitted_at,
         reviewed_at, verified_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, CASE WHEN $13 = '' THEN '' ELSE '96-300' END, 'Żyrardów', $14, $15, $16, $17, $18, $19, $20,
         now() - make_interval(days => $21), CASE WHEN $19 = 'verified' THEN now() - make_interval(days => $21 - 3) END,
         CASE WHEN $19 = 'verified' THEN now() - make_interval(days => $21 - 3) END)
       RETURNING id`,
      [municipalityId, o.name, o.kind, o.krs ?? null, o.nip ?? null, o.regon ?? null, o.leader ?? '', o.spheres, o.description, o.founded, o.members ?? null,
        o.volunteers ?? null, o.street, o.email, o.phone ?? '', o.website ?? '', o.social ?? [], o.publish, o.status, registrant,
        o.status === 'pending' ? 2 : 60 - i],
    );
    ids.set(o.key, row!.id);
    if (registrant && o.status === 'verified') {
      await sql.query("INSERT INTO organisation_members (municipality_id, organisation_id, user_id, role) VALUES ($1, $2, $3, 'admin')", [municipalityId, row!.id, registrant]);
    }
  }
  for (const o of ORGANISATIONS) {
    if (!o.federationSince) continue;
    await sql.query('INSERT INTO federation_members (municipality_id, federation_id, member_id, since) VALUES ($1, $2, $3, $4)', [
      municipalityId, ids.get('dzialajmy'), ids.get(o.key), o.federationSince,
    ]);
  }
}
