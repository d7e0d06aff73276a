import type { Sql } from '../../platform/db/types';
import type { DataSubject, PersonalDataSection } from '../../platform/module';

/** The person's place in an organisation of the registry in their data download (data.json `organisation_memberships`). */
export interface MembershipRecord {
  organisation_id: string;
  organisation: string;
  role: 'admin' | 'member';
  joined_at: Date;
}

export async function membershipsOf(sql: Sql, { municipalityId, userId }: DataSubject): Promise<PersonalDataSection> {
  const records = await sql.query<MembershipRecord>(
    `SELECT m.organisation_id, o.name AS organisation, m.role, m.joined_at
     FROM organisation_members m JOIN organisations o ON o.municipality_id = m.municipality_id AND o.id = m.organisation_id
     WHERE m.municipality_id = $1 AND m.user_id = $2 ORDER BY o.name, m.organisation_id`,
    [municipalityId, userId],
  );
  return { section: 'organisation_memberships', records };
}
