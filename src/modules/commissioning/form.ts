import { z } from 'zod';
import { choice, idList, parseFields, requiredDay, timeOfDay, isCalendarDay } from '../../platform/http/form-fields';
import { longText, requiredText, shortText, text } from '../../platform/http/validation';
import { validationError, type FieldErrors } from '../../platform/http/errors';
import type { FormState } from '../../platform/ui/context';
import { warsawInstant, warsawParts } from '../../platform/time';
import { SPHERE_CODES } from '../organisations';
import { DECISION_KINDS, formatMoney, parseMoney, type CallRow, type CostLine, type Criterion, type DecisionKind, type ScheduleRow } from './domain';

/** The module's forms: every mistake at once, a Polish message per field (`error.<code>`). */

const money = (required = true) =>
  z.preprocess((v) => (typeof v === 'string' ? v : v === undefined ? '' : v), z.string().max(40)).transform((v, ctx) => {
    const n = parseMoney(v);
    if (n === null || (required && n === 0)) {
      ctx.addIssue({ code: 'custom', params: { code: n === null ? 'commissioning_money' : 'required' } });
      return z.NEVER;
    }
    return n;
  });
const percent = () =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim().replace(',', '.').replace(/%$/, '') : ''), z.string().max(10)).transform((v, ctx) => {
    if (v === '') return 0;
    const n = /^\d{1,3}(\.\d{1,2})?$/.test(v) ? Math.round(Number(v) * 100) : NaN;
    if (!(n >= 0 && n <= 10000)) {
      ctx.addIssue({ code: 'custom', params: { code: 'commissioning_percent' } });
      return z.NEVER;
    }
    return n;
  });

const callFields = {
  title: requiredText(300).pipe(z.string().min(3)),
  sphere: choice(SPHERE_CODES),
  tasks: requiredText(5000),
  service_ids: idList(50),
  total_amount: money(),
  grant_ceiling: money(),
  min_own_percent: percent(),
  criteria: longText(),
  rules: text(20_000),
  closes_on: requiredDay(),
  closes_time: timeOfDay(),
};
export const CALL_FIELDS = Object.keys(callFields);

export interface CallInput {
  title: string;
  sphere: string;
  tasks: string;
  service_ids: string[];
  total_amount: number;
  grant_ceiling: number;
  min_own_basis_points: number;
  criteria: Criterion[];
  rules: string;
  offers_close_at: Date;
}

/** "Nazwa kryterium; waga" per line → criteria; null when a line has no weight from 1 to 100. */
function parseCriteria(raw: string): Criterion[] | null {
  const out: Criterion[] = [];
  for (const line of raw.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const m = /^(.{2,200}?)\s*[;:–-]\s*(\d{1,3})\s*(pkt|%)?$/.exec(line);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 100) return null;
    out.push({ name: m[1]!.trim(), weight: Number(m[2]) });
  }
  return out;
}

/**
 * A call: the closing time in Warsaw time must come at least 21 days after `publishedAt` (the
 * publication: now for a draft or a correction, ADR 0032).
 */
export function parseCallForm(body: unknown, publishedAt: Date): CallInput {
  let criteria: Criterion[] = [];
  const f = parseFields(callFields, body, (v, fail) => {
    if (v.total_amount && v.grant_ceiling && v.grant_ceiling > v.total_amount) fail('grant_ceiling', 'call_ceiling_over_total');
    const parsed = parseCriteria(v.criteria ?? '');
    if (parsed === null) fail('criteria', 'call_criteria');
    else criteria = parsed;
    if (v.closes_on && v.closes_time) {
      const closes = warsawInstant(v.closes_on, v.closes_time);
      if (closes.getTime() < publishedAt.getTime() + 21 * 86_400_000) fail('closes_on', 'call_too_short');
    }
  });
  return {
    title: f.title, sphere: f.sphere, tasks: f.tasks, service_ids: f.service_ids, total_amount: f.total_amount, grant_ceiling: f.grant_ceiling,
    min_own_basis_points: f.min_own_percent, criteria, rules: f.rules, offers_close_at: warsawInstant(f.closes_on, f.closes_time),
  };
}

