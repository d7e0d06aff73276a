import { z } from 'zod';
import { optionalDay, optionalWhole, parseFields, requiredDay, versionField } from '../../platform/http/form-fields';
import { text } from '../../platform/http/validation';
import { warsawDay } from '../../platform/time';
import { CONSENT_MANNERS, CONSENT_STATEMENT_MIN, OVERRIDE_BASES, OVERRIDE_REASON_MIN, type Action, type ConsentManner, type OverrideBasis, type ProviderRef } from './domain';

const ticked = () => z.preprocess((v) => (v === undefined ? '' : v), z.string().max(10)).transform((v) => v === '1' || v === 'on' || v === 'true');
const optionalId = () =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v === undefined ? '' : v), z.string().max(40))
    .refine((v) => v === '' || z.uuid().safeParse(v).success, { params: { code: 'invalid' } })
    .transform((v) => (v === '' ? null : v.toLowerCase()));

/** "unit:<id>" or "organisation:<id>", as the provider select sends it. */
const PROVIDER = /^(unit|organisation):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
export const providerValue = (p: ProviderRef) => `${p.kind}:${p.id}`;
export function parseProvider(v: string): ProviderRef | null {
  const m = PROVIDER.exec(v);
  return m ? { kind: m[1] as ProviderRef['kind'], id: m[2]!.toLowerCase() } : null;
}

const sendShape = {
  provider: z.preprocess((v) => (v === undefined ? '' : v), z.string().max(60))
    .refine((v) => v !== '', { params: { code: 'required' } })
    .refine((v) => v === '' || parseProvider(v) !== null, { params: { code: 'invalid' } }),
  service_id: optionalId(),
  service_label: text(300),
  shared_details: text(5000),
  respond_by: requiredDay(),
  record_consent: ticked(),
  override_basis: z.preprocess((v) => (v === undefined ? '' : v), z.string().max(40))
    .refine((v) => v === '' || (OVERRIDE_BASES as readonly string[]).includes(v), { params: { code: 'invalid' } }),
  override_reason: text(2000),
  consent_statement: text(2000),
  consent_given_on: optionalDay(),
  consent_manner: z.preprocess((v) => (v === undefined ? '' : v), z.string().max(40))
    .refine((v) => v === '' || (CONSENT_MANNERS as readonly string[]).includes(v), { params: { code: 'invalid' } }),
  plan_service_id: optionalId(),
  application_id: optionalId(),
};

export interface ReferralInput {
  provider: ProviderRef;
  serviceId: string | null;
  /** '' when a service of the catalogue names it. */
  serviceLabel: string;
  sharedDetails: string;
  respondBy: string;
  recordConsent: boolean;
  overrideBasis: OverrideBasis | null;
  overrideReason: string;
  /** The resident's new statement, when a consent they withdrew is recorded again (the service asks for it). */
  statement: ConsentStatement | null;
  planServiceId: string | null;
  applicationId: string | null;
}

export interface ConsentStatement {
  text: string;
  givenOn: string;
  manner: ConsentManner;
}

/** The sending form, every mistake at once; whether a consent exists is the service's to check. */
export function parseReferral(body: unknown): ReferralInput {
  const v = parseFields(sendShape, body, (v, fail) => {
    if (v.service_label !== undefined && v.service_id !== undefined) {
      if (v.service_label === '' && v.service_id === null) fail('service_label', 'required');
      else if (v.service_label !== '' && v.service_label.length < 3) fail('service_label', 'referral_label_short');
    }
    if (v.respond_by && v.respond_by < warsawDay()) fail('respond_by', 'referral_respond_by_past');
    if (v.override_basis && (v.override_reason ?? '').length < OVERRIDE_REASON_MIN) fail('override_reason', 'referral_override_reason');
    if (!v.override_basis && v.override_reason) fail('override_basis', 'referral_override_basis');
    const stated = Boolean(v.consent_statement || v.consent_given_on || v.consent_manner);
    if (stated) {
      if ((v.consent_statement ?? '').length < CONSENT_STATEMENT_MIN) fail('consent_statement', 'referral_consent_statement_short');
      if (v.consent_given_on === null) fail('consent_given_on', 'required');
      else if (v.consent_given_on && v.consent_given_on > warsawDay()) fail('consent_given_on', 'referral_consent_given_future');
      if (v.consent_manner === '') fail('consent_manner', 'required');
    }
  });
  const statement = v.consent_statement && v.consent_given_on && v.consent_manner ? { text: v.consent_statement, givenOn: v.consent_given_on, manner: v.consent_manner as ConsentManner } : null;
  return {
    provider: parseProvider(v.provider)!,
    serviceId: v.service_id,
    serviceLabel: v.service_label,
    sharedDetails: v.shared_details,
    respondBy: v.respond_by,
    recordConsent: v.record_consent,
    overrideBasis: (v.override_basis || null) as OverrideBasis | null,
    overrideReason: v.override_reason,
    statement,
    planServiceId: v.plan_service_id,
    applicationId: v.application_id,
  };
}

/** The text field of a status form: `<action>_reason`, or `complete_outcome` (unique ids on one page). */
export const statusTextField = (action: Action) => (action === 'complete' ? 'complete_outcome' : `${action}_reason`);

export function parseStatusChange(action: Action, body: unknown): { version: number; text: string } {
  const field = statusTextField(action);
  const required = action === 'reject' || action === 'cancel' ? 'referral_reason_required' : action === 'complete' ? 'referral_outcome_required' : null;
  const v = parseFields({ version: versionField(), [field]: text(action === 'complete' ? 5000 : 2000) }, body, (v, fail) => {
    if (required && v[field] === '') fail(field, required);
  });
  return { version: v.version, text: String(v[field]) };
}

/** Units as people type them: "2", "1,5", "0.25" — more than 0, at most 10 000, two decimals. */
const units = () =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v === undefined ? '' : v), z.string().max(20)).transform((v, ctx) => {
    if (v === '') return null;
    const s = v.replace(',', '.').replace(/[\s\u00a0]/g, '');
    const n = /^\d{1,5}(\.\d{1,2})?$/.test(s) ? Number(s) : NaN;
    if (!(n > 0 && n <= 10_000)) {
      ctx.addIssue({ code: 'custom', params: { code: 'referral_units' } });
      return z.NEVER;
    }
    return n;
  });

const deliveryShape = { delivered_on: requiredDay(), minutes: optionalWhole('referral_minutes', 1, 1440), units: units(), note: text(2000) };

export interface DeliveryInput {
  deliveredOn: string;
  minutes: number | null;
  units: number | null;
  note: string;
}

/** A delivery: a day not in the future, minutes or units (or both), a note. */
export function parseDelivery(body: unknown): DeliveryInput {
  const v = parseFields(deliveryShape, body, (v, fail) => {
    if (v.delivered_on && v.delivered_on > warsawDay()) fail('delivered_on', 'referral_delivery_future');
    if (v.minutes === null && v.units === null) fail('minutes', 'referral_delivery_amount');
  });
  return { deliveredOn: v.delivered_on, minutes: v.minutes, units: v.units, note: v.note };
}
