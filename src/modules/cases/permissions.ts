import type { PermissionTable } from '../../platform/auth/roles';

/** The cases module's permissions and the roles that hold them by default. */
export const casesPermissions = {
  // Cases, their plans (IPUS) and referrals: need-to-know within the permission (ADR 0014).
  'cases.manage': { personalData: true, roles: ['coordinator', 'director'] },
  // Teams of coordinators and the retention period of closed cases.
  'cases.configure': { personalData: false, roles: ['director', 'administrator'] },
  // Dashboards of queues, plans and referrals: counts, never a person.
  'cases.statistics': { personalData: false, roles: ['coordinator', 'analyst', 'director'] },
} as const satisfies PermissionTable;

declare module '../../platform/auth/roles' {
  interface ModulePermissions {
    cases: typeof casesPermissions;
  }
}
