import type { PageContext, FormState } from '../ui/context';
import { ErrorSummary, Form, TextField } from '../ui/forms';
import { Layout } from '../ui/layout';
import { StepUpFields } from './account-views';

type FormPage = { ctx: PageContext; form: FormState };

export function RegisterPage({ ctx, form }: FormPage) {
  const { t } = ctx.i18n;
  const labels = { email: t('field.email'), display_name: t('field.display_name'), password: t('field.password'), password_confirm: t('field.password_confirm') };
  return (
    <Layout ctx={ctx} title={t('auth.register.title')}>
      <h1>{t('auth.register.title')}</h1>
      <p>{t('auth.register.intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action="/register">
        <TextField ctx={ctx} form={form} name="display_name" label={labels.display_name} required autocomplete="name" />
        <TextField ctx={ctx} form={form} name="email" type="email" label={labels.email} required autocomplete="email" />
        <TextField ctx={ctx} form={form} name="password" type="password" label={labels.password} hint={t('field.password_hint')} required autocomplete="new-password" />
        <TextField ctx={ctx} form={form} name="password_confirm" type="password" label={labels.password_confirm} required autocomplete="new-password" />
        <button type="submit">{t('auth.register.submit')}</button>
      </Form>
      <p>
        <a href="/login">{t('auth.register.have_account')}</a>
      </p>
    </Layout>
  );
}

export function MessagePage({ ctx, title, message, link }: { ctx: PageContext; title: string; message: string; link?: { href: string; label: string } }) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead" role="status">
        {message}
      </p>
      {link ? (
        <p>
          <a href={link.href}>{link.label}</a>
        </p>
      ) : null}
    </Layout>
  );
}

export function ConfirmPage({ ctx, token }: { ctx: PageContext; token: string }) {
  const { t } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('auth.confirm.title')}>
      <h1>{t('auth.confirm.title')}</h1>
      <p>{t('auth.confirm.intro')}</p>
      <Form ctx={ctx} action={`/confirm/${encodeURIComponent(token)}`}>
        <button type="submit">{t('auth.confirm.submit')}</button>
      </Form>
    </Layout>
  );
}

export function LoginPage({ ctx, form, next, showResend }: FormPage & { next: string; showResend?: boolean }) {
  const { t } = ctx.i18n;
  const labels = { email: t('field.email'), password: t('field.password') };
  return (
    <Layout ctx={ctx} title={t('auth.login.title')}>
      <h1>{t('auth.login.title')}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action="/login">
        <input type="hidden" name="next" value={next} />
        <TextField ctx={ctx} form={form} name="email" type="email" label={labels.email} required autocomplete="username" />
        <TextField ctx={ctx} form={form} name="password" type="password" label={labels.password} required autocomplete="current-password" />
        <button type="submit">{t('auth.login.submit')}</button>
      </Form>
      {showResend ? (
        <Form ctx={ctx} action="/login/resend">
          <input type="hidden" name="email" value={String(form.values.email ?? '')} />
          <button type="submit" class="secondary">
            {t('auth.login.resend')}
          </button>
        </Form>
      ) : null}
      <ul class="links">
        <li>
          <a href="/password/forgot">{t('auth.login.forgot')}</a>
        </li>
        <li>
          <a href="/register">{t('auth.login.no_account')}</a>
        </li>
      </ul>
    </Layout>
  );
}

