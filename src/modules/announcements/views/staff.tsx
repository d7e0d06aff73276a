import type { FormState, PageContext } from '../../../platform/ui/context';
import { ConflictPanel, type Conflict } from '../../../platform/ui/conflict';
import { ConfirmPage } from '../../../platform/ui/confirm';
import { FileField, InputField, SelectField, TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import { warsawParts } from '../../../platform/time';
import type { AnnouncementRow, AttachmentRow, CategoryRow } from '../domain';
import { base, fileSize, statusKey, typeName } from './common';

/** Staff's list: drafts and scheduled first, then the newest. */
export function ManagePage(props: { ctx: PageContext; items: AnnouncementRow[] }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const b = base(ctx);
  return (
    <PageLayout ctx={ctx} title={t('announcements.manage.title')}>
      <p>
        <a href={`${b}/nowe`} class="button">
          {t('announcements.manage.new')}
        </a>
      </p>
      <ul class="links">
        <li>
          <a href={`${b}/kategorie`}>{t('announcements.categories.link')}</a>
        </li>
      </ul>
      <Table
        id="announcements"
        caption={t('announcements.manage.caption')}
        rows={props.items}
        empty={t('announcements.manage.empty')}
        columns={[
          { header: t('announcements.col.number'), cell: (a) => String(a.number), numeric: true },
          { header: t('announcements.col.title'), cell: (a) => <a href={`${b}/${a.id}/edycja`}>{a.title}</a>, rowHeader: true },
          { header: t('announcements.col.category'), cell: (a) => a.category_name },
          { header: t('announcements.col.status'), cell: (a) => t(statusKey(a)) },
          { header: t('announcements.col.when'), cell: (a) => (a.publish_at ? ctx.i18n.dateTime(a.publish_at) : '—') },
        ]}
      />
    </PageLayout>
  );
}

export function formLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx.i18n;
  return {
    category: t('announcements.form.field.category'),
    title: t('announcements.form.field.title'),
    lead: t('announcements.form.field.lead'),
    body: t('announcements.form.field.body'),
    produced_by: t('announcements.form.field.produced_by'),
    publish_day: t('announcements.form.field.publish_day'),
    publish_time: t('announcements.form.field.publish_time'),
    remove_day: t('announcements.form.field.remove_day'),
    reason: t('announcements.form.field.reason'),
    file: t('announcements.form.field.file'),
    alt_text: t('announcements.form.field.alt_text'),
  };
}

/** The saved announcement as the editor's values. */
export function valuesOf(a: AnnouncementRow): Record<string, string> {
  const publish = a.publish_at ? warsawParts(a.publish_at) : null;
  return {
    category: a.category_slug,
    title: a.title,
    lead: a.lead,
    body: a.body,
    produced_by: a.produced_by,
    publish_day: publish?.day ?? '',
    publish_time: publish?.time ?? '',
    remove_day: a.remove_at ? warsawParts(a.remove_at).day : '',
    version: String(a.version),
  };
}

/**
 * The editor: a new draft, a draft's edit, or (published) a correction with its reason. Below a draft:
 * publishing; below any saved one: attachments and, when published, withdrawal.
 */
