import type { Sql } from '../../platform/db/types';
import type { DataSubject, PersonalDataSection } from '../../platform/module';
import { responses } from './repository';

/**
 * The person's answers to surveys that are not anonymous (data.json `survey_responses`). Anonymous answers
 * are not theirs to download: nothing links them to the account (ADR 0031), and that is the point.
 */
export async function responsesOfPerson(sql: Sql, subject: DataSubject): Promise<PersonalDataSection> {
  return { section: 'survey_responses', records: await responses.ofRespondent(sql, subject.municipalityId, subject.userId) };
}
