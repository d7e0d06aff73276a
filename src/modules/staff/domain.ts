import type { Role } from '../../platform/auth/roles';

/** Roles that open every case (director), the audit log (auditor) or the staff (administrator): granted by two people. */
export const PRIVILEGED_ROLES: readonly Role[] = ['administrator', 'director', 'auditor'];

/** The privileged roles `after` adds to `before`. */
export function privilegedGain(before: readonly Role[], after: readonly Role[]): Role[] {
  return after.filter((r) => PRIVILEGED_ROLES.includes(r) && !before.includes(r));
}

/** A pending grant is confirmed within a week, or lapses. */
export const GRANT_DAYS = 7;
