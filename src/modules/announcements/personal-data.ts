import type { Sql } from '../../platform/db/types';
import type { DataSubject, PersonalDataSection } from '../../platform/module';
import { subscriptions } from './repository';

/**
 * The person's subscription to the announcements (data.json `announcement_subscriptions`): a subscription
 * is kept by e-mail address, so it is the one to the account's address — its categories, when it was asked
 * for and confirmed (the hashes of the links are not shown: they are no data about the person).
 */
export async function subscriptionsOfPerson(sql: Sql, subject: DataSubject): Promise<PersonalDataSection> {
  return { section: 'announcement_subscriptions', records: await subscriptions.ofAccount(sql, subject.municipalityId, subject.userId) };
}
