import type { FormState, PageContext } from '../../../platform/ui/context';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import { Layout, PageLayout } from '../../../platform/ui/layout';
import { fieldName, inLocale, type SurveyRow } from '../domain';
import type { PageView } from '../service';
import { answerText, conditionText, QuestionField, questionText, surveysBase, title } from './questions';

export function SurveyListPage(props: { ctx: PageContext; list: (SurveyRow & { responses: number })[]; staff: boolean }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const base = surveysBase(ctx);
  return (
    <Layout ctx={ctx} title={t('surveys.title')}>
      <h1>{t('surveys.title')}</h1>
      <p>{t('surveys.intro')}</p>
      {props.staff ? (
        <p>
          <a href={`${base}/zarzadzanie`}>{t('surveys.manage.title')}</a>
        </p>
      ) : null}
      {props.list.length === 0 ? (
        <p class="admin-empty">{t('surveys.empty')}</p>
      ) : (
        <ul class="results">
          {props.list.map((s) => (
            <li class="result">
              <h2>
                <a href={`${base}/${s.id}`}>{title(ctx, s)}</a>
              </h2>
              <p>{t('surveys.until', { date: ctx.i18n.dateTime(s.closes_at) })}</p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function IntroPage(props: { ctx: PageContext; survey: SurveyRow; answerable: boolean; hasDraft: boolean; questions: number; message?: string }) {
  const { ctx, survey: s } = props;
  const { t } = ctx.i18n;
  const base = `${surveysBase(ctx)}/${s.id}`;
  return (
    <PageLayout ctx={ctx} title={title(ctx, s)} back={{ href: surveysBase(ctx), label: t('surveys.back') }}>
      {props.message ? (
        <div class="error-summary" role="alert" tabIndex={-1} id="error-summary" autofocus>
          <p>{props.message}</p>
        </div>
      ) : null}
      {inLocale(ctx.i18n.locale, s.intro_pl, s.intro_en) ? <p class="prewrap">{inLocale(ctx.i18n.locale, s.intro_pl, s.intro_en)}</p> : null}
      <ul>
        <li>{t('surveys.questions_count', { count: props.questions })}</li>
        <li>{t('surveys.until', { date: ctx.i18n.dateTime(s.closes_at) })}</li>
        <li>{s.anonymous ? t('surveys.anonymous_note') : t('surveys.named_note')}</li>
      </ul>
      {!props.answerable ? (
        <p class="notice">{t('surveys.not_open')}</p>
      ) : props.hasDraft ? (
        <p>
          <a class="button" href={`${base}/odpowiedzi`}>
            {t('surveys.continue')}
          </a>
        </p>
      ) : (
        <Form ctx={ctx} action={`${base}/start`}>
          <button type="submit">{t('surveys.start')}</button>
        </Form>
      )}
    </PageLayout>
  );
}

/** A page of questions: "Pytanie 3 z 12", the question(s), back and next; all saved with each POST. */
export function QuestionPage(props: { ctx: PageContext; view: PageView; form: FormState; all: PageView['questions'] }) {
  const { ctx, view, form } = props;
  const { t } = ctx.i18n;
  const base = `${surveysBase(ctx)}/${view.survey.id}`;
  const labels = Object.fromEntries(view.questions.map((q) => [fieldName(q), questionText(ctx, q)]));
  const progress =
    view.questions.length === 1
      ? t('surveys.progress', { n: view.firstNumber, total: view.visibleCount })
      : t('surveys.progress_all', { count: view.visibleCount });
  return (
    <Layout ctx={ctx} title={`${progress} — ${title(ctx, view.survey)}`}>
      <p class="hint">{title(ctx, view.survey)}</p>
      <h1>{progress}</h1>
      <progress max={view.visibleCount} value={view.firstNumber - 1 + view.questions.length} aria-label={progress} />
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={`${base}/odpowiedzi`}>
        {view.questions.map((q, i) => (
          <QuestionField ctx={ctx} form={form} question={q} number={view.firstNumber + i} condition={view.questions.length > 1 ? conditionText(ctx, q, props.all) : undefined} />
        ))}
        <div class="actions">
          <button type="submit" name="go" value="next">
            {t('surveys.next')}
          </button>{' '}
          {view.index > 0 ? (
            <button type="submit" name="go" value="back" class="secondary">
              {t('surveys.previous')}
            </button>
          ) : null}
        </div>
      </Form>
    </Layout>
  );
}

/** The final check: every answer in words, change links by going back, and the send button. */
export function ReviewPage(props: { ctx: PageContext; view: PageView; message?: string }) {
  const { ctx, view } = props;
  const { t } = ctx.i18n;
  const base = `${surveysBase(ctx)}/${view.survey.id}`;
  return (
    <PageLayout ctx={ctx} title={t('surveys.review.title')}>
      {props.message ? (
        <div class="error-summary" role="alert" tabIndex={-1} id="error-summary" autofocus>
          <p>{props.message}</p>
        </div>
      ) : null}
      <p>{t('surveys.review.intro')}</p>
      <dl class="facts">
        {view.answered.map((a, i) => (
          <>
            <dt>{`${i + 1}. ${questionText(ctx, a.question)}`}</dt>
            <dd class="prewrap">{answerText(ctx, a.question, a.items ?? [])}</dd>
          </>
        ))}
      </dl>
      <Form ctx={ctx} action={`${base}/wyslij`}>
        <button type="submit">{t('surveys.review.send')}</button>
      </Form>
      <Form ctx={ctx} action={`${base}/odpowiedzi`}>
        <input type="hidden" name="go" value="back" />
        <button type="submit" class="secondary">
          {t('surveys.previous')}
        </button>
      </Form>
    </PageLayout>
  );
}

export function ThanksPage(props: { ctx: PageContext; survey: SurveyRow }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  return (
    <PageLayout ctx={ctx} title={t('surveys.thanks.title')}>
      <p role="status">{t('surveys.thanks.body', { survey: title(ctx, props.survey) })}</p>
      <p>
        <a href={surveysBase(ctx)}>{t('surveys.back')}</a>
      </p>
    </PageLayout>
  );
}
