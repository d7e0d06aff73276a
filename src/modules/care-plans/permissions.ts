import type { PermissionTable } from '../../platform/auth/roles';

/** The care-plans module's permissions and the roles that hold them by default. */
export const carePlansPermissions = {
  // Approving individual plans: never one's own (four eyes).
  'plans.approve': { personalData: true, roles: ['director'] },
} as const satisfies PermissionTable;

declare module '../../platform/auth/roles' {
  interface ModulePermissions {
    'care-plans': typeof carePlansPermissions;
  }
}
