import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ageWarnings, needsAge } from './domain';

// Issue 14: one applying for themselves gives a year of birth only when the service's criteria name an age.
test('a service needs an age only when its criteria name one; without a year there is no age warning', () => {
  assert.equal(needsAge([{ type: 'age', min: 7, max: 18 }]), true);
  assert.equal(needsAge([{ type: 'age', min: 60 }]), true);
  assert.equal(needsAge([]), false);
  assert.equal(needsAge([{ type: 'age' }]), false);
  assert.deepEqual(ageWarnings([{ type: 'age', max: 18 }], null), []);
  assert.deepEqual(ageWarnings([{ type: 'age', max: 18 }], 1950, new Date('2026-06-01T00:00:00Z')), [{ code: 'age_above', params: { min: undefined, max: 18, age: 75 } }]);
});
