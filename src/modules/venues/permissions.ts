import type { PermissionTable } from '../../platform/auth/roles';

/** The venues module's permissions and the roles that hold them by default. */
export const venuesPermissions = {
  // Bookings name who asked for a room.
  'venues.manage': { personalData: true, roles: ['community_organiser', 'director', 'administrator'] },
} as const satisfies PermissionTable;

declare module '../../platform/auth/roles' {
  interface ModulePermissions {
    venues: typeof venuesPermissions;
  }
}
