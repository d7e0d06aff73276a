import type { PermissionTable } from '../../platform/auth/roles';

/** The diagnosis module's permissions and the roles that hold them by default. */
export const diagnosisPermissions = {
  // Periods, public statistics, needs and resources: aggregates and organisations, no resident's data (no second factor required).
  'diagnosis.manage': { personalData: false, roles: ['analyst', 'community_organiser', 'director'] },
} as const satisfies PermissionTable;

declare module '../../platform/auth/roles' {
  interface ModulePermissions {
    diagnosis: typeof diagnosisPermissions;
  }
}
