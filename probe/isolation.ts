/**
 * Tenant isolation: every registered route, called for municipality A with A's real record ids by
 * an anonymous visitor and by every role of municipality B (logged in, with a valid CSRF token), and
 * with B's address but A's ids by B's own staff. Nothing of A may be served or changed; A's own
 * role holding the permission must get through the same route (the control).
 */
import { performance } from 'node:perf_hooks';
import type { RouteInfo } from '../src/app';
import { permissionsOf, ROLES, type Permission, type Role } from '../src/platform/auth/roles';
import type { TestClient } from '../test/support/client';
import { asObject, bodyFor, harvest, validPairs, type Harvest } from './world-forms';
import { describe, fillUrl, paramKeys, readable, send, type Body, type Method } from './world-http';
import { seededRandom, type Random } from './live-random';
import { changedTables, openWorld, type Snapshot, type World } from './world';
import type { Probe, ProbeOptions } from './types';

interface Identity {
  who: string;
  client: TestClient;
  roles: Role[];
  userId?: string;
}

/** Error codes that mean the access rule (not the handler) refused the request. */
const ACCESS_REFUSALS = ['auth.required', 'auth.forbidden', 'auth.mfa_required', 'csrf.invalid'];
const JOIN = 'POST /:municipality/join';
/**
 * Public writes by design, and the only tables they may change: anyone may ask for announcement notices
 * (a row waiting for its mailed confirmation, and the mail's job), and whoever holds a mailed link may
 * confirm or end that subscription (the token is the proof, ADR 0027).
 */
const PUBLIC_WRITES: Record<string, string[]> = {
  'POST /:municipality/ogloszenia/subskrypcja': ['announcement_subscriptions', 'jobs'],
  'POST /:municipality/ogloszenia/subskrypcja/potwierdz/:token': ['announcement_subscriptions'],
  'POST /:municipality/ogloszenia/subskrypcja/wypisz/:token': ['announcement_subscriptions'],
  // A survey open to whoever has its link (audience 'link') takes an answer from anyone: starting one is a draft response.
  'POST /:municipality/ankiety/:id/start': ['survey_responses'],
};
const isMunicipal = (r: RouteInfo) => r.url.includes(':municipality');
const key = (r: RouteInfo) => `${r.method} ${r.url}`;

function sentText(body: Body): string {
  if (body.kind === 'form') return body.pairs.map(([, v]) => v).join('\n');
  if (body.kind === 'json') return JSON.stringify(body.value);
  if (body.kind === 'multipart') return body.file?.data.toString('utf8') ?? '';
  return '';
}

class Isolation {
  failures: string[] = [];
  calls = 0;
  identities = new Set<string>();
  covered = new Set<string>();
  private readonly random: Random;

  constructor(
    private readonly w: World,
    private readonly h: Harvest,
    private readonly opts: ProbeOptions,
  ) {
    this.random = seededRandom(opts.seed);
  }

  /**
   * Who calls a route of A from outside. The full run: everyone. The small one (`npm test`): the
   * anonymous visitor, one of B's people whom the guard lets through (a holder of the route's
   * permission, or any of B's people on a members' or public route) — the handler's and row-level
   * security's scoping is what stops them — and one whom the guard should refuse, each drawn by the
   * seed, so that every route is called and the runs together call it as every role.
   */
  sample(route: RouteInfo, outsiders: Identity[]): Identity[] {
    if (this.opts.full) return outsiders;
    const access = route.access;
    const [anonymous, ...people] = outsiders;
    const through = people.filter((p) => access?.kind !== 'permission' || permissionsOf(p.roles).has(access.permission));
    const refused = people.filter((p) => !through.includes(p));
    const drawn = [through, refused].filter((group) => group.length > 0).map((group) => this.random.pick(group));
    return [anonymous!, ...drawn];
  }

  body(route: RouteInfo, url: string, encoding: 'form' | 'json' = 'form'): Body {
    return bodyFor(this.h, route, url, encoding, this.w.markers.public[0]!);
  }

  /** A's rows as they were after the last check. */
  private last: Snapshot | undefined;

