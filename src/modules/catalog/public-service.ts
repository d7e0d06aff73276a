import type { Database, DbContext } from '../../platform/db/types';
import { AppError, type FieldErrors } from '../../platform/http/errors';
import { translator, type MessageKey } from '../../platform/i18n';
import { TIME_ZONE } from '../../platform/time';
import { AREAS, TARGET_GROUPS, type Area, type TargetGroup } from './domain';
import { catalog, type LocationRow, type OpeningHoursRow, type ProviderRow, type ServiceRow } from './repository';
import type { SearchCache } from './search-cache';
import { allowedEdits, correct, normalizeWord, searchWords, wordQueries, type SearchWord } from './search-words';
import { directory, type ExceptionRow, type LocationOption, type ProgrammeRef, type SearchRow, type WarsawMoment } from './repository-search';

export const PAGE_SIZE = 20;
export { ANY_WORD_LIMIT } from './repository-search';
export const MAX_PAGE = 1000;
/** Up to this many places, the place filter is a list to choose from; beyond, the place is typed. */
export const PLACE_LIST_LIMIT = 50;
/** How far ahead a service page lists changed opening hours. */
export const EXCEPTION_DAYS = 14;

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const warsawParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The Warsaw wall clock at an instant, to the minute (summer and winter time included). */
export function warsawMoment(now: Date): WarsawMoment {
  const part: Record<string, string> = {};
  for (const p of warsawParts.formatToParts(now)) part[p.type] = p.value;
  return { day: `${part.year}-${part.month}-${part.day}`, weekday: WEEKDAYS[part.weekday!]!, time: `${part.hour}:${part.minute}:00` };
}

export interface CatalogueFilter {
  q: string;
  area?: Area;
  group?: TargetGroup;
  free: boolean;
  location?: string;
  /** Part of a place's name, street or town (the typed place filter of large catalogues). */
  place: string;
  openNow: boolean;
  stepFree: boolean;
  page: number;
  /** Search what was typed, without correcting it to the catalogue's words ("Szukaj dokładnie: …"). */
  exact: boolean;
}

/** Why a service is in the results, in the order shown. */
export type Reason =
  | { kind: 'name'; words: string }
  | { kind: 'text' }
  | { kind: 'area'; area: Area }
  | { kind: 'group'; groups: TargetGroup[] }
  | { kind: 'free' }
  | { kind: 'location'; name: string }
  | { kind: 'open_now'; name: string; until: string }
  | { kind: 'step_free'; name: string };

export interface SearchResult extends SearchRow {
  reasons: Reason[];
}

export interface CatalogueView {
  /** The places to choose from; null when there are more than PLACE_LIST_LIMIT (the place is typed then). */
  locations: LocationOption[] | null;
  errors: FieldErrors;
  /** Absent when the filter is invalid. */
  results?: {
    rows: SearchResult[];
    total: number;
    page: number;
    pages: number;
    /** What was searched for when words were corrected ("opieka wytchnieniowa" for "opeika wytchnienowa"); null when nothing was. */
    corrected: string | null;
    /** No service has every word: some with any of them are shown. */
    partial: boolean;
  };
}

