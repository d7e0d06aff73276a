/**
 * The catalogue's version history: what changed between two states of a record, as
 * `{ field: [before, after] }`, comparing values (JSON objects whatever the key order).
 */

export type Changes = Record<string, [unknown, unknown]>;
export type EntityType = 'service' | 'provider' | 'location' | 'programme';

/** JSON with object keys sorted, so `{type, min}` and `{min, type}` (as jsonb returns it) compare equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || v === false || (Array.isArray(v) && v.length === 0);

/**
 * The fields of `after` that differ from `before`. A new record (`before` null) lists every field
 * that has a value, each with `null` before it.
 */
export function diff(before: Record<string, unknown> | null, after: Record<string, unknown>, fields: readonly string[]): Changes {
  const changes: Changes = {};
  for (const field of fields) {
    const b = before ? (before[field] ?? null) : null;
    const a = after[field] ?? null;
    if (before === null ? !isEmpty(a) : canonical(b) !== canonical(a)) changes[field] = [b, a];
  }
  return changes;
}
