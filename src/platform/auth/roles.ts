/** The roles a person can hold in a municipality (DOMAIN.md, "Who uses it"). */
export const ROLES = [
  'resident',
  'ngo_member',
  'coordinator',
  'community_organiser',
  'grants_officer',
  'evaluator',
  'analyst',
  'director',
  'administrator',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** Staff roles open personal data, so they must enrol two-factor authentication first. */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'resident' && r !== 'ngo_member');

/**
 * What a permission allows, and whether it opens personal data (then TOTP is required).
 * Modules add their permissions here as they arrive.
 */
export const PERMISSIONS = {
  'staff.manage': { personalData: true },
  'audit.read': { personalData: true },
  'catalog.manage': { personalData: false },
  // The registry's review, queue and export show leaders' and representatives' contacts.
  'organisations.manage': { personalData: true },
  // Meetings open who answered and their accessibility needs; bookings name who asked for a room.
  'meetings.manage': { personalData: true },
  'venues.manage': { personalData: true },
  'action_plan.manage': { personalData: false },
  // Applications name residents and describe their family, health and needs.
  'applications.manage': { personalData: true },
  // Cases, individual plans (IPUS) and referrals: need-to-know within the permission (ADR 0014).
  'cases.manage': { personalData: true },
  // Approving individual plans: never one's own (four eyes).
  'plans.approve': { personalData: true },
  // Teams of coordinators and the retention period of closed cases.
  'cases.configure': { personalData: false },
  // Dashboards of queues, plans and referrals: counts, never a person.
  'cases.statistics': { personalData: false },
} as const satisfies Record<string, { personalData: boolean }>;
export type Permission = keyof typeof PERMISSIONS;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  resident: [],
  ngo_member: [],
  coordinator: ['catalog.manage', 'applications.manage', 'cases.manage', 'cases.statistics'],
  community_organiser: ['organisations.manage', 'meetings.manage', 'venues.manage', 'action_plan.manage'],
  grants_officer: [],
  evaluator: [],
  analyst: ['cases.statistics'],
  director: ['catalog.manage', 'organisations.manage', 'meetings.manage', 'venues.manage', 'action_plan.manage', 'applications.manage',
    'cases.manage', 'plans.approve', 'cases.configure', 'cases.statistics'],
  administrator: ['staff.manage', 'catalog.manage', 'organisations.manage', 'meetings.manage', 'venues.manage', 'action_plan.manage', 'applications.manage',
    'cases.configure'],
  auditor: ['audit.read'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]));
}

export function isStaff(roles: readonly Role[]): boolean {
  return roles.some((r) => STAFF_ROLES.includes(r));
}
