import type { Sql } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import type { MemberRole } from './domain';
import type { OrganisationRow } from './repository';
import { members } from './repository-members';

/** Who is asking about an organisation: the person, and whether they hold organisations.manage here. */
export interface Who {
  userId: string;
  staff: boolean;
}

export interface Rights {
  role: MemberRole | null;
  registrant: boolean;
  /** May change the organisation's data: staff; its registrant until verified; its administrators after. */
  edit: boolean;
  /** May see its people and invite more: its administrators. */
  manageMembers: boolean;
}

export async function rightsOf(sql: Sql, municipalityId: string, o: Pick<OrganisationRow, 'id' | 'status' | 'registered_by'>, who: Who): Promise<Rights> {
  const role = await members.roleOf(sql, municipalityId, o.id, who.userId);
  const registrant = o.registered_by === who.userId;
  const edit = who.staff || (o.status === 'verified' ? role === 'admin' : registrant);
  return { role, registrant, edit, manageMembers: o.status === 'verified' && role === 'admin' };
}

/** Nobody learns that an organisation waits in the queue unless it is theirs (404); its own members are told they may not (403). */
export function refuse(rights: Rights): never {
  throw new AppError(rights.role || rights.registrant ? 'auth.forbidden' : 'not_found');
}
