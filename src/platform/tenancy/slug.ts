/** Top-level paths the platform itself uses: a municipality may not take them as its address. */
export const RESERVED_SLUGS = new Set([
  'account', 'api', 'admin', 'confirm', 'dev', 'favicon.ico', 'healthz', 'invitations', 'language', 'login',
  'logout', 'mfa', 'password', 'readyz', 'register', 'robots.txt', 'static', 'platform', 'deklaracja-dostepnosci',
]);

export const SLUG_PATTERN = /^[a-z0-9]([a-z0-9-]{0,48}[a-z0-9])?$/;

export function slugProblem(slug: string): 'slug' | 'slug_reserved' | null {
  if (!SLUG_PATTERN.test(slug)) return 'slug';
  if (RESERVED_SLUGS.has(slug)) return 'slug_reserved';
  return null;
}
