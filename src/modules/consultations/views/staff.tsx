import type { MessageKey } from '../../../platform/i18n';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { SPHERE_CODES } from '../../organisations';
import { ConflictPanel, type Conflict } from '../../../platform/ui/conflict';
import { FileField, InputField, RadioGroup, SelectField, TextArea } from '../../../platform/ui/fields';
import { CheckboxGroup, Csrf, ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import { ConfirmPage } from '../../../platform/ui/confirm';
import { PageLayout } from '../../../platform/ui/layout';
import { AUDIENCES, FORMS, phaseOf, POSITIONS, type ConsultationRow, type PartRow } from '../domain';
import type { ConsultationView, ShownRemark } from '../service';
import { audienceLabel, consultationsBase, formLabel, positionLabel, Remark, RemarksPager } from './common';
import type { RemarksPage } from '../service-pages';

export function consultationLabels(ctx: PageContext): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const f of ['subject', 'legal_basis', 'audience', 'forms', 'meeting_id', 'opens_on', 'opens_time', 'closes_on', 'closes_time', 'contact', 'documents', 'allow_anonymous', 'spheres'] as const) {
    labels[f] = ctx.i18n.t(`consultations.form.field.${f}`);
  }
  return labels;
}

export function ConsultationFormPage(props: { ctx: PageContext; form: FormState; consultation?: ConsultationRow; conflict?: Conflict }) {
  const { ctx, form, consultation: c } = props;
  const { t } = ctx.i18n;
  const base = consultationsBase(ctx);
  const labels = consultationLabels(ctx);
  const field = { ctx, form };
  const title = c ? t('consultations.form.edit_title', { subject: c.subject }) : t('consultations.form.new_title');
  return (
    <PageLayout ctx={ctx} title={title} back={{ href: c ? `${base}/${c.id}/manage` : base, label: c ? c.subject : t('consultations.back') }}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <ConflictPanel ctx={ctx} labels={labels} conflict={props.conflict} />
      <Form ctx={ctx} action={c ? `${base}/${c.id}/edit` : `${base}/new`} class="admin-form">
        {c ? <input type="hidden" name="version" value={String(form.values.version ?? '')} /> : null}
        <TextField {...field} name="subject" label={labels.subject!} required />
        <InputField {...field} name="legal_basis" label={labels.legal_basis!} />
        <CheckboxGroup {...field} name="audience" legend={labels.audience!} options={AUDIENCES.map((a) => ({ value: a, label: audienceLabel(ctx, a) }))} />
        <CheckboxGroup {...field} name="forms" legend={labels.forms!} options={FORMS.map((f) => ({ value: f, label: formLabel(ctx, f) }))} />
        <InputField {...field} name="meeting_id" label={labels.meeting_id!} />
        <div class="admin-row">
          <InputField {...field} name="opens_on" type="date" label={labels.opens_on!} required size="medium" />
          <InputField {...field} name="opens_time" label={labels.opens_time!} hint={t('consultations.form.hint.time')} required size="short" />
        </div>
        <div class="admin-row">
          <InputField {...field} name="closes_on" type="date" label={labels.closes_on!} required size="medium" />
          <InputField {...field} name="closes_time" label={labels.closes_time!} hint={t('consultations.form.hint.time')} required size="short" />
        </div>
        <TextArea {...field} name="contact" label={labels.contact!} rows={3} />
        <TextArea {...field} name="documents" label={labels.documents!} rows={3} />
        <CheckboxGroup {...field} name="allow_anonymous" legend={t('consultations.fact.anonymous')} options={[{ value: '1', label: labels.allow_anonymous! }]} />
        <p class="hint">{t('consultations.form.hint.spheres')}</p>
        <CheckboxGroup {...field} name="spheres" legend={labels.spheres!} options={SPHERE_CODES.map((s) => ({ value: s, label: t(`sphere.${s}` as MessageKey) }))} />
        <p class="admin-actions">
          <button type="submit">{c ? t('form.save') : t('consultations.form.create')}</button>
        </p>
      </Form>
    </PageLayout>
  );
}

export function writtenLabels(ctx: PageContext): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const f of ['part_id', 'source', 'author_name', 'organisation_name', 'received_on'] as const) labels[f] = ctx.i18n.t(`consultations.written.field.${f}`);
  labels.content = ctx.i18n.t('consultations.comment.field.content');
  labels.proposal = ctx.i18n.t('consultations.comment.field.proposal');
  return labels;
}

