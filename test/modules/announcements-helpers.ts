import type { LightMyRequestResponse } from 'fastify';
import type { TestClient } from '../support/client';
import { ownerQuery } from '../support/db';
import type { Harness } from '../support/harness';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { multipart } from './catalog-transfer-helpers';

export const fields = (over: Record<string, string> = {}) => ({
  category: 'aktualnosci',
  title: 'Nowa świetlica dla dzieci w Osadzie',
  lead: 'Od lutego świetlica przy ul. Okrzei działa codziennie do 18:00.',
  body: '## Godziny\n\n- poniedziałek–piątek: 12:00–18:00\n\n[Regulamin](https://example.org/regulamin.pdf)',
  produced_by: 'Dział Organizowania Społeczności Lokalnej',
  publish_day: '',
  publish_time: '',
  remove_day: '',
  ...over,
});

/** A new draft by staff; its id from the redirect to its editor. */
export async function draft(c: TestClient, m: MunicipalityRow, over: Record<string, string> = {}): Promise<string> {
  await c.get(`/${m.slug}/ogloszenia/nowe`);
  const res = await c.post(`/${m.slug}/ogloszenia/nowe`, fields(over));
  if (res.statusCode !== 303) throw new Error(`draft not saved: ${res.statusCode} ${res.body.slice(0, 400)}`);
  return /\/ogloszenia\/([0-9a-f-]{36})\/edycja$/.exec(res.headers.location!)![1]!;
}

export async function row(h: Harness, m: MunicipalityRow, id: string) {
  const [r] = await ownerQuery<{ number: number; version: number; status: string; published_version: number; mailed_at: Date | null }>(
    h, 'SELECT number, version, status, published_version, mailed_at FROM announcements WHERE municipality_id = $1 AND id = $2', [m.id, id]);
  return r!;
}

/** Publishes a draft as saved; its number. */
export async function publishDraft(h: Harness, c: TestClient, m: MunicipalityRow, id: string): Promise<number> {
  const r = await row(h, m, id);
  const res = await c.post(`/${m.slug}/ogloszenia/${id}/publikuj`, { version: String(r.version) });
  if (res.statusCode !== 303) throw new Error(`not published: ${res.statusCode} ${res.body.slice(0, 400)}`);
  return r.number;
}

export async function upload(c: TestClient, url: string, fields: Record<string, string>, file?: { name: string; data: Buffer; type?: string }): Promise<LightMyRequestResponse> {
  const { payload, contentType } = multipart({ _csrf: c.csrfToken, ...fields }, file);
  return c.request({ method: 'POST', url, payload, headers: { 'content-type': contentType } });
}

/** Mail jobs queued to one address (the recipient stays readable in the sealed outbox). */
export const mailJobsTo = (h: Harness, to: string) =>
  ownerQuery<{ id: number }>(h, "SELECT id FROM jobs WHERE queue = 'mail.send' AND payload->>'to' = $1", [to]).then((r) => r.length);

export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
