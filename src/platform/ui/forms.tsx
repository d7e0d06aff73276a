import type { ComponentChildren } from 'preact';
import { fieldMessageKey, type FieldErrors } from '../http/errors';
import { isCalendarDay } from '../http/form-fields';
import type { PageContext, FormState } from './context';

export const fieldId = (name: string) => `f-${name}`;

/**
 * A date field shows the browser's date picker only for a calendar day it can hold: a refused value
 * such as "2020-13-45" in `type=date` would be dropped by the browser, so it comes back as text, as typed.
 */
export function dateInputType(value: string): 'date' | 'text' {
  return value === '' || isCalendarDay(value) ? 'date' : 'text';
}

function errorText(ctx: PageContext, errors: FieldErrors, name: string): string | null {
  const e = errors[name];
  return e ? ctx.i18n.t(fieldMessageKey(e.code), e.params) : null;
}

/**
 * GOV.UK-style error summary: announced, each problem links to its field. A refused form's page
 * opens with the focus on it (`autofocus` on a tabindex=-1 element: no JavaScript needed), so a
 * keyboard or screen-reader user starts from what to fix rather than from the top of the page.
 */
export function ErrorSummary(props: { ctx: PageContext; form: FormState; labels: Record<string, string> }) {
  const { t } = props.ctx.i18n;
  const names = Object.keys(props.form.errors);
  if (names.length === 0 && !props.form.message) {
    return null;
  }
  if (names.length === 0) {
    return (
      <div class="error-summary" role="alert" tabIndex={-1} id="error-summary" autofocus>
        <p>{props.form.message}</p>
      </div>
    );
  }
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} id="error-summary" autofocus>
      <h2 id="error-summary-title">{t('form.errors_title', { count: names.length })}</h2>
      <p>{t('form.errors_hint')}</p>
      <ul>
        {names.map((name) => (
          <li>
            <a href={`#${fieldId(name in props.labels ? name : Object.keys(props.labels)[0] ?? name)}`}>
              {summaryLead(props.labels[name])}
              {errorText(props.ctx, props.form.errors, name)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A field's label as the start of its line in the error summary: "Telefon: …" for a name, but a label
 * that is a whole sentence or question (a consent's "Zgadzam się …", "Ile masz lat?") keeps its own
 * punctuation and is not followed by a colon (".:" and "?:" read as a mistake).
 */
export function summaryLead(label: string | undefined): string {
  if (!label) return '';
  return /[.?!…]$/.test(label.trim()) ? `${label.trim()} ` : `${label}: `;
}

export function Csrf(props: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />;
}

export function Form(props: { ctx: PageContext; action: string; children: ComponentChildren; method?: 'post' | 'get'; class?: string }) {
  const method = props.method ?? 'post';
  return (
    <form method={method} action={props.action} class={props.class} novalidate>
      {method === 'post' ? <Csrf ctx={props.ctx} /> : null}
      {props.children}
    </form>
  );
}

export function TextField(props: {
  ctx: PageContext;
  form: FormState;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'date' | 'search';
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  inputmode?: 'numeric' | 'text' | 'email';
  /** Passwords are never echoed back into the page. */
  keepValue?: boolean;
}) {
  const { ctx, form, name } = props;
  const id = fieldId(name);
  const error = errorText(ctx, form.errors, name);
  const value = props.keepValue === false || props.type === 'password' ? '' : String(form.values[name] ?? '');
  const describedBy = [props.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>
        {props.label}
        {props.required ? <span class="required"> {ctx.i18n.t('form.required')}</span> : null}
      </label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <p class="error-message" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={(props.type === 'date' ? dateInputType(value) : (props.type ?? 'text')) as 'text'}
        value={value}
        required={props.required}
        autocomplete={props.autocomplete}
        inputMode={props.inputmode}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

export function CheckboxGroup(props: {
  ctx: PageContext;
  form: FormState;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
}) {
  const { ctx, form, name } = props;
  const error = errorText(ctx, form.errors, name);
  const raw = form.values[name];
  const selected = new Set(Array.isArray(raw) ? raw : raw ? [raw] : []);
  return (
    <fieldset class={error ? 'field field-error' : 'field'} id={fieldId(name)} aria-describedby={error ? `${fieldId(name)}-error` : undefined}>
      <legend>{props.legend}</legend>
      {error ? (
        <p class="error-message" id={`${fieldId(name)}-error`}>
          {error}
        </p>
      ) : null}
      {props.options.map((o) => (
        <div class="checkbox">
          <input type="checkbox" id={`${fieldId(name)}-${o.value}`} name={name} value={o.value} checked={selected.has(o.value)} />
          <label for={`${fieldId(name)}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
