import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, validationError } from '../http/errors';
import { safeNext, submitForm } from '../http/forms';
import { SESSION_COOKIE, sessionExpiry, setLocaleCookie } from '../http/request-context';
import { email, parse, passwordInput, requiredText, text } from '../http/validation';
import { isLocale } from '../i18n';
import { memberships } from '../tenancy/repository';
import { emptyForm } from '../ui/context';
import { AUTHENTICATED, PUBLIC } from './access';
import { hashToken } from './tokens';
import * as auth from './service';
import * as mfa from './mfa';
import { accountSecurityRoutes, throttleAware } from './account-routes';
import { AccountPage, ConfirmPage, ForgotPasswordPage, LoginPage, MessagePage, MfaPage, RegisterPage, ResetPasswordPage } from './views';

export interface AuthRoutesOptions {
  deps: auth.AuthDeps;
  secureCookies: boolean;
}

/** Tight limits on the doors attackers knock on; the per-address lockout sits behind them. */
const SENSITIVE = { max: 10, timeWindow: 60_000 };

const registerSchema = z
  .object({ email: email(), display_name: requiredText(120), password: passwordInput(), password_confirm: passwordInput() })
  .refine((v) => v.password === v.password_confirm, { path: ['password_confirm'], params: { code: 'password_mismatch' } });
const loginSchema = z.object({ email: email(), password: passwordInput(), next: text(2000) });
const emailSchema = z.object({ email: email() });
const resetSchema = z
  .object({ password: passwordInput(), password_confirm: passwordInput() })
  .refine((v) => v.password === v.password_confirm, { path: ['password_confirm'], params: { code: 'password_mismatch' } });
