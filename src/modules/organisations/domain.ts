/** Kinds of organisation the registry knows; an informal group has no legal personality (a named leader instead of KRS). */
export const KINDS = [
  'association',
  'foundation',
  'federation',
  'social_cooperative',
  'rural_womens_circle',
  'university_third_age',
  'sports_club',
  'church_entity',
  'informal_group',
] as const;
export type Kind = (typeof KINDS)[number];

/**
 * Kinds entered in the National Court Register (KRS) as a rule. An ordinary association, a rural
 * women's circle (ARiMR register), a university of the third age run by a university, a student
 * sports club (starost's register) and a church legal person may have no KRS number.
 */
export const KRS_REQUIRED: readonly Kind[] = ['foundation', 'federation', 'social_cooperative'];

/**
 * The spheres of public benefit of art. 4 ust. 1 of the act of 24 April 2003 on public benefit
 * activity and volunteering, in the act's order, with the point of the act each one is.
 */
export const SPHERES = [
  ['social_assistance', '1'],
  ['family_support_foster_care', '1a'],
  ['legal_aid', '1b'],
  ['social_reintegration', '2'],
  ['charity', '3'],
  ['national_tradition', '4'],
  ['minorities_regional_language', '5'],
  ['integration_of_foreigners', '5a'],
  ['health', '6'],
  ['disability', '7'],
  ['employment', '8'],
  ['gender_equality', '9'],
  ['seniors', '10'],
  ['economic_development', '11'],
  ['technology_innovation', '12'],
  ['local_communities', '13'],
  ['education_science', '14'],
  ['children_youth', '15'],
  ['culture_heritage', '16'],
  ['physical_culture', '17'],
  ['ecology_animals', '18'],
  ['tourism', '19'],
  ['public_order', '20'],
  ['defence', '21'],
  ['human_rights_democracy', '22'],
  ['rescue_civil_protection', '23'],
  ['disaster_relief', '24'],
  ['consumer_rights', '25'],
  ['european_integration', '26'],
  ['volunteering', '27'],
  ['polish_diaspora', '28'],
  ['veterans_repressed', '29'],
  ['promotion_of_poland', '30'],
  ['family_parenthood_child_rights', '31'],
  ['addiction_prevention', '32'],
  ['revitalisation', '32a'],
  ['support_for_ngos', '33'],
] as const satisfies readonly (readonly [string, string])[];
export type Sphere = (typeof SPHERES)[number][0];
export const SPHERE_CODES: readonly Sphere[] = SPHERES.map(([code]) => code);
export const spherePoint = (code: Sphere): string => SPHERES.find(([c]) => c === code)![1];

export const STATUSES = ['pending', 'verified', 'rejected'] as const;
export type Status = (typeof STATUSES)[number];

export const MEMBER_ROLES = ['admin', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Contact details an organisation may choose to show on its public profile. */
export const PUBLISHABLE_CONTACTS = ['email', 'phone', 'address'] as const;
export type PublishableContact = (typeof PUBLISHABLE_CONTACTS)[number];

export const isKind = (v: string): v is Kind => (KINDS as readonly string[]).includes(v);
export const isSphere = (v: string): v is Sphere => (SPHERE_CODES as readonly string[]).includes(v);
