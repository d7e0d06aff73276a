/**
 * Growing delays instead of locks (review 1 #4, #13): nothing until `free` failures, then 30 s,
 * doubling with each further failure, at most 15 minutes. The caller refuses with 429 and
 * Retry-After while the delay runs; nobody sleeps on the event loop.
 */
export function delaySeconds(failures: number, free = 5): number {
  return failures < free ? 0 : Math.min(900, 30 * 2 ** (failures - free));
}

/** Wrong passwords from one source (per typed address) before the delays start. */
export const LOGIN_FREE_FAILURES = 5;
/** Failures per address from all sources, within an hour, before the owner is told by mail. */
export const LOGIN_NOTIFY_FAILURES = 5;
/** Wrong codes for an account (any session) before the delays start. */
export const MFA_FREE_FAILURES = 5;
/** Wrong codes in one session before it ends. */
export const MFA_SESSION_MAX_FAILURES = 20;

/**
 * Where a failed log-in comes from: the IPv4 address, or the /64 of an IPv6 address (one
 * subscriber usually holds a whole /64, so counting single addresses would be no limit at all).
 */
export function sourceOf(ip: string): string {
  const bare = ip.split('%')[0]!.toLowerCase();
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/.exec(bare);
  if (v4) return v4[1]!;
  if (!bare.includes(':')) return bare;
  const [head = '', tail = ''] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = bare.includes('::') && tail ? tail.split(':') : [];
  const groups = bare.includes('::') ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => (parseInt(g, 16) || 0).toString(16)).join(':')}::/64`;
}
