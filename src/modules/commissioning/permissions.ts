import type { PermissionTable } from '../../platform/auth/roles';

/** The commissioning module's permissions and the roles that hold them by default. */
export const commissioningPermissions = {
  // Calls, offers of organisations and decisions: organisations' data, no resident's (no second factor required).
  'commissioning.manage': { personalData: false, roles: ['grants_officer', 'director'] },
} as const satisfies PermissionTable;

declare module '../../platform/auth/roles' {
  interface ModulePermissions {
    commissioning: typeof commissioningPermissions;
  }
}
