import type { ComponentChildren } from 'preact';
import { CONFIRM_FIELD } from '../http/confirm';
import type { FormState, PageContext } from './context';
import { ErrorSummary, Form } from './forms';
import { PageLayout } from './layout';

export interface ConfirmPageProps {
  ctx: PageContext;
  /** A question naming the action: "Wycofać wniosek?" */
  title: string;
  back: { href: string; label: string };
  /** What the action applies to, as label–value pairs (service, person, date…). */
  facts?: readonly (readonly [string, ComponentChildren])[];
  /** What will happen, one sentence each, in the person's terms ("you lose your place (now 3rd)"). */
  consequences: readonly ComponentChildren[];
  /** Whether and how it can be undone — every action says it, "it cannot" included. */
  undo: ComponentChildren;
  /** Where the confirmed form goes (POST, with CSRF and the confirmation field). */
  action: string;
  submit: string;
  /** The way out that changes nothing. */
  keep: { href: string; label: string };
  form: FormState;
  /** Labels of the fields in `children`, for the error summary. */
  labels?: Record<string, string>;
  /** More fields of the action (a reason, the version seen). */
  children?: ComponentChildren;
}

/**
 * The one confirmation page of an irreversible action: what it applies to, what will happen, whether
 * it can be undone, then a form that does it and a link that does nothing. Works without JavaScript:
 * GET shows this page, the POST carries `CONFIRM_FIELD`; a POST without it (a form of another page,
 * a script) is refused by `requireConfirmation` and comes back here with the error summary.
 */
export function ConfirmPage(props: ConfirmPageProps) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  return (
    <PageLayout ctx={ctx} title={props.title} back={props.back}>
      <ErrorSummary ctx={ctx} form={props.form} labels={props.labels ?? {}} />
      {props.facts?.length ? (
        <dl class="facts">
          {props.facts.map(([label, value]) => (
            <>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </>
          ))}
        </dl>
      ) : null}
      <h2>{t('confirm.what_happens')}</h2>
      <ul class="consequences">
        {props.consequences.map((c) => (
          <li>{c}</li>
        ))}
      </ul>
      <h2>{t('confirm.undo')}</h2>
      <p>{props.undo}</p>
      <Form ctx={ctx} action={props.action}>
        <input type="hidden" name={CONFIRM_FIELD} value="yes" />
        {props.children}
        <div class="admin-actions">
          <button type="submit" class="danger">
            {props.submit}
          </button>
          <a href={props.keep.href}>{props.keep.label}</a>
        </div>
      </Form>
    </PageLayout>
  );
}
