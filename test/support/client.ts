import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

/**
 * A browser-like client over app.inject(): keeps cookies, finds the CSRF token in the last page,
 * and posts forms the way a browser without JavaScript would.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  csrfToken = '';
  lastBody = '';

  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(opts: InjectOptions): Promise<LightMyRequestResponse> {
    const headers = { ...(opts.headers ?? {}) } as Record<string, string>;
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    const res = await this.app.inject({ ...opts, headers });
    for (const c of res.cookies) {
      const expired = c.expires && new Date(c.expires).getTime() <= Date.now();
      if (c.value === '' || expired || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    this.lastBody = res.body;
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (token) this.csrfToken = token;
    return res;
  }

  get(url: string, headers: Record<string, string> = {}) {
    return this.request({ method: 'GET', url, headers });
  }

  /** Posts a urlencoded form with the CSRF token (fetching a page first if none is known yet). */
  async post(url: string, fields: Record<string, string | string[]> = {}, opts: { csrf?: boolean } = {}) {
    if (opts.csrf !== false && !this.csrfToken) await this.get('/login');
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    if (opts.csrf !== false) body.set('_csrf', this.csrfToken);
    return this.request({ method: 'POST', url, payload: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }
}
