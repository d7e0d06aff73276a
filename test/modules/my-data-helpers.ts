import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { tinyPdf } from '../../src/modules/my-data';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import type { TestClient } from '../support/client';
import type { TestUser } from '../support/factories';
import type { Harness } from '../support/harness';
import { applyFor, CARE, serviceId } from './applications-helpers';
import { multipart } from './catalog-transfer-helpers';
import { ownerQuery } from '../support/db';

/** Shared by the my-data tests: files of each kind, uploads as a browser sends them, cases and referrals made directly. */

export const PDF = tinyPdf('Zaswiadczenie testowe');
/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** The start of a Windows executable ("MZ"), whatever it is called. */
export const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200, 7)]);

/** Posts a multipart upload form (with the client's CSRF token, fetched first if none is known). */
export async function upload(c: TestClient, url: string, fields: Record<string, string>, file?: { name: string; data: Buffer; type?: string }): Promise<LightMyRequestResponse> {
  if (!c.csrfToken) await c.get('/account');
  const { payload, contentType } = multipart({ _csrf: c.csrfToken, ...fields }, file);
  return c.request({ method: 'POST', url, payload, headers: { 'content-type': contentType } });
}

export interface DocumentDbRow {
  id: string;
  application_id: string | null;
  case_id: string | null;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  has_content: boolean;
  removed_at: Date | null;
  uploaded_by: string;
}

export const documentRows = (h: Harness, m: MunicipalityRow) =>
  ownerQuery<DocumentDbRow>(h, 'SELECT id, application_id, case_id, filename, media_type, size_bytes, sha256, content IS NOT NULL AS has_content, removed_at, uploaded_by FROM resident_documents WHERE municipality_id = $1 ORDER BY uploaded_at, id', [m.id]);

export const auditOf = (h: Harness, m: MunicipalityRow, action: string) =>
  ownerQuery<{ actor_user_id: string; subject_type: string; subject_id: string; details: { cases?: string[]; ids?: string[] } }>(
    h, 'SELECT actor_user_id, subject_type, subject_id, details FROM audit_log WHERE municipality_id = $1 AND action = $2 ORDER BY id', [m.id, action]);

/** A resident's application for home care, with the consent to share with its provider when asked. */
export async function applied(h: Harness, c: TestClient, m: MunicipalityRow, over: Record<string, string> = {}): Promise<string> {
  return applyFor(h, c, m, await serviceId(h, m, CARE), over);
}

let cases = 0;
/** A case opened from `application` for `resident`, run by `coordinator` in a team of a unit with a contact. */
export async function openCase(h: Harness, m: MunicipalityRow, opts: { application: string; resident: TestUser; coordinator: TestUser; person?: string }): Promise<{ id: string; number: string; unit: string }> {
  const n = ++cases;
  const [unit] = await ownerQuery<{ id: string }>(h, "INSERT INTO units (municipality_id, name, phone, email) VALUES ($1, $2, '46 855 00 20', 'ipus@cus.example') RETURNING id", [m.id, `Zespół koordynatorów ${n}`]);
  const [team] = await ownerQuery<{ id: string }>(h, 'INSERT INTO care_teams (municipality_id, name, unit_id) VALUES ($1, $2, $3) RETURNING id', [m.id, `Zespół ${n} ${m.slug}`, unit!.id]);
  const number = `CUS/2026/${String(n).padStart(6, '0')}`;
  const [row] = await ownerQuery<{ id: string }>(
    h,
    `INSERT INTO cases (municipality_id, number, opened_from, resident_user_id, person_name, birth_year, contact_phone, coordinator_id, team_id)
     VALUES ($1, $2, $3, $4, $5, 1941, '46 855 99 01', $6, $7) RETURNING id`,
    [m.id, number, opts.application, opts.resident.id, opts.person ?? 'Janina Lniarska', opts.coordinator.id, team!.id],
  );
  await ownerQuery(h, 'UPDATE applications SET case_id = $3 WHERE municipality_id = $1 AND id = $2', [m.id, opts.application, row!.id]);
  return { id: row!.id, number, unit: unit!.id };
}

/** A referral on the case to the unit, relying on `consent` (status `sent`). */
export async function referral(h: Harness, m: MunicipalityRow, c: { id: string; unit: string }, application: string, consent: string | null, label = 'Usługi opiekuńcze — 2 godziny dziennie'): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    h,
    `INSERT INTO referrals (municipality_id, case_id, application_id, provider_kind, unit_id, service_label, shared_details, consent_id,
       override_basis, override_reason, respond_by)
     VALUES ($1, $2, $3, 'unit', $4, $5, 'Pani Janina potrzebuje pomocy przy zakupach.', $6, $7, $8, (now() + interval '7 days')::date) RETURNING id`,
    [m.id, c.id, application, c.unit, label, consent, consent ? null : 'vital_interest', consent ? '' : 'Zagrożenie zdrowia, brak kontaktu z rodziną.'],
  );
  return row!.id;
}

