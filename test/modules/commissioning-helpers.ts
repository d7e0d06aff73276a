import type { Role } from '../../src/platform/auth/roles';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import type { TestClient } from '../support/client';
import { ownerQuery } from '../support/db';
import { makeUser, type TestUser } from '../support/factories';
import type { Harness } from '../support/harness';
import { logIn } from '../support/session';

/** Shared by the commissioning tests (and the bench): people, organisations, a call made and published through the forms, offers. */

export async function person(h: Harness, m: MunicipalityRow, roles: Role[] = ['resident']): Promise<{ user: TestUser; c: TestClient }> {
  const user = await makeUser(h.db, { municipality: m, roles });
  return { user, c: await logIn(h, user) };
}

let seq = 0;
/** A verified organisation of the registry (KRS when `krs`), with the given members. */
export async function organisation(h: Harness, m: MunicipalityRow, name: string, members: string[], krs = true): Promise<string> {
  seq++;
  const k = krs ? `00${String(Date.now() % 1e6).padStart(6, '0')}${String(seq % 100).padStart(2, '0')}` : null;
  const [row] = await ownerQuery<{ id: string }>(h,
    `INSERT INTO organisations (municipality_id, name, kind, krs, leader_name, spheres, email, status, verified_at)
     VALUES ($1, $2, $3, $4, $5, ARRAY['seniors'], 'biuro@organizacja.example', 'verified', now()) RETURNING id`,
    [m.id, name, krs ? 'association' : 'informal_group', k, krs ? '' : 'Anna Przykładowa']);
  for (const u of members) await ownerQuery(h, "INSERT INTO organisation_members (municipality_id, organisation_id, user_id, role) VALUES ($1, $2, $3, 'admin')", [m.id, row!.id, u]);
  return row!.id;
}

const ymd = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
export const inDays = (n: number) => ymd(new Date(Date.now() + n * 86_400_000));

export function callForm(over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    title: 'Aktywizacja seniorów w 2027 roku',
    sphere: 'seniors',
    tasks: 'Zajęcia ruchowe i warsztaty dla mieszkańców w wieku 60+.',
    total_amount: '100 000',
    grant_ceiling: '40 000',
    min_own_percent: '10',
    criteria: 'Możliwość realizacji; 40\nKalkulacja kosztów; 30\nWkład własny; 30',
    rules: 'Dotacja do 90% kosztów zadania.',
    closes_on: inDays(30),
    closes_time: '15:00',
    ...over,
  };
}

/** A call created and published by `staff`; its id. */
export async function publishedCall(staff: TestClient, m: MunicipalityRow, over: Record<string, string | string[]> = {}): Promise<string> {
  const created = await staff.post(`/${m.slug}/grants/calls/new`, callForm(over));
  if (created.statusCode !== 303) throw new Error(`call not created: ${created.statusCode} ${created.body.slice(0, 800)}`);
  const id = /calls\/([0-9a-f-]{36})\/offers/.exec(created.headers.location ?? '')![1]!;
  const published = await staff.post(`/${m.slug}/grants/calls/${id}/publish`, { version: '1' });
  if (published.statusCode !== 303) throw new Error(`call not published: ${published.statusCode} ${published.body.slice(0, 800)}`);
  return id;
}

/** A complete offer's form: two cost lines, grant 30 000 of 36 000 (16,67 % own). */
export function offerForm(version: number, over: Record<string, string> = {}): Record<string, string> {
  return {
    version: String(version),
    title: 'Aktywny senior 2027',
    task_description: 'Zajęcia dla 100 seniorów w sali przy ul. 1 Maja 20.',
    expected_results: '100 uczestników, 300 godzin zajęć.',
    schedule_0_action: 'Zajęcia ruchowe',
    schedule_0_from: '2027-03-01',
    schedule_0_to: '2027-11-30',
    cost_0_name: 'Wynagrodzenie instruktorów',
    cost_0_total: '30 000',
    cost_0_grant: '25 000',
    cost_0_own_financial: '5 000',
    cost_1_name: 'Materiały',
    cost_1_total: '6 000',
    cost_1_grant: '5 000',
    cost_1_own_in_kind: '500',
    cost_1_volunteer: '500',
    ...over,
  };
}

/** A draft started by a member for the organisation; its id. */
export async function draft(c: TestClient, m: MunicipalityRow, callId: string, organisationId: string): Promise<string> {
  const res = await c.post(`/${m.slug}/grants/calls/${callId}/offers/new`, { organisation_id: organisationId });
  if (res.statusCode !== 303) throw new Error(`offer not started: ${res.statusCode} ${res.body.slice(0, 500)}`);
  return /offers\/([0-9a-f-]{36})/.exec(res.headers.location ?? '')![1]!;
}

export async function offerVersion(h: Harness, m: MunicipalityRow, id: string): Promise<number> {
  const [row] = await ownerQuery<{ version: number }>(h, 'SELECT version FROM commissioning_offers WHERE municipality_id = $1 AND id = $2', [m.id, id]);
  return row!.version;
}

export async function setCloses(h: Harness, m: MunicipalityRow, callId: string, interval: string): Promise<void> {
  await ownerQuery(h, `UPDATE commissioning_calls SET offers_close_at = now() + interval '${interval}', published_at = least(published_at, now() + interval '${interval}' - interval '21 days') WHERE municipality_id = $1 AND id = $2`, [m.id, callId]);
}
