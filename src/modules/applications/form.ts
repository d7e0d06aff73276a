import { z } from 'zod';
import { choice, chosenId, idList, optionalWhole, parseFields, phone, requiredDay, versionField, type Parsed } from '../../platform/http/form-fields';
import { requiredText, text } from '../../platform/http/validation';
import { RELATIONS, type Channel, type Relation } from './domain';

const ticked = () => z.preprocess((v) => (v === undefined ? '' : v), z.string().max(10)).transform((v) => v === '1' || v === 'on' || v === 'true');
const optionalEmail = () =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v === undefined ? '' : v), z.string().max(254))
    .refine((v) => v === '' || z.email().safeParse(v).success, { params: { code: 'email' } });

const applyShape = {
  service_id: chosenId(),
  relation: choice(RELATIONS),
  beneficiary_name: text(200),
  beneficiary_birth_year: optionalWhole('application_birth_year', 1900, 2100),
  contact_phone: phone(),
  contact_email: optionalEmail(),
  need: requiredText(5000),
  consent_processing: ticked(),
  consent_sharing: ticked(),
};

export interface ApplicationInput {
  serviceId: string;
  relation: Relation;
  /** '' for oneself: the applicant's name is used. */
  beneficiaryName: string;
  /** null only for oneself: asked then only when the service's criteria name an age (`service-apply.ts`). */
  birthYear: number | null;
  contactPhone: string;
  contactEmail: string;
  need: string;
  consentSharing: boolean;
}

type Checks<S extends Record<string, z.ZodType>> = (v: Partial<Parsed<S>>, fail: (field: string, code: string) => void) => void;

const commonChecks: Checks<typeof applyShape> = (v, fail) => {
  if (v.relation && v.relation !== 'self' && !v.beneficiary_name) fail('beneficiary_name', 'application_beneficiary_required');
  // For oneself the year may be left out; the service layer still asks for it when the service has an age range.
  if (v.beneficiary_birth_year === null && v.relation !== 'self') fail('beneficiary_birth_year', 'required');
  else if (typeof v.beneficiary_birth_year === 'number' && v.beneficiary_birth_year > new Date().getUTCFullYear()) fail('beneficiary_birth_year', 'application_birth_year');
  if (v.contact_phone === '' && v.contact_email === '') fail('contact_phone', 'application_contact_required');
  if (v.consent_processing === false) fail('consent_processing', 'application_consent_required');
};

const toInput = (v: Parsed<typeof applyShape>): ApplicationInput => ({
  serviceId: v.service_id.toLowerCase(),
  relation: v.relation,
  beneficiaryName: v.beneficiary_name,
  birthYear: v.beneficiary_birth_year ?? null,
  contactPhone: v.contact_phone,
  contactEmail: v.contact_email,
  need: v.need,
  consentSharing: v.consent_sharing,
});

/** A resident's application, every mistake at once; consent to processing by the centre is required. */
export function parseApplication(body: unknown): ApplicationInput {
  return toInput(parseFields(applyShape, body, commonChecks));
}

const registerShape = { applicant_name: requiredText(200), channel: choice(['in_person', 'phone'] as const), ...applyShape };

/** An application staff register for a resident who came or phoned; the resident's consent is confirmed by staff. */
export function parseRegistration(body: unknown): ApplicationInput & { applicantName: string; channel: Channel } {
  const v = parseFields(registerShape, body, commonChecks as Checks<typeof registerShape>);
  return { ...toInput(v), applicantName: v.applicant_name, channel: v.channel };
}

const reason = (code: string) => text(2000).refine((v) => v !== '', { params: { code } });

export const decisionSchemas = {
  accept: z.object({ version: versionField(), reason: text(2000) }),
  decline: z.object({ version: versionField(), reason: reason('application_reason_required') }),
  hold: z.object({ version: versionField(), reason: reason('application_reason_required') }),
  resume: z.object({ version: versionField(), reason: text(2000) }),
  forward: z.object({ version: versionField(), reason: reason('application_reason_required'), unit_id: chosenId(), consent: ticked() }),
};

const selectionShape = { ids: idList(100) };
const batchShape = { ...selectionShape, batch_reason: reason('application_reason_required') };

const versionsOf = (body: unknown) => {
  const input = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return (id: string) => versionField().safeParse(input[`version_${id}`]);
};

/** The applications ticked on a queue page (for the confirmation page of declining them): ids with the versions shown. */
export function parseBatchSelection(query: unknown): { id: string; version: number }[] {
  const version = versionsOf(query);
  const v = parseFields(selectionShape, query, (v, fail) => {
    if (v.ids?.length === 0) fail('ids', 'application_batch_empty');
    else if (v.ids?.some((id) => !version(id).success)) fail('ids', 'invalid');
  });
  return v.ids.map((id) => ({ id, version: version(id).data! }));
}

/** Several applications of a queue declined with one reason: the ticked ids, each with the version the page showed (`version_<id>`). */
export function parseBatchDecline(body: unknown): { items: { id: string; version: number }[]; reason: string } {
  const version = versionsOf(body);
  const v = parseFields(batchShape, body, (v, fail) => {
    if (v.ids?.length === 0) fail('ids', 'application_batch_empty');
    else if (v.ids?.some((id) => !version(id).success)) fail('ids', 'invalid');
  });
  return { items: v.ids.map((id) => ({ id, version: version(id).data! })), reason: v.batch_reason };
}

/** A move in the queue: to position N, always with a reason. */
export const moveShape = { version: versionField(), position: optionalWhole('application_position', 1, 1_000_000), reason: reason('application_move_reason_required') };

const capacityShape = { period_from: requiredDay(), period_to: requiredDay(), places: optionalWhole('application_places', 0, 100_000) };
export type CapacityInput = { periodFrom: string; periodTo: string; places: number };

export function parseCapacity(body: unknown): CapacityInput {
  const v = parseFields(capacityShape, body, (v, fail) => {
    if (v.period_from && v.period_to && v.period_to < v.period_from) fail('period_to', 'date_range');
    if (v.places === null) fail('places', 'required');
  });
  return { periodFrom: v.period_from, periodTo: v.period_to, places: v.places! };
}

export const placesSchema = { version: versionField(), places: optionalWhole('application_places', 0, 100_000) };
