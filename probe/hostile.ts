/**
 * Hostile input: every form POST route (urlencoded, JSON and multipart bodies), every GET route's
 * query string and every route parameter, fed property-based generated inputs as A's staff, a
 * resident or an anonymous visitor. No answer may be a server error, carry the injected markup as
 * markup, redirect off the site, or leave A's rows changed after a refusal.
 */
import { performance } from 'node:perf_hooks';
import type { LightMyRequestResponse } from 'fastify';
import type { RouteInfo } from '../src/app';
import { permissionsOf, ROLES, type Role } from '../src/platform/auth/roles';
import type { TestClient } from '../test/support/client';
import { hostileBody, hostileDocuments, hostileFiles, hostileQuery, hostileSegments, pathSegment, RAW_QUERIES } from './hostile-bodies';
import { inputs, targeted, UNESCAPED, WHOLE_BODIES, type Input } from './hostile-inputs';
import { seededRandom, type Random } from './live-random';
import type { Probe, ProbeOptions } from './types';
import { formFor, harvest, queryParameters, validPairs, type Harvest } from './world-forms';
import { fillUrl, paramKeys, parseForms, send, submission, type Body, type Method } from './world-http';
import { changedTables, openWorld, type Snapshot, type World } from './world';

const key = (r: RouteInfo) => `${r.method} ${r.url}`;
const short = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
};
const SLOW_MS = 2500;
/** Text of a file outside public/ that /static must never serve. */
const OUTSIDE_PUBLIC = '"name": "wspolnota"';

const HOLDER_ORDER: Role[] = ['administrator', 'director', ...ROLES];

class Hostile {
  failures: string[] = [];
  inputs = 0;
  /** Inputs the app took (2xx, 3xx): hostile but valid, they were saved or answered. */
  accepted = 0;
  statuses = new Map<string, number>();
  covered = new Set<string>();
  private last: Snapshot | undefined;
  private address = 0;
  private clients = new Map<string, TestClient>();
  private readonly random: Random;

  constructor(
    private readonly w: World,
    private readonly h: Harvest,
    private readonly opts: ProbeOptions,
  ) {
    this.random = seededRandom(opts.seed);
  }

  /** Who calls the route: A's person holding its permission, A's member who runs the federation, or a visitor. */
  async caller(route: RouteInfo): Promise<TestClient> {
    const a = route.access;
    // The administrator where it holds the permission, else the first role that does (the director opens every case).
    if (a?.kind === 'permission') return this.w.peopleA.get(HOLDER_ORDER.find((r) => permissionsOf([r]).has(a.permission))!)!.client;
    if (a?.kind === 'authenticated') return this.w.peopleA.get('ngo_member')!.client;
    let c = this.clients.get(route.url);
    if (!c) {
      this.clients.set(route.url, (c = route.url === '/login/mfa' ? await this.w.passwordStepOnly() : await this.w.anonymous()));
      this.last = undefined; // logging in may write; the next input is measured from here
    }
    return c;
  }

  /** Sends one hostile request (from an address of its own: rate limits are not what is probed) and checks the answer. */
  async try(route: RouteInfo, url: string, body: Body, what: string, accept: 'html' | 'json'): Promise<LightMyRequestResponse> {
    const client = await this.caller(route);
    this.last ??= await this.w.snapshot({ audit: false });
    const n = ++this.address;
    const headers: Record<string, string> = accept === 'json' ? { accept: 'application/json' } : {};
    const logged = this.w.serverErrors.length;
    const sent = performance.now();
    const res = await send(client, route.method as Method, url, body, headers, `10.${200 + ((n >> 16) & 31)}.${(n >> 8) & 255}.${n & 255}`);
    const ms = performance.now() - sent;
    this.inputs++;
    if (res.statusCode < 400) this.accepted++;
    this.covered.add(key(route));
    const tally = `${key(route)} ${res.statusCode}`;
    this.statuses.set(tally, (this.statuses.get(tally) ?? 0) + 1);
    const label = `${route.method} ${url.length > 120 ? `${url.slice(0, 117)}…` : url} [${what}] → ${res.statusCode}`;
    if (res.statusCode >= 500) this.failures.push(`${label}: server error ${this.w.serverErrors.slice(logged).join('; ')}`);
    // An injected pg_sleep(5) that ran, or an input that is pathologically slow to handle.
    if (ms > SLOW_MS) this.failures.push(`${label}: took ${(ms / 1000).toFixed(1)} s`);
    const type = String(res.headers['content-type'] ?? '');
    const markup = type.includes('html') ? UNESCAPED.map((re) => re.exec(res.body)?.[0]).find(Boolean) : undefined;
    if (markup) this.failures.push(`${label}: injected markup sent back as markup: ${markup}`);
    const location = res.headers.location;
    if (location !== undefined && !/^\/(?![/\\])/.test(location)) this.failures.push(`${label}: redirects off the site to ${location}`);
    if (route.url.startsWith('/static/') && res.body.includes(OUTSIDE_PUBLIC)) this.failures.push(`${label}: serves a file outside public/`);
    const after = await this.w.snapshot({ audit: false });
    const changed = changedTables(this.last, after);
    if (res.statusCode >= 400 && changed.length) this.failures.push(`${label}: refused, yet A's ${changed.join(', ')} changed`);
    this.last = after;
    return res;
  }