/** Staff's page of a consultation: the text (title, import, parts), the remarks to answer, written remarks, the report. */
export function ManagePage(props: { ctx: PageContext; view: ConsultationView; remarksPage: RemarksPage; importForm: FormState; titleForm: FormState; writtenForm: FormState }) {
  const { ctx, view, remarksPage: page } = props;
  const { t } = ctx.i18n;
  const c = view.consultation;
  const base = `${consultationsBase(ctx)}/${c.id}`;
  const phase = phaseOf(c);
  const wLabels = writtenLabels(ctx);
  const importLabels = { text: t('consultations.manage.field.text'), file: t('consultations.manage.field.file') };
  return (
    <PageLayout ctx={ctx} title={t('consultations.manage.title', { subject: c.subject })} back={{ href: base, label: c.subject }}>
      <ul class="links">
        <li>
          <a href={`${base}/edit`}>{t('consultations.manage.edit_link')}</a>
        </li>
        <li>
          <a href={`${base}/report`}>{t('consultations.report_link')}</a>
        </li>
        <li>
          <a href={`${base}/survey`}>{t('consultations.survey.link')}</a>
        </li>
      </ul>
      <h2>{t('consultations.manage.text')}</h2>
      {phase === 'open' ? (
        <p class="notice">{t('consultations.manage.text_locked')}</p>
      ) : (
        <>
          <ErrorSummary ctx={ctx} form={props.titleForm} labels={{ title: t('consultations.manage.field.title') }} />
          <Form ctx={ctx} action={`${base}/title`} class="admin-form">
            <input type="hidden" name="version" value={String(c.version)} />
            <TextField ctx={ctx} form={props.titleForm} name="title" label={t('consultations.manage.field.title')} required />
            <p class="admin-actions">
              <button type="submit">{t('consultations.manage.save_title')}</button>
            </p>
          </Form>
        </>
      )}
      {phase === 'planned' ? (
        <section aria-labelledby="import-title">
          <h3 id="import-title">{t('consultations.manage.import')}</h3>
          <p class="hint">{t('consultations.manage.import_hint')}</p>
          <ErrorSummary ctx={ctx} form={props.importForm} labels={importLabels} />
          <Form ctx={ctx} action={`${base}/text`} class="admin-form">
            <input type="hidden" name="version" value={String(c.version)} />
            <TextArea ctx={ctx} form={props.importForm} name="text" label={importLabels.text} rows={8} />
            <p class="admin-actions">
              <button type="submit">{t('consultations.manage.paste')}</button>
            </p>
          </Form>
          <form method="post" action={`${base}/text.docx`} enctype="multipart/form-data" class="admin-form" novalidate>
            <Csrf ctx={ctx} />
            <input type="hidden" name="version" value={String(c.version)} />
            <FileField ctx={ctx} form={props.importForm} name="file" label={importLabels.file} accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" />
            <p class="admin-actions">
              <button type="submit">{t('consultations.manage.upload')}</button>
            </p>
          </form>
        </section>
      ) : null}
      <ol class="links">
        {view.parts.map((p) => (
          <li>
            {phase === 'open' ? p.label : <a href={`${base}/parts/${p.id}/edit`}>{t('consultations.manage.edit_part', { part: p.label })}</a>}
          </li>
        ))}
      </ol>
      <h2 id="remarks">{t('consultations.manage.remarks')}</h2>
      {page.remarks.length === 0 ? <p class="admin-empty">{t(page.later ? 'consultations.pager.empty' : 'consultations.report.none')}</p> : null}
      {page.remarks.map((r, i) => (
        <div>
          <h3>
            <a href={`${base}/remarks/${r.id}`}>{t('consultations.manage.answer', { no: page.firstNumber + i })}</a> — {r.part_label ?? t('consultations.report.general')}
          </h3>
          <Remark ctx={ctx} remark={r} staff />
        </div>
      ))}
      <RemarksPager ctx={ctx} page={page} href={`${base}/manage`} anchor="remarks" />
      {phase === 'open' || phase === 'closed' ? (
        <section aria-labelledby="written-title">
          <h2 id="written-title">{t('consultations.manage.written')}</h2>
          <ErrorSummary ctx={ctx} form={props.writtenForm} labels={wLabels} />
          <Form ctx={ctx} action={`${base}/remarks`} class="admin-form">
            <SelectField ctx={ctx} form={props.writtenForm} name="part_id" label={wLabels.part_id!} options={[{ value: '', label: t('consultations.report.general') }, ...view.parts.map((p) => ({ value: p.id, label: p.label }))]} />
            <RadioGroup ctx={ctx} form={props.writtenForm} name="source" label={wLabels.source!} options={[{ value: 'written', label: t('consultations.remark.source.written') }, { value: 'meeting', label: t('consultations.remark.source.meeting') }]} />
            <TextField ctx={ctx} form={props.writtenForm} name="author_name" label={wLabels.author_name!} required />
            <InputField ctx={ctx} form={props.writtenForm} name="organisation_name" label={wLabels.organisation_name!} />
            <InputField ctx={ctx} form={props.writtenForm} name="received_on" type="date" label={wLabels.received_on!} required size="medium" />
            <TextArea ctx={ctx} form={props.writtenForm} name="content" label={wLabels.content!} required rows={4} />
            <TextArea ctx={ctx} form={props.writtenForm} name="proposal" label={wLabels.proposal!} rows={3} />
            <p class="admin-actions">
              <button type="submit">{t('consultations.written.save')}</button>
            </p>
          </Form>
        </section>
      ) : null}
      {phase === 'closed' ? (
        <section aria-labelledby="publish-title">
          <h2 id="publish-title">{t('consultations.report')}</h2>
          <p>{t('consultations.manage.publish_hint')}</p>
          <p>
            <a href={`${base}/report/publish`} class="button">
              {t('consultations.manage.publish')}
            </a>
          </p>
        </section>
      ) : null}
    </PageLayout>
  );
}

