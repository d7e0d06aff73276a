/**
 * Logging in over HTTP as a person would, for the load clients: the login form (its CSRF cookie and
 * token), the password, and — for staff, who must have TOTP — the code of the moment on /login/mfa.
 * Each login comes from its own address (X-Forwarded-For; the app trusts the proxy in the benchmark),
 * so the per-address rate limit sees many people.
 */
import { totpCode } from '../src/platform/auth/totp';

/** Cookies as a browser keeps them: the latest value of each name; one cleared (empty, expired) is forgotten. */
export class Jar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      if (at <= 0) continue;
      const [name, value] = [pair!.slice(0, at), pair!.slice(at + 1)];
      if (value === '' || /;\s*max-age=0(;|$)/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

const tokenIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** Logs in; returns the cookie header of the session, or throws with what went wrong. */
export async function logIn(url: string, who: { email: string; password: string; totpSecret?: string }, address: string): Promise<string> {
  const jar = new Jar();
  const headers = () => ({ cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address });
  const form = await fetch(`${url}/login`, { headers: { 'x-forwarded-for': address } });
  jar.take(form);
  const token = tokenIn(await form.text());
  const first = await fetch(`${url}/login`, { method: 'POST', redirect: 'manual', headers: headers(), body: new URLSearchParams({ _csrf: token, email: who.email, password: who.password, next: '/account' }) });
  jar.take(first);
  await first.arrayBuffer();
  const to = first.headers.get('location') ?? '';
  if (first.status !== 303 || to.startsWith('/login?') || to === '/login') throw new Error(`password step for ${who.email}: ${first.status} ${to}`);
  if (to.startsWith('/login/mfa')) {
    if (!who.totpSecret) throw new Error(`${who.email} asks for a TOTP code`);
    const page = await fetch(`${url}${to}`, { headers: { cookie: jar.header(), 'x-forwarded-for': address } });
    jar.take(page);
    const csrf = tokenIn(await page.text());
    const submit = async () => {
      const res = await fetch(`${url}/login/mfa`, {
        method: 'POST', redirect: 'manual', headers: headers(), body: new URLSearchParams({ _csrf: csrf, code: totpCode(who.totpSecret!), next: '/account' }),
      });
      jar.take(res);
      await res.arrayBuffer();
      return res;
    };
    let second = await submit();
    // A code is accepted once (replay protection): logged in again within the same 30 s step (the previous
    // scenario's login), a person waits for the next code, and so does the benchmark.
    if (second.status === 422) {
      await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 200));
      second = await submit();
    }
    if (second.status !== 303 || (second.headers.get('location') ?? '').startsWith('/login')) throw new Error(`TOTP step for ${who.email}: ${second.status}`);
  }
  // The page logging in lands on shows the flash message ("logged in") and clears it, as a browser's next
  // request does: otherwise every request of the load would carry a stale flash cookie to unsign and clear.
  const landing = await fetch(`${url}/account`, { headers: { cookie: jar.header(), 'x-forwarded-for': address } });
  jar.take(landing);
  await landing.arrayBuffer();
  return jar.header();
}
