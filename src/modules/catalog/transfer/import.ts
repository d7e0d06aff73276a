import { z } from 'zod';
import { audit, type AuditActor } from '../../../platform/audit/audit';
import type { Database, DbContext, Sql } from '../../../platform/db/types';
import { AppError } from '../../../platform/http/errors';
import type { Params } from '../../../platform/i18n';
import type { ServiceRow } from '../repository';
import { createService, updateService, type Editor } from '../admin/edit-services';
import { canonical } from '../admin/history';
import { choices, type Choice } from '../admin/repository-admin';
import { FLAG_CRITERIA, parseServiceForm, type ServiceInput } from '../admin/service-form';
import { COLUMNS, type Column } from './columns';
import type { Table } from './read-file';
import { transferRepository } from './repository-transfer';

/** One problem in one cell: shown as row, column, value and a message (`error.<code>`). */
export interface RowError {
  row: number;
  column: string;
  value: string;
  code: string;
  params?: Params;
}

export interface ServiceRef {
  id: string;
  name: string;
}

export type ImportOutcome = { ok: false; errors: RowError[] } | { ok: true; created: ServiceRef[]; updated: ServiceRef[]; unchanged: number };

interface Plan {
  id: string | null;
  version: number;
  input: ServiceInput;
}

/** The form's field names where they differ from the file's columns. */
const FIELD_COLUMN: Record<string, Column> = { provider_id: 'provider', location_ids: 'locations', max_income: 'max_income_per_person' };
const uuid = z.uuid();
const list = (v: string, separator: RegExp) => v.split(separator).map((x) => x.trim()).filter((x) => x !== '');

/** "1", "tak", "x" … is yes; empty, "0", "nie" is no; anything else is a mistake (never silently "no"). */
function flagValue(raw: string): string | null {
  const v = raw.trim().toLowerCase();
  if (['1', 'tak', 'true', 'yes', 'x', 'prawda'].includes(v)) return '1';
  if (['', '0', 'nie', 'false', 'no', 'fałsz'].includes(v)) return '';
  return null;
}

interface Lookups {
  services: Map<string, ServiceRow>;
  providers: Choice[];
  locations: Choice[];
  seen: Map<string, number>;
}

function byName(list: Choice[], name: string): string[] {
  return list.filter((c) => c.name.trim() === name).map((c) => c.id);
}

