/** The 14 statutory areas of social services (act of 19 July 2019, art. 2), in the act's order. */
export const AREAS = [
  'family_policy',
  'family_support',
  'foster_care',
  'social_assistance',
  'health',
  'disability',
  'education',
  'unemployment',
  'culture',
  'sport_tourism',
  'civic_activity',
  'housing',
  'environment',
  'reintegration',
] as const;
export type Area = (typeof AREAS)[number];

export const TARGET_GROUPS = [
  'all_residents',
  'seniors',
  'families',
  'children',
  'youth',
  'people_with_disabilities',
  'carers',
  'unemployed',
  'people_in_crisis',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/**
 * Life situations a service answers, beside its target groups (HSDS has no such field: ours only).
 * A service with none is not about a particular situation.
 */
export const SITUATIONS = [
  'help_at_home',
  'caring_for_someone',
  'expecting_child',
  'family_with_children',
  'disability',
  'crisis',
  'looking_for_work',
  'housing',
  'want_to_help',
] as const;
export type Situation = (typeof SITUATIONS)[number];
export const isSituation = (v: string): v is Situation => (SITUATIONS as readonly string[]).includes(v);

export const PROVIDER_KINDS = ['cus_unit', 'public', 'ngo', 'informal_group', 'company'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const SERVICE_STATUSES = ['active', 'suspended', 'closed'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const PROGRAMME_STATUSES = ['draft', 'consultation', 'adopted', 'expired'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

export const FEE_KINDS = ['free', 'fixed', 'income_dependent'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];

export const ACCESSIBILITY_FEATURES = ['step_free', 'accessible_toilet', 'induction_loop', 'sign_language_on_request'] as const;
export type AccessibilityFeature = (typeof ACCESSIBILITY_FEATURES)[number];

export const isArea = (v: string): v is Area => (AREAS as readonly string[]).includes(v);
export const isTargetGroup = (v: string): v is TargetGroup => (TARGET_GROUPS as readonly string[]).includes(v);
