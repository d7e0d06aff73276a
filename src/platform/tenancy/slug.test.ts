import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RESERVED_SLUGS, slugProblem } from './slug';

test('well-formed slugs are accepted', () => {
  for (const slug of ['zyrardow', 'gmina-testowa', 'a', 'x1', '123', 'stare-babice-2', 'a'.repeat(50)]) {
    assert.equal(slugProblem(slug), null, slug);
  }
});

test('reserved top-level paths cannot be slugs', () => {
  assert.equal(slugProblem('login'), 'slug_reserved');
  for (const slug of ['api', 'static', 'account', 'register', 'logout', 'healthz', 'invitations']) {
    assert.equal(slugProblem(slug), 'slug_reserved', slug);
  }
  for (const slug of RESERVED_SLUGS) assert.notEqual(slugProblem(slug), null, slug);
});

test('malformed slugs are refused', () => {
  const invalid: [string, string][] = [
    ['Zyrardow', 'uppercase'],
    ['GMINA', 'all uppercase'],
    ['-zyrardow', 'leading hyphen'],
    ['zyrardow-', 'trailing hyphen'],
    ['żyrardów', 'Polish letters'],
    ['gmina testowa', 'space'],
    ['gmina_testowa', 'underscore'],
    ['gmina/testowa', 'slash'],
    ['gmina.testowa', 'dot'],
    ['', 'empty'],
    ['a'.repeat(51), 'longer than 50'],
    ['zyrardow\n', 'trailing newline'],
  ];
  for (const [slug, why] of invalid) assert.equal(slugProblem(slug), 'slug', `${JSON.stringify(slug)}: ${why}`);
});