  /** The form's current values (after a save, its version moved on): read again from its page. */
  async baseline(route: RouteInfo, url: string): Promise<[string, string][]> {
    if (!formFor(this.h, url)?.form.fields.some((f) => f.name === 'version') || formFor(this.h, url)?.form.action !== url) return validPairs(this.h, url, false) ?? [];
    const page = await send(await this.caller(route), 'GET', url);
    const form = parseForms(page.body, url).find((f) => f.action === url && f.method === 'post');
    if (form) this.h.post.set(url, form);
    this.last = undefined;
    return validPairs(this.h, url, false) ?? [];
  }

  async postRoute(route: RouteInfo, count: (fields: number) => { perField: number; total: number }): Promise<void> {
    const url = fillUrl(route.url, this.w.a.slug, this.w.seededA.ids);
    const found = formFor(this.h, url);
    if (found?.form.multipart) return url.endsWith('/import') ? this.importRoute(route, url) : this.uploadRoute(route, url);
    const fields = (found?.form.fields ?? []).map((f) => f.name).filter((n) => n !== '_csrf');
    let base = await this.baseline(route, url);
    const { perField, total } = count(fields.length);
    const seed = this.opts.seed;
    const aimed = targeted(fields, base, seed, this.opts.full);
    const generated = fields.flatMap((target, i) => inputs(fields, { target, count: perField, seed: seed + i }));
    const batches: Input[] = this.opts.full
      ? [...aimed, ...generated, ...inputs(fields, { count: total, seed: seed + 7919 })]
      : [...this.drawPerField(fields, aimed, generated), ...inputs(fields, { count: total, seed: seed + 7919 })];
    for (const input of batches) {
      const what = `${input.encoding}: ${input.changes.map(([f, v]) => `${f}=${v.kind} ${short(v.value)}`).join('; ')}`;
      const res = await this.try(route, url, hostileBody(base, input), what, input.accept);
      if (res.statusCode < 400) base = await this.baseline(route, url);
    }
    // The small run sends two of the bodies that are no form at all to each route, in turn.
    const wholes = this.opts.full ? WHOLE_BODIES : [0, 1].map((i) => WHOLE_BODIES[(this.covered.size * 2 + i) % WHOLE_BODIES.length]!);
    for (const whole of wholes) await this.try(route, url, whole.body, whole.kind, 'json');
  }

  /**
   * The small run (`npm test`): markup (and foreign addresses) in every field, as in the full run —
   * the sweep reads stored markup back — and, drawn by the seed for each field, either the SQL
   * string aimed at it or the generated input aimed at it; the runs together send both to each.
   */
  private drawPerField(fields: string[], aimed: Input[], generated: Input[]): Input[] {
    const at = (i: Input) => i.changes[0]![0];
    const kept = aimed.filter((i) => i.changes[0]![1].kind !== 'sql');
    for (const field of fields) {
      const sql = aimed.filter((i) => at(i) === field && i.changes[0]![1].kind === 'sql');
      const other = generated.filter((i) => at(i) === field);
      kept.push(...(sql.length && (other.length === 0 || this.random.next() < 0.5) ? sql : other));
    }
    return kept;
  }

