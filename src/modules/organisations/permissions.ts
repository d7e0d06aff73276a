import type { PermissionTable } from '../../platform/auth/roles';

/** The organisations module's permissions and the roles that hold them by default. */
export const organisationsPermissions = {
  // The registry's review, queue and export show leaders' and representatives' contacts.
  'organisations.manage': { personalData: true, roles: ['community_organiser', 'director', 'administrator'] },
} as const satisfies PermissionTable;

declare module '../../platform/auth/roles' {
  interface ModulePermissions {
    organisations: typeof organisationsPermissions;
  }
}
