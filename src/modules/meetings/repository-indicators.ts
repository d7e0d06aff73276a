import type { Sql } from '../../platform/db/types';

/**
 * Read model for the exchange's benchmarks (issue 20, ADR 0018): invitations to the meetings held (not
 * cancelled) that started in [from, to), and how many of the invited came (attendance recorded).
 */
export async function meetingTurnout(sql: Sql, municipalityId: string, from: Date, to: Date): Promise<{ invited: number; came: number }> {
  const [row] = await sql.query<{ invited: number; came: number }>(
    `SELECT count(*)::int AS invited,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM meeting_attendance a
                                            WHERE a.municipality_id = i.municipality_id AND a.meeting_id = i.meeting_id AND a.invitation_id = i.id))::int AS came
       FROM meeting_invitations i JOIN meetings m ON m.municipality_id = i.municipality_id AND m.id = i.meeting_id
      WHERE i.municipality_id = $1 AND m.status <> 'cancelled' AND m.starts_at >= $2 AND m.starts_at < $3`,
    [municipalityId, from, to],
  );
  return { invited: row?.invited ?? 0, came: row?.came ?? 0 };
}