  async importRoute(route: RouteInfo, url: string): Promise<void> {
    // A fresh export each time: inputs before may have renamed providers and places, or saved a row (its version moved on).
    const freshCsv = async () => (await send(await this.caller(route), 'GET', url.replace(/import$/, 'export.csv'))).body;
    let csv = await freshCsv();
    const count = this.opts.full ? 50 : 6;
    for (let i = 0; i < count + 3; i++) {
      const f = hostileFiles(csv, count, this.opts.seed)[i]!;
      const body: Body = { kind: 'multipart', fields: [], file: { name: 'file', filename: f.filename, type: 'application/octet-stream', data: f.data } };
      if ((await this.try(route, url, body, f.kind, 'html')).statusCode < 400) csv = await freshCsv();
    }
    await this.try(route, url, { kind: 'multipart', fields: [['file', 'not a file']] }, 'text instead of a file', 'html');
    await this.try(route, url, { kind: 'form', pairs: [['file', csv]] }, 'urlencoded instead of multipart', 'html');
  }

  /** A document upload form: hostile files with the form's other fields as a browser fills them. */
  async uploadRoute(route: RouteInfo, url: string): Promise<void> {
    const fields = (validPairs(this.h, url, false) ?? []).filter(([k]) => k !== '_csrf' && k !== 'file');
    for (const f of hostileDocuments(this.opts.full ? 40 : 4, this.opts.seed)) {
      await this.try(route, url, { kind: 'multipart', fields, file: { name: 'file', filename: f.filename, type: 'application/pdf', data: f.data } }, f.kind, 'html');
    }
    await this.try(route, url, { kind: 'multipart', fields: [...fields, ['file', 'not a file']] }, 'text instead of a file', 'html');
    await this.try(route, url, { kind: 'form', pairs: fields }, 'urlencoded instead of multipart', 'html');
  }

