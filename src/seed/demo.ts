import crypto from 'node:crypto';
import { hashPassword, verifyPassword } from '../platform/auth/passwords';
import { users } from '../platform/auth/repository';
import type { Role } from '../platform/auth/roles';
import type { Database } from '../platform/db/types';
import { NO_CONTEXT } from '../platform/db/types';
import { memberships, municipalities, units } from '../platform/tenancy/repository';
// The module list installs every module's messages (fixtures may send mail).
import '../modules';
import { seedActionPlanFixtures } from '../modules/action-plan';
import { seedAnnouncementFixtures } from '../modules/announcements';
import { seedApplicationFixtures } from '../modules/applications';
import { seedCarePlanFixtures } from '../modules/care-plans';
import { seedCaseFixtures } from '../modules/cases';
import { seedCatalogFixtures } from '../modules/catalog';
import { seedCommissioningFixtures } from '../modules/commissioning';
import { seedExchangeFixtures } from '../modules/exchange';
import { seedBudgetFixtures, seedBudgetProposalFixtures } from '../modules/budget';
import { seedConsultationFixtures } from '../modules/consultations';
import { seedDiagnosisFixtures } from '../modules/diagnosis';
import { seedMeetingFixtures } from '../modules/meetings';
import { seedMyDataFixtures } from '../modules/my-data';
import { seedOrganisationFixtures } from '../modules/organisations';
import { seedReferralFixtures } from '../modules/referrals';
import { seedSurveyFixtures } from '../modules/surveys';
import { seedVenueFixtures } from '../modules/venues';
import { seedDemoReads } from './demo-reads';

/** Demo accounts share one password, printed at start; the addresses use the reserved .example domain. */
export const DEMO_PASSWORD = 'Lniany-Szlak-Żyrardów-2026';

export const DEMO_ACCOUNTS: { email: string; name: string; roles: Role[] }[] = [
  { email: 'dyrektor@zyrardow.example', name: 'Marta Zielińska', roles: ['director'] },
  { email: 'administrator@zyrardow.example', name: 'Tomasz Wróbel', roles: ['administrator'] },
  { email: 'koordynator@zyrardow.example', name: 'Joanna Kaczmarek', roles: ['coordinator'] },
  { email: 'kierownik@zyrardow.example', name: 'Irena Wątkowska', roles: ['coordinator'] },
  { email: 'organizator@zyrardow.example', name: 'Paweł Sikora', roles: ['community_organiser'] },
  { email: 'dotacje@zyrardow.example', name: 'Ewa Lis', roles: ['grants_officer'] },
  { email: 'analityk@zyrardow.example', name: 'Beata Mazur', roles: ['analyst'] },
  { email: 'audytor@zyrardow.example', name: 'Adam Nowicki', roles: ['auditor'] },
  { email: 'mieszkanka@zyrardow.example', name: 'Zofia Kwiatkowska', roles: ['resident'] },
  { email: 'organizacja@zyrardow.example', name: 'Halina Domańska', roles: ['ngo_member'] },
];

/** The demo account that represents the federation "DZIAŁAJ.MY" and has a registration waiting for verification. */
const DEMO_REPRESENTATIVE = 'organizacja@zyrardow.example';

const UNITS = [
  {
    name: 'Dział Organizowania Usług Społecznych',
    description: 'Przygotowuje program usług społecznych, prowadzi katalog usług i przyjmuje wnioski mieszkańców.',
    address: 'ul. 1 Maja 20, 96-300 Żyrardów',
    phone: '46 855 00 10',
    email: 'uslugi@cus.zyrardow.example',
  },
  {
    name: 'Zespół Koordynatorów Indywidualnych Planów Usług Społecznych',
    description: 'Koordynatorzy układają z mieszkańcami indywidualne plany usług (IPUS) i czuwają nad ich realizacją.',
    address: 'ul. 1 Maja 20, 96-300 Żyrardów',
    phone: '46 855 00 20',
    email: 'ipus@cus.zyrardow.example',
  },
  {
    name: 'Dział Pomocy Społecznej',
    description: 'Świadczenia z pomocy społecznej, praca socjalna, wsparcie rodzin.',
    address: 'ul. Limanowskiego 45, 96-300 Żyrardów',
    phone: '46 855 00 30',
    email: 'pomoc@cus.zyrardow.example',
  },
  {
    name: 'Organizator Społeczności Lokalnej i Miejsce Aktywności Lokalnej',
    description: 'Współpraca z organizacjami pozarządowymi i grupami nieformalnymi, sale do wynajęcia dla inicjatyw mieszkańców.',
    address: 'ul. Okrzei 3, 96-300 Żyrardów',
    phone: '46 855 00 40',
    email: 'aktywnosc@cus.zyrardow.example',
  },
  {
    name: 'Klub Seniora „Lniane Serca”',
    description: 'Zajęcia ruchowe, warsztaty i spotkania dla osób starszych, od poniedziałku do piątku.',
    address: 'ul. Mireckiego 8, 96-300 Żyrardów',
    phone: '46 855 00 50',
    email: 'klubseniora@cus.zyrardow.example',
  },
];

/**
 * Seeds the demo municipality once, into an empty database, in one transaction: a start killed
 * half-way leaves nothing, and the next start seeds again. Returns false when data already exists.
 */
