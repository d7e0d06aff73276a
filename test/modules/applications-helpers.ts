import assert from 'node:assert/strict';
import { seedCatalogFixtures } from '../../src/modules/catalog';
import type { Role } from '../../src/platform/auth/roles';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import type { TestClient } from '../support/client';
import { makeMunicipality, makeUser, type TestUser } from '../support/factories';
import type { Harness } from '../support/harness';
import { logIn } from '../support/session';
import { ownerQuery } from '../support/db';

/** Shared by the applications tests: a municipality with the demo catalogue, people, forms, rows. */

export const CARE = 'Usługi opiekuńcze w miejscu zamieszkania';
/** Ages 7–18 in the demo catalogue. */
export const AFTER_SCHOOL = 'Świetlica środowiskowa — pomoc w nauce';

export async function catalogueMunicipality(h: Harness, name = 'Gmina Wniosków'): Promise<MunicipalityRow> {
  const m = await makeMunicipality(h.db, name);
  await h.db.tx({ municipalityId: m.id, userId: null }, (sql) => seedCatalogFixtures(sql, m.id));
  return m;
}

export async function serviceId(h: Harness, m: MunicipalityRow, name: string): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(h, 'SELECT id FROM services WHERE municipality_id = $1 AND name = $2', [m.id, name]);
  assert.ok(row, name);
  return row.id;
}

/** Staff who handle applications: the permission opens personal data, so TOTP is enrolled. */
export async function coordinator(h: Harness, m: MunicipalityRow, roles: Role[] = ['coordinator']): Promise<{ user: TestUser; c: TestClient }> {
  const user = await makeUser(h.db, { municipality: m, roles, totp: true });
  return { user, c: await logIn(h, user) };
}

export function applicationForm(service: string, over: Record<string, string> = {}): Record<string, string> {
  return {
    service_id: service,
    relation: 'parent',
    beneficiary_name: 'Janina Lniarska',
    beneficiary_birth_year: '1941',
    contact_phone: '46 855 99 01',
    contact_email: '',
    need: 'Mama nie wychodzi sama z domu, potrzebuje pomocy przy zakupach i posiłkach.',
    consent_processing: '1',
    ...over,
  };
}

/** Applies through the form; returns the new application's id. */
export async function applyFor(h: Harness, c: TestClient, m: MunicipalityRow, service: string, over: Record<string, string> = {}): Promise<string> {
  const res = await c.post(`/${m.slug}/applications`, applicationForm(service, over));
  assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
  const [row] = await ownerQuery<{ id: string }>(h, 'SELECT id FROM applications WHERE municipality_id = $1 ORDER BY submitted_at DESC, id LIMIT 1', [m.id]);
  return row!.id;
}

export interface ApplicationDbRow {
  status: string;
  status_reason: string;
  queue_position: number | null;
  version: number;
  channel: string;
  applicant_id: string | null;
  registered_by: string | null;
}

export async function applicationRow(h: Harness, m: MunicipalityRow, id: string): Promise<ApplicationDbRow> {
  const [row] = await ownerQuery<ApplicationDbRow>(h, 'SELECT status, status_reason, queue_position, version, channel, applicant_id, registered_by FROM applications WHERE municipality_id = $1 AND id = $2', [m.id, id]);
  assert.ok(row, id);
  return row;
}

/** The queue's places in order; a sound queue reads 1..n. */
export async function positions(h: Harness, m: MunicipalityRow, service: string): Promise<number[]> {
  const rows = await ownerQuery<{ p: number }>(h, 'SELECT queue_position AS p FROM applications WHERE municipality_id = $1 AND service_id = $2 AND queue_position IS NOT NULL ORDER BY queue_position', [m.id, service]);
  return rows.map((r) => r.p);
}

export const gapless = (list: number[]) => list.every((p, i) => p === i + 1);

/** A staff decision at the application's current version. */
export async function decideNow(h: Harness, c: TestClient, m: MunicipalityRow, id: string, kind: string, fields: Record<string, string> = {}) {
  const { version } = await applicationRow(h, m, id);
  return c.post(`/${m.slug}/applications/${id}/${kind}`, { version: String(version), ...fields });
}

export async function mailsTo(h: Harness, to: string): Promise<{ subject: string; body_text: string }[]> {
  await h.worker.drain();
  return ownerQuery(h, 'SELECT subject, body_text FROM dev_mailbox WHERE to_address = $1 ORDER BY id', [to]);
}
