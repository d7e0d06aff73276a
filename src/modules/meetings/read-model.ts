import type { Sql } from '../../platform/db/types';
import { meetings } from './repository';

/** What another module may know of a meeting (ADR 0018): that it is one of the municipality's, its title, when, and whether it was cancelled. */
export interface MeetingSummary {
  id: string;
  title: string;
  starts_at: Date;
  cancelled: boolean;
}

/** A meeting of this municipality by id, in the caller's transaction; undefined when there is none (another municipality's too, by RLS and the condition). */
export async function meetingSummary(sql: Sql, municipalityId: string, id: string): Promise<MeetingSummary | undefined> {
  const m = await meetings.find(sql, municipalityId, id);
  return m && { id: m.id, title: m.title, starts_at: m.starts_at, cancelled: m.status === 'cancelled' };
}