export async function seedDemo(db: Database): Promise<boolean> {
  const existing = await db.tx(NO_CONTEXT, (sql) => municipalities.list(sql));
  if (existing.length > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.ownerTx(async (sql) => {
    const municipality = await municipalities.insert(sql, DEMO_MUNICIPALITY);
    // As a request in this municipality would (defaults and triggers read the context).
    await sql.query("SELECT set_config('app.municipality_id', $1, true)", [municipality.id]);
    for (const [i, unit] of UNITS.entries()) await units.insert(sql, municipality.id, unit, i);
    const accounts = new Map<string, string>();
    for (const account of DEMO_ACCOUNTS) {
      const user = await users.insert(sql, { email: account.email, displayName: account.name, passwordHash, locale: 'pl', verified: true });
      if (user) {
        await memberships.grant(sql, municipality.id, user.id, account.roles);
        accounts.set(account.email, user.id);
      }
    }
    await seedCatalogFixtures(sql, municipality.id);
    await seedOrganisationFixtures(sql, municipality.id, { representative: accounts.get(DEMO_REPRESENTATIVE) });
    await seedActionPlanFixtures(sql, municipality.id, { organiser: accounts.get('organizator@zyrardow.example') });
    await seedMeetingFixtures(sql, municipality.id);
    await seedConsultationFixtures(sql, municipality.id, { resident: accounts.get('mieszkanka@zyrardow.example'), representative: accounts.get(DEMO_REPRESENTATIVE), director: accounts.get('dyrektor@zyrardow.example') });
    await seedSurveyFixtures(sql, municipality.id);
    const budget = await seedBudgetFixtures(sql, municipality.id);
    await seedBudgetProposalFixtures(sql, municipality.id, budget.open.edition, {
      resident: accounts.get('mieszkanka@zyrardow.example'), officer: accounts.get('dotacje@zyrardow.example'), director: accounts.get('dyrektor@zyrardow.example'), organiser: accounts.get('organizator@zyrardow.example'),
    });
    await seedVenueFixtures(sql, municipality.id, { representative: accounts.get(DEMO_REPRESENTATIVE), organiser: accounts.get('organizator@zyrardow.example') });
    await seedAnnouncementFixtures(sql, municipality.id, { organiser: accounts.get('organizator@zyrardow.example') });
    await seedCommissioningFixtures(sql, municipality, { officer: accounts.get('dotacje@zyrardow.example'), representative: accounts.get(DEMO_REPRESENTATIVE) });
    await seedDiagnosisFixtures(sql, municipality.id);
    await seedApplicationFixtures(sql, municipality.id, { resident: accounts.get('mieszkanka@zyrardow.example'), coordinator: accounts.get('koordynator@zyrardow.example') });
    await seedMyDataFixtures(sql, municipality.id, { resident: accounts.get('mieszkanka@zyrardow.example') });
    await seedCaseFixtures(sql, municipality.id, { coordinator: accounts.get('koordynator@zyrardow.example'), supervisor: accounts.get('kierownik@zyrardow.example'), resident: accounts.get('mieszkanka@zyrardow.example') });
    await seedCarePlanFixtures(sql, municipality.id, { coordinator: accounts.get('koordynator@zyrardow.example'), director: accounts.get('dyrektor@zyrardow.example') });
    // Keep last, after the cases' and plans' fixtures: the referrals are sent from their cases.
    await seedReferralFixtures(sql, municipality.id, { coordinator: accounts.get('koordynator@zyrardow.example'), representative: accounts.get(DEMO_REPRESENTATIVE) });
    // After every module's data: Żyrardów's indicators are computed from it (issue 20); Milanówek and Sochaczew join the group.
    await seedExchangeFixtures(sql, municipality, { director: accounts.get('dyrektor@zyrardow.example'), delegates: [accounts.get('dyrektor@zyrardow.example'), accounts.get('analityk@zyrardow.example')] });
    // Staff reads of the resident's data, as the audited read paths record them ("Kto czytał moje dane").
    await seedDemoReads(sql, municipality.id, {
      resident: accounts.get('mieszkanka@zyrardow.example'),
      coordinator: { id: accounts.get('koordynator@zyrardow.example'), email: 'koordynator@zyrardow.example' },
      director: { id: accounts.get('dyrektor@zyrardow.example'), email: 'dyrektor@zyrardow.example' },
    });
  });
  return true;
}

const DEMO_MUNICIPALITY = { name: 'Miasto Żyrardów', teryt: '1438011', slug: 'zyrardow', cusName: 'Centrum Usług Społecznych w Żyrardowie' };

/**
 * The demo accounts that still open with DEMO_PASSWORD, which the README publishes: production
 * refuses to start while there is one. argon2 runs off the event loop.
 */
export async function demoAccountsWithDemoPassword(db: Database): Promise<string[]> {
  const rows = await db.ownerTx((sql) =>
    sql.query<{ email: string; password_hash: string }>('SELECT email, password_hash FROM users WHERE email = ANY($1) ORDER BY email', [DEMO_ACCOUNTS.map((a) => a.email)]),
  );
  const open = await Promise.all(rows.map(async (r) => ((await verifyPassword(r.password_hash, DEMO_PASSWORD)) ? r.email : null)));
  return open.filter((e): e is string => e !== null);
}

/** Gives each demo account still on DEMO_PASSWORD a random password nobody knows and ends its sessions. */
export async function lockDemoAccounts(db: Database): Promise<string[]> {
  const open = await demoAccountsWithDemoPassword(db);
  for (const email of open) {
    const passwordHash = await hashPassword(crypto.randomBytes(32).toString('base64url'));
    await db.ownerTx(async (sql) => {
      await sql.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE email = $1', [email, passwordHash]);
      await sql.query('DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = $1)', [email]);
    });
  }
  return open;
}
