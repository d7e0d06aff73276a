import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../../platform/http/errors';
import { parseModifiedAfter, searchListQuery, serviceListQuery, termListQuery } from './query';
import { TAXONOMIES, areaTerm } from './taxonomy';

const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof AppError && err.code === 'validation.failed', String(err));
    return Object.keys(err.fields ?? {});
  }
  assert.fail('expected validation.failed');
};

test('modified_after takes a day or a date-time with an offset', () => {
  assert.deepEqual(parseModifiedAfter('2026-03-01'), { day: '2026-03-01' });
  assert.deepEqual(parseModifiedAfter('2026-03-01T12:00:00Z'), { instant: '2026-03-01T12:00:00Z' });
  assert.deepEqual(parseModifiedAfter('2026-03-01t12:00z'), { instant: '2026-03-01T12:00Z' });
  assert.deepEqual(parseModifiedAfter('2026-03-01T13:00:00.5+01:00'), { instant: '2026-03-01T13:00:00.5+01:00' });
  assert.deepEqual(parseModifiedAfter('2026-03-01T13:00:00 01:00'), { instant: '2026-03-01T13:00:00+01:00' }, 'an unencoded + arrives as a space');
  for (const bad of ['2026-02-30', '2026-13-01', '0000-01-01', '2026-03-01T12:00:00', '2026-03-01T24:00Z', '2026-02-30T10:00Z', 'wczoraj', '1700000000']) {
    assert.equal(parseModifiedAfter(bad), undefined, bad);
  }
});

test('service list parameters: defaults, filters by id or code, and refusals', () => {
  assert.deepEqual(serviceListQuery({}), { filter: {}, paging: { page: 1, perPage: 50 }, full: false });
  const q = serviceListQuery({
    search: '  senior ',
    taxonomy_term_id: areaTerm('health').id,
    taxonomy_id: TAXONOMIES.target_group.id,
    organization_id: 'AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE',
    modified_after: '2026-01-01',
    page: '3',
    per_page: '200',
    full: 'true',
    format: 'json',
    unknown: 'ignored',
  });
  assert.deepEqual(q, {
    filter: { search: 'senior', area: 'health', anyTargetGroup: true, organizationId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', modifiedAfter: { day: '2026-01-01' } },
    paging: { page: 3, perPage: 200 },
    full: true,
  });
  assert.deepEqual(serviceListQuery({ taxonomy_term_id: 'seniors', taxonomy_id: 'area' }).filter, { targetGroup: 'seniors' });

  assert.deepEqual(fieldsOf(() => serviceListQuery({ per_page: '201' })), ['per_page']);
  assert.deepEqual(fieldsOf(() => serviceListQuery({ per_page: '0' })), ['per_page']);
  assert.deepEqual(fieldsOf(() => serviceListQuery({ per_page: '-1' })), ['per_page']);
  assert.deepEqual(fieldsOf(() => serviceListQuery({ per_page: '1.5' })), ['per_page']);
  assert.deepEqual(fieldsOf(() => serviceListQuery({ page: ['1', '2'] })), ['page']);
  assert.deepEqual(fieldsOf(() => serviceListQuery({ page: '0', taxonomy_term_id: 'nieznany', organization_id: '42', modified_after: 'jutro', full: 'tak', format: 'ndjson', postcode: '96300' })).sort(), [
    'format',
    'full',
    'modified_after',
    'organization_id',
    'page',
    'postcode',
    'taxonomy_term_id',
  ]);
  assert.deepEqual(fieldsOf(() => serviceListQuery({ search: 'x'.repeat(201) })), ['search']);
});

test('organisation and term lists take search and paging; terms also a taxonomy', () => {
  assert.deepEqual(searchListQuery({ search: 'CUS', per_page: '5' }), { search: 'CUS', paging: { page: 1, perPage: 5 } });
  assert.deepEqual(termListQuery({ taxonomy_id: 'target_group' }), { search: '', taxonomy: 'target_group', paging: { page: 1, perPage: 50 } });
  assert.deepEqual(fieldsOf(() => termListQuery({ taxonomy_id: 'inna' })), ['taxonomy_id']);
});
