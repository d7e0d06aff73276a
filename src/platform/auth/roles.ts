/** The roles a person can hold in a municipality (DOMAIN.md, "Who uses it"). */
export const ROLES = [
  'resident',
  'ngo_member',
  'coordinator',
  'community_organiser',
  'grants_officer',
  'evaluator',
  'analyst',
  'director',
  'administrator',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** Staff roles open personal data, so they must enrol two-factor authentication first. */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'resident' && r !== 'ngo_member');

/** What a permission allows: whether it opens personal data (then TOTP is required), and the roles that hold it. */
export interface PermissionSpec {
  personalData: boolean;
  roles: readonly Role[];
}
/** A module's permissions (its `permissions.ts`), keyed `<area>.<verb>`. */
export type PermissionTable = Record<string, PermissionSpec>;

/** The kernel's own: the audit log is the kernel's, and more than one module shows parts of it. */
const KERNEL_PERMISSIONS = {
  'audit.read': { personalData: true, roles: ['auditor'] },
} as const satisfies PermissionTable;

/**
 * Every permission, by owner. A module adds its table by declaration merging from its own
 * `permissions.ts` (`declare module '…/platform/auth/roles' { interface ModulePermissions { cases: typeof casesPermissions } }`)
 * and gives the same table to its `AppModule.permissions`, which the kernel installs (`installModules`).
 */
export interface ModulePermissions {
  kernel: typeof KERNEL_PERMISSIONS;
}
export type Permission = { [M in keyof ModulePermissions]: keyof ModulePermissions[M] & string }[keyof ModulePermissions];

/** Who contributes permissions: a module's name and its table. */
export interface PermissionsOwner {
  name: string;
  permissions?: PermissionTable;
}

type Installed = Map<string, PermissionSpec & { owner: string }>;

/** The kernel's permissions and every owner's, merged; one permission declared by two owners throws, naming both. */
export function mergePermissions(owners: readonly PermissionsOwner[]): Installed {
  const merged: Installed = new Map();
  for (const [owner, table] of [['kernel', KERNEL_PERMISSIONS] as const, ...owners.map((o) => [o.name, o.permissions ?? {}] as const)]) {
    for (const [permission, spec] of Object.entries(table)) {
      const earlier = merged.get(permission);
      if (earlier) throw new Error(`permission ${permission} is declared twice: by ${earlier.owner} and by ${owner}`);
      merged.set(permission, { ...spec, owner });
    }
  }
  return merged;
}

let installed = mergePermissions([]);

/** Makes the kernel's and these modules' permissions the app's table (`installModules` does it). */
export function installPermissions(owners: readonly PermissionsOwner[]): void {
  installed = mergePermissions(owners);
}

export function isPermission(value: string): value is Permission {
  return installed.has(value);
}

/** Whether the permission opens personal data; one nobody installed counts as opening it (the stricter answer). */
export function opensPersonalData(permission: Permission): boolean {
  return installed.get(permission)?.personalData ?? true;
}

/** The roles holding a permission. */
export function rolesWith(permission: Permission): Role[] {
  return [...(installed.get(permission)?.roles ?? [])];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const held = new Set<Permission>();
  for (const [permission, spec] of installed) {
    if (spec.roles.some((r) => roles.includes(r))) held.add(permission as Permission);
  }
  return held;
}

export function isStaff(roles: readonly Role[]): boolean {
  return roles.some((r) => STAFF_ROLES.includes(r));
}
