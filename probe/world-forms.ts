/**
 * The forms of A's pages, read off the pages themselves: what each POST route takes (field names,
 * kinds, choices) and a valid submission for it, so that a request the guard wrongly let through
 * would really change something.
 */
import crypto from 'node:crypto';
import type { RouteInfo } from '../src/app';
import { permissionsOf, type Permission, type Role } from '../src/platform/auth/roles';
import { uniq } from '../test/support/factories';
import type { World } from './world';
import { decodeEntities, fillUrl, isTenantParam, paramKeys, parseForms, send, submission, type Body, type HtmlForm } from './world-http';

export interface Harvest {
  /** POST forms by their action path. */
  post: Map<string, HtmlForm>;
  /** GET forms (filters) by their action path. */
  get: Map<string, HtmlForm>;
  /** A's services as the export writes them: a valid import file. */
  csv: Buffer;
  /** Route parameters no page or mail of A gave a real id for (they got a random one): each is a gap in the probes. */
  missing: string[];
}

/** A route as a pattern over A's paths, to read real ids off links, form actions and mailed links. */
function patterns(w: World) {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const fixed = new Set(w.routes.filter((r) => paramKeys(r.url).length === 0).map((r) => r.url.replace(':municipality', w.a.slug)));
  const list = w.routes
    .filter((r) => paramKeys(r.url).length > 0 && !r.url.includes('*'))
    .map((r) => {
      const source = escape(r.url.replace(':municipality', w.a.slug)).replace(/:[A-Za-z_]+/g, '([^/?#]+)');
      return { regex: new RegExp(`^${source}$`), keys: paramKeys(r.url).map(([, key]) => key) };
    });
  return (path: string, ids: Record<string, string>) => {
    if (fixed.has(path)) return; // /a/organisations/register is not organisation "register"
    for (const p of list) {
      const m = p.regex.exec(path);
      if (m) p.keys.forEach((key, i) => (ids[key] ??= decodeURIComponent(m[i + 1]!)));
    }
  };
}

/**
 * Visits every GET page of A as the people who may see it — the holder of its permission, for other
 * pages members of A (an organisation's administrator among them), an outsider and an anonymous
 * visitor — and keeps its forms. Ids the seed does not name are read off the links and form actions
 * of the pages and off the links in the mail sent, and the pages they open are visited in turn.
 */
export async function harvest(w: World): Promise<Harvest> {
  const post = new Map<string, HtmlForm>();
  const get = new Map<string, HtmlForm>();
  const ids = w.seededA.ids;
  const learn = patterns(w);
  const a = (role: Role) => w.peopleA.get(role)!.client;
  const outsider = w.peopleB.get('resident')!.client;
  const anonymous = await w.anonymous();
  const holder = (p: Permission) => [...w.peopleA.values()].sort((x, y) => Number(y.role === 'administrator') - Number(x.role === 'administrator')).find((x) => permissionsOf([x.role]).has(p))!.client;
  const visitors = (r: RouteInfo) =>
    r.access?.kind === 'permission' ? [holder(r.access.permission)] : r.access?.kind === 'authenticated' ? [a('ngo_member'), a('resident'), outsider] : [anonymous, a('ngo_member'), outsider];
  for (const link of w.mailedLinks) learn(new URL(link).pathname, ids);

  const fillable = (r: RouteInfo) => paramKeys(r.url).every(([, key]) => key in ids || !isTenantParam(key));
  // Files (PDF, XLSX, CSV, ZIP, JSON) hold no forms and no links.
  const pages = w.routes.filter((r) => r.method === 'GET' && !/\.(pdf|xlsx|csv|zip|json)$/.test(r.url) && !r.url.startsWith('/api/'));
  const visited = new Set<RouteInfo>();
  for (let next = pages.filter(fillable); next.length; next = pages.filter((r) => !visited.has(r) && fillable(r))) {
    for (const route of next) {
      visited.add(route);
      const url = fillUrl(route.url, w.a.slug, ids);
      for (const client of visitors(route)) {
        const res = await send(client, 'GET', url);
        if (!String(res.headers['content-type'] ?? '').includes('text/html')) continue;
        for (const m of res.body.matchAll(/\s(?:href|action)="([^"]*)"/g)) learn(new URL(decodeEntities(m[1]!), `http://localhost${url}`).pathname, ids);
        for (const form of parseForms(res.body, url)) {
          const into = form.method === 'post' ? post : get;
          if (!into.has(form.action)) into.set(form.action, form);
        }
      }
    }
  }
  const missing = [...new Set(w.routes.flatMap((r) => paramKeys(r.url).map(([, key]) => key)))].filter((key) => !(key in ids) && isTenantParam(key));
  for (const key of missing) ids[key] = crypto.randomUUID();
  const exported = await send(holder('catalog.manage'), 'GET', `/${w.a.slug}/catalog/export.csv`);
  if (exported.statusCode !== 200) throw new Error(`export.csv: ${exported.statusCode}`);
  return { post, get, csv: exported.rawPayload, missing };
}

