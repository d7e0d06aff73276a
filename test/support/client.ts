import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

let clients = 0;

/** A fresh address in 10.0.0.0/8 for each client (only a label for app.inject; nothing is sent). */
function nextAddress(): string {
  const n = ++clients;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export interface TestClientOptions {
  /** The client's address as the app sees it; by default each client gets one of its own. */
  remoteAddress?: string;
}

/**
 * A browser-like client over app.inject(): keeps cookies, finds the CSRF token in the last page,
 * and posts forms the way a browser without JavaScript would.
 *
 * Each client comes from its own address, so per-address rate limits do not add up across
 * clients (and tests); pass `remoteAddress` to make clients share one.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  csrfToken = '';
  lastBody = '';
  readonly remoteAddress: string;

  constructor(
    private readonly app: FastifyInstance,
    opts: TestClientOptions = {},
  ) {
    this.remoteAddress = opts.remoteAddress ?? nextAddress();
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(opts: InjectOptions): Promise<LightMyRequestResponse> {
    const headers = { ...(opts.headers ?? {}) } as Record<string, string>;
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    const res = await this.app.inject({ ...opts, remoteAddress: opts.remoteAddress ?? this.remoteAddress, headers });
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
  async post(url: string, fields: Record<string, string | string[]> = {}, opts: { csrf?: boolean; headers?: Record<string, string> } = {}) {
    if (opts.csrf !== false && !this.csrfToken) await this.get('/login');
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    if (opts.csrf !== false) body.set('_csrf', this.csrfToken);
    return this.request({ method: 'POST', url, payload: body.toString(), headers: { ...opts.headers, 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** A form post (with the CSRF token) asking for a JSON answer, so an error's code can be checked. */
  postJson(url: string, fields: Record<string, string | string[]> = {}) {
    return this.post(url, fields, { headers: { accept: 'application/json' } });
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }
}
