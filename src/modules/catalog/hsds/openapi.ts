import { HSDS_VERSION } from './constants';

/**
 * The OpenAPI 3.1 description of the platform's JSON API: the HSDS 3.0 open data of each
 * municipality's catalogue (schemas by reference to the specification's own files) and the
 * platform's JSON endpoints. A test checks that every registered /api route is described here.
 */

const HSDS_SCHEMA = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema';
const ref = (name: string) => ({ $ref: `#/components/${name}` });
const json = (schema: unknown, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('schemas/Error'), description);
const hsdsPage = (items: unknown) => ({ allOf: [ref('schemas/Page')], properties: { contents: { type: 'array', items } } });

const NOT_FOUND = error('No such municipality, or no published record with this id (also for a malformed id).');
const INVALID = error('A query parameter is invalid (`validation.failed`, with `fields`).');

/** A GET operation; public (`security: []`, said outright) unless `extra.security` names the session. */
const op = (operationId: string, summary: string, responses: Record<string, unknown>, parameters: unknown[] = [], extra: Record<string, unknown> = {}) => ({
  get: { operationId, summary, tags: extra.tags ?? ['HSDS'], parameters, responses, security: [], ...extra },
});
const idPath = (what: string) => ({ name: 'id', in: 'path', required: true, description: `The id (uuid) of the ${what}.`, schema: { type: 'string', format: 'uuid' } });
const LIST_PARAMS = [ref('parameters/page'), ref('parameters/per_page'), ref('parameters/format')];
const SERVICE_FILTERS = [
  ref('parameters/search'),
  ref('parameters/taxonomy_term_id'),
  ref('parameters/taxonomy_id'),
  ref('parameters/organization_id'),
  ref('parameters/modified_after'),
];

