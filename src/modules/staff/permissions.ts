import type { PermissionTable } from '../../platform/auth/roles';

/** The staff module's permissions and the roles that hold them by default. */
export const staffPermissions = {
  'staff.manage': { personalData: true, roles: ['administrator'] },
} as const satisfies PermissionTable;

declare module '../../platform/auth/roles' {
  interface ModulePermissions {
    staff: typeof staffPermissions;
  }
}
