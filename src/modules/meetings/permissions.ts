import type { PermissionTable } from '../../platform/auth/roles';

/** The meetings module's permissions and the roles that hold them by default. */
export const meetingsPermissions = {
  // Meetings open who answered and their accessibility needs.
  'meetings.manage': { personalData: true, roles: ['community_organiser', 'director', 'administrator'] },
} as const satisfies PermissionTable;

declare module '../../platform/auth/roles' {
  interface ModulePermissions {
    meetings: typeof meetingsPermissions;
  }
}
