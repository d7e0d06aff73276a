/**
 * What the escalation probe's attacks share: extra people of municipality A, the forms a page
 * offers, and submitting a form as someone else (with that person's CSRF token).
 */
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../src/platform/auth/roles';
import type { TestClient } from '../test/support/client';
import { makeUser, type TestUser } from '../test/support/factories';
import { parseForms, send, submission, type HtmlForm } from './world-http';
import { logIn, type World } from './world';

/** Text a person might type into an empty field of a form: long enough for any reason or note. */
export const TYPED = 'Sprawdzenie uprawnień przez sondę eskalacji — tekst wpisany w formularz.';

/** The smallest file that passes as a PDF by its bytes. */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export interface Intruder {
  user: TestUser;
  client: TestClient;
}

/** A new staff member of A with the role (and TOTP), logged in. */
export async function extraStaff(w: World, role: Role): Promise<Intruder> {
  const user = await makeUser(w.db, { municipality: w.a, roles: [role], totp: true });
  return { user, client: await logIn(w.app, user) };
}

/** The POST forms of a page as `client` sees it (none when the page is refused). */
export async function postForms(client: TestClient, url: string): Promise<HtmlForm[]> {
  const res = await client.get(url);
  return res.statusCode === 200 ? postFormsOf(res.body, url) : [];
}

/** The POST forms of a page already fetched. */
export const postFormsOf = (html: string, url: string): HtmlForm[] => parseForms(html, url).filter((f) => f.method === 'post');

/** Links of a page that start with `prefix` (no files), each once. */
export function linksUnder(html: string, prefix: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/href="([^"#?]+)/g)) {
    const href = m[1]!;
    if (href.startsWith(prefix) && !/\.(pdf|csv|xlsx|json|ics)$/.test(href)) out.add(href);
  }
  return [...out];
}

/**
 * Submits `form` as `client`: what a browser sends untouched, empty text fields typed in, `over`
 * replacing fields by name, and a small PDF in any file field.
 */
export function submitAs(client: TestClient, form: HtmlForm, over: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const pairs = submission(form).map(([k, v]): [string, string] => [k, k in over ? over[k]! : v]);
  for (const f of form.fields) {
    if (f.name in over && !pairs.some(([k]) => k === f.name)) pairs.push([f.name, over[f.name]!]);
    const typed = pairs.find(([k]) => k === f.name);
    if (typed && typed[1] === '' && !(f.name in over) && (f.kind === 'text' || f.kind === 'textarea')) typed[1] = TYPED;
  }
  if (form.multipart) {
    const file = form.fields.find((f) => f.kind === 'file');
    return send(client, 'POST', form.action, {
      kind: 'multipart',
      fields: pairs,
      ...(file ? { file: { name: file.name, filename: 'zaswiadczenie.pdf', type: 'application/pdf', data: TINY_PDF } } : {}),
    });
  }
  return send(client, 'POST', form.action, { kind: 'form', pairs });
}

/** One value of the owner's database (the probe's own reads bypass row-level security). */
export async function ownerValue<T>(w: World, text: string, params: unknown[]): Promise<T | undefined> {
  const [row] = await w.db.ownerTx((sql) => sql.query<{ v: T }>(text, params));
  return row?.v;
}