/** The form that posts to `url`, or failing that the edit form of a record under it (for a create route). */
export function formFor(h: Harvest, url: string): { form: HtmlForm; sibling: boolean } | undefined {
  const edit = [...h.post.values()].find((f) => f.action.startsWith(`${url}/`) && /^[0-9a-f-]{36}$/.test(f.action.slice(url.length + 1)));
  if (edit) return { form: edit, sibling: true };
  const own = h.post.get(url);
  return own ? { form: own, sibling: false } : undefined;
}

/**
 * A valid submission for the POST route at `url` — with one text changed when `change` (so that
 * saving it would change a row) — or undefined when no page holds its form.
 */
export function validPairs(h: Harvest, url: string, change = true): [string, string][] | undefined {
  const found = formFor(h, url);
  if (!found) return undefined;
  let pairs = submission(found.form).filter(([k]) => !(found.sibling && k === 'version'));
  const blank: Record<string, () => string> = { email: () => `nowa-${uniq()}@example.pl`, date: () => '2031-01-15' };
  pairs = pairs.map(([k, v]) => [k, v === '' ? (blank[found.form.fields.find((f) => f.name === k)?.kind ?? '']?.() ?? v) : v]);
  for (const f of found.form.fields) {
    if (f.kind === 'checkbox' && f.name === 'roles' && !pairs.some(([k]) => k === 'roles')) pairs.push(['roles', 'coordinator']);
  }
  const text = change && found.form.fields.find((f) => (f.kind === 'text' || f.kind === 'textarea') && f.name !== 'version' && pairs.some(([k]) => k === f.name));
  if (text) pairs = pairs.map(([k, v]) => [k, k === text.name ? `${v} (zmiana)`.trim() : v]);
  return pairs;
}

/** [name, value] pairs as a JSON object: a repeated name becomes an array. */
export function asObject(pairs: [string, string][]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of pairs) {
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}

/** A's import file with one service renamed: importing it would change a row. */
export function changedCsv(h: Harvest, rename: string): Buffer {
  return Buffer.from(h.csv.toString('utf8').replace(rename, `${rename} (zmiana)`));
}

/** The body a browser would send to a POST route, in the encoding asked for. */
export function bodyFor(h: Harvest, route: RouteInfo, url: string, encoding: 'form' | 'json', rename: string): Body {
  const found = formFor(h, url);
  if (found?.form.multipart) {
    return { kind: 'multipart', fields: [], file: { name: 'file', filename: 'uslugi.csv', type: 'text/csv', data: changedCsv(h, rename) } };
  }
  const pairs = validPairs(h, url) ?? [];
  if (route.method !== 'POST') return { kind: 'none' };
  return encoding === 'json' ? { kind: 'json', value: asObject(pairs) } : { kind: 'form', pairs };
}

/** OpenAPI query parameters by route pattern (`/api/:municipality/hsds/services`). */
export async function queryParameters(w: World): Promise<Map<string, string[]>> {
  const doc = (await w.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { parameters?: { $ref?: string; name?: string; in?: string }[] }>>;
    components: { parameters: Record<string, { name: string; in: string }> };
  };
  const out = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths)) {
    const params = Object.values(item).flatMap((op) => (Array.isArray(op) ? op : (op.parameters ?? [])) as { $ref?: string; name?: string; in?: string }[]);
    const resolved = params.map((p) => (p.$ref ? doc.components.parameters[p.$ref.split('/').pop()!] : p)).filter((p) => p?.in === 'query');
    out.set(path.replace(/\{(\w+)\}/g, ':$1'), resolved.map((p) => p!.name!));
  }
  return out;
}
