import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../support/harness';

describeEachEngine('smoke', (h) => {
  test('home page renders in Polish', async () => {
    const res = await h.client().get('/');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="pl">/);
  });
});
