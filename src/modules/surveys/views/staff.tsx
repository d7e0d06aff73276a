import type { MessageKey } from '../../../platform/i18n';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { Checkbox, InputField, NumberField, SelectField, TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import { Layout, PageLayout } from '../../../platform/ui/layout';
import { AUDIENCES, fieldName, KINDS, LAYOUTS, PURPOSES, type SurveyRow } from '../domain';
import { QUESTION_FIELDS, SURVEY_FIELDS } from '../form';
import type { SurveyStructure } from '../service';
import { conditionText, kindLabel, QuestionField, questionText, surveysBase, title } from './questions';

const opts = (ctx: PageContext, prefix: string, list: readonly string[]) => list.map((v) => ({ value: v, label: ctx.i18n.t(`${prefix}.${v}` as MessageKey) }));
const labelsOf = (ctx: PageContext, prefix: string, fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, ctx.i18n.t(`${prefix}.${f}` as MessageKey)]));

export function ManageListPage(props: { ctx: PageContext; list: (SurveyRow & { responses: number })[] }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const base = surveysBase(ctx);
  return (
    <PageLayout ctx={ctx} title={t('surveys.manage.title')}>
      <p>
        <a href={`${base}/nowa`}>{t('surveys.manage.new')}</a>
      </p>
      <ul class="results">
        {props.list.map((s) => (
          <li class="result">
            <h2>
              <a href={`${base}/${s.id}/pytania`}>{title(ctx, s)}</a>
            </h2>
            <p>
              {t(`surveys.status.${s.status}` as MessageKey)} · {t(`surveys.purpose.${s.purpose}` as MessageKey)} · {t('surveys.responses_count', { count: s.responses })} ·{' '}
              <a href={`${base}/${s.id}/analiza`}>{t('surveys.analysis.link')}</a>
            </p>
          </li>
        ))}
      </ul>
    </PageLayout>
  );
}

export function SurveyFormPage(props: { ctx: PageContext; form: FormState; survey?: SurveyRow }) {
  const { ctx, form } = props;
  const { t } = ctx.i18n;
  const p = 'surveys.field';
  const action = props.survey ? `${surveysBase(ctx)}/${props.survey.id}/edycja` : `${surveysBase(ctx)}/nowa`;
  return (
    <PageLayout ctx={ctx} title={props.survey ? t('surveys.edit.title') : t('surveys.manage.new')}>
      <ErrorSummary ctx={ctx} form={form} labels={labelsOf(ctx, p, SURVEY_FIELDS)} />
      <Form ctx={ctx} action={action}>
        {props.survey ? <input type="hidden" name="version" value={String(form.values.version ?? props.survey.version)} /> : null}
        <InputField ctx={ctx} form={form} name="title_pl" label={t(`${p}.title_pl`)} required />
        <InputField ctx={ctx} form={form} name="title_en" label={t(`${p}.title_en`)} />
        <TextArea ctx={ctx} form={form} name="intro_pl" label={t(`${p}.intro_pl`)} />
        <TextArea ctx={ctx} form={form} name="intro_en" label={t(`${p}.intro_en`)} />
        <SelectField ctx={ctx} form={form} name="purpose" label={t(`${p}.purpose`)} options={opts(ctx, 'surveys.purpose', PURPOSES)} required />
        <SelectField ctx={ctx} form={form} name="audience" label={t(`${p}.audience`)} options={opts(ctx, 'surveys.audience', AUDIENCES)} required />
        <SelectField ctx={ctx} form={form} name="layout" label={t(`${p}.layout`)} options={opts(ctx, 'surveys.layout', LAYOUTS)} required />
        <Checkbox ctx={ctx} form={form} name="anonymous" label={t(`${p}.anonymous`)} hint={t('surveys.field.anonymous_hint')} />
        <InputField ctx={ctx} form={form} name="opens_on" type="date" label={t(`${p}.opens_on`)} required size="medium" />
        <InputField ctx={ctx} form={form} name="opens_time" label={t(`${p}.opens_time`)} required size="short" />
        <InputField ctx={ctx} form={form} name="closes_on" type="date" label={t(`${p}.closes_on`)} required size="medium" />
        <InputField ctx={ctx} form={form} name="closes_time" label={t(`${p}.closes_time`)} required size="short" />
        <NumberField ctx={ctx} form={form} name="min_cell" label={t(`${p}.min_cell`)} hint={t('surveys.field.min_cell_hint')} />
        <button type="submit">{t('surveys.save')}</button>
      </Form>
    </PageLayout>
  );
}

