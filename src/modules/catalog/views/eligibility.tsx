import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../../platform/i18n';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { ErrorSummary, Form, TextField, fieldId } from '../../../platform/ui/forms';
import { Layout } from '../../../platform/ui/layout';
import { fieldMessageKey } from '../../../platform/http/errors';
import {
  ANSWER_FIELDS, DISABILITY_ANSWERS, TICKED_SITUATIONS, INCOME_ANSWERS, RESIDENCE_ANSWERS, WORK_ANSWERS, YES_NO,
  type AnswerField, type Answers, type Evaluated, type Group, type Reason,
} from '../eligibility';
import type { ServiceRow } from '../repository';

type Ctx = { ctx: PageContext };
type AnswerKey = `eligibility.a.${string}` & MessageKey;

/** One choice of several: radio buttons in a fieldset; the first radio carries `f-<name>` for the error summary's link. */
function RadioGroup(props: Ctx & { form: FormState; name: string; legend: string; hint: string; options: readonly string[] }) {
  const { ctx, form, name } = props;
  const { t } = ctx.i18n;
  const id = fieldId(name);
  const error = form.errors[name];
  const selected = form.values[name];
  return (
    <fieldset class={error ? 'field field-error' : 'field'} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend>{props.legend}</legend>
      <p class="hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      {error ? (
        <p class="error-message" id={`${id}-error`}>
          {t(fieldMessageKey(error.code), error.params)}
        </p>
      ) : null}
      {props.options.map((value, i) => (
        <div class="radio">
          <input type="radio" id={i === 0 ? id : `${id}-${value}`} name={name} value={value} checked={selected === value} />
          <label for={i === 0 ? id : `${id}-${value}`}>{t(`eligibility.a.${value}` as AnswerKey)}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** Several choices: checkboxes in a fieldset; the first carries `f-<name>` for the error summary's link. */
function Situations(props: Ctx & { form: FormState; legend: string }) {
  const { ctx, form } = props;
  const { t } = ctx.i18n;
  const id = fieldId('situations');
  const error = form.errors.situations;
  const value = form.values.situations ?? '';
  const ticked = new Set(Array.isArray(value) ? value : value.split(','));
  return (
    <fieldset class={error ? 'field field-error' : 'field'} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend>{props.legend}</legend>
      <p class="hint" id={`${id}-hint`}>
        {t('eligibility.q.situations_hint')}
      </p>
      {error ? (
        <p class="error-message" id={`${id}-error`}>
          {t(fieldMessageKey(error.code), error.params)}
        </p>
      ) : null}
      {TICKED_SITUATIONS.map((value, i) => (
        <div class="checkbox">
          <input type="checkbox" id={i === 0 ? id : `${id}-${value}`} name="situations" value={value} checked={ticked.has(value)} />
          <label for={i === 0 ? id : `${id}-${value}`}>{t(`situation.${value}`)}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** Short names of the questions: the error summary's links and the summary of answers. */
const shortLabels = (ctx: PageContext) => Object.fromEntries(ANSWER_FIELDS.map((f) => [f, ctx.i18n.t(`eligibility.short.${f}`)])) as Record<AnswerField, string>;

const questions = (ctx: PageContext): Record<AnswerField, string> => {
  const { t } = ctx.i18n;
  return {
    situations: t('eligibility.q.situations'),
    age: t('eligibility.q.age'),
    residence: t('eligibility.q.residence', { municipality: ctx.municipality!.name }),
    household_size: t('eligibility.q.household_size'),
    children: t('eligibility.q.children'),
    income: t('eligibility.q.income'),
    disability: t('eligibility.q.disability'),
    carer: t('eligibility.q.carer'),
    work: t('eligibility.q.work'),
  };
};

export function EligibilityFormPage({ ctx, form }: Ctx & { form: FormState }) {
  const { t } = ctx.i18n;
  const q = questions(ctx);
  const slug = ctx.municipality!.slug;
  const radio = (name: keyof typeof q, options: readonly string[]) => (
    <RadioGroup ctx={ctx} form={form} name={name} legend={q[name]} hint={t(`eligibility.q.${name}_hint` as MessageKey)} options={options} />
  );
  return (
    <Layout ctx={ctx} title={t('eligibility.title')}>
      <h1>{t('eligibility.title')}</h1>
      <p class="lead">{t('eligibility.intro', { cus: ctx.municipality!.cusName })}</p>
      <div class="notice">
        <p>{t('eligibility.privacy')}</p>
        <p>{t('eligibility.optional')}</p>
      </div>
      <p>{t('eligibility.for_yourself')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={shortLabels(ctx)} />
      <Form ctx={ctx} action={`/${slug}/check`} class="check-form">
        <Situations ctx={ctx} form={form} legend={q.situations} />
        <TextField ctx={ctx} form={form} name="age" label={q.age} hint={t('eligibility.q.age_hint')} inputmode="numeric" autocomplete="off" />
        {radio('residence', RESIDENCE_ANSWERS)}
        <TextField ctx={ctx} form={form} name="household_size" label={q.household_size} hint={t('eligibility.q.household_size_hint')} inputmode="numeric" autocomplete="off" />
        {radio('children', YES_NO)}
        {radio('income', INCOME_ANSWERS)}
        {radio('disability', DISABILITY_ANSWERS)}
        {radio('carer', YES_NO)}
        {radio('work', WORK_ANSWERS)}
        <div class="check-buttons">
          <button type="submit" name="step" value="result">
            {t('eligibility.submit')}
          </button>
          <a href={`/${slug}/check`}>{t('eligibility.clear')}</a>
        </div>
      </Form>
    </Layout>
  );
}

function ageRange(ctx: PageContext, p: Reason['params']): string {
  const { t } = ctx.i18n;
  if (p.min !== undefined && p.max !== undefined) return t('eligibility.age.between', { min: p.min, count: p.max });
  if (p.min !== undefined) return t('eligibility.age.at_least', { count: p.min });
  return t('eligibility.age.at_most', { count: p.max ?? 0 });
}

export function reasonText(ctx: PageContext, r: Reason): string {
  const num = (n: number | undefined) => (n === undefined ? '' : new Intl.NumberFormat(ctx.i18n.locale).format(n));
  const key: MessageKey = `eligibility.reason.${r.code}`;
  const range = r.code.startsWith('age_') ? ageRange(ctx, r.params) : '';
  return ctx.i18n.t(key, { range, max: num(r.params.max), lower: num(r.params.lower), upper: num(r.params.upper) });
}

function feeLabel(ctx: PageContext, s: ServiceRow): string {
  const { t, locale } = ctx.i18n;
  if (s.fee_kind !== 'fixed') return t(`fee.${s.fee_kind}`);
  const amount = Number(s.fee_amount ?? 0);
  const digits = Number.isInteger(amount) ? 0 : 2;
  return t('fee.fixed', { amount: new Intl.NumberFormat(locale, { style: 'currency', currency: 'PLN', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount) });
}

function ReasonList({ ctx, reasons, label }: Ctx & { reasons: Reason[]; label: string }) {
  if (reasons.length === 0) return null;
  return (
    <>
      <p class="check-label">{label}</p>
      <ul class="check-reasons">
        {reasons.map((r) => (
          <li class={`reason-${r.outcome}`}>{reasonText(ctx, r)}</li>
        ))}
      </ul>
    </>
  );
}

function ServiceCard({ ctx, item, print }: Ctx & { item: Evaluated<ServiceRow>; print: boolean }) {
  const { t } = ctx.i18n;
  const s = item.service;
  const contact = [s.contact_phone, s.contact_email].filter(Boolean).join(', ');
  return (
    <li class="check-service">
      <h3>
        <a href={`/${ctx.municipality!.slug}/services/${s.id}`}>{s.name}</a>
      </h3>
      {s.summary ? <p>{s.summary}</p> : null}
      <p class="muted">{feeLabel(ctx, s)}</p>
      <ReasonList ctx={ctx} label={t('eligibility.why')} reasons={item.reasons.filter((r) => r.outcome === 'met')} />
      <ReasonList ctx={ctx} label={t('eligibility.to_check')} reasons={item.reasons.filter((r) => r.outcome === 'unknown')} />
      {s.how_to_apply ? (
        <p>
          <strong>{t('eligibility.how_to_apply')}</strong> {s.how_to_apply}
        </p>
      ) : null}
      {print && contact ? <p>{t('eligibility.contact', { contact })}</p> : null}
    </li>
  );
}

/** Services for other people's situations: folded (a long list the person rarely needs), open when printed. */
function Folded({ print, summary, children }: Ctx & { print: boolean; summary: string; children: ComponentChildren }) {
  if (print) return <>{children}</>;
  return (
    <details class="check-other">
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

function Unlikely({ ctx, items, print }: Ctx & { items: Evaluated<ServiceRow>[]; print: boolean }) {
  const title = ctx.i18n.t('eligibility.unlikely_title', { count: items.length });
  const list = (
    <ul class="check-unlikely">
      {items.map((item) => (
        <li>
          <a href={`/${ctx.municipality!.slug}/services/${item.service.id}`}>{item.service.name}</a>
          {' — '}
          {item.reasons.filter((r) => r.outcome === 'failed').map((r) => reasonText(ctx, r)).join('; ')}
        </li>
      ))}
    </ul>
  );
  if (print) {
    return (
      <>
        <h2>{title}</h2>
        {list}
      </>
    );
  }
  return (
    <details class="check-details">
      <summary>{title}</summary>
      {list}
    </details>
  );
}

function answerText(ctx: PageContext, answers: Answers, name: AnswerField): string {
  const { t } = ctx.i18n;
  switch (name) {
    case 'age':
      return answers.age === undefined ? t('eligibility.not_answered') : t('eligibility.a.age', { count: answers.age });
    case 'situations':
      return answers.situations?.length ? answers.situations.map((s) => t(`situation.${s}`)).join('; ') : t('eligibility.not_answered');
    case 'household_size':
      return answers.householdSize === undefined ? t('eligibility.not_answered') : t('eligibility.a.people', { count: answers.householdSize });
    default: {
      const value = answers[name];
      return value === undefined ? t('eligibility.not_answered') : t(`eligibility.a.${value}` as AnswerKey);
    }
  }
}

export function EligibilityResultPage(
  props: Ctx & { results: Record<Group, Evaluated<ServiceRow>[]>; answers: Answers; values: Record<string, string>; print: boolean; checkedAt: Date },
) {
  const { ctx, results, print } = props;
  const { t } = ctx.i18n;
  const labels = shortLabels(ctx);
  const title = print ? t('eligibility.print_title') : t('eligibility.result_title');
  const cus = ctx.municipality!.cusName;
  const total = results.likely.length + results.maybe.length + results.other.length + results.unlikely.length;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t('eligibility.result_intro', { cus })}</p>
      <p class="notice">{t('eligibility.result_disclaimer')}</p>
      {print ? (
        <p class="muted">
          {t('eligibility.checked_on', { date: ctx.i18n.date(props.checkedAt) })} <span class="check-screen-only">{t('eligibility.print_hint')}</span>
        </p>
      ) : null}
      <Form ctx={ctx} action={`/${ctx.municipality!.slug}/check`} class="check-actions">
        {Object.entries(props.values).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        {print ? (
          <button type="submit" name="step" value="result">
            {t('eligibility.back_to_results')}
          </button>
        ) : null}
        <button type="submit" name="step" value="edit" class="secondary">
          {t('eligibility.change')}
        </button>
        {print ? null : (
          <button type="submit" name="step" value="print" class="secondary">
            {t('eligibility.print')}
          </button>
        )}
      </Form>
      {total === 0 ? (
        <p>{t('eligibility.none')}</p>
      ) : (
        <>
          <h2>{t('eligibility.likely_title', { count: results.likely.length })}</h2>
          {results.likely.length === 0 ? (
            <p>{t('eligibility.likely_empty')}</p>
          ) : (
            <ul class="check-services">
              {results.likely.map((item) => (
                <ServiceCard ctx={ctx} item={item} print={print} />
              ))}
            </ul>
          )}
          {results.maybe.length > 0 ? (
            <>
              <h2>{t('eligibility.maybe_title', { count: results.maybe.length })}</h2>
              <p>{t('eligibility.maybe_intro')}</p>
              <ul class="check-services">
                {results.maybe.map((item) => (
                  <ServiceCard ctx={ctx} item={item} print={print} />
                ))}
              </ul>
            </>
          ) : null}
          {results.other.length > 0 ? (
            <>
              <h2>{t('eligibility.other_title', { count: results.other.length })}</h2>
              <p>{t('eligibility.other_intro')}</p>
              <Folded ctx={ctx} print={print} summary={t('eligibility.other_show', { count: results.other.length })}>
                <ul class="check-services">
                  {results.other.map((item) => (
                    <ServiceCard ctx={ctx} item={item} print={print} />
                  ))}
                </ul>
              </Folded>
            </>
          ) : null}
          {results.unlikely.length > 0 ? <Unlikely ctx={ctx} items={results.unlikely} print={print} /> : null}
        </>
      )}
      <h2>{t('eligibility.your_answers')}</h2>
      <dl class="check-answers">
        {ANSWER_FIELDS.map((name) => (
          <div>
            <dt>{labels[name]}</dt>
            <dd>{answerText(ctx, props.answers, name)}</dd>
          </div>
        ))}
      </dl>
      <p>{t('eligibility.help', { cus })}</p>
    </Layout>
  );
}