  /** Query names a GET route reads (its filter form, the OpenAPI document), and the usual suspects every route gets. */
  queryNames(route: RouteInfo, url: string, openapi: Map<string, string[]>): { own: string[]; names: string[]; baseline: [string, string][] } {
    const plain = url.replace(/^\/api\//, '/');
    const form = [...this.h.get.values()].filter((f) => plain.startsWith(f.action)).sort((x, y) => y.action.length - x.action.length)[0];
    const own = [...new Set([...(form?.fields.map((f) => f.name) ?? []), ...(openapi.get(route.url) ?? [])])];
    return { own, names: [...new Set([...own, 'next', 'return', 'page'])], baseline: form && form.action === plain ? submission(form) : [] };
  }

  async getRoute(route: RouteInfo, openapi: Map<string, string[]>): Promise<void> {
    const url = fillUrl(route.url, this.w.a.slug, this.w.seededA.ids);
    const { own, names, baseline } = this.queryNames(route, url, openapi);
    const seed = this.opts.seed;
    // The full run: markup and every SQL string, then 30 generated inputs, aimed at each name the route reads; 3 at each of the usual suspects.
    const batches = this.opts.full
      ? [...targeted(own, baseline, seed, true), ...names.flatMap((target, i) => inputs(names, { target, count: own.includes(target) ? 30 : 3, seed: seed + i }))]
      : inputs(names, { count: 3, seed });
    for (const input of batches) {
      const what = `query: ${input.changes.map(([f, v]) => `${f}=${v.kind} ${short(v.value)}`).join('; ')}`;
      await this.try(route, `${url}?${hostileQuery(baseline, input)}`, { kind: 'none' }, what, input.accept);
    }
    for (const raw of this.opts.full ? RAW_QUERIES : RAW_QUERIES.slice(0, 1)) await this.try(route, `${url}?${raw}`, { kind: 'none' }, `raw query ${short(raw)}`, 'html');
  }

  /** Each route parameter (the municipality too) replaced by hostile text. */
  async pathRoute(route: RouteInfo): Promise<void> {
    const params = [...(route.url.includes(':municipality') ? [['municipality', ':municipality'] as [string, string]] : []), ...paramKeys(route.url)];
    for (const [name] of params) {
      for (const v of hostileSegments(this.opts.full ? 6 : 2, this.opts.seed + name.length, this.opts.full || name === '*')) {
        const url = fillUrl(route.url, this.w.a.slug, this.w.seededA.ids, { name, segment: pathSegment(v) });
        const body: Body = route.method === 'POST' ? { kind: 'form', pairs: validPairs(this.h, fillUrl(route.url, this.w.a.slug, this.w.seededA.ids), false) ?? [] } : { kind: 'none' };
        await this.try(route, url, body, `:${name}=${v.kind} ${short(v.value)}`, 'html');
      }
    }
  }

  /**
   * Stored markup: every page of A read again, as its administrator and as a visitor, for the
   * seeded records (whose pages show the providers and places the inputs edited) and for every
   * record that holds injected markup (`probe<n>`).
   */
  async sweep(): Promise<number> {
    const visitor = await this.w.anonymous();
    const urls = new Set<string>();
    for (const route of this.w.routes.filter((r) => r.method === 'GET')) {
      for (const ids of await this.everyRecord(route)) urls.add(fillUrl(route.url, this.w.a.slug, ids));
    }
    for (const url of urls) {
      for (const client of [this.w.peopleA.get('administrator')!.client, visitor]) {
        const res = await send(client, 'GET', url);
        const markup = String(res.headers['content-type']).includes('html') ? UNESCAPED.map((re) => re.exec(res.body)?.[0]).find(Boolean) : undefined;
        if (markup) this.failures.push(`GET ${url} (after the inputs): stored markup sent back as markup: ${markup}`);
        if (res.statusCode >= 500) this.failures.push(`GET ${url} (after the inputs) → ${res.statusCode}: server error ${this.w.serverErrors.at(-1) ?? ''}`);
      }
    }
    return urls.size;
  }

  /** The route's parameters filled with each record of A holding injected markup, of the table of the seeded id (one parameter varied at a time). */
  private async everyRecord(route: RouteInfo): Promise<Record<string, string>[]> {
    const seeded = this.w.seededA.ids;
    const out = [seeded];
    for (const [, key] of paramKeys(route.url)) {
      const id = seeded[key];
      if (!id || !/^[0-9a-f-]{36}$/.test(id)) continue;
      const rows = await this.w.db.ownerTx(async (sql) => {
        for (const table of ['services', 'providers', 'locations', 'programmes']) {
          const found = await sql.query<{ id: string }>(`SELECT id FROM ${table} WHERE municipality_id = $1 AND id = $2`, [this.w.a.id, id]);
          if (found.length) return sql.query<{ id: string }>(`SELECT id FROM ${table} t WHERE municipality_id = $1 AND t::text LIKE '%probe%'`, [this.w.a.id]);
        }
        return [];
      });
      for (const r of rows) out.push({ ...seeded, [key]: r.id });
    }
    return out;
  }
}

export const hostileInputProbe: Probe = async (opts) => {
  const started = performance.now();
  const w = await openWorld(opts);
  try {
    const h = await harvest(w);
    const probe = new Hostile(w, h, opts);
    for (const key of h.missing) probe.failures.push(`no real id of A for ${key}: no page or mail of A leads to one and the seed names none (probe/world-seed.ts)`);
    const routes = w.routes.filter((r) => r.method !== 'HEAD');
    const posts = routes.filter((r) => r.method === 'POST');
    const count = (fields: number) => (opts.full ? { perField: 50, total: 0 } : { perField: 1, total: Math.max(4, 8 - fields) });
    opts.log(`${posts.length} POST routes, ${h.post.size} forms found on A's pages`);
    for (const route of posts) await probe.postRoute(route, count);
    const openapi = await queryParameters(w);
    opts.log(`${probe.inputs} inputs; now query strings of ${routes.length - posts.length} GET routes`);
    for (const route of routes.filter((r) => r.method === 'GET')) await probe.getRoute(route, openapi);
    opts.log(`${probe.inputs} inputs; now route parameters`);
    for (const route of routes.filter((r) => r.url.includes(':') || r.url.includes('*'))) await probe.pathRoute(route);
    const pages = await probe.sweep();
    // How deep the inputs went: answers per POST route (a route only ever refusing would probe little).
    for (const route of posts) {
      const tally = [...probe.statuses].filter(([k]) => k.startsWith(`${key(route)} `)).map(([k, n]) => `${k.split(' ').pop()}×${n}`);
      opts.log(`${key(route)}: ${tally.join(' ')}`);
    }
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    return {
      name: 'hostile',
      ok: probe.failures.length === 0,
      figures: { routes: probe.covered.size, registered: routes.length, inputs: probe.inputs, accepted: probe.accepted, 'pages read again': pages, seed: opts.seed, seconds },
      failures: probe.failures,
    };
  } finally {
    await w.close();
  }
};