/** Checks one row exactly as the staff form would (plus the file's own rules); every problem is reported. */
function planRow(row: number, cells: Record<string, string>, l: Lookups): { plan?: Plan; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (column: string, code: string, params?: Params) => errors.push({ row, column, value: cells[column] ?? '', code, ...(params ? { params } : {}) });
  const cell = (c: Column) => cells[c] ?? '';

  const id = cell('id').trim();
  let existing: ServiceRow | undefined;
  let version = 0;
  if (id !== '') {
    if (!uuid.safeParse(id).success) fail('id', 'transfer_id');
    else if (!(existing = l.services.get(id.toLowerCase()))) fail('id', 'transfer_unknown_id');
    else if (l.seen.has(existing.id)) fail('id', 'transfer_duplicate_id', { row: l.seen.get(existing.id)! });
    else l.seen.set(existing.id, row);
    const v = cell('version').trim();
    version = /^\d{1,9}$/.test(v) ? Number(v) : 0;
    if (version < 1) fail('version', 'transfer_version');
    else if (existing && existing.version !== version) fail('version', 'transfer_stale', { current: existing.version });
  }

  const providerName = cell('provider').trim();
  const providerIds = byName(l.providers, providerName);
  if (providerName !== '' && providerIds.length === 0) fail('provider', 'transfer_unknown_provider');
  if (providerIds.length > 1) fail('provider', 'transfer_ambiguous_provider');
  const locationIds: string[] = [];
  for (const name of list(cell('locations'), /\s*\|\s*/)) {
    const ids = byName(l.locations, name);
    if (ids.length === 1) locationIds.push(ids[0]!);
    else fail('locations', ids.length ? 'transfer_ambiguous_location' : 'transfer_unknown_location', { name });
  }

  const flags: Record<string, string> = {};
  for (const f of FLAG_CRITERIA) {
    const v = flagValue(cell(f));
    if (v === null) fail(f, 'transfer_flag');
    else flags[f] = v;
  }

  const body = {
    name: cell('name'), summary: cell('summary'), description: cell('description'), area: cell('area').trim(),
    target_groups: list(cell('target_groups'), /[;,]/),
    situations: 'situations' in cells ? list(cell('situations'), /[;,]/) : (existing?.situations ?? []),
    how_to_apply: cell('how_to_apply'),
    required_documents: list(cell('required_documents'), /\s*\|\s*/).join('\n'), fee_kind: cell('fee_kind').trim(),
    fee_amount: cell('fee_amount'), fee_rule: cell('fee_rule'), capacity: cell('capacity'), capacity_period: cell('capacity_period'),
    eligibility: cell('eligibility'), min_age: cell('min_age'), max_age: cell('max_age'), max_income: cell('max_income_per_person'), ...flags,
    status: cell('status').trim(), languages: list(cell('languages'), /[;,]/).map((x) => x.toLowerCase()), contact_email: cell('contact_email'),
    contact_phone: cell('contact_phone'), provider_id: providerIds.length === 1 ? providerIds[0] : '', location_ids: locationIds,
  };
  let input: ServiceInput | undefined;
  try {
    input = parseServiceForm(body);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'validation.failed') throw err;
    const flagged = new Set(errors.map((e) => e.column));
    for (const [field, e] of Object.entries(err.fields ?? {})) {
      const column = FIELD_COLUMN[field] ?? field;
      if (!flagged.has(column)) fail(column, e.code, e.params);
    }
  }
  // In the file's column order, so a row's problems read left to right.
  errors.sort((a, b) => COLUMNS.indexOf(a.column as Column) - COLUMNS.indexOf(b.column as Column));
  if (errors.length || !input) return { errors };
  // The same conditions in another order are the same service: keep the stored order, so nothing "changes".
  if (existing && sameSet(existing.criteria, input.criteria)) input = { ...input, criteria: existing.criteria };
  return { plan: { id: existing?.id ?? null, version, input }, errors };
}

const sameSet = (a: unknown[], b: unknown[]) => canonical(a.map((x) => canonical(x)).sort()) === canonical(b.map((x) => canonical(x)).sort());

/** The editors' functions open a transaction of their own; inside an import they join the import's one. */
function within(db: Database, sql: Sql): Database {
  return { engine: db.engine, tx: (_ctx, fn) => fn(sql), ownerTx: () => Promise.reject(new Error('not inside an import')), close: async () => undefined };
}

/**
 * Validates every row, then — only if none has an error — saves them all in one transaction, each
 * change a version in the history, exactly as the staff form saves it.
 */
export async function importServices(db: Database, ctx: DbContext, municipalityId: string, table: Table, editor: Editor, actor: AuditActor): Promise<ImportOutcome> {
  return db.tx(ctx, async (sql) => {
    const lookups: Lookups = {
      services: new Map((await transferRepository.lockAll(sql, municipalityId)).map((s) => [s.id, s])),
      providers: await choices.providers(sql, municipalityId),
      locations: await choices.locations(sql, municipalityId),
      seen: new Map(),
    };
    const plans: Plan[] = [];
    const errors: RowError[] = [];
    for (const { row, cells } of table.rows) {
      const r = planRow(row, cells, lookups);
      errors.push(...r.errors);
      if (r.plan) plans.push(r.plan);
    }
    if (errors.length) return { ok: false, errors };
    const inner = within(db, sql);
    const created: ServiceRef[] = [];
    const updated: ServiceRef[] = [];
    let unchanged = 0;
    for (const p of plans) {
      if (p.id === null) {
        created.push({ id: await createService(inner, ctx, municipalityId, p.input, editor), name: p.input.name });
      } else if ((await updateService(inner, ctx, municipalityId, p.id, p.input, p.version, editor)).changed) {
        updated.push({ id: p.id, name: p.input.name });
      } else {
        unchanged++;
      }
    }
    await audit(sql, municipalityId, actor, {
      action: 'catalog.services_imported',
      subjectType: 'service',
      details: { created: created.length, updated: updated.length, unchanged },
    });
    return { ok: true, created, updated, unchanged };
  });
}
