import { AREAS, TARGET_GROUPS, type Area, type TargetGroup } from '../domain';
import { catalogEn, catalogPl } from '../messages';
import { derivedId, isUuid } from './ids';

/**
 * The two taxonomies a service is classified by: the 14 statutory areas of social services and the
 * platform's target groups. Terms carry the Polish name (`language: "pl"`); the English name is the
 * description. Ids are fixed (name-based), the same in every municipality.
 */
export type TaxonomyCode = 'area' | 'target_group';

export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  uri?: string;
  version?: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  code: string;
  name: string;
  description: string;
  taxonomy: string;
  taxonomy_id: string;
  taxonomy_detail: HsdsTaxonomy;
  language: string;
}

export const TAXONOMIES: Record<TaxonomyCode, HsdsTaxonomy> = {
  area: {
    id: derivedId('taxonomy', 'area'),
    name: 'Obszary usług społecznych',
    description:
      'Obszary usług społecznych wymienione w art. 2 ustawy z dnia 19 lipca 2019 r. o realizowaniu usług społecznych przez centrum usług ' +
      'społecznych (Dz.U. 2019 poz. 1818). The statutory areas of social services (Act of 19 July 2019, art. 2).',
    uri: 'https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20190001818',
    version: '2019',
  },
  target_group: {
    id: derivedId('taxonomy', 'target_group'),
    name: 'Grupy odbiorców',
    description: 'Do kogo usługa jest skierowana (słownik platformy Wspólnota). Who a service is meant for (the Wspólnota platform vocabulary).',
    version: '1',
  },
};

export const TAXONOMY_LIST: HsdsTaxonomy[] = [TAXONOMIES.area, TAXONOMIES.target_group];

function term(taxonomy: TaxonomyCode, code: string, name: string, english: string): HsdsTaxonomyTerm {
  const detail = TAXONOMIES[taxonomy];
  return { id: derivedId('taxonomy_term', taxonomy, code), code, name, description: english, taxonomy: detail.name, taxonomy_id: detail.id, taxonomy_detail: detail, language: 'pl' };
}

// The module's own words, read directly: the terms are made at import, before the app installs the catalogue.
const AREA_TERMS = new Map<Area, HsdsTaxonomyTerm>(AREAS.map((a) => [a, term('area', a, catalogPl[`area.${a}`], catalogEn[`area.${a}`] as string)]));
const GROUP_TERMS = new Map<TargetGroup, HsdsTaxonomyTerm>(
  TARGET_GROUPS.map((g) => [g, term('target_group', g, catalogPl[`group.${g}`], catalogEn[`group.${g}`] as string)]),
);

/** Every term: the areas in the act's order, then the target groups. */
export const TERMS: HsdsTaxonomyTerm[] = [...AREA_TERMS.values(), ...GROUP_TERMS.values()];

export const areaTerm = (a: Area): HsdsTaxonomyTerm => AREA_TERMS.get(a)!;
export const groupTerm = (g: TargetGroup): HsdsTaxonomyTerm => GROUP_TERMS.get(g)!;

export type TermRef = { taxonomy: 'area'; code: Area } | { taxonomy: 'target_group'; code: TargetGroup };

/** A term by its id, or by its code (codes are unique across both taxonomies). */
export function resolveTerm(idOrCode: string): TermRef | undefined {
  const byId = isUuid(idOrCode) ? idOrCode.toLowerCase() : undefined;
  for (const [code, t] of AREA_TERMS) if (t.id === byId || code === idOrCode) return { taxonomy: 'area', code };
  for (const [code, t] of GROUP_TERMS) if (t.id === byId || code === idOrCode) return { taxonomy: 'target_group', code };
  return undefined;
}

/** A taxonomy by its id or code (`area`, `target_group`). */
export function resolveTaxonomy(idOrCode: string): TaxonomyCode | undefined {
  const lower = idOrCode.toLowerCase();
  return (Object.keys(TAXONOMIES) as TaxonomyCode[]).find((code) => code === idOrCode || TAXONOMIES[code].id === lower);
}

/** Lower case without diacritics (ł included), as the database's search_normalize does. */
export const normalize = (v: string): string =>
  v.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l');

const matches = (search: string, ...texts: string[]): boolean => {
  const haystack = normalize(texts.join(' '));
  return search.split(/\s+/).filter(Boolean).every((w) => haystack.includes(normalize(w)));
};

export const findTaxonomies = (search: string): HsdsTaxonomy[] => TAXONOMY_LIST.filter((t) => matches(search, t.name, t.description));

/** Terms whose Polish or English name has every word of `search`, optionally of one taxonomy. */
export const findTerms = (search: string, taxonomy?: TaxonomyCode): HsdsTaxonomyTerm[] =>
  TERMS.filter((t) => (!taxonomy || t.taxonomy_id === TAXONOMIES[taxonomy].id) && matches(search, t.name, t.description, t.code));

export const taxonomyById = (id: string): HsdsTaxonomy | undefined => TAXONOMY_LIST.find((t) => t.id === id.toLowerCase());
export const termById = (id: string): HsdsTaxonomyTerm | undefined => TERMS.find((t) => t.id === id.toLowerCase());
