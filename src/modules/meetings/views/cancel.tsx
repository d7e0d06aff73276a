import { ConfirmPage } from '../../../platform/ui/confirm';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { TextArea } from '../../../platform/ui/fields';
import { roomOrAddress } from '../domain';
import { meetingsBase, whenOf } from './common';
import type { MeetingOverview } from './detail';

/** "Odwołać spotkanie?": who is told, the room freed, that it cannot be undone; the reason the invitees read is written here. */
export function CancelMeetingPage(props: { ctx: PageContext; data: MeetingOverview; form: FormState }) {
  const { ctx, data } = props;
  const { t } = ctx.i18n;
  const m = data.meeting;
  const page = `${meetingsBase(ctx)}/${m.id}`;
  const told = m.starts_at.getTime() > Date.now() ? data.invited.filter((i) => i.response !== 'no').length : 0;
  const labels = { reason: t('meetings.cancel.reason') };
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('meetings.confirm_cancel.title', { title: m.title })}
      back={{ href: page, label: t('meetings.confirm_cancel.keep') }}
      facts={[
        [t('meetings.field.title'), m.title],
        [t('meetings.field.when'), <time dateTime={m.starts_at.toISOString()}>{whenOf(ctx, m)}</time>],
        [t('meetings.field.where'), roomOrAddress(m) || '—'],
        [t('meetings.col.invited'), data.numbers.invited],
      ]}
      consequences={[
        told > 0 ? t('meetings.confirm_cancel.mail', { count: told }) : t('meetings.confirm_cancel.no_mail'),
        ...(m.booking_id && m.room_label ? [t('meetings.confirm_cancel.room', { room: m.room_label })] : []),
        t('meetings.confirm_cancel.answers'),
      ]}
      undo={t('meetings.confirm_cancel.undo')}
      action={`${page}/cancel`}
      submit={t('meetings.confirm_cancel.submit')}
      keep={{ href: page, label: t('meetings.confirm_cancel.keep') }}
      form={props.form}
      labels={labels}
    >
      <input type="hidden" name="version" value={String(m.version)} />
      <TextArea ctx={ctx} form={props.form} name="reason" label={labels.reason} required rows={3} />
    </ConfirmPage>
  );
}
