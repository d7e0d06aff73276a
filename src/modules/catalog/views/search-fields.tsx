import { fieldMessageKey } from '../../../platform/http/errors';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { fieldId } from '../../../platform/ui/forms';

/** Form controls of the search page: a labelled select and a checkbox, each showing its field error. */
export function SelectField(props: { ctx: PageContext; form: FormState; name: string; label: string; options: { value: string; label: string }[]; empty: string }) {
  const { ctx, form, name } = props;
  const id = fieldId(name);
  const error = form.errors[name];
  const selected = String(form.values[name] ?? '');
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{props.label}</label>
      {error ? (
        <p class="error-message" id={`${id}-error`}>
          {ctx.i18n.t(fieldMessageKey(error.code), error.params)}
        </p>
      ) : null}
      <select id={id} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <option value="">{props.empty}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === selected}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Flag(props: { ctx: PageContext; form: FormState; name: string; label: string }) {
  const id = fieldId(props.name);
  const value = props.form.values[props.name];
  const error = props.form.errors[props.name];
  return (
    <>
      {error ? (
        <p class="error-message" id={`${id}-error`}>
          {props.ctx.i18n.t(fieldMessageKey(error.code), error.params)}
        </p>
      ) : null}
      <div class="checkbox">
        <input
          type="checkbox"
          id={id}
          name={props.name}
          value="1"
          checked={typeof value === 'string' && value !== '' && !error}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <label for={id}>{props.label}</label>
      </div>
    </>
  );
}