export function EditorPage(props: { ctx: PageContext; form: FormState; categories: CategoryRow[]; announcement?: AnnouncementRow; attachments?: AttachmentRow[]; conflict?: Conflict; attachForm?: FormState }) {
  const { ctx, form, announcement: a } = props;
  const { t } = ctx.i18n;
  const b = base(ctx);
  const labels = formLabels(ctx);
  const field = { ctx, form };
  const correcting = a !== undefined && a.status !== 'draft';
  const title = !a ? t('announcements.form.new_title') : correcting ? t('announcements.form.correct_title', { number: a.number }) : t('announcements.form.edit_title', { title: a.title });
  const attachForm = props.attachForm ?? { values: {}, errors: {} };
  return (
    <PageLayout ctx={ctx} title={title} back={{ href: `${b}/zarzadzanie`, label: t('announcements.manage.title') }}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <ConflictPanel ctx={ctx} labels={labels} conflict={props.conflict} />
      {correcting ? <p>{t('announcements.form.correct_intro')}</p> : null}
      {a?.status === 'withdrawn' ? null : (
        <Form ctx={ctx} action={a ? `${b}/${a.id}/edycja` : `${b}/nowe`} class="admin-form">
          {a ? <input type="hidden" name="version" value={String(form.values.version ?? a.version)} /> : null}
          <SelectField {...field} name="category" label={labels.category!} required options={props.categories.map((c) => ({ value: c.slug, label: c.name }))} />
          <TextField {...field} name="title" label={labels.title!} required />
          <TextArea {...field} name="lead" label={labels.lead!} rows={3} required />
          <TextArea {...field} name="body" label={labels.body!} hint={t('announcements.form.hint.body')} rows={14} />
          <TextField {...field} name="produced_by" label={labels.produced_by!} required />
          <fieldset class="field">
            <legend>{t('announcements.form.publish_title')}</legend>
            <p class="hint">{t('announcements.form.hint.publish')}</p>
            <div class="admin-row">
              <TextField {...field} name="publish_day" type="date" label={labels.publish_day!} />
              <InputField {...field} name="publish_time" label={labels.publish_time!} size="short" />
              <TextField {...field} name="remove_day" type="date" label={labels.remove_day!} />
            </div>
          </fieldset>
          {correcting ? <TextArea {...field} name="reason" label={labels.reason!} rows={2} required /> : null}
          <p class="admin-actions">
            <button type="submit">{correcting ? t('announcements.form.save_correction') : t('announcements.form.save_draft')}</button> <a href={`${b}/zarzadzanie`}>{t('form.cancel')}</a>
          </p>
        </Form>
      )}
      {a?.status === 'draft' ? (
        <section aria-labelledby="publish-title">
          <h2 id="publish-title">{t('announcements.form.publish_title')}</h2>
          <Form ctx={ctx} action={`${b}/${a.id}/publikuj`}>
            <input type="hidden" name="version" value={String(a.version)} />
            <button type="submit">{t('announcements.form.publish')}</button>
          </Form>
        </section>
      ) : null}
      {a ? (
        <section aria-labelledby="attachments-title">
          <h2 id="attachments-title">{t('announcements.form.attachments_title')}</h2>
          {props.attachments?.length ? (
            <ul class="links">
              {props.attachments.map((f) => (
                <li>
                  <a href={`${b}/zalaczniki/${f.id}`}>{f.filename}</a> ({typeName(f.media_type)}, {fileSize(f.size_bytes, ctx.i18n.locale)})
                </li>
              ))}
            </ul>
          ) : null}
          {a.status === 'withdrawn' ? null : (
            <>
              <ErrorSummary ctx={ctx} form={attachForm} labels={labels} />
              <form method="post" action={`${b}/${a.id}/zalaczniki`} enctype="multipart/form-data" novalidate class="admin-form">
                <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                <FileField ctx={ctx} form={attachForm} name="file" label={labels.file!} hint={t('announcements.form.hint.file')} accept=".pdf,.jpg,.jpeg,.png,.docx,.odt" required />
                <InputField ctx={ctx} form={attachForm} name="alt_text" label={labels.alt_text!} hint={t('announcements.form.hint.alt_text')} />
                <p class="admin-actions">
                  <button type="submit">{t('announcements.form.attach')}</button>
                </p>
              </form>
            </>
          )}
          <p>
            <a href={`${b}/${a.status === 'draft' ? a.id : a.number}`}>{t('announcements.form.preview')}</a>
            {a.status === 'published' ? (
              <>
                {' '}
                · <a href={`${b}/${a.id}/wycofaj`}>{t('announcements.form.withdraw_link')}</a>
              </>
            ) : null}
          </p>
        </section>
      ) : null}
    </PageLayout>
  );
}

export function WithdrawPage(props: { ctx: PageContext; a: AnnouncementRow; form: FormState }) {
  const { ctx, a, form } = props;
  const { t } = ctx.i18n;
  const b = base(ctx);
  const labels = { reason: t('announcements.withdraw.field.reason') };
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('announcements.withdraw.title', { number: a.number })}
      back={{ href: `${b}/${a.id}/edycja`, label: a.title }}
      facts={[
        [t('announcements.card.number'), String(a.number)],
        [t('announcements.col.title'), a.title],
      ]}
      consequences={[t('announcements.withdraw.consequence_board'), t('announcements.withdraw.consequence_page')]}
      undo={t('announcements.withdraw.undo')}
      action={`${b}/${a.id}/wycofaj`}
      submit={t('announcements.withdraw.submit')}
      keep={{ href: `${b}/${a.id}/edycja`, label: t('announcements.withdraw.keep') }}
      form={form}
      labels={labels}
    >
      <input type="hidden" name="version" value={String(a.version)} />
      <TextArea ctx={ctx} form={form} name="reason" label={labels.reason} rows={3} required />
    </ConfirmPage>
  );
}
