import type { ComponentChildren } from 'preact';
import { fieldMessageKey } from '../http/errors';
import type { FormState, PageContext } from './context';
import { dateInputType, fieldId } from './forms';

/**
 * More form fields in the style of forms.tsx: a label for each, the hint and the error tied to
 * the control with aria-describedby, what was typed kept, and `f-<name>` ids the error summary
 * links to.
 */

function errorOf(ctx: PageContext, form: FormState, name: string): string | null {
  const e = form.errors[name];
  return e ? ctx.i18n.t(fieldMessageKey(e.code), e.params) : null;
}

const valueOf = (form: FormState, name: string): string => {
  const v = form.values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};

function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function Label(props: { ctx: PageContext; id: string; label: string; required?: boolean }) {
  return (
    <label for={props.id}>
      {props.label}
      {props.required ? <span class="required"> {props.ctx.i18n.t('form.required')}</span> : null}
    </label>
  );
}

function HintAndError(props: { id: string; hint?: string; error: string | null }) {
  return (
    <>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="error-message" id={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
    </>
  );
}

interface FieldProps {
  ctx: PageContext;
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

/** A multi-line text; whatever is typed (HTML included) is sent back as text, escaped on output. */
export function TextArea(props: FieldProps & { rows?: number }) {
  const { ctx, form, name } = props;
  const id = fieldId(name);
  const error = errorOf(ctx, form, name);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <Label ctx={ctx} id={id} label={props.label} required={props.required} />
      <HintAndError id={id} hint={props.hint} error={error} />
      <textarea
        id={id}
        name={name}
        rows={props.rows ?? 4}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, Boolean(props.hint), Boolean(error))}
        value={valueOf(form, name)}
      />
    </div>
  );
}

/**
 * A short text input: `tel`, `url`, or text typed as a number or a time (kept as text so "15,50",
 * "8:00" or a mistake come back exactly as typed), narrow when `size` is 'short'.
 */
export function InputField(
  props: FieldProps & {
    type?: 'text' | 'tel' | 'url' | 'email' | 'date';
    inputmode?: 'numeric' | 'decimal' | 'text' | 'tel' | 'url' | 'email';
    autocomplete?: string;
    size?: 'short' | 'medium';
  },
) {
  const { ctx, form, name } = props;
  const id = fieldId(name);
  const error = errorOf(ctx, form, name);
  const classes = ['field', error ? 'field-error' : '', props.size ? `field-${props.size}` : ''].filter(Boolean).join(' ');
  const value = valueOf(form, name);
  const type = props.type === 'date' ? dateInputType(value) : (props.type ?? 'text');
  return (
    <div class={classes}>
      <Label ctx={ctx} id={id} label={props.label} required={props.required} />
      <HintAndError id={id} hint={props.hint} error={error} />
      <input
        id={id}
        name={name}
        type={type as 'text'}
        value={value}
        required={props.required}
        inputMode={props.inputmode}
        autocomplete={props.autocomplete}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, Boolean(props.hint), Boolean(error))}
      />
    </div>
  );
}

/** A number typed as text (a decimal comma is fine): numeric keyboard on phones, nothing rounded by the browser. */
export function NumberField(props: FieldProps & { decimal?: boolean; size?: 'short' | 'medium' }) {
  return <InputField {...props} inputmode={props.decimal ? 'decimal' : 'numeric'} size={props.size ?? 'short'} />;
}

export interface Option {
  value: string;
  label: string;
}

/**
 * A choice from a list. A required one always starts with an empty option ("— wybierz —" unless a
 * `placeholder` says otherwise): HTML wants it, and nobody submits the first entry by not looking.
 */
export function SelectField(props: FieldProps & { options: Option[]; placeholder?: string }) {
  const { ctx, form, name } = props;
  const id = fieldId(name);
  const error = errorOf(ctx, form, name);
  const selected = valueOf(form, name);
  const placeholder = props.placeholder ?? (props.required ? ctx.i18n.t('form.choose') : undefined);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <Label ctx={ctx} id={id} label={props.label} required={props.required} />
      <HintAndError id={id} hint={props.hint} error={error} />
      <select
        id={id}
        name={name}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, Boolean(props.hint), Boolean(error))}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === selected}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A file to upload (the form must be multipart); `accept` narrows the browser's picker, the server checks the content. */
export function FileField(props: FieldProps & { accept: string }) {
  const { ctx, form, name } = props;
  const id = fieldId(name);
  const error = errorOf(ctx, form, name);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <Label ctx={ctx} id={id} label={props.label} required={props.required} />
      <HintAndError id={id} hint={props.hint} error={error} />
      <input
        id={id}
        name={name}
        type="file"
        accept={props.accept}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, Boolean(props.hint), Boolean(error))}
      />
    </div>
  );
}

/** One choice of several, as radio buttons in a fieldset; the fieldset carries the `f-<name>` id. */
export function RadioGroup(props: Omit<FieldProps, 'required'> & { options: Option[]; children?: ComponentChildren }) {
  const { ctx, form, name } = props;
  const id = fieldId(name);
  const error = errorOf(ctx, form, name);
  const selected = valueOf(form, name);
  return (
    <fieldset class={error ? 'field field-error' : 'field'} id={id} aria-describedby={describedBy(id, Boolean(props.hint), Boolean(error))}>
      <legend>{props.label}</legend>
      <HintAndError id={id} hint={props.hint} error={error} />
      {props.options.map((o) => (
        <div class="radio">
          <input type="radio" id={`${id}-${o.value}`} name={name} value={o.value} checked={o.value === selected} />
          <label for={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
      {props.children}
    </fieldset>
  );
}

/** A single yes/no checkbox (value "1" when ticked), with an error shown above it. */
export function Checkbox(props: Omit<FieldProps, 'required'>) {
  const { ctx, form, name } = props;
  const id = fieldId(name);
  const error = errorOf(ctx, form, name);
  const v = valueOf(form, name);
  return (
    <div class={error ? 'field field-error' : 'field field-tight'}>
      <HintAndError id={id} hint={props.hint} error={error} />
      <div class="checkbox">
        <input
          type="checkbox"
          id={id}
          name={name}
          value="1"
          checked={v === '1' || v === 'on' || v === 'true'}
          aria-describedby={describedBy(id, Boolean(props.hint), Boolean(error))}
        />
        <label for={id}>{props.label}</label>
      </div>
    </div>
  );
}
