import type { PermissionTable } from '../../platform/auth/roles';

/** The announcements module's permissions and the roles that hold them by default. */
export const announcementsPermissions = {
  // Announcements are public texts: editing them opens nobody's personal data (subscribers' addresses are never shown).
  'announcements.manage': { personalData: false, roles: ['administrator', 'director', 'community_organiser'] },
} as const satisfies PermissionTable;

declare module '../../platform/auth/roles' {
  interface ModulePermissions {
    announcements: typeof announcementsPermissions;
  }
}
