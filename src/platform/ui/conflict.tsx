import type { FormState, PageContext } from './context';

/**
 * Optimistic locking's page side: after a stale edit (409 `conflict.stale`) the form is shown on
 * the saved version, and this panel puts side by side, for each field that differs, what the person
 * typed (not saved, nothing lost) and what is saved now.
 */
export interface Conflict<F extends string = string> {
  typed: FormState['values'];
  saved: FormState['values'];
  differing: F[];
  version: number;
}

const asList = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
const plain = (v: string | string[] | undefined) => String(v ?? '').replace(/\r\n/g, '\n').trim();
const same = (a: string | string[] | undefined, b: string | string[] | undefined) =>
  Array.isArray(a) || Array.isArray(b) ? [...asList(a)].sort().join('\n') === [...asList(b)].sort().join('\n') : plain(a) === plain(b);

/** The fields where what someone typed differs from what is saved now. */
export function differing<F extends string>(fields: readonly F[], typed: FormState['values'], saved: FormState['values']): F[] {
  return fields.filter((f) => !same(typed[f], saved[f]));
}

export function conflictOf<F extends string>(fields: readonly F[], typed: FormState['values'], saved: FormState['values'], version: number): Conflict<F> {
  return { typed, saved, differing: differing(fields, typed, saved), version };
}

export function ConflictPanel<F extends string>(props: {
  ctx: PageContext;
  conflict: Conflict<F> | undefined;
  labels: Record<F, string>;
  /** How a field's value reads (a status in words, a list); by default its text. */
  show?: (f: F, v: string | string[] | undefined) => string;
}) {
  const { ctx, conflict } = props;
  const { t } = ctx.i18n;
  if (!conflict || conflict.differing.length === 0) return null;
  const shown = (f: F, v: string | string[] | undefined) => {
    const text = props.show ? props.show(f, v) : Array.isArray(v) ? v.join(', ') : (v ?? '').trim();
    return text === '' ? t('conflict.empty') : text;
  };
  return (
    <section class="notice" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('conflict.title')}</h2>
      <p>{t('conflict.intro')}</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('conflict.field')}</th>
              <th scope="col">{t('conflict.yours')}</th>
              <th scope="col">{t('conflict.saved', { version: conflict.version })}</th>
            </tr>
          </thead>
          <tbody>
            {conflict.differing.map((f) => (
              <tr>
                <th scope="row">{props.labels[f] ?? f}</th>
                <td class="prewrap">{shown(f, conflict.typed[f])}</td>
                <td class="prewrap">{shown(f, conflict.saved[f])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
