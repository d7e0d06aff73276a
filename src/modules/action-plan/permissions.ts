import type { PermissionTable } from '../../platform/auth/roles';

/** The action-plan module's permissions and the roles that hold them by default. */
export const actionPlanPermissions = {
  'action_plan.manage': { personalData: false, roles: ['community_organiser', 'director', 'administrator'] },
} as const satisfies PermissionTable;

declare module '../../platform/auth/roles' {
  interface ModulePermissions {
    'action-plan': typeof actionPlanPermissions;
  }
}
