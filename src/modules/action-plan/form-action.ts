import { z } from 'zod';
import { choice, parseFields } from '../../platform/http/form-fields';
import { text } from '../../platform/http/validation';
import type { FormState } from '../../platform/ui/context';
import { ACTION_STATUSES, type ActionStatus } from './domain';
import { day, title } from './form';
import type { ActionRow } from './repository-actions';

export interface ActionInput {
  goal_id: string;
  title: string;
  description: string;
  responsible_user_id: string | null;
  organisation_ids: string[];
  partner: string;
  starts_on: string;
  due_on: string;
  status: ActionStatus;
  drop_note: string;
  indicator: string;
  /** Decimal numbers as text for PostgreSQL ("12.5"), or null. */
  target_value: string | null;
  achieved_value: string | null;
}

export const ACTION_FIELDS = [
  'goal_id', 'title', 'description', 'responsible_user_id', 'organisation_ids', 'partner', 'starts_on', 'due_on', 'status', 'drop_note',
  'indicator', 'target_value', 'achieved_value',
] as const satisfies readonly (keyof ActionInput)[];

const isUuid = (v: string) => z.uuid().safeParse(v).success;

/** A uuid from a select; '' is none. */
const optionalId = () =>
  z.preprocess((v) => (v === undefined ? '' : v), z.string().max(64)).refine((v) => v === '' || isUuid(v), { params: { code: 'invalid' } })
    .transform((v) => (v === '' ? null : v.toLowerCase()));

/** Ids of ticked boxes: each a uuid. */
const ids = (max: number) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(64)).max(max))
    .refine((l) => l.every(isUuid), { params: { code: 'invalid' } })
    .transform((l) => [...new Set(l.map((id) => id.toLowerCase()))]);

/** An optional number as people write it: "40", "1 200", "12,5" → "12.5"; at most two decimals. */
const optionalNumber = () =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v === undefined ? '' : v), z.string().max(40)).transform((v, ctx) => {
    if (v === '') return null;
    const s = v.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
    if (!/^\d{1,12}(\.\d{1,2})?$/.test(s)) {
      ctx.addIssue({ code: 'custom', params: { code: 'action_plan_number' } });
      return z.NEVER;
    }
    return String(Number(s));
  });

const fields = {
  goal_id: z.preprocess((v) => (v === undefined ? '' : v), z.string().max(64)).refine((v) => isUuid(v), { params: { code: 'required' } }).transform((v) => v.toLowerCase()),
  title: title(),
  description: text(5000),
  responsible_user_id: optionalId(),
  organisation_ids: ids(50),
  partner: text(200),
  starts_on: day(),
  due_on: day(),
  status: choice(ACTION_STATUSES),
  drop_note: text(1000),
  indicator: text(300),
  target_value: optionalNumber(),
  achieved_value: optionalNumber(),
};

/**
 * Parses an action's form, or throws `validation.failed` with every field to fix: due before start,
 * dates outside the plan's `period`, nobody responsible, a dropped action without a note.
 */
export function parseActionForm(body: unknown, period: { from: string; to: string }): ActionInput {
  const a = parseFields(fields, body, (v, fail) => {
    if (v.starts_on && (v.starts_on < period.from || v.starts_on > period.to)) fail('starts_on', 'action_plan_outside_period');
    if (v.due_on && (v.due_on < period.from || v.due_on > period.to)) fail('due_on', 'action_plan_outside_period');
    if (v.starts_on && v.due_on && v.due_on < v.starts_on) fail('due_on', 'action_plan_due_before_start');
    if (v.responsible_user_id === null && v.organisation_ids?.length === 0 && v.partner === '') fail('responsible_user_id', 'action_plan_responsible_required');
    if (v.status === 'dropped' && v.drop_note === '') fail('drop_note', 'action_plan_drop_note_required');
  });
  return { ...a, drop_note: a.status === 'dropped' ? a.drop_note : '' };
}

/** "12.50" → "12,5" (a Polish decimal comma, no trailing zeros). */
export const numberText = (v: string | null) => (v === null ? '' : String(Number(v)).replace('.', ','));

export const actionToValues = (a: ActionRow): FormState['values'] => ({
  goal_id: a.goal_id,
  title: a.title,
  description: a.description,
  responsible_user_id: a.responsible_user_id ?? '',
  organisation_ids: a.organisations.map((o) => o.id),
  partner: a.partner,
  starts_on: a.starts_on,
  due_on: a.due_on,
  status: a.status,
  drop_note: a.drop_note,
  indicator: a.indicator,
  target_value: numberText(a.target_value),
  achieved_value: numberText(a.achieved_value),
  version: String(a.version),
});