export function openApiDocument(publicUrl: string): Record<string, unknown> {
  const hsds = (path: string) => `/api/{municipality}/hsds${path}`;
  const root = op('getAPIMetaInformation', 'HSDS version and profile of this API', {
    200: json(
      {
        type: 'object',
        required: ['version', 'profile', 'openapi_url'],
        properties: { version: { type: 'string', const: HSDS_VERSION }, profile: { type: 'string', format: 'uri' }, openapi_url: { type: 'string', format: 'uri' } },
      },
      'About this API and its relationship with HSDS.',
    ),
    404: NOT_FOUND,
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Wspólnota — API',
      version: '1.0.0',
      summary: 'Open data of the social services catalogues (Open Referral HSDS 3.0) and the platform JSON API.',
      description:
        'Each municipality publishes its catalogue of active social services as Open Referral HSDS ' +
        `${HSDS_VERSION} under /api/{municipality}/hsds/ (no key, CORS open). Records carry no fields outside the ` +
        'HSDS schemas. Texts are in Polish; taxonomy terms give the English name as their description.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: publicUrl }],
    tags: [
      { name: 'HSDS', description: 'Open Referral Human Services Data Specification 3.0 (read only, public).' },
      { name: 'Platform', description: 'The platform JSON API.' },
      { name: 'Grants', description: 'Open data of awarded grants, 360Giving Data Standard 1.4 (read only, public).' },
    ],
    paths: {
      '/api/openapi.json': op('getOpenApi', 'This document', { 200: json({ type: 'object' }, 'The OpenAPI 3.1 document.') }, [], { tags: ['Platform'] }),
      '/api/me': op(
        'getMe',
        'The signed-in person and their memberships',
        {
          200: json(
            {
              type: 'object',
              required: ['id', 'email', 'displayName', 'locale', 'mfaEnabled', 'memberships'],
              properties: {
                id: { type: 'string', format: 'uuid' },
                email: { type: 'string', format: 'email' },
                displayName: { type: 'string' },
                locale: { type: 'string', enum: ['pl', 'en'] },
                mfaEnabled: { type: 'boolean' },
                memberships: {
                  type: 'array',
                  items: { type: 'object', properties: { municipality: { type: 'string' }, roles: { type: 'array', items: { type: 'string' } } } },
                },
              },
            },
            'The account.',
          ),
          401: error('Not signed in (`auth.required`).'),
        },
        [],
        { tags: ['Platform'], security: [{ session: [] }] },
      ),
      '/api/{municipality}/audit-log': op(
        'getAuditLog',
        'A page of the municipality audit log, newest first (50 entries; auditors, with 2FA)',
        {
          200: json(
            {
              type: 'object',
              required: ['data', 'next'],
              properties: {
                data: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      id: { type: 'integer' },
                      occurred_at: { type: 'string', format: 'date-time' },
                      actor_label: { type: 'string' },
                      action: { type: 'string' },
                      subject_type: { type: 'string' },
                      subject_id: { type: 'string' },
                      reason: { type: 'string' },
                      ip: { type: 'string' },
                      request_id: { type: 'string' },
                      details: { type: 'object' },
                    },
                  },
                },
                next: { oneOf: [{ type: 'null' }, { type: 'object', properties: { before: { type: 'integer' } } }] },
              },
            },
            'Entries, and the `before` value of the next page (null on the last page).',
          ),
          401: error('Not signed in.'),
          403: error('No `audit.read` permission in this municipality (or 2FA not enrolled).'),
          404: NOT_FOUND,
          422: INVALID,
        },
        [
          ref('parameters/municipality'),
          ...['from', 'to'].map((name) => ({ name, in: 'query', description: 'A day (YYYY-MM-DD, Warsaw time).', schema: { type: 'string', format: 'date' } })),
          { name: 'action', in: 'query', schema: { type: 'string' } },
          { name: 'actor', in: 'query', description: 'Part of the actor label.', schema: { type: 'string' } },
          { name: 'subject', in: 'query', description: 'A subject id.', schema: { type: 'string' } },
          { name: 'before', in: 'query', description: 'Entries older than this id (keyset paging).', schema: { type: 'integer', minimum: 1 } },
        ],
        { tags: ['Platform'], security: [{ session: [] }] },
      ),
      '/api/{municipality}/rsvp/{token}': {
        parameters: [
          ref('parameters/municipality'),
          { name: 'token', in: 'path', required: true, description: 'The answer token of a meeting invitation (from its e-mail link; the only credential).', schema: { type: 'string' } },
        ],
        post: {
          operationId: 'answerMeetingInvitation',
          summary: "Answer (or change the answer to) a meeting invitation until the meeting starts",
          tags: ['Platform'],
          security: [],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['response'],
                  properties: {
                    response: { type: 'string', enum: ['yes', 'no', 'maybe'] },
                    people_count: { type: ['string', 'integer'], description: 'How many people come (1–500 with yes; one when omitted).' },
                    accessibility_needs: { type: 'string', maxLength: 1000 },
                  },
                },
              },
            },
          },
          responses: {
            200: json(
              {
                type: 'object',
                required: ['response', 'people_count', 'accessibility_needs', 'changed'],
                properties: {
                  response: { type: 'string', enum: ['yes', 'no', 'maybe'] },
                  people_count: { type: 'integer' },
                  accessibility_needs: { type: 'string' },
                  changed: { type: 'boolean', description: 'Whether an earlier answer was replaced.' },
                },
              },
              'The answer as stored.',
            ),
            400: error('Unknown token (`token.invalid`).'),
            404: NOT_FOUND,
            409: error('The meeting has started (`meeting.closed`) or was cancelled (`meeting.cancelled`).'),
            422: error('The answer is invalid (`validation.failed`, with `fields`).'),
          },
        },
      },
      '/api/{municipality}/cases': op(
        'listCases',
        "A coordinator's cases, newest first (50 a page; need-to-know; every page audited as `case.read`)",
        {
          200: json(
            {
              type: 'object',
              required: ['filter', 'cases', 'next'],
              properties: {
                filter: { type: 'object' },
                cases: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      id: { type: 'string', format: 'uuid' },
                      number: { type: 'string', description: 'CUS/<year>/<6 digits>' },
                      person: { type: 'string' },
                      birthYear: { type: ['integer', 'null'], description: 'null when the person applied for themselves without giving it' },
                      coordinator: { type: 'string' },
                      team: { type: ['string', 'null'] },
                      status: { type: 'string', enum: ['open', 'closed'] },
                      planDueOn: { type: ['string', 'null'], format: 'date' },
                      deadline: { type: 'object' },
                      openedAt: { type: 'string', format: 'date-time' },
                    },
                  },
                },
                next: { type: ['string', 'null'], format: 'uuid', description: 'The `after` value of the next page (null on the last page).' },
              },
            },
            'A page of cases the caller may see.',
          ),
          401: error('Not signed in.'),
          403: error('No `cases.manage` permission in this municipality (or 2FA not enrolled).'),
          404: NOT_FOUND,
        },
        [
          ref('parameters/municipality'),
          { name: 'scope', in: 'query', description: 'mine (default), team (supervisors), all (directors).', schema: { type: 'string', enum: ['mine', 'team', 'all'] } },
          { name: 'status', in: 'query', schema: { type: 'string', enum: ['open', 'closed'] } },
          { name: 'due', in: 'query', description: '1: only cases whose plan is due within 7 days or overdue.', schema: { type: 'string' } },
          { name: 'q', in: 'query', description: 'A case number or part of a surname.', schema: { type: 'string', maxLength: 100 } },
          { name: 'after', in: 'query', description: 'The last case of the previous page (keyset paging).', schema: { type: 'string', format: 'uuid' } },
        ],
        { tags: ['Platform'], security: [{ session: [] }] },
      ),
      '/api/{municipality}/applications/mine': op(
        'listMyApplications',
        "The signed-in person's applications with their place in the queue (read from the row, never counted) and the estimate",
        {
          200: json(
            {
              type: 'object',
              required: ['applications'],
              properties: {
                applications: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      id: { type: 'string', format: 'uuid' },
                      service: { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' } } },
                      status: { type: 'string', enum: ['waiting', 'accepted', 'declined', 'on_hold', 'forwarded', 'withdrawn'] },
                      queue_position: { type: ['integer', 'null'] },
                      estimate_weeks: { type: ['number', 'null'], description: 'Weeks at the pace of the last 12 weeks; null when no estimate is possible.' },
                    },
                  },
                },
              },
            },
            'The applications.',
          ),
          401: error('Not signed in.'),
          404: NOT_FOUND,
        },
        [ref('parameters/municipality')],
        { tags: ['Platform'], security: [{ session: [] }] },
      ),
      '/api/{municipality}/grants/360giving.json': op(
        'getGrants360Giving',
        "The municipality's awarded grants to organisations (open competitions) as a 360Giving Data Standard 1.4 package",
        {
          200: json(
            {
              type: 'object',
              required: ['grants'],
              properties: { grants: { type: 'array', items: { type: 'object', required: ['id', 'title', 'currency', 'amountAwarded', 'awardDate'] } } },
              description: 'Valid against 360-giving-package-schema.json of the 360Giving Data Standard 1.4.3 (github.com/ThreeSixtyGiving/standard).',
            },
            'A 360Giving data package of the grants whose results are published, CC BY 4.0.',
          ),
          404: NOT_FOUND,
        },
        [ref('parameters/municipality')],
        { tags: ['Grants'] },
      ),
      [hsds('')]: { ...root, parameters: [ref('parameters/municipality')] },
      [hsds('/datapackage.zip')]: {
        parameters: [ref('parameters/municipality')],
        ...op('getDataPackage', 'The whole catalogue as an HSDS tabular data package (CSV), CC BY 4.0', {
          200: {
            description:
              'A zip: datapackage.json (Frictionless Tabular Data Package; the resources of the HSDS 3.0 datapackage.json) and one ' +
              'UTF-8 RFC 4180 CSV per published table, with the same ids and active services as the JSON API.',
            content: { 'application/zip': { schema: { type: 'string', contentMediaType: 'application/zip' } } },
          },
          404: NOT_FOUND,
        }),
      },
      [hsds('/services')]: {
        parameters: [ref('parameters/municipality')],
        ...op(
          'getPaginatedListOfServices',
          'Active services, by name',
          {
            200: json(hsdsPage({ $ref: `${HSDS_SCHEMA}/compiled/service_list.json` }), 'A page of services (fully nested with `full=true`: compiled/service.json).'),
            404: NOT_FOUND,
            422: INVALID,
          },
          [...SERVICE_FILTERS, ref('parameters/postcode'), ref('parameters/full'), ...LIST_PARAMS],
        ),
      },
      [hsds('/services/{id}')]: {
        parameters: [ref('parameters/municipality'), idPath('service')],
        ...op('getFullyNestedServiceById', 'A service with everything about it', {
          200: json({ $ref: `${HSDS_SCHEMA}/compiled/service.json` }, 'The service.'),
          404: NOT_FOUND,
        }),
      },
      [hsds('/organizations')]: {
        parameters: [ref('parameters/municipality')],
        ...op(
          'getPaginatedListOfOrganizations',
          'Providers of active services, by name',
          { 200: json(hsdsPage({ $ref: `${HSDS_SCHEMA}/compiled/organization_list.json` }), 'A page of organizations.'), 404: NOT_FOUND, 422: INVALID },
          [ref('parameters/search'), ...LIST_PARAMS],
        ),
      },
      [hsds('/organizations/{id}')]: {
        parameters: [ref('parameters/municipality'), idPath('organization')],
        ...op('getOrganizationById', 'A provider with its places and fully nested active services', {
          200: json({ $ref: `${HSDS_SCHEMA}/compiled/organization.json` }, 'The organization.'),
          404: NOT_FOUND,
        }),
      },
      [hsds('/service_at_locations')]: {
        parameters: [ref('parameters/municipality')],
        ...op(
          'getPaginatedListOfServiceAtLocation',
          'Active services at each of their places',
          { 200: json(hsdsPage({ $ref: `${HSDS_SCHEMA}/compiled/service_at_location_list.json` }), 'A page of services at locations.'), 404: NOT_FOUND, 422: INVALID },
          [...SERVICE_FILTERS, ref('parameters/postcode'), ...LIST_PARAMS],
        ),
      },
      [hsds('/service_at_locations/{id}')]: {
        parameters: [ref('parameters/municipality'), idPath('service at location')],
        ...op('getServiceAtLocationWithNestedDataById', 'A service at one place, fully nested', {
          200: json({ $ref: `${HSDS_SCHEMA}/compiled/service_at_location.json` }, 'The service at location.'),
          404: NOT_FOUND,
        }),
      },
      [hsds('/taxonomies')]: {
        parameters: [ref('parameters/municipality')],
        ...op(
          'getPaginatedListOfTaxonomies',
          'The statutory areas of social services and the target groups',
          { 200: json(hsdsPage({ $ref: `${HSDS_SCHEMA}/taxonomy.json` }), 'A page of taxonomies.'), 404: NOT_FOUND, 422: INVALID },
          [ref('parameters/search'), ...LIST_PARAMS],
        ),
      },
      [hsds('/taxonomies/{id}')]: {
        parameters: [ref('parameters/municipality'), idPath('taxonomy')],
        ...op('getTaxonomyById', 'A taxonomy', { 200: json({ $ref: `${HSDS_SCHEMA}/taxonomy.json` }, 'The taxonomy.'), 404: NOT_FOUND }),
      },
      [hsds('/taxonomy_terms')]: {
        parameters: [ref('parameters/municipality')],
        ...op(
          'getPaginatedListOfTaxonomyTerms',
          'Every term of both taxonomies (Polish names, English descriptions)',
          { 200: json(hsdsPage({ $ref: `${HSDS_SCHEMA}/taxonomy_term.json` }), 'A page of taxonomy terms.'), 404: NOT_FOUND, 422: INVALID },
          [ref('parameters/search'), ref('parameters/taxonomy_id'), ...LIST_PARAMS],
        ),
      },
      [hsds('/taxonomy_terms/{id}')]: {
        parameters: [ref('parameters/municipality'), idPath('taxonomy term')],
        ...op('getTaxonomyTermById', 'A taxonomy term', { 200: json({ $ref: `${HSDS_SCHEMA}/taxonomy_term.json` }, 'The taxonomy term.'), 404: NOT_FOUND }),
      },
    },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sid', description: 'The session cookie set by signing in at /login.' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                fields: { type: 'object', additionalProperties: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } },
              },
            },
          },
        },
        Page: {
          type: 'object',
          required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
          properties: {
            total_items: { type: 'integer', description: 'The number of matching records.' },
            total_pages: { type: 'integer', description: 'The number of pages (0 when nothing matches).' },
            page_number: { type: 'integer', description: 'This page, counting from 1.' },
            size: { type: 'integer', description: 'The number of records on this page.' },
            first_page: { type: 'boolean' },
            last_page: { type: 'boolean' },
            empty: { type: 'boolean', description: 'True when this page has no records.' },
            contents: { type: 'array' },
          },
        },
      },
      parameters: {
        municipality: {
          name: 'municipality',
          in: 'path',
          required: true,
          description: 'The municipality address on the platform (its slug, e.g. `zyrardow`).',
          schema: { type: 'string', pattern: '^[a-z0-9-]+$' },
        },
        search: { name: 'search', in: 'query', description: 'Words to find in the name (and a service summary), ignoring case and Polish diacritics.', schema: { type: 'string', maxLength: 200 } },
        page: { name: 'page', in: 'query', description: 'The page number, from 1.', schema: { type: 'integer', minimum: 1, default: 1 } },
        per_page: { name: 'per_page', in: 'query', description: 'Records per page.', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
        format: { name: 'format', in: 'query', description: 'Only `json` is offered.', schema: { type: 'string', enum: ['json'] } },
        full: { name: 'full', in: 'query', description: 'Fully nested services instead of list items.', schema: { type: 'boolean', default: false } },
        taxonomy_term_id: {
          name: 'taxonomy_term_id',
          in: 'query',
          description: 'Services classified by this term (its id, or its code such as `health` or `seniors`).',
          schema: { type: 'string' },
        },
        taxonomy_id: { name: 'taxonomy_id', in: 'query', description: 'Records classified in this taxonomy (its id, or `area` / `target_group`).', schema: { type: 'string' } },
        organization_id: { name: 'organization_id', in: 'query', description: 'Services of this provider.', schema: { type: 'string', format: 'uuid' } },
        modified_after: {
          name: 'modified_after',
          in: 'query',
          description: 'Records changed on or after this moment: a day (YYYY-MM-DD, from midnight in Warsaw) or a date-time with an offset.',
          schema: { type: 'string' },
        },
        postcode: { name: 'postcode', in: 'query', description: 'Held at a place with this postal code (NN-NNN).', schema: { type: 'string', pattern: '^[0-9]{2}-[0-9]{3}$' } },
      },
    },
  };
}
