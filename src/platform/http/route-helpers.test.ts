import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { assertVersion, expectUpdated } from './conflict';
import { AppError } from './errors';
import { idParam, numberParam, uuidParam } from './params';
import { municipalityOf, tenantOf, userOf } from './route-context';

const withParams = (params: Record<string, unknown>) => ({ params }) as unknown as FastifyRequest;
const code = (code: string) => (err: unknown) => err instanceof AppError && err.code === code;

test('an id in the address is a uuid, lower-cased; anything else is not found', () => {
  const id = '0B6A2C4E-1D3F-4A5B-8C7D-9E0F1A2B3C4D';
  assert.equal(idParam(withParams({ id })), id.toLowerCase());
  assert.equal(idParam(withParams({ caseId: id }), 'caseId'), id.toLowerCase());
  for (const bad of ['42', 'nie-ma', `${id}x`, "' OR 1=1 --", '', undefined, ['a']]) {
    assert.throws(() => idParam(withParams({ id: bad })), code('not_found'), String(bad));
  }
  assert.throws(() => idParam(withParams({ id }), 'planId'), code('not_found'), 'a parameter the route lacks');
  assert.throws(() => uuidParam(null), code('not_found'));
});

test('a numeric id is a positive whole number; anything else is not found', () => {
  assert.equal(numberParam(withParams({ id: '17' })), 17);
  for (const bad of ['0', '-1', '1.5', '1e3', '017', ' 7', 'abc', '9999999999999999', undefined]) {
    assert.throws(() => numberParam(withParams({ id: bad })), code('not_found'), String(bad));
  }
});

test('the route context: a municipality and a person, or the refusal the guard gives', () => {
  const tenant = { municipality: { id: 'm', slug: 'zyrardow' }, roles: [], permissions: new Set() };
  const user = { id: 'u', email: 'anna@example.pl' };
  const request = { tenant, user } as unknown as FastifyRequest;
  assert.equal(tenantOf(request), tenant);
  assert.equal(municipalityOf(request), tenant.municipality);
  assert.equal(userOf(request), user);
  const anonymous = { tenant: null, user: null } as unknown as FastifyRequest;
  assert.throws(() => tenantOf(anonymous), code('not_found'));
  assert.throws(() => municipalityOf(anonymous), code('not_found'));
  assert.throws(() => userOf(anonymous), code('auth.required'));
});

test('optimistic concurrency: a moved-on version or an update that touched nothing is conflict.stale', () => {
  assert.doesNotThrow(() => assertVersion({ version: 3 }, 3));
  assert.throws(() => assertVersion({ version: 4 }, 3), code('conflict.stale'));
  assert.throws(() => assertVersion({ version: 1 }, null), code('conflict.stale'));
  assert.doesNotThrow(() => expectUpdated(true));
  assert.doesNotThrow(() => expectUpdated(1));
  assert.throws(() => expectUpdated(false), code('conflict.stale'));
  assert.throws(() => expectUpdated(0), code('conflict.stale'));
});
