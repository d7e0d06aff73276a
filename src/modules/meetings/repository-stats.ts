import type { Sql } from '../../platform/db/types';

/** A meeting's numbers: invitations, answers, yes, and who came (invited or not). */
export interface MeetingNumbers {
  id: string;
  title: string;
  starts_at: Date;
  status: 'planned' | 'cancelled';
  invited: number;
  answered: number;
  yes: number;
  maybe: number;
  no: number;
  yes_people: number;
  /** Invitees who came. */
  came_invited: number;
  /** Organisations and people who came without an invitation. */
  walk_ins: number;
  people: number;
}

export interface OrganisationNumbers {
  id: string;
  name: string;
  invited: number;
  answered: number;
  yes: number;
  attended: number;
  last_invited_at: Date | null;
}

export interface SphereNumbers {
  sphere: string;
  invited: number;
  answered: number;
  yes: number;
  attended: number;
}

const PER_INVITATION = `count(i.id)::int AS invited, count(i.response)::int AS answered, count(*) FILTER (WHERE i.response = 'yes')::int AS yes,
  count(a.id) FILTER (WHERE a.id IS NOT NULL)::int AS attended`;
const INVITATION_JOINS = `meeting_invitations i
  JOIN meetings m ON m.municipality_id = i.municipality_id AND m.id = i.meeting_id AND m.status = 'planned'
  LEFT JOIN meeting_attendance a ON a.municipality_id = i.municipality_id AND a.invitation_id = i.id`;

export const stats = {
  /** The numbers of each meeting of a period (the last `limit` that have started, newest first), or of one meeting. */
  async meetings(sql: Sql, municipalityId: string, opts: { limit: number; meetingId?: string }): Promise<MeetingNumbers[]> {
    return sql.query<MeetingNumbers>(
      `SELECT m.id, m.title, m.starts_at, m.status,
         count(i.id)::int AS invited, count(i.response)::int AS answered,
         count(*) FILTER (WHERE i.response = 'yes')::int AS yes, count(*) FILTER (WHERE i.response = 'maybe')::int AS maybe,
         count(*) FILTER (WHERE i.response = 'no')::int AS no, coalesce(sum(i.people_count) FILTER (WHERE i.response = 'yes'), 0)::int AS yes_people,
         (SELECT count(*)::int FROM meeting_attendance a WHERE a.municipality_id = m.municipality_id AND a.meeting_id = m.id AND a.invitation_id IS NOT NULL) AS came_invited,
         (SELECT count(*)::int FROM meeting_attendance a WHERE a.municipality_id = m.municipality_id AND a.meeting_id = m.id AND a.invitation_id IS NULL) AS walk_ins,
         (SELECT coalesce(sum(a.people_count), 0)::int FROM meeting_attendance a WHERE a.municipality_id = m.municipality_id AND a.meeting_id = m.id) AS people
       FROM meetings m LEFT JOIN meeting_invitations i ON i.municipality_id = m.municipality_id AND i.meeting_id = m.id
       WHERE m.municipality_id = $1 AND ${opts.meetingId ? 'm.id = $3' : "m.starts_at <= now() AND m.status = 'planned'"}
       GROUP BY m.municipality_id, m.id ORDER BY m.starts_at DESC, m.id LIMIT $2`,
      opts.meetingId ? [municipalityId, opts.limit, opts.meetingId] : [municipalityId, opts.limit],
    );
  },
  /** Per organisation over meetings that have started: the most often invited first. */
  async organisations(sql: Sql, municipalityId: string, limit: number): Promise<OrganisationNumbers[]> {
    return sql.query<OrganisationNumbers>(
      `SELECT o.id, o.name, ${PER_INVITATION}, max(i.invited_at) AS last_invited_at
       FROM ${INVITATION_JOINS} JOIN organisations o ON o.municipality_id = i.municipality_id AND o.id = i.organisation_id
       WHERE i.municipality_id = $1 AND m.starts_at <= now()
       GROUP BY o.id, o.name ORDER BY count(i.id) DESC, search_normalize(o.name), o.id LIMIT $2`,
      [municipalityId, limit],
    );
  },
  /** Per sphere of public benefit of the invited organisations (an organisation counts in each of its spheres). */
  async spheres(sql: Sql, municipalityId: string): Promise<SphereNumbers[]> {
    return sql.query<SphereNumbers>(
      `SELECT s.sphere, ${PER_INVITATION}
       FROM ${INVITATION_JOINS} JOIN organisations o ON o.municipality_id = i.municipality_id AND o.id = i.organisation_id
       CROSS JOIN LATERAL unnest(o.spheres) AS s(sphere)
       WHERE i.municipality_id = $1 AND m.starts_at <= now()
       GROUP BY s.sphere ORDER BY count(i.id) DESC, s.sphere`,
      [municipalityId],
    );
  },
  /**
   * Organisations that have not answered any of their last `n` invitations to meetings that have
   * started (those invited fewer than `n` times are not counted yet).
   */
  async silent(sql: Sql, municipalityId: string, n: number): Promise<{ id: string; name: string; email: string; last_invited_at: Date }[]> {
    return sql.query(
      `WITH recent AS (
         SELECT i.organisation_id, i.response, i.invited_at,
           row_number() OVER (PARTITION BY i.organisation_id ORDER BY m.starts_at DESC, i.id) AS nth
         FROM meeting_invitations i JOIN meetings m ON m.municipality_id = i.municipality_id AND m.id = i.meeting_id
         WHERE i.municipality_id = $1 AND i.organisation_id IS NOT NULL AND m.status = 'planned' AND m.starts_at <= now())
       SELECT o.id, o.name, o.email, max(r.invited_at) AS last_invited_at
       FROM recent r JOIN organisations o ON o.municipality_id = $1 AND o.id = r.organisation_id
       WHERE r.nth <= $2
       GROUP BY o.id, o.name, o.email HAVING count(*) = $2 AND count(r.response) = 0
       ORDER BY search_normalize(o.name), o.id`,
      [municipalityId, n],
    );
  },
};