/** Words of three or more letters, at most eight: each must match when the phrase as a whole does not. */
export function searchTerms(q: string): string[] {
  return [...new Set(q.split(/[\s,.;:!?„”"'()[\]«»—–/-]+/u).filter((w) => [...w].length >= 3))].slice(0, 8);
}

/** Area and target group names in both languages, so either can be typed into the search (made at first use, once the catalogue is installed). */
let labels: { areas: { key: string; label: string }[]; groups: { key: string; label: string }[] } | undefined;
const LABELS = () => {
  if (labels) return labels;
  const pl = translator('pl');
  const en = translator('en');
  const both = <K extends string>(prefix: 'area' | 'group', keys: readonly K[]) =>
    keys.flatMap((k) => [pl, en].map((tr) => ({ key: k as string, label: tr.t(`${prefix}.${k}` as MessageKey) })));
  return (labels = { areas: both('area', AREAS), groups: both('group', TARGET_GROUPS) });
};

function reasonsFor(row: SearchRow, f: CatalogueFilter, labelAreas: string[], labelGroups: string[]): Reason[] {
  const reasons: Reason[] = [];
  if (f.q) {
    if (row.name_hits) reasons.push({ kind: 'name', words: row.name_hits });
    if (row.in_text || (!row.name_hits && !labelAreas.includes(row.area) && !row.target_groups.some((g) => labelGroups.includes(g)))) {
      reasons.push({ kind: 'text' });
    }
  }
  if (f.area || labelAreas.includes(row.area)) reasons.push({ kind: 'area', area: row.area });
  const groups = row.target_groups.filter((g) => g === f.group || labelGroups.includes(g));
  if (f.group && !groups.includes(f.group) && row.target_groups.includes('all_residents')) groups.push('all_residents');
  if (groups.length) reasons.push({ kind: 'group', groups });
  if (f.free) reasons.push({ kind: 'free' });
  if ((f.location || f.place) && row.place_location) reasons.push({ kind: 'location', name: row.place_location });
  if (f.openNow && row.open_location && row.open_until) reasons.push({ kind: 'open_now', name: row.open_location, until: row.open_until });
  if (f.stepFree && row.step_free_location) reasons.push({ kind: 'step_free', name: row.step_free_location });
  return reasons;
}

/** A word as the catalogue's index keeps it: lower case, no diacritics, letters and digits only. */
const indexed = (word: string) => normalizeWord(word).replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The text as searched when words were corrected: each corrected word replaced by the catalogue's word, written
 * as the services found write it (with its Polish letters: "opiekuńcze", not "opiekuncze"); null when none was.
 */
export function correctedText(q: string, terms: readonly string[], words: readonly SearchWord[], rows: readonly { name: string; summary: string }[]): string | null {
  if (!words.some((w) => w.correction)) return null;
  // Once a word was corrected, a word found only by its stem though misspelled ("wytchnienowa") is written out too.
  const fixes = new Map(words.filter((w) => w.correction ?? w.nearest).map((w) => [w.typed, (w.correction ?? w.nearest)!]));
  const written = new Map<string, string>();
  for (const row of rows) {
    for (const word of `${row.name} ${row.summary}`.toLocaleLowerCase('pl').split(/[^\p{L}\p{N}]+/u)) {
      if (word && !written.has(indexed(word))) written.set(indexed(word), word);
    }
  }
  let text = q;
  for (const term of terms) {
    const fix = fixes.get(indexed(term));
    if (fix) text = text.replace(term, written.get(fix) ?? fix);
  }
  return text === q ? null : text;
}

/**
 * The public catalogue: the municipality's places (for the filter) and, when the filter is valid,
 * one page of active services matching it with the reasons each matched. `now` decides "open now".
 */
export async function searchCatalogue(
  db: Database,
  ctx: DbContext,
  municipalityId: string,
  filter: CatalogueFilter,
  invalid: FieldErrors,
  now: Date = new Date(),
): Promise<CatalogueView> {
  return db.tx(ctx, async (sql) => {
    const listed = await directory.locations(sql, municipalityId, PLACE_LIST_LIMIT + 1);
    const locations = listed.length > PLACE_LIST_LIMIT ? null : listed;
    const errors: FieldErrors = { ...invalid };
    if (filter.location && !errors.location && !(await directory.locationExists(sql, municipalityId, filter.location))) {
      errors.location = { code: 'directory_choice' };
    }
    if (Object.keys(errors).length) return { locations, errors };

    const { areas: labelAreas, groups: labelGroups } = await directory.labelsMatching(sql, filter.q, LABELS());
    const terms = searchTerms(filter.q);
    const typed = searchWords(terms);
    const candidates = filter.exact ? [] : await directory.similarWords(sql, typed.filter((w) => allowedEdits(w.prefixes[0]!.length) > 0).map((w) => w.typed));
    const corrected = correct(typed, candidates);
    const { all: words, any: anyWords } = wordQueries(corrected);
    const query = { ...filter, terms, words, anyWords, labelAreas, labelGroups };
    const moment = warsawMoment(now);
    const { rows, total, partial } = await directory.search(sql, municipalityId, query, moment, { limit: PAGE_SIZE, offset: (filter.page - 1) * PAGE_SIZE });
    return {
      locations,
      errors,
      results: {
        rows: rows.map((r) => ({ ...r, reasons: reasonsFor(r, filter, labelAreas, labelGroups) })),
        total,
        page: filter.page,
        pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
        corrected: total > 0 ? correctedText(filter.q, terms, corrected, rows) : null,
        partial,
      },
    };
  });
}

/** The Warsaw minute an answer holds for ("open now" is decided to the minute). */
export function minuteOf(now: Date): string {
  const m = warsawMoment(now);
  return `${m.day} ${m.time}`;
}

/**
 * `searchCatalogue` through the cache: the same question in the same minute of the Warsaw clock
 * ("open now" is decided to the minute) is answered once. Invalid questions are not kept.
 */
export async function searchCatalogueCached(
  cache: SearchCache<CatalogueView>,
  db: Database,
  ctx: DbContext,
  municipalityId: string,
  filter: CatalogueFilter,
  invalid: FieldErrors,
  now: Date = new Date(),
): Promise<CatalogueView> {
  if (Object.keys(invalid).length) return searchCatalogue(db, ctx, municipalityId, filter, invalid, now);
  const question = JSON.stringify([filter.q, filter.area, filter.group, filter.location, filter.place, filter.free, filter.openNow, filter.stepFree, filter.page, filter.exact, minuteOf(now)]);
  return cache.through(municipalityId, question, () => searchCatalogue(db, ctx, municipalityId, filter, invalid, now));
}

export interface PlaceDetails extends LocationRow {
  hours: OpeningHoursRow[];
  exceptions: ExceptionRow[];
}

export interface ServiceDetails {
  service: ServiceRow;
  provider: ProviderRow | undefined;
  locations: PlaceDetails[];
  programmes: ProgrammeRef[];
}

/** A service of this municipality, whatever its status (suspended and closed ones stay reachable by their address). */
export async function serviceDetails(db: Database, ctx: DbContext, municipalityId: string, id: string, now: Date = new Date()): Promise<ServiceDetails> {
  return db.tx(ctx, async (sql) => {
    const service = await catalog.service(sql, municipalityId, id);
    if (!service) throw new AppError('not_found');
    const provider = await catalog.provider(sql, municipalityId, service.provider_id);
    const places = await catalog.locationsOfService(sql, municipalityId, id);
    const ids = places.map((l) => l.id);
    const hours = await catalog.openingHours(sql, municipalityId, ids);
    const exceptions = await directory.exceptions(sql, municipalityId, ids, warsawMoment(now).day, EXCEPTION_DAYS);
    const programmes = await directory.programmesOfService(sql, municipalityId, id);
    return {
      service,
      provider,
      locations: places.map((l) => ({ ...l, hours: hours.filter((h) => h.location_id === l.id), exceptions: exceptions.filter((e) => e.location_id === l.id) })),
      programmes,
    };
  });
}