/** The builder: the survey's facts, its sections and questions (edit, move, remove), a new section, open or close. */
export function BuilderPage(props: { ctx: PageContext; view: SurveyStructure; sectionForm: FormState; message?: string }) {
  const { ctx, view } = props;
  const { t } = ctx.i18n;
  const s = view.survey;
  const base = `${surveysBase(ctx)}/${s.id}`;
  const version = <input type="hidden" name="version" value={String(s.version)} />;
  return (
    <PageLayout ctx={ctx} title={title(ctx, s)} back={{ href: `${surveysBase(ctx)}/zarzadzanie`, label: t('surveys.manage.title') }}>
      {props.message ? (
        <div class="error-summary" role="alert" tabIndex={-1} id="error-summary" autofocus>
          <p>{props.message}</p>
        </div>
      ) : null}
      <p>
        {t(`surveys.status.${s.status}` as MessageKey)} · {t('surveys.version_of_questions', { version: s.current_version })} · {t('surveys.responses_count', { count: view.responses })}
      </p>
      <ul class="links">
        <li><a href={`${base}/edycja`}>{t('surveys.edit.title')}</a></li>
        <li><a href={`${base}/pytania/nowe`}>{t('surveys.question.new')}</a></li>
        <li><a href={`${base}/podglad`}>{t('surveys.preview.title')}</a></li>
        <li><a href={`${base}/papier`}>{t('surveys.paper.title')}</a></li>
        <li><a href={`${base}/analiza`}>{t('surveys.analysis.link')}</a></li>
      </ul>
      {s.status !== 'open' ? (
        <Form ctx={ctx} action={`${base}/otworz`}>
          {version}
          <button type="submit">{t('surveys.open')}</button>
        </Form>
      ) : (
        <Form ctx={ctx} action={`${base}/zamknij`}>
          {version}
          <button type="submit">{t('surveys.close')}</button>
        </Form>
      )}
      {view.sections.map((section) => (
        <section>
          <h2>{section.title_pl}</h2>
          <ol>
            {view.questions
              .filter((q) => q.section_id === section.id)
              .map((q) => (
                <li>
                  <p>
                    <strong>{questionText(ctx, q)}</strong> · {kindLabel(ctx, q)}
                    {q.required ? ` · ${t('surveys.answer.required')}` : ''}
                    {q.show_if_question ? ` · ${conditionText(ctx, q, view.questions) ?? ''}` : ''}
                  </p>
                  <div class="actions">
                    <a href={`${base}/pytania/${q.key}`}>{t('surveys.question.edit')}</a>
                    {(['w-gore', 'w-dol', 'usun'] as const).map((action) => (
                      <Form ctx={ctx} action={`${base}/pytania/${q.key}/${action}`} class="inline">
                        {version}
                        <button type="submit" class="secondary">{`${t(`surveys.question.${action}` as MessageKey)}: ${q.position}`}</button>
                      </Form>
                    ))}
                  </div>
                </li>
              ))}
          </ol>
        </section>
      ))}
      <h2>{t('surveys.section.new')}</h2>
      <ErrorSummary ctx={ctx} form={props.sectionForm} labels={{ title_pl: t('surveys.section.title_pl') }} />
      <Form ctx={ctx} action={`${base}/sekcje`}>
        {version}
        <InputField ctx={ctx} form={props.sectionForm} name="title_pl" label={t('surveys.section.title_pl')} required />
        <InputField ctx={ctx} form={props.sectionForm} name="title_en" label={t('surveys.section.title_en')} />
        <ConditionSelect ctx={ctx} form={props.sectionForm} view={view} />
        <button type="submit">{t('surveys.section.add')}</button>
      </Form>
    </PageLayout>
  );
}

function ConditionSelect(props: { ctx: PageContext; form: FormState; view: SurveyStructure; exceptKey?: string }) {
  const { ctx } = props;
  const options = props.view.questions
    .filter((q) => (q.kind === 'single' || q.kind === 'multiple') && q.key !== props.exceptKey)
    .flatMap((q) => q.choices.map((c) => ({ value: `${q.key}:${c.value}`, label: `${q.text_pl} → ${c.pl}` })));
  return <SelectField ctx={ctx} form={props.form} name="show_if" label={ctx.i18n.t('surveys.question.field.show_if')} options={options} placeholder={ctx.i18n.t('surveys.question.always')} />;
}

