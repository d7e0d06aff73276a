import type { PermissionTable } from '../../platform/auth/roles';

/** The consultations module's permissions and the roles that hold them by default. */
export const consultationsPermissions = {
  // Remarks are public statements signed by their authors (anonymous ones show no name, to staff either):
  // running a consultation opens no personal data beyond what the authors publish.
  'consultations.manage': { personalData: false, roles: ['director', 'community_organiser', 'administrator'] },
} as const satisfies PermissionTable;

declare module '../../platform/auth/roles' {
  interface ModulePermissions {
    consultations: typeof consultationsPermissions;
  }
}
