import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** What came back: status, redirect target, the page, and how long it took. */
export interface Answer {
  status: number;
  location: string | undefined;
  body: string;
  ms: number;
}

export type Fields = Record<string, string | string[]>;

/**
 * A browser without JavaScript over real HTTP: one keep-alive connection, its cookies, the CSRF token
 * from the last page, urlencoded forms. `localAddress` picks the loopback address it comes from
 * (127.0.0.0/8), so that simulated people are different clients to per-address limits.
 */
export class Browser {
  private readonly agent: http.Agent;
  private readonly cookies = new Map<string, string>();
  csrfToken = '';

  constructor(
    readonly base: string,
    private readonly opts: { localAddress?: string; timeoutMs?: number } = {},
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: opts.localAddress });
  }

  get(path: string): Promise<Answer> {
    return this.request('GET', path);
  }

  /** Posts a form with the CSRF token of the last page. */
  post(path: string, fields: Fields): Promise<Answer> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    body.set('_csrf', this.csrfToken);
    return this.request('POST', path, body.toString());
  }

  /** The password step of logging in; true when the server answered with a session. */
  async logIn(email: string, password: string): Promise<boolean> {
    await this.get('/login');
    const res = await this.post('/login', { email, password, next: '/account' });
    return res.status === 303 && this.cookies.has('sid');
  }

  close(): void {
    this.agent.destroy();
  }

  /** Resolves with any HTTP answer; rejects on a connection error or when `timeoutMs` passes. */
  request(method: 'GET' | 'POST', path: string, body?: string): Promise<Answer> {
    const started = performance.now();
    const timeoutMs = this.opts.timeoutMs ?? 30_000;
    const headers: Record<string, string | number> = { 'accept-language': 'pl' };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = Buffer.byteLength(body);
    }
    return new Promise((resolve, reject) => {
      const req = http.request(`${this.base}${path}`, { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('error', reject);
        res.on('end', () => {
          this.keepCookies(res.headers['set-cookie'] ?? []);
          const text = Buffer.concat(chunks).toString('utf8');
          const token = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
          if (token) this.csrfToken = token;
          resolve({ status: res.statusCode ?? 0, location: res.headers.location, body: text, ms: performance.now() - started });
        });
      });
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  private keepCookies(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      if (eq < 1) continue;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const expired = attrs.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) <= Date.now()));
      if (value === '' || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
