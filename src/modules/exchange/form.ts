import { z } from 'zod';
import { choice, choiceList, optionalWhole, parseFields, requiredDay, versionField } from '../../platform/http/form-fields';
import { requiredText, text } from '../../platform/http/validation';
import { daysBetween } from '../../platform/time';
import { INDICATORS } from './indicators';

const whole = (code: string, min: number, max: number) =>
  optionalWhole(code, min, max)
    .refine((n) => n !== null, { params: { code: 'required' } })
    .transform((n) => n!);

export const GROUP_FIELDS = ['theme', 'cadence', 'named', 'min_count', 'population'] as const;
export function parseGroupForm(body: unknown) {
  return parseFields(
    { theme: requiredText(300), cadence: text(300), named: choice(['named', 'anonymised'] as const), min_count: whole('exchange_min_count', 5, 1000), population: whole('exchange_population', 1, 10_000_000) },
    body,
    (v, fail) => {
      if (v.theme !== undefined && v.theme.length < 3) fail('theme', 'exchange_theme_short');
    },
  );
}

export function parseInviteForm(body: unknown) {
  return parseFields({ slug: requiredText(50) }, body);
}

export function parseJoinForm(body: unknown) {
  return parseFields({ population: whole('exchange_population', 1, 10_000_000) }, body);
}

export function parseDelegateForm(body: unknown) {
  return parseFields({ user_id: z.preprocess((v) => (v === undefined ? '' : v), z.string()).refine((v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v), { params: { code: 'exchange_delegate' } }) }, body);
}

export function parseSharingForm(body: unknown) {
  const input = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  return parseFields({ indicators: choiceList(INDICATORS), version: versionField() }, { ...input, indicators: input.indicators ?? [] });
}

export function parseRoundForm(body: unknown) {
  return parseFields({ label: requiredText(120), period_from: requiredDay(), period_to: requiredDay() }, body, (v, fail) => {
    if (v.label !== undefined && v.label.length < 2) fail('label', 'exchange_label_short');
    if (v.period_from && v.period_to && v.period_to < v.period_from) fail('period_to', 'exchange_period_order');
    else if (v.period_from && v.period_to && daysBetween(v.period_from, v.period_to) > 400) fail('period_to', 'exchange_period_long');
  });
}

export const PLAN_FIELDS = ['learned', 'goals', 'actions', 'shared'] as const;
export function parsePlanForm(body: unknown) {
  const input = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  // Version 0: no plan saved yet (the first save inserts it).
  const parsed = parseFields({ learned: text(5000), goals: requiredText(5000), actions: text(5000), version: z.coerce.number().int().min(0).max(2_147_483_647) }, input, (v, fail) => {
    if (v.goals !== undefined && v.goals.length < 3) fail('goals', 'exchange_goals_short');
  });
  return { ...parsed, shared: input.shared === '1' };
}
