import assert from 'node:assert/strict';
import { seedCatalogFixtures } from '../../src/modules/catalog';
import type { Role } from '../../src/platform/auth/roles';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import type { TestClient } from '../support/client';
import { makeMunicipality, makeUser } from '../support/factories';
import type { Harness } from '../support/harness';
import { logIn } from '../support/session';

/** Shared by the staff catalogue tests: a seeded municipality, a logged-in coordinator, readers of pages and rows. */

export const CONFLICT = 'Ktoś inny zmienił te dane w międzyczasie.';

export async function seededMunicipality(h: Harness, name = 'Gmina Katalogowa'): Promise<MunicipalityRow> {
  const m = await makeMunicipality(h.db, name);
  await h.db.tx({ municipalityId: m.id, userId: null }, (sql) => seedCatalogFixtures(sql, m.id));
  return m;
}

export async function staffClient(h: Harness, m: MunicipalityRow, roles: Role[] = ['coordinator']): Promise<TestClient> {
  return logIn(h, await makeUser(h.db, { municipality: m, roles }));
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const unescapeHtml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The value of an input named `name` in a page (as the browser would read it). */
export function inputValue(body: string, name: string): string | undefined {
  // Attribute values may hold ">" (only "<" and "&" are escaped in them).
  const tag = new RegExp(`<input(?:[^>"]|"[^"]*")*\\bname="${escapeRe(name)}"(?:[^>"]|"[^"]*")*>`).exec(body)?.[0];
  if (!tag) return undefined;
  const v = /\bvalue="([^"]*)"/.exec(tag)?.[1];
  return v === undefined ? '' : unescapeHtml(v);
}

export function textareaValue(body: string, name: string): string | undefined {
  const m = new RegExp(`<textarea[^>]*\\bname="${escapeRe(name)}"[^>]*>([\\s\\S]*?)</textarea>`).exec(body);
  return m ? unescapeHtml(m[1]!) : undefined;
}

/** Whether the checkbox or radio with this id is ticked. */
export const isChecked = (body: string, id: string) => new RegExp(`<input[^>]*\\bid="${escapeRe(id)}"[^>]*\\bchecked\\b`).test(body);

export const selectedOption = (body: string, selectName: string) => {
  const select = new RegExp(`<select[^>]*\\bname="${escapeRe(selectName)}"[^>]*>([\\s\\S]*?)</select>`).exec(body)?.[1] ?? '';
  return /<option value="([^"]*)" selected/.exec(select)?.[1];
};

/** The field error shown under a field (by its f-<name> id). */
export const fieldError = (body: string, name: string) =>
  unescapeHtml(new RegExp(`id="f-${escapeRe(name)}-error">([^<]*)<`).exec(body)?.[1] ?? '');

export async function ownerQuery<R extends object>(h: Harness, text: string, params: unknown[]): Promise<R[]> {
  return h.db.ownerTx((sql) => sql.query<R>(text, params));
}

export async function idByName(h: Harness, table: 'providers' | 'locations' | 'services' | 'programmes', m: MunicipalityRow, name: string): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(h, `SELECT id FROM ${table} WHERE municipality_id = $1 AND name = $2`, [m.id, name]);
  assert.ok(row, `${table}: ${name}`);
  return row.id;
}

export interface HistoryEntry {
  version: number;
  changed_by: string | null;
  changed_by_label: string;
  snapshot: Record<string, unknown>;
  changes: Record<string, [unknown, unknown]>;
}

export async function historyOf(h: Harness, m: MunicipalityRow, type: string, id: string): Promise<HistoryEntry[]> {
  return ownerQuery<HistoryEntry>(
    h,
    'SELECT version, changed_by, changed_by_label, snapshot, changes FROM catalog_history WHERE municipality_id = $1 AND entity_type = $2 AND entity_id = $3 ORDER BY version',
    [m.id, type, id],
  );
}

/** A complete, valid service form. */
export function serviceForm(providerId: string, locationIds: string[], over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    name: 'Transport do lekarza dla seniorów',
    summary: 'Dowóz na wizyty lekarskie i badania busem przystosowanym do wózków.',
    description: 'Kierowca odbiera spod domu i odwozi po wizycie.',
    area: 'health',
    target_groups: ['seniors', 'people_with_disabilities'],
    languages: ['pl', 'uk'],
    how_to_apply: 'Zadzwoń co najmniej dwa dni przed wizytą.',
    required_documents: 'skierowanie lub potwierdzenie wizyty\r\n\r\n  oświadczenie o dochodach  \r\n',
    eligibility: 'Seniorzy 65+ z Żyrardowa o dochodzie do 2020,50 zł na osobę.',
    min_age: '65',
    max_age: '',
    max_income: '2020,50',
    residence: '1',
    fee_kind: 'fixed',
    fee_amount: '15,50',
    fee_rule: '',
    provider_id: providerId,
    location_ids: locationIds,
    capacity: '12',
    capacity_period: 'kursów dziennie',
    contact_email: 'Transport@CUS.example',
    contact_phone: '46 855 00 80',
    status: 'active',
    ...over,
  };
}
