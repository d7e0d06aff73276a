import { performance } from 'node:perf_hooks';
import type { Database } from '../src/platform/db/types';
import { createMunicipality } from '../src/platform/tenancy/service';
import { STAFF_ROLES } from '../src/platform/auth/roles';
import { generateApplications } from './applications';
import { generateCases, joinCases } from './cases';
import { generateCatalogue, type SizeName, type Town } from './catalogue';
import { generateCentre } from './centre';
import { hashPassword } from '../src/platform/auth/passwords';
import { loadDataset, writeMarker } from './load';
import { generateMeetings, linkKeyOf } from './meetings';
import { generateOrganisations } from './organisations';
import { generatePeople, GENERATED_PASSWORD } from './people';
import { generateReferrals } from './referrals';
import { TOWNS } from './words';

export interface GenerateOptions {
  size: SizeName;
  seed: number;
  municipalities: number;
  /**
   * The APP_SECRET of the app that will serve the data: invitations' token hashes are derived from it
   * (the key of module links), so their e-mailed answer links work there and can be made again from the ids.
   */
  appSecret: string;
  /** Meetings' times are relative to this day (default: now); ids and tokens do not depend on it. */
  now?: Date;
  /** No progress on stderr (tests). */
  quiet?: boolean;
}

export interface GeneratedMunicipality {
  id: string;
  slug: string;
  name: string;
}

export interface GenerateResult {
  municipalities: GeneratedMunicipality[];
  rows: number;
  ms: number;
}

/** The i-th municipality: the listed towns first, then numbered rural gminas with valid TERYT codes. */
export function townAt(i: number): Town & { slug: string; teryt: string } {
  const listed = TOWNS[i];
  if (listed) return { ...listed };
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    slug: `gmina-${i + 1}`, name: `Gmina ${i + 1}`, teryt: `14${pad(1 + (i % 60))}${pad(1 + Math.floor(i / 60))}2`,
    postal: '05-8', lat: 52.0 + (i % 10) * 0.05, lon: 20.5 + Math.floor(i / 10) * 0.05,
  };
}

/** The centre's casework: units, coordinators in teams, applications and queues, cases and plans, referrals and delivery records. */
function generateCasework(
  municipalityId: string, slug: string, opts: GenerateOptions, seed: number, passwordHash: string, catalogue: ReturnType<typeof generateCatalogue>,
  people: ReturnType<typeof generatePeople>, organisations: ReturnType<typeof generateOrganisations>, now: Date,
) {
  const { staffing, ...centre } = generateCentre(municipalityId, slug, opts.size, seed, passwordHash, opts.appSecret);
  const { openings, laterResidents, ...applications } = generateApplications(municipalityId, slug, opts.size, seed, people, catalogue, staffing, now);
  const director = (people.users.id as string[])[STAFF_ROLES.indexOf('director')]!;
  const { facts, ...cases } = generateCases(municipalityId, seed, openings, director, now);
  joinCases(applications.later_applications.case_id!, laterResidents, facts);
  const referrals = generateReferrals(municipalityId, opts.size, seed, facts, organisations, staffing, now);
  return { ...centre, ...applications, ...cases, ...referrals };
}

/**
 * Creates `municipalities` municipalities and fills each with a catalogue, accounts, organisations, meetings and casework of `size`, deterministic in
 * `seed`; then analyses the tables and leaves a marker (size, seed, count). A platform-operator tool:
 * runs as the owner, one transaction per municipality.
 */
export async function generate(db: Database, opts: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const created: GeneratedMunicipality[] = [];
  let rows = 0;
  let passwordHash: string | undefined;

  const linkKey = linkKeyOf(opts.appSecret);
  const now = opts.now ?? new Date();
  for (let i = 0; i < opts.municipalities; i++) {
    const town = townAt(i);
    const m = await createMunicipality(db, { name: town.name, teryt: town.teryt, slug: town.slug, cusName: `Centrum Usług Społecznych w mieście ${town.name}` });
    const catalogue = generateCatalogue(m.id, town, opts.size, opts.seed * 1000 + i);
    const people = generatePeople(m.id, town.slug, opts.size, opts.seed * 1000 + i, (passwordHash ??= await hashPassword(GENERATED_PASSWORD)));
    const organisations = generateOrganisations(m.id, town, opts.size, opts.seed * 1000 + i, people);
    const meetings = generateMeetings(m.id, town, opts.size, opts.seed * 1000 + i, people, organisations, linkKey, now);
    const casework = generateCasework(m.id, town.slug, opts, opts.seed * 1000 + i, passwordHash, catalogue, people, organisations, now);
    const stats = await db.ownerTx((sql) =>
      loadDataset(sql, { ...catalogue, ...people, ...organisations, ...meetings, ...casework }, opts.quiet ? null : `${town.slug} (${i + 1}/${opts.municipalities})`),
    );
    rows += stats.rows;
    created.push({ id: m.id, slug: m.slug, name: m.name });
  }
  await db.ownerTx(async (sql) => {
    await sql.script('ANALYZE');
    await writeMarker(sql, { size: opts.size, seed: opts.seed, municipalities: opts.municipalities });
  });
  return { municipalities: created, rows, ms: performance.now() - started };
}
