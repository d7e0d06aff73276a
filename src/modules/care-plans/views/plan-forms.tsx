import type { ComponentChildren } from 'preact';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { InputField, SelectField, TextArea } from '../../../platform/ui/fields';
import { Form } from '../../../platform/ui/forms';
import type { PlanRow, ReviewRow } from '../domain';
import { fieldLabel } from './common';

/** The plan page's forms: each a plain form, field names unique on the page so one error summary serves them all. */

function Action(props: { ctx: PageContext; id: string; title: string; intro?: string; action: string; version?: number; children?: ComponentChildren; submit: string; secondary?: boolean }) {
  return (
    <section aria-labelledby={`${props.id}-title`}>
      <h3 id={`${props.id}-title`}>{props.title}</h3>
      {props.intro ? <p>{props.intro}</p> : null}
      <Form ctx={props.ctx} action={props.action}>
        {props.version !== undefined ? <input type="hidden" name="version" value={String(props.version)} /> : null}
        {props.children}
        <button type="submit" class={props.secondary ? 'secondary' : undefined}>
          {props.submit}
        </button>
      </Form>
    </section>
  );
}

/** Validity and situation: a new plan's first form, and the draft's header form. */
export function HeaderFields(props: { ctx: PageContext; form: FormState }) {
  const { ctx, form } = props;
  const { t } = ctx.i18n;
  return (
    <>
      <InputField ctx={ctx} form={form} name="valid_from" type="date" label={fieldLabel(ctx, 'valid_from')} hint={t('care_plan.hint.date')} required size="medium" />
      <InputField ctx={ctx} form={form} name="valid_until" type="date" label={fieldLabel(ctx, 'valid_until')} hint={t('care_plan.hint.valid_until')} required size="medium" />
      <TextArea ctx={ctx} form={form} name="situation" label={fieldLabel(ctx, 'situation')} hint={t('care_plan.hint.situation')} rows={6} />
    </>
  );
}

export function CreateForm(props: { ctx: PageContext; form: FormState; base: string }) {
  const { t } = props.ctx.i18n;
  return (
    <Action ctx={props.ctx} id="create" title={t('care_plan.create.title')} intro={t('care_plan.create.intro')} action={props.base} submit={t('care_plan.create.submit')}>
      <HeaderFields ctx={props.ctx} form={props.form} />
    </Action>
  );
}

/** A draft: edit the header, or submit it for approval (by someone else than its author). */
export function DraftActions(props: { ctx: PageContext; plan: PlanRow; base: string }) {
  const { t } = props.ctx.i18n;
  return (
    <>
      <p>
        <a href={`${props.base}/edit`}>{t('care_plan.header.edit')}</a>
      </p>
      <Action ctx={props.ctx} id="submit" title={t('care_plan.submit.title')} intro={t('care_plan.submit.intro')} action={`${props.base}/submit`} version={props.plan.version} submit={t('care_plan.submit.submit')} />
    </>
  );
}

/**
 * A submitted plan before an approver who is not its author: approve, or return with what to change.
 * An approver who changed its content (`edited`) is told why they may not approve it, and may only return it.
 */
export function ApprovalActions(props: { ctx: PageContext; plan: PlanRow; base: string; form: FormState; edited: boolean; who: ComponentChildren }) {
  const { ctx, plan, base } = props;
  const { t } = ctx.i18n;
  return (
    <>
      {props.edited ? (
        <p class="notice">{t('care_plan.approve.edited')}</p>
      ) : (
        <Action ctx={ctx} id="approve" title={t('care_plan.approve.title')} intro={t('care_plan.approve.intro', { author: plan.author_name })} action={`${base}/approve`} version={plan.version} submit={t('care_plan.approve.submit')} />
      )}
      {props.who}
      <Action ctx={ctx} id="return" title={t('care_plan.return.title')} action={`${base}/return`} version={plan.version} submit={t('care_plan.return.submit')} secondary>
        <TextArea ctx={ctx} form={props.form} name="return_note" label={fieldLabel(ctx, 'return_note')} hint={t('care_plan.hint.return_note')} required rows={3} />
      </Action>
    </>
  );
}

/** An approved plan in the coordinator's hands: monitoring notes, reviews done, a revision, closing. */
export function MonitoringActions(props: { ctx: PageContext; plan: PlanRow; reviews: ReviewRow[]; base: string; form: FormState; today: string; draftBeside: boolean }) {
  const { ctx, plan, base, form } = props;
  const { t, date } = ctx.i18n;
  const pending = props.reviews.filter((r) => !r.done_at);
  const noteForm: FormState = { ...form, values: { noted_on: props.today, ...form.values } };
  return (
    <>
      <Action ctx={ctx} id="note" title={t('care_plan.note.title')} intro={t('care_plan.note.intro')} action={`${base}/notes`} submit={t('care_plan.note.submit')}>
        <InputField ctx={ctx} form={noteForm} name="noted_on" type="date" label={fieldLabel(ctx, 'noted_on')} hint={t('care_plan.hint.date')} required size="medium" />
        <TextArea ctx={ctx} form={form} name="note_body" label={fieldLabel(ctx, 'note_body')} required rows={4} />
      </Action>
      {pending.length ? (
        <Action ctx={ctx} id="review" title={t('care_plan.review.title')} action={`${base}/reviews/done`} submit={t('care_plan.review.submit')}>
          <SelectField ctx={ctx} form={form} name="review_id" label={fieldLabel(ctx, 'review_id')} required options={pending.map((r) => ({ value: r.id, label: date(r.review_on) }))} />
          <TextArea ctx={ctx} form={form} name="review_note" label={fieldLabel(ctx, 'review_note')} hint={t('care_plan.hint.review_note')} required rows={4} />
        </Action>
      ) : null}
      {props.draftBeside ? null : (
        <Action ctx={ctx} id="revise" title={t('care_plan.revise.title')} intro={t('care_plan.revise.intro')} action={`${base}/revise`} version={plan.version} submit={t('care_plan.revise.submit')} secondary />
      )}
      <section aria-labelledby="close-title">
        <h3 id="close-title">{t('care_plan.close.title')}</h3>
        <p>{t('care_plan.close.intro')}</p>
        <p>
          <a href={`${base}/close`}>{t('care_plan.close.link')}</a>
        </p>
      </section>
    </>
  );
}
