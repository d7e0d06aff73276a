import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import crypto from 'node:crypto';
import fp from 'fastify-plugin';
import { LRUCache } from 'lru-cache';
import { hashToken } from '../auth/tokens';
import { sessions, type SessionRow, type UserRow } from '../auth/repository';
import { permissionsOf, type Permission, type Role } from '../auth/roles';
import type { AuditActor } from '../audit/audit';
import type { Database, DbContext } from '../db/types';
import { NO_CONTEXT } from '../db/types';
import { isLocale, translator, type Locale, type MessageKey, type Translator } from '../i18n';
import { memberships, municipalities, type MunicipalityRow } from '../tenancy/repository';
import type { PageContext } from '../ui/context';
import { renderDocument } from '../ui/render';
import { setPageCacheControl } from './page-cache';
import { sessionWithUser } from './repository-request';

export const SESSION_COOKIE = 'sid';
export const LANG_COOKIE = 'lang';
export const FLASH_COOKIE = 'flash';
export const SESSION_IDLE_HOURS = 12;
export const SESSION_ABSOLUTE_DAYS = 14;

export interface Tenant {
  municipality: MunicipalityRow;
  roles: Role[];
  permissions: Set<Permission>;
}

/** Where the menu lists a link, by what the person does there: the centre's offer, their own matters, their organisation's, their work, running the centre. */
export const NAV_GROUPS = ['public', 'mine', 'organisation', 'work', 'admin'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export interface NavItem {
  href: string;
  label: MessageKey;
  /** Shown only to people with this permission in the municipality. */
  permission?: Permission;
  /** Shown only to people holding one of these roles there (a resident's own pages, an organisation's). */
  roles?: readonly Role[];
  /** The menu's group; 'public' when not given. */
  group?: NavGroup;
  /** Not a menu link but the municipality's Atom feed: every page of the municipality names it in its head (`<link rel="alternate">`). */
  feed?: true;
}

declare module 'fastify' {
  interface FastifyRequest {
    i18n: Translator;
    session: SessionRow | null;
    user: UserRow | null;
    tenant: Tenant | null;
    flash: string | null;
    /** The row-level security context for this request's transactions. */
    dbContext(): DbContext;
    auditActor(): AuditActor;
  }
  interface FastifyReply {
    /** Renders a full page. */
    page(render: (ctx: PageContext) => VNode, status?: number): FastifyReply;
    pageContext(csrfToken?: string): PageContext;
    /**
     * Whether this page may be the same for everyone who asks: an anonymous visitor (no session,
     * no flash message). Such a page can be rendered once (`renderShared`) and sent to many (`sendShared`).
     */
    shareable(): boolean;
    /** The page's HTML with a slot where each visitor's own CSRF token goes. */
    renderShared(render: (ctx: PageContext) => VNode): string;
    sendShared(html: string, status?: number): FastifyReply;
    setFlash(message: string): FastifyReply;
  }
  interface FastifyContextConfig {
    /** Health checks and static files: no session, no database. */
    bare?: boolean;
    /**
     * The address itself carries the only credential (a token sent by e-mail), and the handler acts
     * on the token alone, never on the session: no CSRF check is needed (JSON clients have no form token).
     */
    tokenInUrl?: boolean;
  }
}

export interface RequestContextOptions {
  db: Database;
  secureCookies: boolean;
  /** Municipality navigation contributed by modules. */
  navigation: NavItem[];
}

/**
 * Loads who is asking (session, user), in which language, and in which municipality (the
 * `:municipality` route parameter), in one transaction per request.
 */
export const requestContext = fp(async (app: FastifyInstance, opts: RequestContextOptions) => {
  // Municipalities are created but never renamed or removed, so the ones found stay valid; a slug
  // not found is asked again each time (it may have been created since, by another process).
  const knownMunicipalities = new LRUCache<string, MunicipalityRow>({ max: 10_000 });
  app.decorateRequest('i18n', null as unknown as Translator);
  app.decorateRequest('session', null);
  app.decorateRequest('user', null);
  app.decorateRequest('tenant', null);
  app.decorateRequest('flash', null);
  app.decorateRequest('dbContext', function (this: FastifyRequest): DbContext {
    return { municipalityId: this.tenant?.municipality.id ?? null, userId: this.user?.id ?? null };
  });
  app.decorateRequest('auditActor', function (this: FastifyRequest): AuditActor {
    return {
      userId: this.user?.id ?? null,
      label: this.user?.email ?? '',
      ip: this.ip,
      userAgent: String(this.headers['user-agent'] ?? ''),
      requestId: String(this.id),
    };
  });

  app.addHook('onRequest', async (request, reply) => {
    const cookieLocale = request.cookies[LANG_COOKIE];
    request.i18n = translator(isLocale(cookieLocale) ? cookieLocale : 'pl');
    if (request.routeOptions.config?.bare) return;

    // Read before the early return below: an anonymous visitor (e.g. just logged out) sees flashes too.
    const flash = request.cookies[FLASH_COOKIE];
    if (flash) {
      const unsigned = request.unsignCookie(flash);
      if (unsigned.valid && unsigned.value) request.flash = unsigned.value;
      reply.clearCookie(FLASH_COOKIE, { path: '/' });
    }

    const token = request.cookies[SESSION_COOKIE];
    const slug = (request.params as { municipality?: string } | undefined)?.municipality;
    if (!token && !slug) return;
    // An anonymous visitor of a known municipality needs no database round trip at all.
    const known = slug ? knownMunicipalities.get(slug) : undefined;
    if (!token && known) {
      request.tenant = { municipality: known, roles: [], permissions: permissionsOf([]) };
      return;
    }

    // A known municipality goes into the RLS context from the start, so that the session, its user and
    // their roles there come in one statement: BEGIN, it and COMMIT go out together (one round trip), and
    // the request goes on without waiting for COMMIT's reply (a read-only transaction).
    const hash = token ? hashToken(token) : null;
    let touch: SessionRow | null = null;
    await opts.db.tx(known ? { municipalityId: known.id, userId: null } : NO_CONTEXT, async (sql) => {
      let roles: Role[] = [];
      if (hash) {
        const found = await sessionWithUser(sql, hash, known?.id ?? null);
        if (found) {
          const { session, user } = found;
          request.session = session;
          // With 2FA enrolled, a session is someone's only once it gave a code itself (the /login/mfa page,
          // or enrolling in it): `mfa_verified` is the session's own, never inherited from before enrolment.
          request.user = user.totp_enabled_at && !session.mfa_verified ? null : user;
          if (request.user) roles = found.roles;
          if (!isLocale(cookieLocale)) request.i18n = translator(user.locale);
          // Sliding expiry, written at most once a minute (below, in a transaction of its own).
          if (Date.now() - new Date(session.last_seen_at).getTime() > 60_000) touch = session;
        } else {
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
        }
      }
      if (slug) {
        const municipality = known ?? (await municipalities.bySlug(sql, slug));
        if (!municipality) return;
        knownMunicipalities.set(slug, municipality);
        if (request.user && !known) {
          await sql.query("SELECT set_config('app.municipality_id', $1, true), set_config('app.user_id', $2, true)", [municipality.id, request.user.id]);
          roles = (await memberships.find(sql, municipality.id, request.user.id))?.roles ?? [];
        }
        request.tenant = { municipality, roles, permissions: permissionsOf(roles) };
      }
    }, { readOnly: true });
    if (touch && hash) {
      const expires = sessionExpiry(touch);
      await opts.db.tx(NO_CONTEXT, (sql) => sessions.touch(sql, hash, expires));
    }
  });

  app.decorateReply('setFlash', function (this: FastifyReply, message: string) {
    return this.setCookie(FLASH_COOKIE, message, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secureCookies, signed: true });
  });

  app.decorateReply('pageContext', function (this: FastifyReply, csrfToken?: string): PageContext {
    const request = this.request;
    const tenant = request.tenant;
    const { t } = request.i18n;
    const nav = tenant
      ? opts.navigation
          .filter((n) => (!n.permission || tenant.permissions.has(n.permission)) && (!n.roles || n.roles.some((r) => tenant.roles.includes(r))))
          .map((n) => ({ href: `/${tenant.municipality.slug}${n.href}`, label: n.label, group: n.group ?? 'public', feed: n.feed === true }))
      : [];
    return {
      i18n: request.i18n,
      path: request.url.split('?')[0] ?? '/',
      csrfToken: csrfToken ?? this.generateCsrf(),
      user: request.user ? { id: request.user.id, displayName: request.user.display_name, email: request.user.email } : null,
      municipality: tenant ? { slug: tenant.municipality.slug, name: tenant.municipality.name, cusName: tenant.municipality.cus_name } : null,
      nav: nav.filter((n) => !n.feed).map((n) => ({ href: n.href, label: t(n.label), group: n.group })),
      feeds: nav.filter((n) => n.feed).map((n) => ({ href: n.href, title: t(n.label) })),
      flash: request.flash,
      requestId: String(request.id),
    };
  });

  app.decorateReply('page', function (this: FastifyReply, render: (ctx: PageContext) => VNode, status = 200) {
    return setPageCacheControl(this.code(status), status)
      .header('content-type', 'text/html; charset=utf-8')
      .send(renderDocument(render(this.pageContext())));
  });

  // Unguessable, so no content of a page can contain it by chance or on purpose.
  const csrfSlot = `csrf-slot-${crypto.randomBytes(16).toString('hex')}`;
  app.decorateReply('shareable', function (this: FastifyReply) {
    const request = this.request;
    return !request.session && !request.user && !request.flash;
  });
  app.decorateReply('renderShared', function (this: FastifyReply, render: (ctx: PageContext) => VNode) {
    return renderDocument(render(this.pageContext(csrfSlot)));
  });
  app.decorateReply('sendShared', function (this: FastifyReply, html: string, status = 200) {
    return setPageCacheControl(this.code(status), status)
      .header('content-type', 'text/html; charset=utf-8')
      .send(html.replaceAll(csrfSlot, this.generateCsrf()));
  });
});

/** Sliding idle expiry, never past the session's absolute lifetime. */
export function sessionExpiry(session: { created_at: Date } | null, now = Date.now()): Date {
  const idle = now + SESSION_IDLE_HOURS * 3600_000;
  const absolute = (session ? new Date(session.created_at).getTime() : now) + SESSION_ABSOLUTE_DAYS * 86_400_000;
  return new Date(Math.min(idle, absolute));
}

export function setLocaleCookie(reply: FastifyReply, locale: Locale, secure: boolean): void {
  reply.setCookie(LANG_COOKIE, locale, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 365 * 24 * 3600 });
}
