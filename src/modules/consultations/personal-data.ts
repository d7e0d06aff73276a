import type { Sql } from '../../platform/db/types';
import type { DataSubject, PersonalDataSection } from '../../platform/module';
import { remarks } from './repository';

/**
 * The person's remarks in public consultations (data.json `consultation_remarks`): each one they wrote
 * with their account, anonymous ones included (anonymity hides the name from others, not from its author),
 * with the centre's position and reasons once given, and whether a moderator hid it.
 */
export async function remarksOfPerson(sql: Sql, subject: DataSubject): Promise<PersonalDataSection> {
  return { section: 'consultation_remarks', records: await remarks.ofAuthor(sql, subject.municipalityId, subject.userId) };
}