const codeSchema = z.object({ code: requiredText(40), next: text(2000) });
export async function authRoutes(app: FastifyInstance, opts: AuthRoutesOptions) {
  const { deps } = opts;
  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: opts.secureCookies };
  const startSession = (reply: FastifyReply, token: string, expires: Date) => reply.setCookie(SESSION_COOKIE, token, { ...cookieOpts, expires });
  /** Where a signed-in person lands when no `next` was asked for: their municipality's start page, or the list of municipalities to join one. */
  const landing = async (userId: string) => {
    const mine = await deps.db.tx({ municipalityId: null, userId }, (sql) => memberships.ofUser(sql, userId));
    return mine[0] ? `/${mine[0].slug}` : '/';
  };

  app.get('/register', { config: { access: PUBLIC } }, async (request, reply) => {
    if (request.user) return reply.redirect(await landing(request.user.id), 303);
    return reply.page((ctx) => <RegisterPage ctx={ctx} form={emptyForm()} />);
  });

  app.post('/register', { config: { access: PUBLIC, rateLimit: SENSITIVE } }, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const input = parse(registerSchema, request.body);
        await auth.register(deps, { email: input.email, displayName: input.display_name, password: input.password, locale: request.i18n.locale }, request.auditActor());
        const { t } = request.i18n;
        return reply.page((ctx) => <MessagePage ctx={ctx} title={t('auth.register.done_title')} message={t('auth.register.done', { email: input.email })} />);
      },
      rerender: (form, status) => reply.page((ctx) => <RegisterPage ctx={ctx} form={form} />, status),
    }),
  );

  // The e-mailed link opens a page with a button: link scanners that prefetch URLs spend nothing.
  app.get<{ Params: { token: string } }>('/confirm/:token', { config: { access: PUBLIC } }, async (request, reply) => {
    await auth.checkToken(deps, request.params.token, 'confirm_email');
    return reply.page((ctx) => <ConfirmPage ctx={ctx} token={request.params.token} />);
  });

  app.post<{ Params: { token: string } }>('/confirm/:token', { config: { access: PUBLIC, rateLimit: SENSITIVE } }, async (request, reply) => {
    await auth.confirmEmail(deps, request.params.token, request.auditActor());
    const { t } = request.i18n;
    return reply.page((ctx) => <MessagePage ctx={ctx} title={t('auth.confirm.title')} message={t('auth.confirm.done')} link={{ href: '/login', label: t('nav.login') }} />);
  });

  app.get<{ Querystring: { next?: string } }>('/login', { config: { access: PUBLIC } }, async (request, reply) => {
    const next = safeNext(request.query.next, '');
    if (request.user) return reply.redirect(next || (await landing(request.user.id)), 303);
    return reply.page((ctx) => <LoginPage ctx={ctx} form={emptyForm()} next={next} />);
  });

  app.post('/login', { config: { access: PUBLIC, rateLimit: SENSITIVE } }, async (request, reply) => {
    const next = safeNext((request.body as { next?: unknown } | undefined)?.next, '');
    try {
      const input = parse(loginSchema, request.body);
      const result = await throttleAware(reply, () => auth.login(deps, input.email, input.password, request.auditActor(), sessionExpiry(null)));
      startSession(reply, result.token, sessionExpiry(null));
      if (!isLocale(request.cookies.lang)) setLocaleCookie(reply, result.user.locale, opts.secureCookies);
      if (result.mfaPending) return reply.redirect(next ? `/login/mfa?next=${encodeURIComponent(next)}` : '/login/mfa', 303);
      return reply.setFlash(request.i18n.t('auth.logged_in')).redirect(next || (await landing(result.user.id)), 303);
    } catch (err) {
      return submitForm(request, reply, {
        run: () => Promise.reject(err),
        rerender: (form, status) =>
          reply.page((ctx) => <LoginPage ctx={ctx} form={form} next={next} showResend={err instanceof AppError && err.code === 'auth.email_not_verified'} />, status),
        formErrors: ['auth.invalid_credentials', 'auth.locked', 'auth.email_not_verified'],
      });
    }
  });

  app.post('/login/resend', { config: { access: PUBLIC, rateLimit: SENSITIVE } }, async (request, reply) => {
    const input = parse(emailSchema, request.body);
    await auth.resendConfirmation(deps, input.email);
    const { t } = request.i18n;
    return reply.page((ctx) => <MessagePage ctx={ctx} title={t('auth.register.done_title')} message={t('auth.login.resent')} />);
  });

  const pendingMfa = (request: FastifyRequest) => {
    if (!request.session || request.user) throw new AppError('auth.required');
    return request.session;
  };

  app.get<{ Querystring: { next?: string } }>('/login/mfa', { config: { access: PUBLIC } }, async (request, reply) => {
    if (request.user) return reply.redirect(await landing(request.user.id), 303);
    pendingMfa(request);
    return reply.page((ctx) => <MfaPage ctx={ctx} form={emptyForm()} next={safeNext(request.query.next, '')} />);
  });

  app.post('/login/mfa', { config: { access: PUBLIC, rateLimit: SENSITIVE } }, (request, reply) => {
    const next = safeNext((request.body as { next?: unknown } | undefined)?.next, '');
    return submitForm(request, reply, {
      run: async () => {
        const session = pendingMfa(request);
        const input = parse(codeSchema, request.body);
        await throttleAware(reply, () => mfa.completeMfaLogin(deps, session.token_hash, session.user_id, input.code, request.auditActor()));
        return reply.setFlash(request.i18n.t('auth.logged_in')).redirect(next || (await landing(session.user_id)), 303);
      },
      rerender: (form, status) => reply.page((ctx) => <MfaPage ctx={ctx} form={form} next={next} />, status),
      formErrors: ['auth.mfa_throttled'],
    });
  });

  app.post('/logout', { config: { access: PUBLIC } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await auth.logout(deps, hashToken(token), request.auditActor());
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.setFlash(request.i18n.t('auth.logout.done')).redirect('/', 303);
  });

  app.get('/password/forgot', { config: { access: PUBLIC } }, (_request, reply) =>
    reply.page((ctx) => <ForgotPasswordPage ctx={ctx} form={emptyForm()} />),
  );

  app.post('/password/forgot', { config: { access: PUBLIC, rateLimit: SENSITIVE } }, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const input = parse(emailSchema, request.body);
        await auth.requestPasswordReset(deps, input.email, request.auditActor());
        const { t } = request.i18n;
        return reply.page((ctx) => <MessagePage ctx={ctx} title={t('auth.reset.title')} message={t('auth.reset.sent')} />);
      },
      rerender: (form, status) => reply.page((ctx) => <ForgotPasswordPage ctx={ctx} form={form} />, status),
    }),
  );

  app.get<{ Params: { token: string } }>('/password/reset/:token', { config: { access: PUBLIC } }, async (request, reply) => {
    await auth.checkToken(deps, request.params.token, 'reset_password');
    return reply.page((ctx) => <ResetPasswordPage ctx={ctx} form={emptyForm()} token={request.params.token} />);
  });

  app.post<{ Params: { token: string } }>('/password/reset/:token', { config: { access: PUBLIC, rateLimit: SENSITIVE } }, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const input = parse(resetSchema, request.body);
        await auth.resetPassword(deps, request.params.token, input.password, request.auditActor());
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        const { t } = request.i18n;
        return reply.page((ctx) => <MessagePage ctx={ctx} title={t('auth.reset.new_title')} message={t('auth.reset.done')} link={{ href: '/login', label: t('nav.login') }} />);
      },
      rerender: (form, status) => reply.page((ctx) => <ResetPasswordPage ctx={ctx} form={form} token={request.params.token} />, status),
    }),
  );

  app.get('/account', { config: { access: AUTHENTICATED } }, async (request, reply) => {
    const user = request.user!;
    const mine = await deps.db.tx(request.dbContext(), (sql) => memberships.ofUser(sql, user.id));
    const { t } = request.i18n;
    return reply.page((ctx) => (
      <AccountPage
        ctx={ctx}
        email={user.email}
        mfaEnabledAt={user.totp_enabled_at}
        memberships={mine.map((m) => ({ slug: m.slug, name: m.name, roles: m.roles.map((r) => t(`role.${r}`)) }))}
      />
    ));
  });

  await accountSecurityRoutes(app, deps);

  app.post('/language', { config: { access: PUBLIC } }, async (request, reply) => {
    const body = (request.body ?? {}) as { locale?: unknown; return?: unknown };
    if (!isLocale(body.locale)) throw validationError({ locale: { code: 'invalid' } });
    setLocaleCookie(reply, body.locale, opts.secureCookies);
    if (request.user) await auth.setLocale(deps, request.user.id, body.locale);
    return reply.redirect(safeNext(body.return, '/'), 303);
  });

  app.get('/api/me', { config: { access: AUTHENTICATED } }, async (request) => {
    const user = request.user!;
    const mine = await deps.db.tx(request.dbContext(), (sql) => memberships.ofUser(sql, user.id));
    return {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      locale: user.locale,
      mfaEnabled: Boolean(user.totp_enabled_at),
      memberships: mine.map((m) => ({ municipality: m.slug, roles: m.roles })),
    };
  });

}
