import type { AuditRow } from './repository';

/** Reads of one subject by one person within this window show as one row. */
export const REPEAT_WINDOW_MINUTES = 15;

export interface CollapsedRow extends AuditRow {
  /** How many entries the row stands for (1: itself only). */
  count: number;
  /** The oldest of them; `occurred_at` is the newest. */
  first_at: Date;
}

const isRead = (action: string) => action.endsWith('.read');
const keyOf = (r: AuditRow) => `${r.actor_label}\u0000${r.action}\u0000${r.subject_type}\u0000${r.subject_id}`;

/**
 * Rows newest first, as the page lists them. A read joins the row of the same person's same read of the
 * same subject when it is at most the window older than that row's newest entry; changes are never merged.
 */
export function collapseRepeatedReads(rows: readonly AuditRow[], windowMinutes = REPEAT_WINDOW_MINUTES): CollapsedRow[] {
  const out: CollapsedRow[] = [];
  const open = new Map<string, CollapsedRow>();
  const windowMs = windowMinutes * 60_000;
  for (const r of rows) {
    const key = keyOf(r);
    const group = isRead(r.action) && r.subject_id ? open.get(key) : undefined;
    if (group && new Date(group.occurred_at).getTime() - new Date(r.occurred_at).getTime() <= windowMs) {
      group.count += 1;
      group.first_at = r.occurred_at;
      continue;
    }
    const row: CollapsedRow = { ...r, count: 1, first_at: r.occurred_at };
    out.push(row);
    if (isRead(r.action)) open.set(key, row);
  }
  return out;
}
