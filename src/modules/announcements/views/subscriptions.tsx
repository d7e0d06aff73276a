import type { FormState, PageContext } from '../../../platform/ui/context';
import { ErrorSummary, Form, TextField, CheckboxGroup } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import type { CategoryRow } from '../domain';
import { base } from './common';

export function SubscribePage(props: { ctx: PageContext; form: FormState; categories: CategoryRow[]; sent?: boolean }) {
  const { ctx, form } = props;
  const { t } = ctx.i18n;
  const labels = { email: t('announcements.subscribe.field.email'), categories: t('announcements.subscribe.field.categories') };
  return (
    <PageLayout ctx={ctx} title={t('announcements.subscribe.title')} back={{ href: base(ctx), label: t('announcements.back') }}>
      {props.sent ? (
        <p role="status">{t('announcements.subscribe.sent')}</p>
      ) : (
        <>
          <p>{t('announcements.subscribe.intro')}</p>
          <ErrorSummary ctx={ctx} form={form} labels={labels} />
          <Form ctx={ctx} action={`${base(ctx)}/subskrypcja`} class="admin-form">
            <TextField ctx={ctx} form={form} name="email" type="email" label={labels.email} autocomplete="email" required />
            <CheckboxGroup ctx={ctx} form={form} name="categories" legend={labels.categories} options={props.categories.map((c) => ({ value: c.slug, label: c.name }))} />
            <p class="admin-actions">
              <button type="submit">{t('announcements.subscribe.submit')}</button>
            </p>
          </Form>
        </>
      )}
    </PageLayout>
  );
}

/** A page with one button (a link scanner that opens the link does nothing): confirm, or unsubscribe. */
export function OneButtonPage(props: { ctx: PageContext; title: string; intro: string; action: string; submit: string; done?: string }) {
  const { ctx } = props;
  return (
    <PageLayout ctx={ctx} title={props.title}>
      {props.done ? (
        <p role="status">{props.done}</p>
      ) : (
        <>
          <p>{props.intro}</p>
          <Form ctx={ctx} action={props.action}>
            <button type="submit">{props.submit}</button>
          </Form>
        </>
      )}
    </PageLayout>
  );
}
