import type { PermissionTable } from '../../platform/auth/roles';

/** The surveys module's permissions and the roles that hold them by default. */
export const surveysPermissions = {
  // Building, analysing and typing in paper answers: the analysis shows counts only (cells under the minimum
  // suppressed) and no answer names its respondent, so running surveys opens no personal data.
  'surveys.manage': { personalData: false, roles: ['analyst', 'coordinator', 'community_organiser', 'director'] },
} as const satisfies PermissionTable;

declare module '../../platform/auth/roles' {
  interface ModulePermissions {
    surveys: typeof surveysPermissions;
  }
}
