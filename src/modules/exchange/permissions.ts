import type { PermissionTable } from '../../platform/auth/roles';

/** The exchange's permissions: aggregates only, never a resident's data (no second factor required). */
export const exchangePermissions = {
  // Seeing the municipality's exchange groups; a delegate (named by the member) also compares and shares the round's indicators.
  'exchange.take_part': { personalData: false, roles: ['coordinator', 'community_organiser', 'analyst', 'director', 'administrator'] },
  // Acting for the municipality: convening a group, inviting, joining, naming delegates, consenting to share indicators.
  'exchange.manage': { personalData: false, roles: ['director', 'administrator'] },
} as const satisfies PermissionTable;

declare module '../../platform/auth/roles' {
  interface ModulePermissions {
    exchange: typeof exchangePermissions;
  }
}
