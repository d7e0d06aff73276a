import type { AuditActor } from '../audit/audit';
import { auditPlatform } from '../audit/audit';
import { NO_CONTEXT } from '../db/types';
import { checkCurrentPassword } from './attempts';
import { tellOwner } from './notify';
import { hashPassword } from './passwords';
import { sessions, users, type UserRow } from './repository';
import { assertStrongPassword, type AuthDeps } from './service';

/** A new password from the account page: the current one is needed, other sessions end, the owner is mailed. */
export async function changePassword(deps: AuthDeps, user: UserRow, sessionTokenHash: string, input: { currentPassword: string; password: string }, actor: AuditActor): Promise<void> {
  await checkCurrentPassword(deps, user, input.currentPassword, actor);
  await assertStrongPassword(input.password, user.email);
  const passwordHash = await hashPassword(input.password);
  await deps.db.tx(NO_CONTEXT, async (sql) => {
    await users.setPassword(sql, user.id, passwordHash);
    await sessions.deleteOthersOf(sql, user.id, sessionTokenHash);
    await auditPlatform(sql, actor, { action: 'auth.password_changed', subjectType: 'user', subjectId: user.id });
    await tellOwner(sql, deps.publicUrl, user, 'password_changed');
  });
}
