import { ConfirmPage } from '../../../platform/ui/confirm';
import { shownFileName } from '../../../platform/http/well-formed';
import type { FormState, PageContext } from '../../../platform/ui/context';
import type { Option } from '../../../platform/ui/fields';
import { PageLayout } from '../../../platform/ui/layout';
import type { ApplicationRef, CaseRef, DocumentFound, DocumentRow } from '../repository-documents';
import type { SubjectDocument } from '../repository-subject';
import { DocumentTable, myBase, sizeText, TYPE_LABEL } from './common';
import { UploadForm } from './upload-form';

/** "Moje dokumenty": documents of the person's applications and cases, whoever added them. */
export function MyDocumentsPage(props: { ctx: PageContext; documents: SubjectDocument[]; canUpload: boolean }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const where = (d: SubjectDocument) => (d.case_number ? t('my_data.case', { number: d.case_number }) : t('my_data.documents.on_application', { service: d.service_name ?? '' }));
  return (
    <PageLayout ctx={ctx} title={t('my_data.documents.title')} back={{ href: myBase(ctx), label: t('my_data.hub.title') }}>
      <p>{t('my_data.documents.intro')}</p>
      {props.canUpload ? (
        <p>
          <a class="admin-add" href={`${myBase(ctx)}/documents/new`}>
            {t('my_data.documents.add')}
          </a>
        </p>
      ) : null}
      {props.documents.length === 0 ? (
        <p class="admin-empty">{t('my_data.documents.empty')}</p>
      ) : (
        <DocumentTable ctx={ctx} caption={t('my_data.documents.title')} documents={props.documents.map((d) => ({ ...d, where: where(d) }))} />
      )}
    </PageLayout>
  );
}

export const applicationOptions = (ctx: PageContext, list: ApplicationRef[]): Option[] =>
  list.map((a) => ({ value: a.id, label: `${a.service_name} — ${a.beneficiary_name} (${ctx.i18n.date(a.submitted_at)})` }));

/** The resident adds a document to one of their applications. */
export function NewDocumentPage(props: { ctx: PageContext; form: FormState; applications: ApplicationRef[] }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  return (
    <PageLayout ctx={ctx} title={t('my_data.upload.title')} back={{ href: `${myBase(ctx)}/documents`, label: t('my_data.documents.title') }}>
      {props.applications.length === 0 ? (
        <p class="admin-empty">{t('my_data.upload.no_applications')}</p>
      ) : (
        <>
          <p>{t('my_data.upload.intro')}</p>
          <UploadForm ctx={ctx} form={props.form} action={`${myBase(ctx)}/documents`} applications={applicationOptions(ctx, props.applications)} />
        </>
      )}
    </PageLayout>
  );
}

/** Staff: the documents of one application or one case, and adding one (a closed case takes none, nor does a glass reader). */
export function StaffDocumentsPage(props: { ctx: PageContext; form: FormState; of: { application: ApplicationRef } | { case: CaseRef }; documents: DocumentRow[]; mayUpload: boolean }) {
  const { ctx, of } = props;
  const { t } = ctx.i18n;
  const slug = ctx.municipality!.slug;
  const [title, back, action, open] =
    'application' in of
      ? [t('my_data.staff.application_title', { service: of.application.service_name, name: of.application.beneficiary_name }), `/${slug}/applications/${of.application.id}`, `/${slug}/applications/${of.application.id}/documents`, true]
      : [t('my_data.staff.case_title', { number: of.case.number, name: of.case.person_name }), `/${slug}/cases/${of.case.id}`, `/${slug}/cases/${of.case.id}/documents`, of.case.status === 'open'];
  return (
    <PageLayout ctx={ctx} title={title} back={{ href: back, label: t('application' in of ? 'my_data.staff.back_application' : 'my_data.staff.back_case') }}>
      <p class="muted">{t('my_data.staff.audited')}</p>
      {props.documents.length === 0 ? <p class="admin-empty">{t('my_data.staff.empty')}</p> : <DocumentTable ctx={ctx} caption={title} documents={props.documents} />}
      <h2>{t('my_data.upload.title')}</h2>
      {!open ? <p>{t('my_data.staff.case_closed')}</p> : props.mayUpload ? <UploadForm ctx={ctx} form={props.form} action={action} /> : <p>{t('errors.case.read_only')}</p>}
    </PageLayout>
  );
}

/** "Usunąć dokument?": what goes (the content) and what stays (the record that there was one); it cannot be undone. */
export function RemoveDocumentPage(props: { ctx: PageContext; document: DocumentFound; back: string; form: FormState }) {
  const { ctx, document: d } = props;
  const { t, dateTime } = ctx.i18n;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('my_data.remove.title')}
      back={{ href: props.back, label: t('my_data.remove.cancel') }}
      facts={[
        [t('my_data.col.file'), `${shownFileName(d.filename)} (${TYPE_LABEL[d.media_type]}, ${sizeText(ctx, d.size_bytes)})`],
        [t('my_data.col.added'), dateTime(d.uploaded_at)],
      ]}
      consequences={[t('my_data.remove.explain'), t('my_data.remove.stays')]}
      undo={t('my_data.remove.undo')}
      action={`/${ctx.municipality!.slug}/documents/${d.id}/remove`}
      submit={t('my_data.remove.submit')}
      keep={{ href: props.back, label: t('my_data.remove.cancel') }}
      form={props.form}
    />
  );
}
