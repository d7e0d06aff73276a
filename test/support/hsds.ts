import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Validators for HSDS 3.0 responses, from the specification's own schema files (vendored, unchanged,
 * in test/fixtures/hsds — licence and source in its README),
 * made strict the way the specification's CI checks its examples: `additionalProperties: false` on
 * every object schema that lists its properties, so a field HSDS does not name fails validation.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
export const HSDS_DIR = path.resolve(ROOT, 'test/fixtures/hsds/3.0');
const BASE = 'https://hsds.test/schema/';

type Json = Record<string, unknown>;
const read = (file: string): Json => JSON.parse(fs.readFileSync(path.join(HSDS_DIR, 'schema', file), 'utf8')) as Json;

/** Sets `additionalProperties: false` wherever a schema lists `properties` and says nothing else. */
export function closed<T>(schema: T): T {
  if (Array.isArray(schema)) {
    schema.forEach(closed);
  } else if (schema && typeof schema === 'object') {
    const o = schema as Json;
    if (o.properties && typeof o.properties === 'object' && o.additionalProperties === undefined) o.additionalProperties = false;
    for (const v of Object.values(o)) closed(v);
  }
  return schema;
}

export type HsdsSchemaName =
  | 'root'
  | 'service'
  | 'organization'
  | 'service_at_location'
  | 'taxonomy'
  | 'taxonomy_term'
  | 'service_list_page'
  | 'organization_list_page'
  | 'service_at_location_list_page'
  | 'service_full_page'
  | 'taxonomy_page'
  | 'taxonomy_term_page';

export interface HsdsValidator {
  /** Validation errors (empty when valid), as "path message" lines. */
  errors(name: HsdsSchemaName, data: unknown): string[];
}

let cached: HsdsValidator | undefined;

/** Compiling the dereferenced schemas takes a few seconds: done once per process. */
export function hsdsValidator(): HsdsValidator {
  if (cached) return cached;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of ['metadata.json', 'taxonomy.json', 'taxonomy_term.json']) ajv.addSchema(closed({ ...read(file), $id: BASE + file }));
  for (const file of ['service.json', 'organization.json', 'service_at_location.json', 'service_list.json', 'organization_list.json', 'service_at_location_list.json']) {
    ajv.addSchema(closed({ ...read(`compiled/${file}`), $id: `${BASE}compiled/${file}` }));
  }

  const openapi = read('openapi.json') as { paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: Json }> }> } }>; components: { schemas: { Page: { properties: Json } } } };
  const rootSchema = structuredClone(openapi.paths['/']!.get.responses['200']!.content['application/json']!.schema);
  ajv.addSchema(closed({ ...rootSchema, required: ['version', 'profile', 'openapi_url'], $id: `${BASE}root` }));
  const pageProps = openapi.components.schemas.Page.properties;
  const page = (id: string, items: string) =>
    ajv.addSchema(
      closed({
        $id: BASE + id,
        type: 'object',
        required: [...Object.keys(pageProps), 'contents'],
        properties: { ...structuredClone(pageProps), contents: { type: 'array', items: { $ref: BASE + items } } },
      }),
    );
  page('service_list_page', 'compiled/service_list.json');
  page('service_full_page', 'compiled/service.json');
  page('organization_list_page', 'compiled/organization_list.json');
  page('service_at_location_list_page', 'compiled/service_at_location_list.json');
  page('taxonomy_page', 'taxonomy.json');
  page('taxonomy_term_page', 'taxonomy_term.json');

  const ids: Record<HsdsSchemaName, string> = {
    root: 'root',
    service: 'compiled/service.json',
    organization: 'compiled/organization.json',
    service_at_location: 'compiled/service_at_location.json',
    taxonomy: 'taxonomy.json',
    taxonomy_term: 'taxonomy_term.json',
    service_list_page: 'service_list_page',
    organization_list_page: 'organization_list_page',
    service_at_location_list_page: 'service_at_location_list_page',
    service_full_page: 'service_full_page',
    taxonomy_page: 'taxonomy_page',
    taxonomy_term_page: 'taxonomy_term_page',
  };
  const validators = new Map<HsdsSchemaName, ValidateFunction>();
  cached = {
    errors(name, data) {
      let validate = validators.get(name);
      if (!validate) {
        validate = ajv.getSchema(BASE + ids[name])!;
        validators.set(name, validate);
      }
      if (validate(data)) return [];
      return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${e.params ? JSON.stringify(e.params) : ''}`.trim());
    },
  };
  return cached;
}