export function PartEditPage(props: { ctx: PageContext; consultation: ConsultationRow; part: PartRow; form: FormState; conflict?: Conflict }) {
  const { ctx, consultation: c, part: p, form } = props;
  const { t } = ctx.i18n;
  const base = `${consultationsBase(ctx)}/${c.id}`;
  const labels = { label: t('consultations.report.col.part'), chapter: 'Rozdział', body: t('consultations.text') };
  return (
    <PageLayout ctx={ctx} title={t('consultations.manage.edit_part', { part: p.label })} back={{ href: `${base}/manage`, label: c.subject }}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <ConflictPanel ctx={ctx} labels={labels} conflict={props.conflict} />
      <Form ctx={ctx} action={`${base}/parts/${p.id}/edit`} class="admin-form">
        <input type="hidden" name="version" value={String(form.values.version ?? '')} />
        <TextField ctx={ctx} form={form} name="label" label={labels.label} required />
        <InputField ctx={ctx} form={form} name="chapter" label={labels.chapter} />
        <TextArea ctx={ctx} form={form} name="body" label={labels.body} required rows={10} />
        <p class="admin-actions">
          <button type="submit">{t('form.save')}</button>
        </p>
      </Form>
      <Form ctx={ctx} action={`${base}/parts/${p.id}/remove`}>
        <input type="hidden" name="version" value={String(p.version)} />
        <button type="submit" class="secondary">
          {t('consultations.remove_part')}
        </button>
      </Form>
    </PageLayout>
  );
}

/** A remark for staff: the position with its reasons (versioned), and moderation (hide with a reason). */
export function RemarkPage(props: { ctx: PageContext; consultation: ConsultationRow; remark: ShownRemark; form: FormState; hideForm: FormState; conflict?: Conflict }) {
  const { ctx, consultation: c, remark: r, form } = props;
  const { t } = ctx.i18n;
  const base = `${consultationsBase(ctx)}/${c.id}`;
  const labels = { position: t('consultations.position.field.position'), reasons: t('consultations.position.field.reasons') };
  return (
    <PageLayout ctx={ctx} title={`${t('consultations.remark.position')}: ${r.part_label ?? t('consultations.report.general')}`} back={{ href: `${base}/manage`, label: c.subject }}>
      <Remark ctx={ctx} remark={r} staff />
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <ConflictPanel ctx={ctx} labels={labels} conflict={props.conflict} />
      {c.report_published_at ? null : (
        <Form ctx={ctx} action={`${base}/remarks/${r.id}/position`} class="admin-form">
          <input type="hidden" name="version" value={String(form.values.version ?? '')} />
          <RadioGroup ctx={ctx} form={form} name="position" label={labels.position} options={POSITIONS.map((p) => ({ value: p, label: positionLabel(ctx, p) }))} />
          <TextArea ctx={ctx} form={form} name="reasons" label={labels.reasons} rows={4} />
          <p class="admin-actions">
            <button type="submit">{t('consultations.position.save')}</button>
          </p>
        </Form>
      )}
      {r.hidden_at ? null : (
        <>
          <h2>{t('consultations.hide.save')}</h2>
          <p class="hint">{t('consultations.comment.rules')}</p>
          <ErrorSummary ctx={ctx} form={props.hideForm} labels={{ reason: t('consultations.hide.field.reason') }} />
          <Form ctx={ctx} action={`${base}/remarks/${r.id}/hide`} class="admin-form">
            <input type="hidden" name="version" value={String(r.version)} />
            <TextArea ctx={ctx} form={props.hideForm} name="reason" label={t('consultations.hide.field.reason')} rows={2} />
            <p class="admin-actions">
              <button type="submit" class="secondary">
                {t('consultations.hide.save')}
              </button>
            </p>
          </Form>
        </>
      )}
    </PageLayout>
  );
}

/** Publishing the report: the kernel's confirmation page — what it publishes, whom it mails, that it cannot be undone. */
export function PublishReportPage(props: { ctx: PageContext; consultation: ConsultationRow; remarks: number; participants: number; form: FormState }) {
  const { ctx, consultation: c, form } = props;
  const { t } = ctx.i18n;
  const base = `${consultationsBase(ctx)}/${c.id}`;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('consultations.publish.title')}
      back={{ href: `${base}/manage`, label: c.subject }}
      facts={[
        [t('consultations.form.field.subject'), c.subject],
        [t('consultations.report.count.total'), String(props.remarks)],
      ]}
      consequences={[t('consultations.publish.announce'), t('consultations.publish.mail', { count: props.participants }), t('consultations.publish.locked')]}
      undo={t('consultations.publish.undo')}
      action={`${base}/report/publish`}
      submit={t('consultations.publish.submit')}
      keep={{ href: `${base}/manage`, label: t('consultations.publish.keep') }}
      form={form}
    >
      <input type="hidden" name="version" value={String(c.version)} />
    </ConfirmPage>
  );
}
