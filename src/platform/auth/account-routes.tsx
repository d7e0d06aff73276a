import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { AppError } from '../http/errors';
import { safeNext, submitForm } from '../http/forms';
import { SESSION_COOKIE } from '../http/request-context';
import { parse, passwordInput, requiredText, text } from '../http/validation';
import { memberships } from '../tenancy/repository';
import { emptyForm } from '../ui/context';
import { AUTHENTICATED } from './access';
import { changePassword } from './account';
import { MfaStepUpPage, PasswordChangePage, RecoveryCodesPage } from './account-views';
import * as mfa from './mfa';
import { isStaff, type Role } from './roles';
import type { AuthDeps } from './service';
import { totpUri } from './totp';
import { MfaSetupPage } from './views';

/** As in routes.tsx: tight limits on the doors attackers knock on; the per-account throttles sit behind them. */
const SENSITIVE = { max: 10, timeWindow: 60_000 };
/** The password is asked only when replacing an enrolled authenticator; a password is never trimmed. */
const optionalPassword = () => z.preprocess((v) => (v === undefined ? '' : v), z.string().max(256));
const enrolSchema = z.object({
  code: requiredText(40),
  next: text(2000),
  secret_sealed: requiredText(500),
  current_password: optionalPassword(),
  current_code: text(40),
});
const stepUpSchema = z.object({ current_password: passwordInput(), current_code: requiredText(40) });
const passwordChangeSchema = z
  .object({ current_password: passwordInput(), password: passwordInput(), password_confirm: passwordInput() })
  .refine((v) => v.password === v.password_confirm, { path: ['password_confirm'], params: { code: 'password_mismatch' } });
/** Refusals shown on the form itself (with Retry-After): the throttles of passwords and codes. */
const THROTTLED: AppError['code'][] = ['auth.locked', 'auth.mfa_throttled'];

/**
 * Adds what a refusal needs on the way out: Retry-After for a throttle (the client is told to come
 * back rather than kept waiting), and the cookie cleared when too many wrong codes ended the session.
 */
export async function throttleAware<T>(reply: FastifyReply, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError) {
      const seconds = err.opts.params?.seconds;
      if (err.status === 429 && typeof seconds === 'number') reply.header('retry-after', String(seconds));
      if (err.code === 'auth.mfa_attempts_exhausted') reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    throw err;
  }
}

/**
 * The account's own security on /account: the second factor (enrol, replace, remove, recovery
 * codes) and the password. Changing what protects the account needs what it protects it with.
 */
export async function accountSecurityRoutes(app: FastifyInstance, deps: AuthDeps) {
  const renderMfaSetup = async (request: FastifyRequest, reply: FastifyReply, form = emptyForm(), status = 200) => {
    const user = request.user!;
    // After a failed try the same secret is shown again (the one already scanned), when it is one we sealed.
    const posted = (request.body as { secret_sealed?: unknown } | undefined)?.secret_sealed;
    let fresh = mfa.startMfaEnrolment(deps);
    if (typeof posted === 'string') {
      try {
        fresh = { secret: deps.secretBox.open(posted), sealed: posted };
      } catch {
        // forged or from another key: a fresh one
      }
    }
    const { secret, sealed } = fresh;
    const qrSvg = await QRCode.toString(totpUri(secret, user.email), { type: 'svg', margin: 1 });
    const mine = await deps.db.tx(request.dbContext(), (sql) => memberships.ofUser(sql, user.id));
    const staff = mine.some((m) => isStaff(m.roles as Role[]));
    const next = safeNext((request.query as { next?: string }).next ?? (request.body as { next?: string } | undefined)?.next, '/account');
    return reply.page(
      (ctx) => <MfaSetupPage ctx={ctx} form={form} secret={secret} sealed={sealed} qrSvg={qrSvg} next={next} staffNotice={staff} replacing={Boolean(user.totp_enabled_at)} />,
      status,
    );
  };

  app.get('/account/mfa', { config: { access: AUTHENTICATED } }, async (request, reply) => renderMfaSetup(request, reply));

  app.post('/account/mfa', { config: { access: AUTHENTICATED, rateLimit: SENSITIVE } }, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const input = parse(enrolSchema, request.body);
        const user = request.user!;
        const stepUp = { currentPassword: input.current_password, currentCode: input.current_code };
        const codes = await throttleAware(reply, () =>
          mfa.finishMfaEnrolment(deps, user, input.secret_sealed, input.code, request.session!.token_hash, request.auditActor(), stepUp),
        );
        const message = request.i18n.t(user.totp_enabled_at ? 'mfa.replace.done' : 'mfa.setup.done');
        return reply.page((ctx) => <RecoveryCodesPage ctx={ctx} message={message} codes={codes} next={safeNext(input.next, '/account')} />);
      },
      rerender: (form, status) => renderMfaSetup(request, reply, form, status),
      formErrors: THROTTLED,
    }),
  );

  const stepUpRoutes = (path: string, kind: 'remove' | 'recovery', act: (request: FastifyRequest, reply: FastifyReply, stepUp: mfa.StepUp) => Promise<FastifyReply>) => {
    app.get(path, { config: { access: AUTHENTICATED } }, (request, reply) => {
      if (!request.user!.totp_enabled_at) return reply.redirect('/account/mfa', 303);
      return reply.page((ctx) => <MfaStepUpPage ctx={ctx} form={emptyForm()} kind={kind} />);
    });
    app.post(path, { config: { access: AUTHENTICATED, rateLimit: SENSITIVE } }, (request, reply) =>
      submitForm(request, reply, {
        run: async () => {
          const input = parse(stepUpSchema, request.body);
          return throttleAware(reply, () => act(request, reply, { currentPassword: input.current_password, currentCode: input.current_code }));
        },
        rerender: (form, status) => reply.page((ctx) => <MfaStepUpPage ctx={ctx} form={form} kind={kind} />, status),
        formErrors: THROTTLED,
      }),
    );
  };

  stepUpRoutes('/account/mfa/remove', 'remove', async (request, reply, stepUp) => {
    await mfa.removeMfa(deps, request.user!, request.session!.token_hash, stepUp, request.auditActor());
    return reply.setFlash(request.i18n.t('mfa.remove.done')).redirect('/account', 303);
  });

  stepUpRoutes('/account/mfa/recovery-codes', 'recovery', async (request, reply, stepUp) => {
    const codes = await mfa.regenerateRecoveryCodes(deps, request.user!, request.session!.token_hash, stepUp, request.auditActor());
    return reply.page((ctx) => <RecoveryCodesPage ctx={ctx} message={request.i18n.t('mfa.recovery.done')} codes={codes} next="/account" />);
  });

  app.get('/account/password', { config: { access: AUTHENTICATED } }, (_request, reply) =>
    reply.page((ctx) => <PasswordChangePage ctx={ctx} form={emptyForm()} />),
  );

  app.post('/account/password', { config: { access: AUTHENTICATED, rateLimit: SENSITIVE } }, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const input = parse(passwordChangeSchema, request.body);
        await throttleAware(reply, () =>
          changePassword(deps, request.user!, request.session!.token_hash, { currentPassword: input.current_password, password: input.password }, request.auditActor()),
        );
        return reply.setFlash(request.i18n.t('password.change.done')).redirect('/account', 303);
      },
      rerender: (form, status) => reply.page((ctx) => <PasswordChangePage ctx={ctx} form={form} />, status),
      formErrors: THROTTLED,
    }),
  );

}
