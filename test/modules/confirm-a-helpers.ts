import assert from 'node:assert/strict';
import { statusOf } from '../../src/platform/http/errors';
import type { TestClient } from '../support/client';
import { pageText } from '../support/pages';
import { assertIncludes } from '../support/assertions';

/** What a refused, unconfirmed POST of an irreversible action says at the top of its confirmation page. */
export const NOT_CONFIRMED = 'Nic nie zostało zrobione: tę czynność trzeba najpierw potwierdzić.';

/**
 * The confirmation contract of one irreversible action (meetings, venues, organisations, staff):
 * GET `url` is the page saying each of `says` (what will happen, whether it can be undone); a POST of
 * `fields` without the confirmation — a page form or a JSON caller — is refused and `unchanged` still
 * holds; the same POST with `confirmed=yes` answers 303.
 */
export async function assertConfirmed(c: TestClient, url: string, fields: Record<string, string>, says: string[], unchanged: () => Promise<void>) {
  const page = await c.get(url);
  assert.equal(page.statusCode, 200, url);
  const text = pageText(page.body);
  for (const s of says) assertIncludes(text, s, `${url} says: ${s}`);
  assert.match(page.body, /<input type="hidden" name="confirmed" value="yes"/);
  const forced = await c.post(url, fields);
  assert.equal(forced.statusCode, statusOf('confirmation.required'), `${url} without confirmation`);
  assertIncludes(pageText(forced.body), NOT_CONFIRMED);
  for (const s of says) assertIncludes(pageText(forced.body), s, 'the confirmation page again');
  const json = await c.postJson(url, fields);
  assert.equal((json.json() as { error: { code: string } }).error.code, 'confirmation.required');
  await unchanged();
  const done = await c.post(url, { ...fields, confirmed: 'yes' });
  assert.equal(done.statusCode, 303, `${url} confirmed: ${pageText(done.body).slice(0, 300)}`);
  return done;
}