export async function consentId(h: Harness, m: MunicipalityRow, application: string, purpose: string): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(h, 'SELECT id FROM application_consents WHERE municipality_id = $1 AND application_id = $2 AND purpose = $3', [m.id, application, purpose]);
  assert.ok(row, purpose);
  return row.id;
}

/** Text that only the full resident's records hold, to find (or not) in downloads. */
export const FULL = {
  need: 'Mama potrzebuje pomocy przy kąpieli i posiłkach po wyjściu ze szpitala.',
  goal: 'Samodzielne przygotowanie śniadania do końca kwartału',
  service: 'Pomoc przy kąpieli',
  commitment: 'Codzienny spacer z sąsiadką',
  review: 'Przegląd po miesiącu: postępy widoczne',
  note: 'Wizyta domowa: mieszkanie przystosowane',
  delivery: 'Pierwsza wizyta opiekunki, wszystko w porządku',
};

/**
 * A resident with everything: an application (with consents) in an open case run by a coordinator,
 * an approved plan with a goal, a service, a commitment, a review and a note, a referral with an
 * event and a delivery, and a document.
 */
export async function fullResident(h: Harness, m: MunicipalityRow, people: { coord: TestUser; approver: TestUser; resident: { user: TestUser; c: TestClient } }) {
  const { coord, approver } = people;
  const { user, c } = people.resident;
  const app = await applied(h, c, m, { need: FULL.need, consent_sharing: '1' });
  const kase = await openCase(h, m, { application: app, resident: user, coordinator: coord });
  const [plan] = await ownerQuery<{ id: string }>(
    h,
    `INSERT INTO care_plans (municipality_id, case_id, status, situation, valid_from, valid_until, author_id, approved_by, approved_at)
     VALUES ($1, $2, 'approved', 'Pani Janina mieszka sama, córka pracuje w Warszawie.', current_date, current_date + 180, $3, $4, now()) RETURNING id`,
    [m.id, kase.id, coord.id, approver.id],
  );
  const p = plan!.id;
  await ownerQuery(h, 'INSERT INTO care_plan_goals (municipality_id, plan_id, position, description, measure) VALUES ($1, $2, 1, $3, $4)', [m.id, p, FULL.goal, 'Trzy razy w tygodniu bez pomocy']);
  await ownerQuery(h, "INSERT INTO care_plan_services (municipality_id, plan_id, position, description, frequency, provider_kind, provider_name) VALUES ($1, $2, 1, $3, '2 razy w tygodniu', 'other', 'Stowarzyszenie Lniany Krąg')", [m.id, p, FULL.service]);
  await ownerQuery(h, 'INSERT INTO care_plan_commitments (municipality_id, plan_id, position, description) VALUES ($1, $2, 1, $3)', [m.id, p, FULL.commitment]);
  await ownerQuery(h, 'INSERT INTO care_plan_reviews (municipality_id, plan_id, review_on, done_at, done_by, note) VALUES ($1, $2, current_date + 30, now(), $3, $4)', [m.id, p, coord.id, FULL.review]);
  await ownerQuery(h, 'INSERT INTO care_plan_notes (municipality_id, plan_id, noted_on, body, author_id) VALUES ($1, $2, current_date, $3, $4)', [m.id, p, FULL.note, coord.id]);
  const ref = await referral(h, m, kase, app, await consentId(h, m, app, 'provider_sharing'));
  await ownerQuery(h, "UPDATE referrals SET plan_id = $3, status = 'in_progress', accepted_at = now() WHERE municipality_id = $1 AND id = $2", [m.id, ref, p]);
  await ownerQuery(h, "INSERT INTO referral_events (municipality_id, referral_id, status_from, status_to, actor_id) VALUES ($1, $2, 'sent', 'accepted', $3)", [m.id, ref, coord.id]);
  await ownerQuery(h, 'INSERT INTO referral_deliveries (municipality_id, referral_id, delivered_on, minutes, note, recorded_by) VALUES ($1, $2, current_date, 90, $3, $4)', [m.id, ref, FULL.delivery, coord.id]);
  assert.equal((await upload(c, `/${m.slug}/my/documents`, { application: app, description: 'Wypis ze szpitala' }, { name: 'wypis.pdf', data: PDF })).statusCode, 303);
  return { app, kase, plan: p, referral: ref };
}
