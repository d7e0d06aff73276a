import { z } from 'zod';
import { chosenId, optionalWhole, parseFields, phone, versionField } from '../../platform/http/form-fields';
import { requiredText, text } from '../../platform/http/validation';
import { GLASS_REASON_MIN } from './domain';
import type { CaseChanges } from './repository';
import type { TeamInput } from './repository-teams';

/** Field checks of the cases module's forms; every mistake of a form is reported at once, in Polish. */

const ticked = () => z.preprocess((v) => (v === undefined ? '' : v), z.string().max(10)).transform((v) => v === '1' || v === 'on' || v === 'true');
const optionalEmail = () =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v === undefined ? '' : v), z.string().max(254))
    .refine((v) => v === '' || z.email().safeParse(v).success, { params: { code: 'email' } });
/** A uuid from a select where "none" ('') is a choice: null for none. */
const optionalId = () =>
  z.preprocess((v) => (v === undefined ? '' : v), z.string().max(64))
    .refine((v) => v === '' || z.uuid().safeParse(v).success, { params: { code: 'invalid' } })
    .transform((v) => (v === '' ? null : v.toLowerCase()));
const needed = (max: number, code: string) => text(max).refine((v) => v !== '', { params: { code } });

export const FIELDS = ['contact_phone', 'contact_email', 'representative_name', 'coordinator_id', 'team_id', 'needs_plan'] as const;
export type CaseField = (typeof FIELDS)[number];

export interface OpenInput {
  coordinatorId: string;
  teamId: string | null;
  needsPlan: boolean;
}

export function parseOpen(body: unknown): OpenInput {
  const v = parseFields({ coordinator_id: chosenId(), team_id: optionalId(), needs_plan: ticked() }, body);
  return { coordinatorId: v.coordinator_id.toLowerCase(), teamId: v.team_id, needsPlan: v.needs_plan };
}

const editShape = {
  version: versionField(),
  contact_phone: phone(),
  contact_email: optionalEmail(),
  representative_name: text(200),
  coordinator_id: chosenId(),
  team_id: optionalId(),
  needs_plan: ticked(),
};

export function parseEdit(body: unknown): CaseChanges & { version: number } {
  const v = parseFields(editShape, body);
  return {
    version: v.version,
    contactPhone: v.contact_phone,
    contactEmail: v.contact_email,
    representativeName: v.representative_name,
    coordinatorId: v.coordinator_id.toLowerCase(),
    teamId: v.team_id,
    needsPlan: v.needs_plan,
  };
}

export function parseClose(body: unknown): { version: number; note: string } {
  const v = parseFields({ version: versionField(), closing_note: needed(5000, 'case_closing_note_required') }, body);
  return { version: v.version, note: v.closing_note };
}

/** A reason to break the glass: written out, at least 10 characters. */
export function parseGlass(body: unknown): { reason: string } {
  const v = parseFields({ reason: needed(2000, 'case_glass_reason_required') }, body, (v, fail) => {
    if (v.reason && v.reason.length < GLASS_REASON_MIN) fail('reason', 'case_glass_reason_short');
  });
  return { reason: v.reason };
}

export function parseReview(body: unknown): { version: number; note: string } {
  const v = parseFields({ version: versionField(), review_note: needed(2000, 'case_review_note_required') }, body);
  return { version: v.version, note: v.review_note };
}

export function parseTeam(body: unknown): TeamInput {
  const v = parseFields({ name: requiredText(200).refine((s) => s.length >= 3, { params: { code: 'case_team_name_short' } }), unit_id: optionalId(), supervisor_id: optionalId() }, body);
  return { name: v.name, unitId: v.unit_id, supervisorId: v.supervisor_id };
}

export const teamVersion = (body: unknown) => parseFields({ version: versionField() }, body).version;

export function parseMember(body: unknown): { version: number; userId: string } {
  const v = parseFields({ version: versionField(), user_id: chosenId() }, body);
  return { version: v.version, userId: v.user_id.toLowerCase() };
}

export function parseRetention(body: unknown): { version: number; months: number } {
  const v = parseFields({ version: z.coerce.number().int().min(0).max(2_147_483_647), months: optionalWhole('case_retention_months', 1, 600) }, body, (v, fail) => {
    if (v.months === null) fail('months', 'required');
  });
  return { version: v.version, months: v.months! };
}
