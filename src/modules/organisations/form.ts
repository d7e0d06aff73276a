import { z } from 'zod';
import {
  choice, choiceList, isWebAddress, lines, optionalPostalCode, optionalUrl, optionalWhole, parseFields, phone,
} from '../../platform/http/form-fields';
import { email, requiredText, text } from '../../platform/http/validation';
import type { FormState } from '../../platform/ui/context';
import { warsawYear } from '../../platform/time';
import { KINDS, KRS_REQUIRED, PUBLISHABLE_CONTACTS, SPHERE_CODES } from './domain';
import { checkKrs, checkNip, checkRegon } from './identifiers';
import type { OrganisationRow } from './repository';

/** An organisation as its registration form edits it: the record without what the platform keeps about it. */
export type OrganisationInput = Omit<
  OrganisationRow,
  'id' | 'status' | 'rejection_reason' | 'registered_by' | 'submitted_at' | 'reviewed_at' | 'verified_at' | 'version' | 'updated_at'
>;

/** The fields in the form's order (the error summary and the conflict panel follow it). */
export const FORM_FIELDS = [
  'name', 'kind', 'krs', 'nip', 'regon', 'leader_name', 'spheres', 'description', 'founded_year', 'members_count', 'volunteers_count',
  'street', 'postal_code', 'city', 'email', 'phone', 'website', 'social_links', 'published_contacts',
] as const satisfies readonly (keyof OrganisationInput)[];

const MAX_SOCIAL_LINKS = 5;

/** A registry number as typed: '' is none; otherwise checked, with its own message for the wrong length and the wrong check digit. */
const identifier = (check: (raw: string) => ReturnType<typeof checkNip>, codes: { format: string; checksum: string }) =>
  text(40).transform((v, ctx) => {
    if (v === '') return null;
    const checked = check(v);
    if (checked.ok) return checked.value;
    ctx.addIssue({ code: 'custom', params: { code: codes[checked.problem] } });
    return z.NEVER;
  });

const fields = {
  name: requiredText(300).pipe(z.string().min(3)),
  kind: choice(KINDS),
  krs: identifier(checkKrs, { format: 'organisation_krs', checksum: 'organisation_krs' }),
  nip: identifier(checkNip, { format: 'organisation_nip', checksum: 'organisation_nip_checksum' }),
  regon: identifier(checkRegon, { format: 'organisation_regon', checksum: 'organisation_regon_checksum' }),
  leader_name: text(120),
  spheres: choiceList(SPHERE_CODES).refine((l) => l.length > 0, { params: { code: 'organisation_spheres_required' } }),
  description: text(5000),
  founded_year: optionalWhole('organisation_founded_year', 1800, 2100),
  members_count: optionalWhole('organisation_count', 0, 1_000_000),
  volunteers_count: optionalWhole('organisation_count', 0, 1_000_000),
  street: text(200),
  postal_code: optionalPostalCode(),
  city: text(100),
  email: email(),
  phone: phone(),
  website: optionalUrl(),
  social_links: text(3000)
    .transform(lines)
    .refine((l) => l.length <= MAX_SOCIAL_LINKS && l.every((u) => u.length <= 500 && isWebAddress(u)), { params: { code: 'organisation_social_links' } }),
  published_contacts: choiceList(PUBLISHABLE_CONTACTS),
};

/** Parses the submitted form, or throws `validation.failed` with an error for each field to fix. */
export function parseOrganisationForm(body: unknown): OrganisationInput {
  const f = parseFields(fields, body, (v, fail) => {
    if (typeof v.founded_year === 'number' && v.founded_year > warsawYear()) fail('founded_year', 'organisation_founded_year');
    if (v.kind === 'informal_group') {
      if (v.leader_name === '') fail('leader_name', 'organisation_leader_required');
      for (const id of ['krs', 'nip', 'regon'] as const) if (v[id]) fail(id, 'organisation_informal_no_registry');
    } else if (v.kind && KRS_REQUIRED.includes(v.kind) && v.krs === null) {
      fail('krs', 'organisation_krs_required');
    }
  });
  return { ...f, leader_name: f.kind === 'informal_group' ? f.leader_name : '' };
}

/** A saved organisation as the form's values, for editing (or for showing the saved state after a conflict). */
export function organisationToValues(o: OrganisationRow): FormState['values'] {
  const n = (v: number | null) => (v === null ? '' : String(v));
  return {
    name: o.name,
    kind: o.kind,
    krs: o.krs ?? '',
    nip: o.nip ?? '',
    regon: o.regon ?? '',
    leader_name: o.leader_name,
    spheres: o.spheres,
    description: o.description,
    founded_year: n(o.founded_year),
    members_count: n(o.members_count),
    volunteers_count: n(o.volunteers_count),
    street: o.street,
    postal_code: o.postal_code,
    city: o.city,
    email: o.email,
    phone: o.phone,
    website: o.website,
    social_links: o.social_links.join('\n'),
    published_contacts: o.published_contacts,
    version: String(o.version),
  };
}

/** A new registration's form: the organisation's e-mail to be published. */
export const newOrganisationValues = (): FormState['values'] => ({ spheres: [], published_contacts: ['email'] });

const asList = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
const plain = (v: string | string[] | undefined) => String(v ?? '').replace(/\r\n/g, '\n').trim();
const same = (a: string | string[] | undefined, b: string | string[] | undefined) =>
  Array.isArray(a) || Array.isArray(b) ? [...asList(a)].sort().join('\n') === [...asList(b)].sort().join('\n') : plain(a) === plain(b);

/** The fields where what someone typed differs from what is saved now (shown side by side after a conflict). */
export function differingFields(typed: FormState['values'], saved: FormState['values']): (typeof FORM_FIELDS)[number][] {
  return FORM_FIELDS.filter((f) => !same(typed[f], saved[f]));
}
