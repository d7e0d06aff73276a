import { isStaff, type Role } from '../../src/platform/auth/roles';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import type { TestClient } from './client';
import { makeUser, type TestUser } from './factories';
import type { Harness } from './harness';
import { logIn } from './session';

/** A new user with `roles` (staff get TOTP), logged in on a client of their own. */
export async function person(h: Harness, m?: MunicipalityRow, roles: Role[] = [], email?: string): Promise<{ user: TestUser; c: TestClient }> {
  const user = await makeUser(h.db, { municipality: m, roles, totp: isStaff(roles), ...(email ? { email } : {}) });
  return { user, c: await logIn(h, user) };
}

/** A logged-in staff member (a community organiser unless told). */
export const staff = (h: Harness, m: MunicipalityRow, roles: Role[] = ['community_organiser']) => person(h, m, roles);
