import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { validate } from '@readme/openapi-parser';
import { openApiDocument } from './openapi';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The specification's schemas the document refers to, read from the vendored copy instead of GitHub. */
const VENDORED = pathToFileURL(path.join(import.meta.dirname, '../../../../test/fixtures/hsds/3.0/schema')).href;
const offline = (doc: unknown): Json => JSON.parse(JSON.stringify(doc).replaceAll('https://raw.githubusercontent.com/openreferral/specification/3.0/schema', VENDORED)) as Json;
const operations = (doc: Json) =>
  Object.entries(doc.paths as Record<string, Json>).flatMap(([p, item]) => Object.entries(item).filter(([k]) => ['get', 'post', 'put', 'patch', 'delete'].includes(k)).map(([method, o]) => ({ path: p, method, op: o as Json })));

describe('the OpenAPI document of the public API', () => {
  test('is valid OpenAPI 3.1 for a maintained validator, the HSDS schemas it refers to included', async () => {
    const doc = offline(openApiDocument('https://wspolnota.example'));
    const result = await validate(doc as never, { resolve: { file: true, external: true } });
    assert.equal(result.valid, true, JSON.stringify((result as { errors?: unknown }).errors ?? result, null, 2).slice(0, 3000));
  });

  test('every operation says who may call it: public ones with security: [], the rest the session', () => {
    const doc = openApiDocument('https://wspolnota.example') as Json;
    const ops = operations(doc);
    assert.ok(ops.length >= 17);
    for (const { path: p, method, op } of ops) {
      assert.ok(Array.isArray(op.security), `${method} ${p} declares security`);
      const signedIn = ['/api/me', '/api/{municipality}/audit-log', '/api/{municipality}/cases', '/api/{municipality}/applications/mine'].includes(p);
      if (p.includes('/hsds') || p === '/api/openapi.json') assert.deepEqual(op.security, [], `${method} ${p} is public`);
      if (signedIn) assert.deepEqual(op.security, [{ session: [] }], `${method} ${p} needs the session`);
    }
  });

  test('no path ends with a slash', () => {
    const paths = Object.keys((openApiDocument('https://wspolnota.example') as Json).paths as Json);
    assert.deepEqual(paths.filter((p) => p.endsWith('/')), []);
  });
});
