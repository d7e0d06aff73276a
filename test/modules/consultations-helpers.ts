import crypto from 'node:crypto';
import { zipSync, strToU8 } from 'fflate';
import type { Role } from '../../src/platform/auth/roles';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import type { TestClient } from '../support/client';
import { makeUser, type TestUser } from '../support/factories';
import type { Harness } from '../support/harness';
import { logIn } from '../support/session';

/** Shared by the consultations tests (and the bench): people, a consultation made through the staff form, its period moved, a DOCX. */

export async function person(h: Harness, m: MunicipalityRow, roles: Role[] = ['resident']): Promise<{ user: TestUser; c: TestClient }> {
  const user = await makeUser(h.db, { municipality: m, roles });
  return { user, c: await logIn(h, user) };
}

const ymd = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

/** The staff form's fields for a consultation planned to open tomorrow for a week. */
export function consultationForm(over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const day = 86_400_000;
  return {
    subject: 'Projekt programu współpracy z organizacjami na 2027 rok',
    legal_basis: 'art. 5a ust. 1 ustawy o działalności pożytku publicznego i o wolontariacie',
    audience: ['everyone', 'organisations'],
    forms: ['comments', 'written'],
    opens_on: ymd(new Date(Date.now() + day)),
    opens_time: '8:00',
    closes_on: ymd(new Date(Date.now() + 8 * day)),
    closes_time: '23:59',
    contact: 'Paweł Sikora, tel. 46 855 00 15',
    documents: 'https://cus.example/projekt.pdf',
    allow_anonymous: '1',
    ...over,
  };
}

export const LEGAL_TEXT = `Program współpracy Miasta z organizacjami pozarządowymi na 2027 rok
Rozdział 1
Postanowienia ogólne
§ 1. 1. Program określa cele, zasady i formy współpracy.
2. Ilekroć w programie jest mowa o organizacjach, rozumie się przez to organizacje pozarządowe.
§ 2. Współpraca odbywa się na zasadach pomocniczości, suwerenności stron, partnerstwa, efektywności, uczciwej konkurencji i jawności.
Rozdział 2
Formy współpracy
§ 3. Współpraca obejmuje zlecanie zadań publicznych, konsultowanie projektów aktów i tworzenie wspólnych zespołów.`;

/** Creates a consultation through the form, loads the text, and returns its id and parts. */
export async function consultationWithText(h: Harness, m: MunicipalityRow, staff: TestClient, over: Record<string, string | string[]> = {}, text = LEGAL_TEXT) {
  const created = await staff.post(`/${m.slug}/consultations/new`, consultationForm(over));
  if (created.statusCode !== 303) throw new Error(`consultation not created: ${created.statusCode} ${created.body.slice(0, 500)}`);
  const id = /consultations\/([0-9a-f-]{36})\/manage/.exec(created.headers.location ?? '')![1]!;
  const loaded = await staff.post(`/${m.slug}/consultations/${id}/text`, { text, version: '1' });
  if (loaded.statusCode !== 303) throw new Error(`text not loaded: ${loaded.statusCode}`);
  return { id, parts: await partsOf(h, m, id) };
}

export async function partsOf(h: Harness, m: MunicipalityRow, id: string): Promise<{ id: string; label: string; body: string; version: number; removed_at: Date | null }[]> {
  return h.db.ownerTx((sql) => sql.query('SELECT id, label, body, version, removed_at FROM consultation_parts WHERE municipality_id = $1 AND consultation_id = $2 ORDER BY position', [m.id, id]));
}

/** Moves the period so that the consultation is open now, or closed a minute ago. */
export async function setPhase(h: Harness, m: MunicipalityRow, id: string, phase: 'open' | 'closed'): Promise<void> {
  const sql = phase === 'open'
    ? "UPDATE consultations SET opens_at = now() - interval '1 day', closes_at = now() + interval '1 day' WHERE municipality_id = $1 AND id = $2"
    : "UPDATE consultations SET opens_at = now() - interval '8 days', closes_at = now() - interval '1 minute' WHERE municipality_id = $1 AND id = $2";
  await h.db.ownerTx((s) => s.query(sql, [m.id, id]));
}

export async function remarksOf(h: Harness, m: MunicipalityRow, id: string) {
  return h.db.ownerTx((sql) =>
    sql.query<{ id: string; author_id: string | null; author_name: string; anonymous: boolean; content: string; position: string | null; reasons: string; version: number }>(
      'SELECT id, author_id, author_name, anonymous, content, position, reasons, version FROM consultation_remarks WHERE municipality_id = $1 AND consultation_id = $2 ORDER BY created_at, id',
      [m.id, id],
    ),
  );
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal DOCX (WordprocessingML in a zip), one paragraph per line: what Word writes, without styles. */
export function makeDocx(paragraphs: string[]): Buffer {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>`).join('');
  const files = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
  };
  return Buffer.from(zipSync(files));
}

/** The DOCX upload as a browser sends it: a multipart form with the CSRF token, the version and one file. */
export async function uploadDocx(c: TestClient, slug: string, id: string, name: string, data: Buffer, version = '1') {
  if (!c.csrfToken) await c.get(`/${slug}/consultations/${id}/manage`);
  const boundary = `----wspolnota${crypto.randomBytes(8).toString('hex')}`;
  const parts = [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${c.csrfToken}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="version"\r\n\r\n${version}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ];
  return c.request({ method: 'POST', url: `/${slug}/consultations/${id}/text.docx`, payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}