export function QuestionFormPage(props: { ctx: PageContext; view: SurveyStructure; form: FormState; questionKey?: string; message?: string }) {
  const { ctx, view, form } = props;
  const { t } = ctx.i18n;
  const base = `${surveysBase(ctx)}/${view.survey.id}`;
  const p = 'surveys.question.field';
  return (
    <PageLayout ctx={ctx} title={props.questionKey ? t('surveys.question.edit') : t('surveys.question.new')} back={{ href: `${base}/pytania`, label: title(ctx, view.survey) }}>
      <ErrorSummary ctx={ctx} form={props.message ? { ...form, errors: {}, message: props.message } : form} labels={labelsOf(ctx, p, QUESTION_FIELDS)} />
      <Form ctx={ctx} action={props.questionKey ? `${base}/pytania/${props.questionKey}` : `${base}/pytania/nowe`}>
        <input type="hidden" name="version" value={String(view.survey.version)} />
        <SelectField ctx={ctx} form={form} name="section" label={t(`${p}.section`)} options={view.sections.map((s) => ({ value: s.key, label: s.title_pl }))} required />
        <SelectField ctx={ctx} form={form} name="kind" label={t(`${p}.kind`)} options={opts(ctx, 'surveys.kind', KINDS)} required />
        <TextArea ctx={ctx} form={form} name="text_pl" label={t(`${p}.text_pl`)} required rows={2} />
        <TextArea ctx={ctx} form={form} name="text_en" label={t(`${p}.text_en`)} rows={2} />
        <Checkbox ctx={ctx} form={form} name="required" label={t(`${p}.required`)} />
        <TextArea ctx={ctx} form={form} name="choices" label={t(`${p}.choices`)} hint={t('surveys.question.choices_hint')} />
        <TextArea ctx={ctx} form={form} name="grid_rows" label={t(`${p}.grid_rows`)} hint={t('surveys.question.choices_hint')} />
        <NumberField ctx={ctx} form={form} name="scale_min" label={t(`${p}.scale_min`)} />
        <NumberField ctx={ctx} form={form} name="scale_max" label={t(`${p}.scale_max`)} />
        <InputField ctx={ctx} form={form} name="scale_min_pl" label={t(`${p}.scale_min_pl`)} />
        <InputField ctx={ctx} form={form} name="scale_max_pl" label={t(`${p}.scale_max_pl`)} />
        <InputField ctx={ctx} form={form} name="scale_min_en" label={t(`${p}.scale_min_en`)} />
        <InputField ctx={ctx} form={form} name="scale_max_en" label={t(`${p}.scale_max_en`)} />
        <NumberField ctx={ctx} form={form} name="number_min" label={t(`${p}.number_min`)} decimal />
        <NumberField ctx={ctx} form={form} name="number_max" label={t(`${p}.number_max`)} decimal />
        <ConditionSelect ctx={ctx} form={form} view={view} exceptKey={props.questionKey} />
        <button type="submit">{t('surveys.save')}</button>
      </Form>
    </PageLayout>
  );
}

/** Every question on one page: the staff's preview (nothing is sent) and the paper questionnaire's form. */
export function AllQuestionsPage(props: { ctx: PageContext; view: SurveyStructure; form: FormState; paper: boolean }) {
  const { ctx, view, form } = props;
  const { t } = ctx.i18n;
  const base = `${surveysBase(ctx)}/${view.survey.id}`;
  const labels = Object.fromEntries(view.questions.map((q) => [fieldName(q), questionText(ctx, q)]));
  const fields = view.questions.map((q, i) => <QuestionField ctx={ctx} form={form} question={q} number={i + 1} condition={conditionText(ctx, q, view.questions)} />);
  return (
    <Layout ctx={ctx} title={props.paper ? t('surveys.paper.title') : t('surveys.preview.title')}>
      <h1>{props.paper ? t('surveys.paper.title') : t('surveys.preview.title')}</h1>
      <p>{props.paper ? t('surveys.paper.intro') : t('surveys.preview.intro')}</p>
      <p>
        <a href={`${base}/pytania`}>{title(ctx, view.survey)}</a>
      </p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      {props.paper ? (
        <Form ctx={ctx} action={`${base}/papier`}>
          {fields}
          <button type="submit">{t('surveys.paper.save')}</button>
        </Form>
      ) : (
        <form>{fields}</form>
      )}
    </Layout>
  );
}
