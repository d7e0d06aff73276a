import type { MessageKey } from '../../../platform/i18n';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { InputField, SelectField, TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import { PROVIDER_KINDS } from '../domain';
import { AdminLayout, FormActions, adminBase, labelled } from './views-common';

const FIELDS = ['name', 'kind', 'description', 'email', 'phone', 'website'] as const;

export function ProviderFormPage(props: { ctx: PageContext; form: FormState; provider?: { id: string; name: string } }) {
  const { ctx, form, provider } = props;
  const { t } = ctx.i18n;
  const base = adminBase(ctx);
  const labels = Object.fromEntries(FIELDS.map((f) => [f, t(`catalog_admin.field.${f}` as MessageKey)])) as Record<(typeof FIELDS)[number], string>;
  const title = provider ? t('catalog_admin.provider.edit_title', { name: provider.name }) : t('catalog_admin.provider.new_title');
  const field = { ctx, form };
  return (
    <AdminLayout ctx={ctx} title={title}>
      {provider ? (
        <p>
          <a href={`${base}/providers/${provider.id}/history`}>{t('catalog_admin.history.link')}</a>
        </p>
      ) : null}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={provider ? `${base}/providers/${provider.id}` : `${base}/providers`} class="admin-form">
        {provider ? <input type="hidden" name="version" value={String(form.values.version ?? '')} /> : null}
        <TextField {...field} name="name" label={labels.name} required />
        <SelectField {...field} name="kind" label={labels.kind} required options={labelled(ctx, 'provider_kind.', PROVIDER_KINDS)} placeholder={t('catalog_admin.choose')} />
        <TextArea {...field} name="description" label={labels.description} hint={t('catalog_admin.hint.plain_text')} rows={4} />
        <InputField {...field} name="email" type="email" label={labels.email} autocomplete="off" />
        <InputField {...field} name="phone" type="tel" label={labels.phone} autocomplete="off" size="medium" />
        <InputField {...field} name="website" type="url" label={labels.website} hint={t('catalog_admin.hint.website')} autocomplete="off" />
        <FormActions ctx={ctx} cancel={base} />
      </Form>
    </AdminLayout>
  );
}
