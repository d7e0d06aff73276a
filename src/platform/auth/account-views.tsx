import type { FormState, PageContext } from '../ui/context';
import { ErrorSummary, Form, TextField } from '../ui/forms';
import { Layout } from '../ui/layout';

type FormPage = { ctx: PageContext; form: FormState };

/** The owner proves it is them before the second factor changes: the password and a current code or a recovery code. */
export function StepUpFields({ ctx, form }: FormPage) {
  const { t } = ctx.i18n;
  return (
    <>
      <TextField ctx={ctx} form={form} name="current_password" type="password" label={t('field.current_password')} required autocomplete="current-password" />
      <TextField ctx={ctx} form={form} name="current_code" label={t('field.current_code')} hint={t('field.current_code_hint')} required autocomplete="one-time-code" keepValue={false} />
    </>
  );
}

const stepUpLabels = (ctx: PageContext) => ({ current_password: ctx.i18n.t('field.current_password'), current_code: ctx.i18n.t('field.current_code') });

/** Turning the second factor off, or asking for new recovery codes: the step-up form alone. */
export function MfaStepUpPage({ ctx, form, kind }: FormPage & { kind: 'remove' | 'recovery' }) {
  const { t } = ctx.i18n;
  const title = kind === 'remove' ? t('mfa.remove.title') : t('mfa.recovery.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{kind === 'remove' ? t('mfa.remove.intro') : t('mfa.recovery.regenerate_intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={stepUpLabels(ctx)} />
      <Form ctx={ctx} action={kind === 'remove' ? '/account/mfa/remove' : '/account/mfa/recovery-codes'}>
        <StepUpFields ctx={ctx} form={form} />
        <button type="submit">{kind === 'remove' ? t('mfa.remove.submit') : t('mfa.recovery.submit')}</button>
      </Form>
      <p>
        <a href="/account">{t('account.title')}</a>
      </p>
    </Layout>
  );
}

/** Shown once, right after enrolment, replacement or regeneration; never stored in clear. */
export function RecoveryCodesPage({ ctx, message, codes, next }: { ctx: PageContext; message: string; codes: string[]; next: string }) {
  const { t } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('mfa.recovery.title')}>
      <h1>{t('mfa.recovery.title')}</h1>
      <p class="lead" role="status">
        {message}
      </p>
      <p>{t('mfa.recovery.intro')}</p>
      <ol class="recovery-codes">
        {codes.map((code) => (
          <li><code class="recovery-code">{code}</code></li>
        ))}
      </ol>
      <p>
        <a href={next}>{t('mfa.recovery.continue')}</a>
      </p>
    </Layout>
  );
}

export function PasswordChangePage({ ctx, form }: FormPage) {
  const { t } = ctx.i18n;
  const labels = { current_password: t('field.current_password'), password: t('field.new_password'), password_confirm: t('field.new_password_confirm') };
  return (
    <Layout ctx={ctx} title={t('password.change.title')}>
      <h1>{t('password.change.title')}</h1>
      <p>{t('password.change.intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action="/account/password">
        <TextField ctx={ctx} form={form} name="current_password" type="password" label={labels.current_password} required autocomplete="current-password" />
        <TextField ctx={ctx} form={form} name="password" type="password" label={labels.password} hint={t('field.password_hint')} required autocomplete="new-password" />
        <TextField ctx={ctx} form={form} name="password_confirm" type="password" label={labels.password_confirm} required autocomplete="new-password" />
        <button type="submit">{t('password.change.submit')}</button>
      </Form>
      <p>
        <a href="/account">{t('account.title')}</a>
      </p>
    </Layout>
  );
}
