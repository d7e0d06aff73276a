import assert from 'node:assert/strict';

/** Assertions whose failure shows what the test saw, not just "false == true". */

const EXCERPT = 240;

function show(haystack: string | readonly unknown[], at: number, length: number): string {
  if (typeof haystack !== 'string') {
    const json = JSON.stringify(haystack);
    return json.length > 4 * EXCERPT ? `${json.slice(0, 4 * EXCERPT)}… (${haystack.length} items)` : json;
  }
  const from = Math.max(0, at - EXCERPT);
  const to = Math.min(haystack.length, at + length + EXCERPT);
  return `${from > 0 ? '…' : ''}${haystack.slice(from, to)}${to < haystack.length ? '…' : ''} (${haystack.length} characters)`;
}

/** Where the longest prefix of `needle` occurs: the closest the text came to saying it. */
function nearest(haystack: string, needle: string): number {
  for (let n = needle.length - 1; n >= 3; n--) {
    const at = haystack.indexOf(needle.slice(0, n));
    if (at >= 0) return at;
  }
  return 0;
}

/** Fails unless `haystack` (a text or a list) includes `needle`; prints the nearest excerpt of the text, or the list. */
export function assertIncludes<T>(haystack: string | readonly T[] | undefined, needle: T | string, what?: string): void {
  assert.ok(haystack !== undefined, `${what ?? 'value'}: expected ${JSON.stringify(needle)}, got undefined`);
  if (typeof haystack === 'string' ? haystack.includes(needle as string) : haystack.includes(needle as T)) return;
  const at = typeof haystack === 'string' ? nearest(haystack, String(needle)) : 0;
  assert.fail(`${what ? `${what}: ` : ''}expected to include ${JSON.stringify(needle)}\n  in: ${show(haystack, at, 0)}`);
}

/** Fails if `haystack` (a text or a list) includes `needle`; prints where it was found. */
export function assertExcludes<T>(haystack: string | readonly T[] | undefined, needle: T | string, what?: string): void {
  if (haystack === undefined) return;
  const at = typeof haystack === 'string' ? haystack.indexOf(needle as string) : haystack.indexOf(needle as T);
  if (at < 0) return;
  assert.fail(`${what ? `${what}: ` : ''}expected not to include ${JSON.stringify(needle)}\n  found: ${show(haystack, at, String(needle).length)}`);
}
