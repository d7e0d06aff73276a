import type { PageContext } from '../../../platform/ui/context';
import { placeOf, roomOrAddress, type MeetingRow, type Response } from '../domain';

export const meetingsBase = (ctx: PageContext) => `/${ctx.municipality!.slug}/meetings`;

/** "3 grudnia 2026 17:00–19:00". */
export const whenOf = (ctx: PageContext, m: Pick<MeetingRow, 'starts_at' | 'ends'>) => `${ctx.i18n.dateTime(m.starts_at)}–${m.ends}`;

export function answerLabel(ctx: PageContext, response: Response | null): string {
  return ctx.i18n.t(response ? `meetings.answer.${response}` : 'meetings.answer.none');
}


/** When, where, for whom, and why: what an invitee needs to decide. */
export function MeetingFacts(props: { ctx: PageContext; meeting: MeetingRow }) {
  const { ctx, meeting: m } = props;
  const { t } = ctx.i18n;
  const online = /^https?:\/\//i.test(m.online_url) ? m.online_url : null;
  return (
    <>
      {m.status === 'cancelled' ? (
        <p class="notice status-notice" role="status">
          {t('meetings.cancelled_notice', { reason: m.cancel_reason })}
        </p>
      ) : null}
      <dl class="facts">
        <dt>{t('meetings.field.when')}</dt>
        <dd>
          <time dateTime={m.starts_at.toISOString()}>{whenOf(ctx, m)}</time>
        </dd>
        <dt>{t('meetings.field.where')}</dt>
        <dd>
          {roomOrAddress(m)}
          {online ? (
            <>
              {m.room_label || m.address ? <br /> : null}
              <a href={online}>{t('meetings.online_link')}</a>
            </>
          ) : null}
          {!placeOf(m) ? '—' : null}
        </dd>
        {m.capacity ? (
          <>
            <dt>{t('meetings.field.capacity')}</dt>
            <dd>{t('meetings.capacity_value', { count: m.capacity })}</dd>
          </>
        ) : null}
        {m.audience ? (
          <>
            <dt>{t('meetings.field.audience')}</dt>
            <dd>{m.audience}</dd>
          </>
        ) : null}
        {m.purpose ? (
          <>
            <dt>{t('meetings.field.purpose')}</dt>
            <dd class="prewrap">{m.purpose}</dd>
          </>
        ) : null}
        {m.agenda ? (
          <>
            <dt>{t('meetings.field.agenda')}</dt>
            <dd class="prewrap">{m.agenda}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}
