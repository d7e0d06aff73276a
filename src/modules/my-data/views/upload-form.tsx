import type { FormState, PageContext } from '../../../platform/ui/context';
import { FileField, SelectField, TextArea, type Option } from '../../../platform/ui/fields';
import { Csrf, ErrorSummary } from '../../../platform/ui/forms';


/**
 * The upload form: a multipart form (the file cannot travel otherwise) with its CSRF token as a
 * field; the resident's version also asks which of their applications the document is for. A
 * refused file is never kept: the form comes back with what is wrong and the description typed.
 */
export function UploadForm(props: { ctx: PageContext; form: FormState; action: string; applications?: Option[] }) {
  const { ctx, form } = props;
  const { t } = ctx.i18n;
  const labels = { ...(props.applications ? { application: t('my_data.upload.application') } : {}), file: t('my_data.upload.file'), description: t('my_data.upload.description') };
  return (
    <>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="post" action={props.action} enctype="multipart/form-data" novalidate>
        <Csrf ctx={ctx} />
        {props.applications ? (
          <SelectField ctx={ctx} form={form} name="application" label={labels.application!} options={props.applications} placeholder={t('my_data.upload.application_choose')} required />
        ) : null}
        <FileField ctx={ctx} form={form} name="file" label={t('my_data.upload.file')} hint={t('my_data.upload.file_hint')} required accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" />
        <TextArea ctx={ctx} form={form} name="description" label={labels.description} hint={t('my_data.upload.description_hint')} rows={2} />
        <button type="submit">{t('my_data.upload.submit')}</button>
      </form>
    </>
  );
}
