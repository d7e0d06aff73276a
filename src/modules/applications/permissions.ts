import type { PermissionTable } from '../../platform/auth/roles';

/** The applications module's permissions and the roles that hold them by default. */
export const applicationsPermissions = {
  // Applications name residents and describe their family, health and needs.
  'applications.manage': { personalData: true, roles: ['coordinator', 'director', 'administrator'] },
} as const satisfies PermissionTable;

declare module '../../platform/auth/roles' {
  interface ModulePermissions {
    applications: typeof applicationsPermissions;
  }
}
