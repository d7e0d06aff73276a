import type { ComponentChildren } from 'preact';
import { warsawDay } from '../../../platform/time';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { Table } from '../../../platform/ui/table';
import { TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import { daysOverdue, timeToAccept, type Action, type Status } from '../domain';
import { statusTextField } from '../form';
import type { DeliveryRow, EventRow } from '../repository-records';

export const statusLabel = (ctx: PageContext, s: Status | '') => (s ? ctx.i18n.t(`referrals.status.${s}`) : '—');

/** "2 dni" / "5 godz." from sending to acceptance, or "—". */
export function acceptedIn(ctx: PageContext, r: { sent_at: Date; accepted_at: Date | null }): string {
  const tta = timeToAccept(r.sent_at, r.accepted_at);
  if (!tta) return '—';
  return tta.unit === 'hours' && tta.count === 0 ? ctx.i18n.t('referrals.tta.under_hour') : ctx.i18n.t(`referrals.tta.${tta.unit}`, { count: tta.count });
}

/** A sent referral past its answer-by day says so in words (never colour alone). */
export function Overdue(props: { ctx: PageContext; r: { status: Status; respond_by: string } }) {
  const days = daysOverdue(props.r.status, props.r.respond_by, warsawDay());
  if (days === 0) return null;
  return <strong class="overdue"> {props.ctx.i18n.t('referrals.overdue_mark', { count: days, day: props.ctx.i18n.date(props.r.respond_by) })}</strong>;
}

export function History(props: { ctx: PageContext; history: EventRow[] }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  return (
    <ol class="application-history">
      {props.history.map((e) => (
        <li>
          <span>{ctx.i18n.dateTime(e.at)}</span> — {e.actor_name ?? t('referrals.history.nobody')}:{' '}
          {e.status_from ? t('referrals.history.change', { from: statusLabel(ctx, e.status_from), to: statusLabel(ctx, e.status_to) }) : t('referrals.history.sent')}
          {e.reason ? <span class="prewrap"> {t('referrals.history.reason', { reason: e.reason })}</span> : null}
        </li>
      ))}
    </ol>
  );
}

export function Deliveries(props: { ctx: PageContext; deliveries: DeliveryRow[] }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const amount = (d: DeliveryRow) =>
    [d.minutes !== null ? t('referrals.deliveries.minutes_value', { count: d.minutes }) : '', d.units !== null ? t('referrals.deliveries.units_value', { units: Number(d.units).toLocaleString(ctx.i18n.locale) }) : '']
      .filter(Boolean)
      .join(', ');
  return (
    <Table
      id="deliveries"
      caption={t('referrals.deliveries.title')}
      captionHidden
      rows={props.deliveries}
      empty={t('referrals.deliveries.empty')}
      columns={[
        { header: t('referrals.deliveries.day'), rowHeader: true, cell: (d) => ctx.i18n.date(d.delivered_on) },
        { header: t('referrals.deliveries.amount'), cell: amount },
        { header: t('referrals.deliveries.note'), cell: (d) => <span class="prewrap">{d.note || '—'}</span> },
        { header: t('referrals.deliveries.recorded_by'), cell: (d) => d.recorded_by_name ?? '—' },
      ]}
    />
  );
}

/**
 * A stale change: nothing was saved; the page shows the saved referral, and this box what the
 * person tried — both versions side by side, in words.
 */
export function Conflict(props: { ctx: PageContext; action: Action | 'delivery'; form: FormState; saved: { status: Status; version: number; updated_at: Date } }) {
  const { ctx, form } = props;
  const { t } = ctx.i18n;
  const yours = props.action === 'delivery' ? '' : String(form.values[statusTextField(props.action)] ?? '');
  return (
    <div class="notice status-notice" role="alert">
      <h2>{t('referrals.conflict.title')}</h2>
      <p>{t('errors.conflict.stale')}</p>
      <dl class="facts">
        <dt>{t('referrals.conflict.yours')}</dt>
        <dd class="prewrap">{`${t(`referrals.action.${props.action}`)} (${t('referrals.conflict.version', { version: String(form.values.version ?? '?') })})${yours ? `: ${yours}` : ''}`}</dd>
        <dt>{t('referrals.conflict.saved')}</dt>
        <dd>{t('referrals.conflict.saved_state', { status: statusLabel(ctx, props.saved.status), version: props.saved.version, when: ctx.i18n.dateTime(props.saved.updated_at) })}</dd>
      </dl>
    </div>
  );
}

/** A refusal meant for a form the page no longer shows (the status moved on): said at the top instead. */
export function Refusal(props: { form: FormState; shown: boolean }) {
  if (props.shown || !props.form.message) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} id="error-summary" autofocus>
      <p>{props.form.message}</p>
    </div>
  );
}

/** One change of status as a plain form: the version shown, and the reason or outcome when it needs one. */
export function StatusForm(props: { ctx: PageContext; action: Action; base: string; version: number; form: FormState; children?: ComponentChildren }) {
  const { ctx, action } = props;
  const { t } = ctx.i18n;
  const field = statusTextField(action);
  const hint = action === 'reject' || action === 'complete' || action === 'cancel' ? t(`referrals.hint.${action}`) : null;
  const labels: Record<string, string> = { [field]: t(action === 'complete' ? 'referrals.field.outcome' : 'referrals.field.reason') };
  return (
    <section aria-labelledby={`${action}-title`}>
      <h3 id={`${action}-title`}>{t(`referrals.action.${action}`)}</h3>
      <ErrorSummary ctx={ctx} form={props.form} labels={labels} />
      <Form ctx={ctx} action={`${props.base}/${action}`}>
        <input type="hidden" name="version" value={String(props.version)} />
        {props.children}
        {hint ? <TextArea ctx={ctx} form={props.form} name={field} label={labels[field]!} hint={hint} required rows={3} /> : null}
        <button type="submit" class={action === 'accept' || action === 'start' ? undefined : 'secondary'}>
          {t(`referrals.action.${action}_submit`)}
        </button>
      </Form>
    </section>
  );
}
