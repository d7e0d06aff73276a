import { FLAG_CRITERIA } from '../admin/service-form';
import type { ExportedService } from './repository-transfer';

/** The file's columns: stable machine names, in this order, in the first row. */
export const COLUMNS = [
  'id', 'name', 'summary', 'description', 'area', 'target_groups', 'situations', 'how_to_apply', 'required_documents', 'fee_kind', 'fee_amount', 'fee_rule',
  'capacity', 'capacity_period', 'eligibility', 'min_age', 'max_age', 'residence', 'max_income_per_person', 'disability_certificate', 'carer',
  'household_with_children', 'unemployed', 'status', 'languages', 'contact_email', 'contact_phone', 'provider', 'locations', 'version',
] as const;
export type Column = (typeof COLUMNS)[number];

/**
 * A file without `id` and `version` only adds services; every other column must be there (a missing one would blank the
 * field), except `situations`, which files exported before services declared them lack: without it they stay as they are.
 */
export const OPTIONAL_COLUMNS: readonly Column[] = ['id', 'version', 'situations'];
export const REQUIRED_COLUMNS: readonly Column[] = COLUMNS.filter((c) => !OPTIONAL_COLUMNS.includes(c));

/** Separators inside a cell: codes (groups, languages) and names or documents. */
export const CODE_SEPARATOR = ';';
export const NAME_SEPARATOR = ' | ';

export type Cell = string | number | null;

/** One service as one row of cells: numbers stay numbers (a spreadsheet can sum them), lists are joined. */
export function serviceCells(s: ExportedService): Record<Column, Cell> {
  const age = s.criteria.find((c) => c.type === 'age');
  const income = s.criteria.find((c) => c.type === 'income_per_person');
  const has = (type: string) => (s.criteria.some((c) => c.type === type) ? 1 : null);
  const flags = Object.fromEntries(FLAG_CRITERIA.map((f) => [f, has(f)])) as Record<(typeof FLAG_CRITERIA)[number], Cell>;
  return {
    id: s.id,
    name: s.name,
    summary: s.summary,
    description: s.description,
    area: s.area,
    target_groups: s.target_groups.join(CODE_SEPARATOR),
    situations: (s.situations ?? []).join(CODE_SEPARATOR),
    how_to_apply: s.how_to_apply,
    required_documents: s.required_documents.join(NAME_SEPARATOR),
    fee_kind: s.fee_kind,
    fee_amount: s.fee_amount,
    fee_rule: s.fee_rule,
    capacity: s.capacity,
    capacity_period: s.capacity_period,
    eligibility: s.eligibility,
    min_age: age?.min ?? null,
    max_age: age?.max ?? null,
    max_income_per_person: income ? income.max : null,
    ...flags,
    status: s.status,
    languages: s.languages.join(CODE_SEPARATOR),
    contact_email: s.contact_email,
    contact_phone: s.contact_phone,
    provider: s.provider_name,
    locations: s.location_names.join(NAME_SEPARATOR),
    version: s.version,
  };
}

/** The inverse of `neutraliseFormula` on import: the apostrophe the export (or a spreadsheet) put before such a cell is not part of the value. */
export function unneutralise(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
