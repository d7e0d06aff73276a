import pg from 'pg';

/**
 * A parameterised statement as one of several in a simple-protocol query (one round trip for all of
 * them): each `$n` becomes its value as an escaped literal. Only for the platform's own statements,
 * whose text has no `$n` inside a string; values the extended protocol would send are refused when
 * they have no unambiguous literal.
 */
export function inlineParams(text: string, params: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= params.length) throw new Error(`inlineParams: no value for $${n}`);
    return literal(params[index]);
  });
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return pg.escapeLiteral(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return pg.escapeLiteral(value.toISOString());
  throw new Error(`inlineParams: no literal for a ${typeof value}`);
}