  /** Compares A's rows with the last check; `label` names what changed them. */
  async unchanged(label: string, joinedBy?: string, publicWrites: string[] = []): Promise<void> {
    const before = this.last ?? (await this.w.snapshot());
    this.last = await this.w.snapshot();
    let changed = changedTables(before, this.last).filter((t) => !publicWrites.includes(t));
    if (changed.length && joinedBy) changed = await this.undoJoin(joinedBy, before);
    if (changed.length) this.failures.push(`${label}: changed A's ${changed.join(', ')}`);
  }

  /**
   * Calls `route` at `url` as `id` and checks what came back; A's rows are compared after each call
   * in the full run, after each route's batch of calls in the small one.
   */
  async call(route: RouteInfo, url: string, id: Identity, body: Body, check: { refused: boolean; markers: string[]; allowed?: string[] }): Promise<void> {
    this.last ??= await this.w.snapshot();
    const logged = this.w.serverErrors.length;
    const res = await send(id.client, route.method as Method, url, body);
    this.calls++;
    this.identities.add(id.who);
    this.covered.add(key(route));
    const label = `${id.who}: ${route.method} ${url}${body.kind === 'json' ? ' (JSON)' : ''} → ${describe(res)}`;
    if (res.statusCode >= 500) this.failures.push(`${label}: server error ${this.w.serverErrors.slice(logged).join('; ')}`);
    const refused = [401, 403].includes(res.statusCode) || (res.statusCode === 303 && /^\/login\?next=/.test(res.headers.location ?? ''));
    if (check.refused && !refused) this.failures.push(`${label}: served instead of refused`);
    const text = readable(res);
    // What the caller typed may come back in a re-rendered form: that is their own input, not A's data.
    const sent = sentText(body);
    const leaked = check.markers.filter((m) => text.includes(m) && !sent.includes(m) && !check.allowed?.includes(m));
    if (leaked.length) this.failures.push(`${label}: shows A's ${leaked.slice(0, 3).map((m) => `"${m}"`).join(', ')}`);
    const joining = key(route) === JOIN && id.userId ? id.userId : undefined;
    if (this.opts.full || joining) await this.unchanged(label, joining, PUBLIC_WRITES[key(route)]);
  }

  /** After a batch of calls of one route (the small run checks A's rows once per route). */
  async batchDone(route: RouteInfo, callers: number): Promise<void> {
    if (!this.opts.full) await this.unchanged(`one of ${callers} callers of ${route.method} ${route.url}`, undefined, PUBLIC_WRITES[key(route)]);
  }

  /** Joining as a resident is open to every account: the one change allowed, undone so the person stays an outsider. */
  private async undoJoin(userId: string, before: Snapshot): Promise<string[]> {
    const a = this.w.a.id;
    const rows = await this.w.db.ownerTx((sql) => sql.query<{ roles: string[] }>('SELECT roles FROM memberships WHERE municipality_id = $1 AND user_id = $2', [a, userId]));
    if (rows.length !== 1 || rows[0]!.roles.join() !== 'resident') return ['memberships (not a resident membership of the caller)'];
    await this.w.db.ownerTx((sql) => sql.query('DELETE FROM memberships WHERE municipality_id = $1 AND user_id = $2', [a, userId]));
    this.last = await this.w.snapshot();
    return changedTables(before, this.last);
  }

  private readonly publicPages = new Map<string, string[]>();

  /**
   * A's public names that anyone sees at `url` or at an address above it (a refused form re-renders
   * the public page it was posted from, the call with its published results, say): not a leak there.
   */
  async shownToAnyone(url: string, anonymous: Identity): Promise<string[]> {
    const shown = new Set<string>();
    const path = url.split('?')[0]!.split('/');
    for (let n = path.length; n > 2; n--) {
      const page = path.slice(0, n).join('/');
      let names = this.publicPages.get(page);
      if (!names) {
        const res = await send(anonymous.client, 'GET', page, { kind: 'none' });
        const text = res.statusCode === 200 ? readable(res) : '';
        names = this.w.markers.public.filter((m) => text.includes(m));
        this.publicPages.set(page, names);
      }
      for (const name of names) shown.add(name);
    }
    return [...shown];
  }

