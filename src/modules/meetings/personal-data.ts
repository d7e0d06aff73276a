import type { Sql } from '../../platform/db/types';
import type { DataSubject, PersonalDataSection } from '../../platform/module';

/**
 * An invitation the person answers in their data download (data.json `meeting_answers`): their own
 * invitations (to the account or its e-mail address) and their organisations' invitations they answered,
 * with the answer — how many people, and the accessibility needs given (which may be health data).
 */
export interface MeetingAnswerRecord {
  invitation_id: string;
  meeting: string;
  starts_at: Date;
  ends_at: Date;
  meeting_status: 'planned' | 'cancelled';
  organisation: string | null;
  invited_at: Date;
  response: 'yes' | 'no' | 'maybe' | null;
  people_count: number;
  accessibility_needs: string;
  responded_at: Date | null;
  answered_by_me: boolean;
  answers: number;
}

export async function meetingAnswersOf(sql: Sql, { municipalityId, userId }: DataSubject): Promise<PersonalDataSection> {
  const records = await sql.query<MeetingAnswerRecord>(
    `SELECT i.id AS invitation_id, m.title AS meeting, m.starts_at, m.ends_at, m.status AS meeting_status, o.name AS organisation,
       i.invited_at, i.response, i.people_count, i.accessibility_needs, i.responded_at, coalesce(i.responded_by = $2, false) AS answered_by_me, i.answers
     FROM meeting_invitations i JOIN meetings m ON m.municipality_id = i.municipality_id AND m.id = i.meeting_id
     LEFT JOIN organisations o ON o.municipality_id = i.municipality_id AND o.id = i.organisation_id
     WHERE i.municipality_id = $1 AND (i.responded_by = $2
       OR (i.organisation_id IS NULL AND (i.user_id = $2 OR i.email = (SELECT email FROM users WHERE id = $2))))
     ORDER BY m.starts_at DESC, i.id`,
    [municipalityId, userId],
  );
  return { section: 'meeting_answers', records };
}
