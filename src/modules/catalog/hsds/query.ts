import { z } from 'zod';
import { parse } from '../../../platform/http/validation';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from './constants';
import { isUuid } from './ids';
import type { ServiceFilter } from './repository';
import type { Paging } from './service';
import { resolveTaxonomy, resolveTerm, type TaxonomyCode } from './taxonomy';

/** Query parameters of the HSDS lists: invalid values are refused (422 with the field), unknown ones ignored. */

const invalid = { params: { code: 'invalid' } };

/** One query value, trimmed ('' when absent); a repeated, over-long or NUL-carrying value is invalid. */
const single = (max: number) =>
  z.preprocess(
    (v) => (v === undefined ? '' : v),
    z.unknown().transform((v, ctx) => {
      if (typeof v !== 'string' || v.length > max || v.includes('\u0000')) {
        ctx.addIssue({ code: 'custom', params: { code: 'invalid' } });
        return z.NEVER;
      }
      return v.trim();
    }),
  );
const optional = (max: number, valid: (v: string) => boolean) => single(max).refine((v) => v === '' || valid(v), invalid);

/** A whole number in [min, max], or nothing. */
const wholeNumber = (min: number, max: number) =>
  optional(9, (v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max).transform((v) => (v === '' ? undefined : Number(v)));

const isCalendarDay = (v: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || v < '0001') return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/i;

/**
 * `modified_after`: a calendar day (counted from midnight in Warsaw) or an ISO 8601 date-time with
 * `Z` or an offset. An unencoded `+` in a query string arrives as a space and is read as `+`.
 */
export function parseModifiedAfter(raw: string): ServiceFilter['modifiedAfter'] {
  const v = raw.trim().replace(/ (\d{2}:\d{2})$/, '+$1');
  if (isCalendarDay(v)) return { day: v };
  const m = DATE_TIME.exec(v);
  if (m && isCalendarDay(m[1]!)) return { instant: v.toUpperCase() };
  return undefined;
}

const paging = {
  page: wholeNumber(1, 1_000_000),
  per_page: wholeNumber(1, MAX_PER_PAGE),
  format: optional(10, (v) => v === 'json'),
};
const flag = () => optional(5, (v) => v === 'true' || v === 'false').transform((v) => v === 'true');

const serviceQuery = z.object({
  search: single(200),
  taxonomy_term_id: optional(100, (v) => resolveTerm(v) !== undefined),
  taxonomy_id: optional(100, (v) => resolveTaxonomy(v) !== undefined),
  organization_id: optional(36, isUuid),
  modified_after: optional(40, (v) => parseModifiedAfter(v) !== undefined),
  postcode: optional(6, (v) => /^\d{2}-\d{3}$/.test(v)),
  full: flag(),
  ...paging,
});
const searchQuery = z.object({ search: single(200), ...paging });
const termQuery = z.object({ search: single(200), taxonomy_id: optional(100, (v) => resolveTaxonomy(v) !== undefined), ...paging });

const toPaging = (q: { page?: number; per_page?: number }): Paging => ({ page: q.page ?? 1, perPage: q.per_page ?? DEFAULT_PER_PAGE });

export function serviceListQuery(query: unknown): { filter: ServiceFilter; paging: Paging; full: boolean } {
  const q = parse(serviceQuery, query);
  const filter: ServiceFilter = {};
  if (q.search) filter.search = q.search;
  const term = q.taxonomy_term_id ? resolveTerm(q.taxonomy_term_id) : undefined;
  if (term?.taxonomy === 'area') filter.area = term.code;
  if (term?.taxonomy === 'target_group') filter.targetGroup = term.code;
  // Every service has an area, so only the target-group taxonomy narrows the list.
  if (q.taxonomy_id && resolveTaxonomy(q.taxonomy_id) === 'target_group') filter.anyTargetGroup = true;
  if (q.organization_id) filter.organizationId = q.organization_id.toLowerCase();
  if (q.modified_after) filter.modifiedAfter = parseModifiedAfter(q.modified_after);
  if (q.postcode) filter.postcode = q.postcode;
  return { filter, paging: toPaging(q), full: q.full };
}

export function searchListQuery(query: unknown): { search: string; paging: Paging } {
  const q = parse(searchQuery, query);
  return { search: q.search, paging: toPaging(q) };
}

export function termListQuery(query: unknown): { search: string; taxonomy?: TaxonomyCode; paging: Paging } {
  const q = parse(termQuery, query);
  return { search: q.search, taxonomy: q.taxonomy_id ? resolveTaxonomy(q.taxonomy_id) : undefined, paging: toPaging(q) };
}