  /** Every route of A as an anonymous visitor and as every role of B. */
  async outsiders(outsiders: Identity[]): Promise<void> {
    const { markers } = this.w;
    for (const route of this.w.routes) {
      const url = fillUrl(route.url, this.w.a.slug, this.w.seededA.ids);
      const isPublic = route.access?.kind !== 'permission' && route.access?.kind !== 'authenticated';
      // Whoever holds an invitation's link may see whom it invites; what anyone sees on the public page a form is posted from is no secret.
      const allowed = [
        ...(route.url.includes(':token') ? this.w.seededA.invitees : []),
        ...(!isPublic && isMunicipal(route) && route.method === 'POST' ? await this.shownToAnyone(url, outsiders[0]!) : []),
      ];
      const callers = this.sample(route, outsiders);
      for (const id of callers) {
        // Logging out would make the rest of this person's calls anonymous ones.
        if (route.url === '/logout' && id.userId) continue;
        const check = { refused: route.access?.kind === 'permission', markers: isPublic || !isMunicipal(route) ? markers.private : [...markers.private, ...markers.public], allowed };
        await this.call(route, url, id, this.body(route, url), check);
        if (this.opts.full && route.method === 'POST') await this.call(route, url, id, this.body(route, url, 'json'), check);
      }
      await this.batchDone(route, callers.length);
    }
  }

  /**
   * B's own address with A's ids (in the path or in the form): here the guard lets B's staff in, and
   * only the handlers' and row-level security's scoping keeps A's records out of reach.
   */
  async crossReferences(peopleB: Identity[], anonymous: Identity): Promise<void> {
    const { w } = this;
    for (const route of w.routes.filter(isMunicipal)) {
      const aUrl = fillUrl(route.url, w.a.slug, w.seededA.ids);
      const pairs = route.method === 'POST' ? (validPairs(this.h, aUrl) ?? []) : [];
      const idsInBody = pairs.some(([, v]) => /^[0-9a-f-]{36}$/.test(v));
      if (paramKeys(route.url).length === 0 && !idsInBody && !route.url.endsWith('/import')) continue;
      const url = fillUrl(route.url, w.b.slug, w.seededA.ids);
      const body: Body = route.method !== 'POST' ? { kind: 'none' } : route.url.endsWith('/import') ? this.body(route, aUrl) : { kind: 'form', pairs };
      const access = route.access;
      const callers = access?.kind === 'public' ? [anonymous, ...peopleB] : peopleB;
      // The small run: one of those whom the guard lets in, drawn by the seed (the anonymous visitor too on a public route).
      const through = peopleB.filter((p) => access?.kind !== 'permission' || permissionsOf(p.roles).has(access.permission));
      const relevant = this.opts.full
        ? callers
        : [...(access?.kind === 'public' ? [anonymous] : []), ...(through.length ? [this.random.pick(through)] : [])];
      for (const id of relevant) {
        const check = { refused: false, markers: [...w.markers.private, ...w.markers.public] };
        await this.call(route, url, id, body, check);
        if (this.opts.full && body.kind === 'form') await this.call(route, url, id, { kind: 'json', value: asObject(pairs) }, check);
      }
      await this.batchDone(route, relevant.length);
    }
  }

  /** A's own members without the permission: refused as well (full run). */
  async membersWithout(peopleA: Identity[]): Promise<void> {
    for (const route of this.w.routes.filter((r) => r.access?.kind === 'permission')) {
      const access = route.access as { kind: 'permission'; permission: Permission };
      const url = fillUrl(route.url, this.w.a.slug, this.w.seededA.ids);
      for (const id of peopleA.filter((p) => !permissionsOf(p.roles).has(access.permission))) {
        await this.call(route, url, id, this.body(route, url), { refused: true, markers: [] });
      }
    }
  }

