import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wellFormed } from '../../src/platform/http/well-formed';
import { describeEachEngine } from '../support/harness';
import { municipalityWithRegistry, one, planForm } from '../modules/action-plan-helpers';
import { staff } from '../modules/organisations-helpers';

test('lone surrogates become U+FFFD; pairs, nesting and buffers are kept', () => {
  const file = Buffer.from('abc');
  const out = wellFormed({ a: 'x\uD800y', b: ['\uDC00', 'ok 😀'], c: { d: '\uD83D' }, file, n: 3 });
  assert.deepEqual(out, { a: 'x\uFFFDy', b: ['\uFFFD', 'ok 😀'], c: { d: '\uFFFD' }, file, n: 3 });
  assert.equal(out.file, file);
});

describeEachEngine('input text is made well-formed before handlers see it', (h) => {
  test('a lone surrogate in a JSON body is saved as U+FFFD, and its audit entry (jsonb) is written: no 500', async () => {
    const m = await municipalityWithRegistry(h, 'Gmina Znaków');
    const { c } = await staff(h, m);
    await c.get(`/${m.slug}/action-plans/new`);
    const token = c.csrfToken;
    const res = await c.request({
      method: 'POST',
      url: `/${m.slug}/action-plans/new`,
      payload: JSON.stringify({ ...planForm({ title: 'Plan sąsiedzki \uD800 na rok' }), _csrf: token }),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    const row = await one<{ title: string }>(h, 'SELECT title FROM action_plans WHERE municipality_id = $1', [m.id]);
    assert.equal(row.title, 'Plan sąsiedzki \uFFFD na rok');
    const entry = await one<{ title: string }>(h, "SELECT details ->> 'title' AS title FROM audit_log WHERE municipality_id = $1 AND action = 'action_plan.created'", [m.id]);
    assert.equal(entry.title, 'Plan sąsiedzki \uFFFD na rok');
  });
});

test('a body nested thousands deep is walked without overflowing the stack', () => {
  let deep: unknown = '\uD800';
  for (let i = 0; i < 100_000; i++) deep = i % 2 ? { a: deep } : [deep];
  assert.doesNotThrow(() => wellFormed(deep));
  let inner = deep;
  while (typeof inner !== 'string') inner = Array.isArray(inner) ? inner[0] : (inner as { a: unknown }).a;
  assert.equal(inner, '\uFFFD');
});
