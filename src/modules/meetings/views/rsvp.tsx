import { PageLayout } from '../../../platform/ui/layout';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { NumberField, RadioGroup, TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import { isOpenForAnswers, RESPONSES, type MeetingRow } from '../domain';
import type { InboxRow } from '../repository-inbox';
import type { InvitationRow } from '../repository-invitations';
import { answerLabel, MeetingFacts, meetingsBase } from './common';

const answerValues = (i: Pick<InvitationRow, 'response' | 'people_count' | 'accessibility_needs'>): FormState['values'] => ({
  response: i.response ?? '',
  people_count: i.response && i.response !== 'no' ? String(i.people_count) : '',
  accessibility_needs: i.accessibility_needs,
});

/** The answer form: yes / no / maybe, how many people, what they need to take part. */
function AnswerForm(props: { ctx: PageContext; action: string; form: FormState; submit: string }) {
  const { ctx, form } = props;
  const { t } = ctx.i18n;
  const labels = { response: t('meetings.rsvp.response'), people_count: t('meetings.rsvp.people'), accessibility_needs: t('meetings.rsvp.needs') };
  return (
    <>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={props.action}>
        <RadioGroup ctx={ctx} form={form} name="response" label={labels.response} options={RESPONSES.map((r) => ({ value: r, label: t(`meetings.rsvp.option.${r}`) }))} />
        <NumberField ctx={ctx} form={form} name="people_count" label={labels.people_count} hint={t('meetings.rsvp.people_hint')} />
        <TextArea ctx={ctx} form={form} name="accessibility_needs" label={labels.accessibility_needs} hint={t('meetings.rsvp.needs_hint')} rows={2} />
        <button type="submit">{props.submit}</button>
      </Form>
    </>
  );
}

/**
 * What the e-mailed link (or the inbox) opens: the meeting, the answer given so far, and the form to
 * give or change it. `here` is where the form posts; the calendar file is at `here`/meeting.ics.
 */
export function RsvpPage(props: { ctx: PageContext; meeting: MeetingRow; invitation: InvitationRow; here: string; form: FormState | null; back?: { href: string; label: string } }) {
  const { ctx, meeting, invitation, here } = props;
  const { t } = ctx.i18n;
  const open = isOpenForAnswers(meeting);
  return (
    <PageLayout ctx={ctx} title={meeting.title} back={props.back}>
      <p>{t('meetings.rsvp.for', { invitee: invitation.invitee })}</p>
      <MeetingFacts ctx={ctx} meeting={meeting} />
      <p>
        <a href={`${here}/meeting.ics`}>{t('meetings.rsvp.ics')}</a>
      </p>
      <h2>{t('meetings.rsvp.title')}</h2>
      <p role="status">
        {invitation.response
          ? t('meetings.rsvp.current', { answer: answerLabel(ctx, invitation.response), date: ctx.i18n.dateTime(invitation.responded_at!) })
          : t('meetings.rsvp.not_yet')}
      </p>
      {open ? (
        <AnswerForm ctx={ctx} action={here} form={props.form ?? { values: answerValues(invitation), errors: {} }} submit={invitation.response ? t('meetings.rsvp.change') : t('meetings.rsvp.send')} />
      ) : (
        <p>{meeting.status === 'cancelled' ? t('meetings.rsvp.cancelled') : t('meetings.rsvp.closed')}</p>
      )}
    </PageLayout>
  );
}

/** A person's invitations (their own and their organisations'), each with its answer page, and their calendar feed. */
export function InboxPage(props: { ctx: PageContext; invitations: InboxRow[]; hasFeed: boolean; feedUrl: string | null }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const base = meetingsBase(ctx);
  return (
    <PageLayout ctx={ctx} title={t('meetings.inbox.title')}>
      <p>{t('meetings.inbox.intro')}</p>
      {props.invitations.length === 0 ? <p>{t('meetings.inbox.empty')}</p> : null}
      {props.invitations.map((i) => (
        <article class="card" aria-labelledby={`inv-${i.id}`}>
          <h2 id={`inv-${i.id}`}>{i.title}</h2>
          <p>
            <time dateTime={i.starts_at.toISOString()}>{ctx.i18n.dateTime(i.starts_at)}</time> · {i.place}
            {i.status === 'cancelled' ? ` · ${t('meetings.status.cancelled')}` : null}
          </p>
          <p>
            {t('meetings.inbox.for', { invitee: i.invitee })} · {t('meetings.inbox.answer', { answer: answerLabel(ctx, i.response) })}
          </p>
          <p>
            <a href={`${base}/invitations/${i.id}`}>
              {isOpenForAnswers(i) ? (i.response ? t('meetings.inbox.change', { title: i.title }) : t('meetings.inbox.reply', { title: i.title })) : t('meetings.inbox.details', { title: i.title })}
            </a>
          </p>
        </article>
      ))}
      <h2>{t('meetings.feed.title')}</h2>
      <p>{t('meetings.feed.intro')}</p>
      {props.feedUrl ? (
        <p role="status">
          {t('meetings.feed.new')} <code>{props.feedUrl}</code>
        </p>
      ) : props.hasFeed ? (
        <p>{t('meetings.feed.exists')}</p>
      ) : null}
      <Form ctx={ctx} action={`${base}/feed`}>
        <button type="submit" class="secondary">
          {props.hasFeed ? t('meetings.feed.reset') : t('meetings.feed.create')}
        </button>
      </Form>
    </PageLayout>
  );
}
