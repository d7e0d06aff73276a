import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { seedOrganisationFixtures } from '../../src/modules/organisations';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import type { TestClient } from '../support/client';
import { ownerQuery } from '../support/db';
import { makeMunicipality } from '../support/factories';
import type { Harness } from '../support/harness';

/** Shared by the organisations tests: a complete registration form, a seeded municipality, an organisation's row. General helpers are in test/support. */

/** Checksum-valid registry numbers for a second and third organisation of one municipality. */
export const OTHER_IDS = [
  { krs: '0009900201', nip: '8381719180', regon: '141223216' },
  { krs: '0009900202', nip: '8381720556', regon: '12345678512347' },
];

/** A complete, valid registration: an association with every field filled in as people type them. */
export function organisationForm(over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    name: 'Stowarzyszenie „Tkaczki z Osady”',
    kind: 'association',
    krs: '0000 123 456',
    nip: '123-456-32-18',
    regon: '123 456 785',
    leader_name: '',
    spheres: ['culture_heritage', 'seniors'],
    description: 'Warsztaty tkackie dla seniorów i dzieci.\n\nSpotkania w każdy czwartek.',
    founded_year: '2012',
    members_count: '40',
    volunteers_count: '5',
    street: 'ul. Dittricha 3',
    postal_code: '96-300',
    city: 'Żyrardów',
    email: 'Biuro@Tkaczki.example',
    phone: '46 855 11 22',
    website: 'https://tkaczki.example',
    social_links: 'https://www.facebook.com/tkaczki.example\r\n',
    published_contacts: ['email', 'phone'],
    ...over,
  };
}

export async function seededMunicipality(h: Harness, name = 'Gmina Organizacji', representative?: string): Promise<MunicipalityRow> {
  const m = await makeMunicipality(h.db, name);
  await h.db.tx({ municipalityId: m.id, userId: null }, (sql) => seedOrganisationFixtures(sql, m.id, { representative }));
  return m;
}

export interface OrganisationDbRow {
  id: string;
  name: string;
  status: string;
  krs: string | null;
  nip: string | null;
  regon: string | null;
  email: string;
  spheres: string[];
  social_links: string[];
  rejection_reason: string;
  version: number;
}

export async function organisationRow(h: Harness, m: MunicipalityRow, where: { id?: string; name?: string }): Promise<OrganisationDbRow> {
  const [row] = await ownerQuery<OrganisationDbRow>(
    h,
    `SELECT id, name, status, krs, nip, regon, email, spheres, social_links, rejection_reason, version FROM organisations
     WHERE municipality_id = $1 AND (id::text = $2 OR name = $3)`,
    [m.id, where.id ?? '', where.name ?? ''],
  );
  assert.ok(row, `organisation ${JSON.stringify(where)} in ${m.slug}`);
  return row;
}

/** Registers by the form; returns the new organisation's id. */
export async function register(h: Harness, c: TestClient, m: MunicipalityRow, over: Record<string, string | string[]> = {}): Promise<string> {
  await c.get(`/${m.slug}/organisations/register`);
  const res = await c.post(`/${m.slug}/organisations/register`, organisationForm(over));
  assert.equal(res.statusCode, 303, res.body.slice(0, 3000));
  const name = String(over.name ?? organisationForm().name);
  return (await organisationRow(h, m, { name })).id;
}

/** Staff verify a waiting registration at its current version. */
export async function verify(h: Harness, staffClient: TestClient, m: MunicipalityRow, id: string): Promise<LightMyRequestResponse> {
  const { version } = await organisationRow(h, m, { id });
  await staffClient.get(`/${m.slug}/organisations/${id}/review`);
  return staffClient.post(`/${m.slug}/organisations/${id}/verify`, { version: String(version) });
}
