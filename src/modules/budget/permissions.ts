import type { PermissionTable } from '../../platform/auth/roles';

/** The participatory budget's permissions and the roles that hold them by default. */
export const budgetPermissions = {
  // Running an edition opens no personal data: proposals are public, votes are secret from everyone.
  'budget.manage': { personalData: false, roles: ['grants_officer', 'director', 'community_organiser'] },
  // Typing paper ballots handles voters' PESEL numbers (hashed at once, but read off the paper).
  'budget.count': { personalData: true, roles: ['grants_officer', 'director', 'community_organiser'] },
} as const satisfies PermissionTable;

declare module '../../platform/auth/roles' {
  interface ModulePermissions {
    budget: typeof budgetPermissions;
  }
}
