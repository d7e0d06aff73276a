import type { MessageKey } from '../../../platform/i18n';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { Checkbox, RadioGroup, TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import { phaseOf, type ConsultationRow } from '../domain';
import { SURVEY_KINDS } from '../form';
import type { SurveyResults } from '../service-survey';
import { consultationsBase } from './common';

export function surveyQuestionLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx.i18n;
  return {
    text: t('consultations.survey.field.text'),
    kind: t('consultations.survey.field.kind'),
    choices: t('consultations.survey.field.choices'),
    required: t('consultations.survey.field.required'),
  };
}

/**
 * Staff's page of the consultation's short survey: its state and questions, a form adding a question (the
 * first one makes the survey) while it is a draft, the survey opened and closed here, and the way to the surveys
 * module's builder and analysis for those who hold surveys.manage.
 */
export function SurveyPage(props: { ctx: PageContext; consultation: ConsultationRow; results: SurveyResults | null; form: FormState; surveysStaff: boolean }) {
  const { ctx, consultation: c, results, form } = props;
  const { t } = ctx.i18n;
  const base = `${consultationsBase(ctx)}/${c.id}`;
  const slug = ctx.municipality!.slug;
  const labels = surveyQuestionLabels(ctx);
  const phase = phaseOf(c);
  const survey = results?.survey ?? null;
  const canAdd = (!survey || survey.status === 'draft') && (phase === 'planned' || phase === 'open');
  // Opened from here by the consultation's staff (the surveys module's owner API), once it has questions and before the consultation closes.
  const canOpen = survey?.status === 'draft' && (results?.analysis.questions.length ?? 0) > 0 && (phase === 'planned' || phase === 'open');
  return (
    <PageLayout ctx={ctx} title={t('consultations.survey.title', { subject: c.subject })} back={{ href: `${base}/manage`, label: t('consultations.manage.title', { subject: c.subject }) }}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <p>{t('consultations.survey.intro')}</p>
      {!survey ? (
        <p class="admin-empty">{t('consultations.survey.none')}</p>
      ) : (
        <>
          <p>{t('consultations.survey.status', { status: t(`consultations.survey.status.${survey.status}` as MessageKey), responses: survey.responses })}</p>
          {survey.status === 'draft' ? <p class="hint">{t('consultations.survey.open_hint')}</p> : null}
          {canOpen || survey.status === 'open' ? (
            <Form ctx={ctx} action={`${base}/survey/${survey.status === 'open' ? 'close' : 'open'}`} class="admin-form">
              <input type="hidden" name="version" value={String(survey.version)} />
              <p class="admin-actions">
                <button type="submit">{t(survey.status === 'open' ? 'consultations.survey.close' : 'consultations.survey.open')}</button>
              </p>
            </Form>
          ) : null}
          {props.surveysStaff ? (
            <ul class="links">
              <li>
                <a href={`/${slug}${survey.builderHref}`}>{t('consultations.survey.builder')}</a>
              </li>
              <li>
                <a href={`/${slug}${survey.analysisHref}`}>{t('consultations.survey.analysis')}</a>
              </li>
            </ul>
          ) : null}
          <h2>{t('consultations.survey.questions')}</h2>
          {results!.analysis.questions.length === 0 ? (
            <p class="admin-empty">{t('consultations.survey.no_questions')}</p>
          ) : (
            <ol>
              {results!.analysis.questions.map((q) => (
                <li>
                  {q.text_pl} <span class="hint">({t(`consultations.survey.kind.${q.kind}` as MessageKey)})</span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
      {canAdd ? (
        <section aria-labelledby="survey-add-title">
          <h2 id="survey-add-title">{t('consultations.survey.add')}</h2>
          <Form ctx={ctx} action={`${base}/survey`} class="admin-form">
            <TextField ctx={ctx} form={form} name="text" label={labels.text!} required />
            <RadioGroup ctx={ctx} form={form} name="kind" label={labels.kind!} options={SURVEY_KINDS.map((k) => ({ value: k, label: t(`consultations.survey.kind.${k}`) }))} />
            <TextArea ctx={ctx} form={form} name="choices" label={labels.choices!} hint={t('consultations.survey.hint.choices')} rows={5} />
            <Checkbox ctx={ctx} form={form} name="required" label={labels.required!} />
            <p class="admin-actions">
              <button type="submit">{t('consultations.survey.add_save')}</button>
            </p>
          </Form>
        </section>
      ) : survey && survey.status !== 'draft' ? (
        <p class="notice">{t('consultations.survey.not_draft')}</p>
      ) : null}
    </PageLayout>
  );
}
