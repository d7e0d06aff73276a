import type { MessageKey } from '../../../platform/i18n';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { InputField, NumberField, RadioGroup, TextArea } from '../../../platform/ui/fields';
import { CheckboxGroup } from '../../../platform/ui/forms';
import { fieldName, inLocale, type QuestionRow, type SurveyRow } from '../domain';

export const surveysBase = (ctx: PageContext) => `/${ctx.municipality!.slug}/ankiety`;
export const title = (ctx: PageContext, s: Pick<SurveyRow, 'title_pl' | 'title_en'>) => inLocale(ctx.i18n.locale, s.title_pl, s.title_en);
export const questionText = (ctx: PageContext, q: QuestionRow) => inLocale(ctx.i18n.locale, q.text_pl, q.text_en);
export const kindLabel = (ctx: PageContext, q: QuestionRow) => ctx.i18n.t(`surveys.kind.${q.kind}` as MessageKey);

const scaleValues = (q: QuestionRow) => Array.from({ length: (q.scale_max ?? 5) - (q.scale_min ?? 1) + 1 }, (_, i) => String((q.scale_min ?? 1) + i));

function scaleHint(ctx: PageContext, q: QuestionRow): string {
  const { t, locale } = ctx.i18n;
  const l = q.scale_labels;
  const minL = inLocale(locale, l.min_pl ?? '', l.min_en ?? '');
  const maxL = inLocale(locale, l.max_pl ?? '', l.max_en ?? '');
  return t('surveys.answer.scale_hint', { min: q.scale_min ?? 1, max: q.scale_max ?? 5, min_label: minL || '—', max_label: maxL || '—' });
}

/** One question's control(s), the label numbered ("3. …"), required marked, the error shown by the field. */
export function QuestionField(props: { ctx: PageContext; form: FormState; question: QuestionRow; number: number; condition?: string }) {
  const { ctx, form, question: q } = props;
  const { t, locale } = ctx.i18n;
  const label = `${props.number}. ${questionText(ctx, q)}${q.required ? ` (${t('surveys.answer.required')})` : ''}`;
  const name = fieldName(q);
  const hint = props.condition;
  switch (q.kind) {
    case 'single':
      return <RadioGroup ctx={ctx} form={form} name={name} label={label} hint={hint} options={q.choices.map((c) => ({ value: c.value, label: inLocale(locale, c.pl, c.en) }))} />;
    case 'multiple':
      return <CheckboxGroup ctx={ctx} form={form} name={name} legend={label} options={q.choices.map((c) => ({ value: c.value, label: inLocale(locale, c.pl, c.en) }))} />;
    case 'scale':
      return <RadioGroup ctx={ctx} form={form} name={name} label={label} hint={[hint, scaleHint(ctx, q)].filter(Boolean).join(' ')} options={scaleValues(q).map((v) => ({ value: v, label: v }))} />;
    case 'number':
      return <NumberField ctx={ctx} form={form} name={name} label={label} hint={[hint, q.number_min !== null || q.number_max !== null ? t('surveys.answer.number_hint', { min: q.number_min ?? '—', max: q.number_max ?? '—' }) : ''].filter(Boolean).join(' ') || undefined} decimal />;
    case 'short_text':
      return <InputField ctx={ctx} form={form} name={name} label={label} hint={hint} />;
    case 'long_text':
      return <TextArea ctx={ctx} form={form} name={name} label={label} hint={hint} rows={5} />;
    case 'grid': {
      const error = form.errors[name];
      return (
        <fieldset class={error ? 'field field-error' : 'field'} id={`f-${name}`}>
          <legend>{label}</legend>
          <p class="hint">{[hint, scaleHint(ctx, q)].filter(Boolean).join(' ')}</p>
          {error ? <p class="error-message">{t(`error.${error.code}` as MessageKey, error.params)}</p> : null}
          {q.grid_rows.map((r) => (
            <RadioGroup ctx={ctx} form={form} name={fieldName(q, r.value)} label={inLocale(locale, r.pl, r.en)} options={scaleValues(q).map((v) => ({ value: v, label: v }))} />
          ))}
        </fieldset>
      );
    }
  }
}

/** The condition of a question shown only after a choice, in words (all-on-one-page and paper forms). */
export function conditionText(ctx: PageContext, q: QuestionRow, all: readonly QuestionRow[]): string | undefined {
  if (!q.show_if_question) return undefined;
  const source = all.find((x) => x.key === q.show_if_question);
  if (!source) return undefined;
  const chosen = source.choices.find((c) => c.value === q.show_if_choice);
  return ctx.i18n.t('surveys.answer.condition', { question: questionText(ctx, source), choice: chosen ? inLocale(ctx.i18n.locale, chosen.pl, chosen.en) : (q.show_if_choice ?? '') });
}

/** An answer in words (the final check before sending). */
export function answerText(ctx: PageContext, q: QuestionRow, items: { row_key: string; choice: string; number_value: number | null; text_value: string | null }[]): string {
  if (items.length === 0) return ctx.i18n.t('surveys.answer.none');
  const { locale } = ctx.i18n;
  if (q.kind === 'single' || q.kind === 'multiple') return items.map((i) => q.choices.find((c) => c.value === i.choice)).map((c) => (c ? inLocale(locale, c.pl, c.en) : '')).join(', ');
  if (q.kind === 'grid') return items.map((i) => `${inLocale(locale, q.grid_rows.find((r) => r.value === i.row_key)?.pl ?? '', q.grid_rows.find((r) => r.value === i.row_key)?.en ?? '')}: ${i.choice}`).join('; ');
  if (q.kind === 'number') return String(items[0]!.number_value).replace('.', ',');
  if (q.kind === 'scale') return items[0]!.choice;
  return items[0]!.text_value ?? '';
}