  /**
   * The control: the route at A with A's ids gets through for A's own people — the holder of its
   * permission; for a route open to members, the first of A's people its handler lets in (an
   * organisation's administrator, say) — and a GET with real ids is served (200).
   */
  async controls(peopleA: Identity[], anonymous: Identity, pending: Identity, missing: string[]): Promise<void> {
    const ordered = [...this.w.routes].sort((x, y) => Number(x.method === 'POST') - Number(y.method === 'POST'));
    const members = [...peopleA].sort((x, y) => Number(y.roles.includes('ngo_member')) - Number(x.roles.includes('ngo_member')));
    for (const route of ordered) {
      const access = route.access;
      const candidates =
        access?.kind === 'permission'
          ? [peopleA.find((p) => permissionsOf(p.roles).has(access.permission))!]
          : access?.kind === 'authenticated'
            ? members
            : [route.url === '/login/mfa' ? pending : anonymous];
      const url = fillUrl(route.url, this.w.a.slug, this.w.seededA.ids);
      const realIds = isMunicipal(route) && paramKeys(route.url).every(([, k]) => k in this.w.seededA.ids && !missing.includes(k));
      let problem = '';
      for (const id of candidates) {
        const res = await send(id.client, route.method as Method, url, this.body(route, url), { accept: 'application/json' });
        this.calls++;
        const code = errorCode(res);
        const label = `control, ${id.who}: ${route.method} ${url} → ${describe(res)}${code ? ` ${code}` : ''}`;
        const isGet = route.method === 'GET' || route.method === 'HEAD';
        // An address with a trailing slash answers a permanent redirect to the one without: that is how it is served.
        // Members' pages: the handler's own refusal (403, or 404 for what one may not know of) means "try the next person".
        const refused = ACCESS_REFUSALS.includes(code ?? '') || (access?.kind === 'authenticated' && isGet && [403, 404].includes(res.statusCode));
        // A confirmation page of an action the seeded record's state does not allow (a decided application's decline)
        // answers 409/422 with the state's code: the handler found the record and judged it, which is what the control asks.
        const judged = [409, 422].includes(res.statusCode) && (code !== undefined || route.method === 'HEAD');
        const served = res.statusCode === 200 || judged || (res.statusCode === 308 && route.url.endsWith('/'));
        problem = res.statusCode >= 500 ? `${label}: server error` : refused ? `${label}: refused` : realIds && isGet && !served ? `${label}: not served` : '';
        if (!problem) break;
      }
      if (problem) this.failures.push(candidates.length > 1 ? `${problem} (and by ${candidates.length - 1} other people of A)` : problem);
    }
  }
}

function errorCode(res: { json(): unknown }): string | undefined {
  try {
    return (res.json() as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

export const isolationProbe: Probe = async (opts) => {
  const started = performance.now();
  const w = await openWorld(opts);
  try {
    const h = await harvest(w);
    const probe = new Isolation(w, h, opts);
    for (const key of h.missing) probe.failures.push(`no real id of A for ${key}: no page or mail of A leads to one and the seed names none (probe/world-seed.ts)`);
    const as = (m: 'A' | 'B', people: World['peopleA']): Identity[] =>
      ROLES.map((role) => ({ who: `${role} of ${m}`, client: people.get(role)!.client, roles: [role], userId: people.get(role)!.user.id }));
    const anonymous: Identity = { who: 'anonymous', client: await w.anonymous(), roles: [] };
    const peopleB = as('B', w.peopleB);
    const peopleA = as('A', w.peopleA);
    opts.log(`${w.routes.length} routes; outsiders: anonymous and ${peopleB.length} roles of B`);
    await probe.outsiders([anonymous, ...peopleB]);
    opts.log(`${probe.calls} calls as outsiders; now B's address with A's ids`);
    await probe.crossReferences(peopleB, anonymous);
    if (opts.full) await probe.membersWithout(peopleA);
    opts.log(`${probe.calls} calls; now the controls as A's own roles`);
    await probe.controls(peopleA, { who: 'anonymous (control)', client: await w.anonymous(), roles: [] }, { who: 'half-logged-in staff of A (control)', client: await w.passwordStepOnly(), roles: [] }, h.missing);
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    return {
      name: 'isolation',
      ok: probe.failures.length === 0,
      figures: { routes: probe.covered.size, registered: w.routes.length, identities: probe.identities.size, calls: probe.calls, seconds },
      failures: probe.failures,
    };
  } finally {
    await w.close();
  }
};