export function callToValues(c: CallRow): FormState['values'] {
  const closes = warsawParts(c.offers_close_at);
  return {
    title: c.title, sphere: c.sphere, tasks: c.tasks, service_ids: c.service_ids, total_amount: formatMoney(c.total_amount), grant_ceiling: formatMoney(c.grant_ceiling),
    min_own_percent: String(c.min_own_basis_points / 100).replace('.', ','), criteria: c.criteria.map((k) => `${k.name}; ${k.weight}`).join('\n'), rules: c.rules,
    closes_on: closes.day, closes_time: closes.time, version: String(c.version),
  };
}

/** Rows a draft form shows: what is saved and a few empty ones (no JavaScript adds rows). */
export const MAX_ROWS = 40;
export const rowsShown = (saved: number) => Math.min(MAX_ROWS, Math.max(saved + 3, 5));

export interface OfferInput {
  title: string;
  task_description: string;
  expected_results: string;
  schedule: ScheduleRow[];
  cost_lines: CostLine[];
  partners: { organisation_id: string; share_basis_points: number }[];
}

const field = (body: Record<string, unknown>, name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A draft offer: format errors only (the call's limits are listed, not refused, until submission). */
export function parseOfferForm(raw: unknown): OfferInput {
  const body = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const head = parseFields({ title: shortText(), task_description: text(10_000), expected_results: text(10_000) }, body);
  const errors: FieldErrors = {};
  const long = (name: string, max: number) => {
    const v = field(body, name);
    if (v.length > max) errors[name] = { code: 'too_long', params: { max } };
    return v.slice(0, max);
  };
  const schedule: ScheduleRow[] = [];
  const cost_lines: CostLine[] = [];
  const partners: OfferInput['partners'] = [];
  for (let i = 0; i < MAX_ROWS; i++) {
    const action = long(`schedule_${i}_action`, 300);
    const from = field(body, `schedule_${i}_from`);
    const to = field(body, `schedule_${i}_to`);
    if (action || from || to) {
      if (!action) errors[`schedule_${i}_action`] = { code: 'required' };
      if (!isCalendarDay(from)) errors[`schedule_${i}_from`] = { code: from ? 'date' : 'required' };
      if (!isCalendarDay(to)) errors[`schedule_${i}_to`] = { code: to ? 'date' : 'required' };
      else if (isCalendarDay(from) && to < from) errors[`schedule_${i}_to`] = { code: 'offer_schedule_order' };
      schedule.push({ action, from, to });
    }
    const name = long(`cost_${i}_name`, 300);
    const amounts = (['total', 'grant', 'own_financial', 'own_in_kind', 'volunteer'] as const).map((k) => [k, field(body, `cost_${i}_${k}`)] as const);
    if (name || amounts.some(([, v]) => v !== '')) {
      if (!name) errors[`cost_${i}_name`] = { code: 'required' };
      const line = { name } as CostLine;
      for (const [k, v] of amounts) {
        const n = parseMoney(v);
        if (n === null) errors[`cost_${i}_${k}`] = { code: 'commissioning_money' };
        line[k] = n ?? 0;
      }
      cost_lines.push(line);
    }
    const org = field(body, `partner_${i}_organisation`);
    const share = field(body, `partner_${i}_share`).replace(',', '.').replace(/%$/, '');
    if (org || share) {
      if (!UUID.test(org)) errors[`partner_${i}_organisation`] = { code: org ? 'invalid' : 'required' };
      const bp = /^\d{1,2}(\.\d{1,2})?$/.test(share) ? Math.round(Number(share) * 100) : NaN;
      if (!(bp >= 1 && bp < 10000)) errors[`partner_${i}_share`] = { code: 'offer_partner_share' };
      partners.push({ organisation_id: org.toLowerCase(), share_basis_points: bp || 0 });
    }
  }
  if (Object.keys(errors).length > 0) throw validationError(errors);
  return { ...head, schedule, cost_lines, partners };
}

const decisionFields = {
  kind: choice(DECISION_KINDS),
  amount: money(false),
  reasons: requiredText(5000),
};
export const DECISION_FIELDS = Object.keys(decisionFields);
export interface DecisionInput { kind: DecisionKind; amount: number | null; reasons: string }

export function parseDecisionForm(body: unknown): DecisionInput {
  const f = parseFields(decisionFields, body, (v, fail) => {
    if (v.kind === 'awarded' && !v.amount) fail('amount', 'required');
  });
  return { kind: f.kind, amount: f.kind === 'awarded' ? f.amount : null, reasons: f.reasons };
}