export function MfaPage({ ctx, form, next }: FormPage & { next: string }) {
  const { t } = ctx.i18n;
  const labels = { code: t('field.totp_code') };
  return (
    <Layout ctx={ctx} title={t('auth.mfa.title')}>
      <h1>{t('auth.mfa.title')}</h1>
      <p>{t('auth.mfa.intro')}</p>
      <p>{t('auth.mfa.recovery_hint')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action="/login/mfa">
        <input type="hidden" name="next" value={next} />
        <TextField ctx={ctx} form={form} name="code" label={labels.code} hint={t('field.totp_hint')} required autocomplete="one-time-code" inputmode="numeric" keepValue={false} />
        <button type="submit">{t('auth.mfa.submit')}</button>
      </Form>
    </Layout>
  );
}

export function ForgotPasswordPage({ ctx, form }: FormPage) {
  const { t } = ctx.i18n;
  const labels = { email: t('field.email') };
  return (
    <Layout ctx={ctx} title={t('auth.reset.title')}>
      <h1>{t('auth.reset.title')}</h1>
      <p>{t('auth.reset.intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action="/password/forgot">
        <TextField ctx={ctx} form={form} name="email" type="email" label={labels.email} required autocomplete="email" />
        <button type="submit">{t('auth.reset.submit')}</button>
      </Form>
    </Layout>
  );
}

export function ResetPasswordPage({ ctx, form, token }: FormPage & { token: string }) {
  const { t } = ctx.i18n;
  const labels = { password: t('field.password'), password_confirm: t('field.password_confirm') };
  return (
    <Layout ctx={ctx} title={t('auth.reset.new_title')}>
      <h1>{t('auth.reset.new_title')}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={`/password/reset/${encodeURIComponent(token)}`}>
        <TextField ctx={ctx} form={form} name="password" type="password" label={labels.password} hint={t('field.password_hint')} required autocomplete="new-password" />
        <TextField ctx={ctx} form={form} name="password_confirm" type="password" label={labels.password_confirm} required autocomplete="new-password" />
        <button type="submit">{t('auth.reset.new_submit')}</button>
      </Form>
    </Layout>
  );
}

/** Enrolment, or with `replacing` the change of an enrolled authenticator (password and a current code first). */
export function MfaSetupPage({ ctx, form, secret, sealed, qrSvg, next, staffNotice, replacing }: FormPage & { secret: string; sealed: string; qrSvg: string; next: string; staffNotice: boolean; replacing: boolean }) {
  const { t } = ctx.i18n;
  const codeLabel = replacing ? t('field.new_totp_code') : t('field.totp_code');
  const labels: Record<string, string> = replacing
    ? { current_password: t('field.current_password'), current_code: t('field.current_code'), code: codeLabel }
    : { code: codeLabel };
  const qrSrc = `data:image/svg+xml;base64,${Buffer.from(qrSvg).toString('base64')}`;
  const title = replacing ? t('mfa.replace.title') : t('mfa.setup.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {staffNotice && !replacing ? <p class="notice">{t('mfa.setup.required_for_staff')}</p> : null}
      <p>{replacing ? t('mfa.replace.intro') : t('mfa.setup.intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <img class="qr" src={qrSrc} alt={t('mfa.setup.qr_alt')} width={200} height={200} />
      <p>
        {t('mfa.setup.secret')}: <code class="secret">{secret.replace(/(.{4})/g, '$1 ').trim()}</code>
      </p>
      <Form ctx={ctx} action="/account/mfa">
        <input type="hidden" name="secret_sealed" value={sealed} />
        <input type="hidden" name="next" value={next} />
        {replacing ? <StepUpFields ctx={ctx} form={form} /> : null}
        <TextField ctx={ctx} form={form} name="code" label={codeLabel} hint={t('field.totp_hint')} required autocomplete="one-time-code" inputmode="numeric" keepValue={false} />
        <button type="submit">{replacing ? t('mfa.replace.submit') : t('mfa.setup.submit')}</button>
      </Form>
    </Layout>
  );
}

export function AccountPage({ ctx, email, mfaEnabledAt, memberships }: {
  ctx: PageContext;
  email: string;
  mfaEnabledAt: Date | null;
  memberships: { slug: string; name: string; roles: string[] }[];
}) {
  const { t } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('account.title')}>
      <h1>{t('account.title')}</h1>
      <p>{t('account.email', { email })}</p>
      <h2>{t('account.memberships')}</h2>
      {memberships.length === 0 ? (
        <p>{t('account.memberships_empty')}</p>
      ) : (
        <ul>
          {memberships.map((m) => (
            <li>
              <a href={`/${m.slug}`}>{m.name}</a> — {m.roles.join(', ')}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('account.password')}</h2>
      <p>
        <a href="/account/password">{t('account.password_change')}</a>
      </p>
      {/* A heading that names the subject, not the action: after enrolment "turn on" would be stale. */}
      <h2>{t('account.mfa_heading')}</h2>
      {mfaEnabledAt ? (
        <>
          <p>{t('account.mfa_on', { date: ctx.i18n.date(mfaEnabledAt) })}</p>
          <ul class="links">
            <li>
              <a href="/account/mfa">{t('account.mfa_change')}</a>
            </li>
            <li>
              <a href="/account/mfa/recovery-codes">{t('account.mfa_recovery')}</a>
            </li>
            <li>
              <a href="/account/mfa/remove">{t('account.mfa_remove')}</a>
            </li>
          </ul>
        </>
      ) : (
        <>
          <p>{t('account.mfa_off')}</p>
          <p>
            <a href="/account/mfa">{t('account.mfa_setup')}</a>
          </p>
        </>
      )}
    </Layout>
  );
}
