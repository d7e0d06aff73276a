import type { PermissionTable } from '../../platform/auth/roles';

/** The catalog module's permissions and the roles that hold them by default. */
export const catalogPermissions = {
  'catalog.manage': { personalData: false, roles: ['coordinator', 'director', 'administrator'] },
} as const satisfies PermissionTable;

declare module '../../platform/auth/roles' {
  interface ModulePermissions {
    catalog: typeof catalogPermissions;
  }
}
