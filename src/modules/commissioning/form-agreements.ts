import { choice, optionalDay, parseFields } from '../../platform/http/form-fields';
import { text } from '../../platform/http/validation';
import { validationError, type FieldErrors } from '../../platform/http/errors';
import type { FormState } from '../../platform/ui/context';
import { AGREEMENT_MOVES, REPORT_KINDS, type AgreementMove, type ReportKind, type ReportRow, type TermsVersion } from './agreements-domain';
import { formatMoney, parseMoney, SOURCES, type CostLine, type ScheduleRow } from './domain';
import { parseOfferForm } from './form';

/** The agreements' and reports' forms: every mistake at once, a Polish message per field. */

const AMOUNTS = ['total', ...SOURCES] as const;

/** New terms asked for: the schedule and cost lines in the offer form's fields, and the reasons. */
export function parseChangeForm(body: unknown): { schedule: ScheduleRow[]; cost_lines: CostLine[]; reasons: string } {
  let reasons = '';
  const errors: FieldErrors = {};
  try {
    reasons = parseFields({ reasons: text(5000) }, body).reasons;
  } catch (err) {
    Object.assign(errors, (err as { opts?: { fields?: FieldErrors } }).opts?.fields ?? {});
  }
  try {
    const { schedule, cost_lines } = parseOfferForm(body);
    if (Object.keys(errors).length > 0) throw validationError(errors);
    return { schedule, cost_lines, reasons };
  } catch (err) {
    throw validationError({ ...((err as { opts?: { fields?: FieldErrors } }).opts?.fields ?? {}), ...errors });
  }
}

/** The terms as the change form's values (the offer form's names). */
export function termsToValues(t: Pick<TermsVersion, 'schedule' | 'cost_lines'>, version: number): FormState['values'] {
  const v: FormState['values'] = { version: String(version) };
  t.schedule.forEach((s, i) => {
    v[`schedule_${i}_action`] = s.action;
    v[`schedule_${i}_from`] = s.from;
    v[`schedule_${i}_to`] = s.to;
  });
  t.cost_lines.forEach((l, i) => {
    v[`cost_${i}_name`] = l.name;
    for (const k of AMOUNTS) v[`cost_${i}_${k}`] = formatMoney(l[k]).replace(/\u00a0/g, ' ');
  });
  return v;
}

export function parseChangeDecision(body: unknown): { accept: boolean; answer: string } {
  const f = parseFields({ decision: choice(['accept', 'refuse'] as const), answer: text(5000) }, body);
  return { accept: f.decision === 'accept', answer: f.answer };
}

export function parseMoveForm(body: unknown): { move: AgreementMove; signed_on: string; reasons: string } {
  const f = parseFields({ move: choice(Object.keys(AGREEMENT_MOVES) as AgreementMove[]), signed_on: optionalDay(), reasons: text(5000) }, body);
  return { move: f.move, signed_on: f.signed_on ?? '', reasons: f.reasons };
}

export function parseReportKind(body: unknown): ReportKind {
  return parseFields({ kind: choice(REPORT_KINDS) }, body).kind;
}

/** A report: what was done, the results, and for each of the agreement's `lines` the expenses by source (format only here). */
export function parseReportForm(raw: unknown, lines: number): { done: string; results: string; expenses: CostLine[] } {
  const body = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const errors: FieldErrors = {};
  let head = { done: '', results: '' };
  try {
    head = parseFields({ done: text(10_000), results: text(10_000) }, body);
  } catch (err) {
    Object.assign(errors, (err as { opts?: { fields?: FieldErrors } }).opts?.fields ?? {});
  }
  const expenses: CostLine[] = [];
  for (let i = 0; i < lines; i++) {
    const line = { name: '' } as CostLine;
    for (const k of AMOUNTS) {
      const v = body[`expense_${i}_${k}`];
      const n = parseMoney(typeof v === 'string' ? v : '');
      if (n === null) errors[`expense_${i}_${k}`] = { code: 'commissioning_money' };
      line[k] = n ?? 0;
    }
    expenses.push(line);
  }
  if (Object.keys(errors).length > 0) throw validationError(errors);
  return { ...head, expenses };
}

export function reportToValues(r: ReportRow): FormState['values'] {
  const v: FormState['values'] = { done: r.done, results: r.results, version: String(r.version) };
  r.expenses.forEach((e, i) => {
    for (const k of AMOUNTS) v[`expense_${i}_${k}`] = e.total === 0 && SOURCES.every((s) => e[s] === 0) ? '' : formatMoney(e[k]).replace(/\u00a0/g, ' ');
  });
  return v;
}

export function parseReview(body: unknown): { accept: boolean; remarks: string } {
  const f = parseFields({ decision: choice(['accept', 'return'] as const), remarks: text(5000) }, body);
  return { accept: f.decision === 'accept', remarks: f.remarks };
}
