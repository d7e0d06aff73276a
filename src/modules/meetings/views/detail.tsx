import { PageLayout } from '../../../platform/ui/layout';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import { isOpenForAnswers, type MeetingRow } from '../domain';
import type { AttendanceRow, TaskRow } from '../repository-day';
import type { InvitationRow } from '../repository-invitations';
import type { MeetingNumbers } from '../repository-stats';
import { TurnoutChart } from './chart';
import { answerLabel, MeetingFacts, meetingsBase } from './common';
import { AttendanceSection, MinutesSection } from './day';
import { TasksSection } from './tasks';

export interface MeetingOverview {
  meeting: MeetingRow;
  invited: InvitationRow[];
  numbers: MeetingNumbers;
  present: AttendanceRow[];
  tasks: TaskRow[];
  owners: { staff: { id: string; name: string }[]; organisations: { id: string; name: string }[] };
}

/** Which form on the page a failed submit came from: its errors show there, the rest stay blank. */
export type MeetingFormName = 'cancel' | 'walk_in' | 'minutes' | 'task' | 'attendance';

function Answers(props: { ctx: PageContext; invited: InvitationRow[] }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  if (props.invited.length === 0) return <p>{t('meetings.answers.empty')}</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{t('meetings.answers.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meetings.answers.col.invitee')}</th>
            <th scope="col">{t('meetings.answers.col.answer')}</th>
            <th scope="col">{t('meetings.answers.col.people')}</th>
            <th scope="col">{t('meetings.answers.col.needs')}</th>
            <th scope="col">{t('meetings.answers.col.when')}</th>
          </tr>
        </thead>
        <tbody>
          {props.invited.map((i) => (
            <tr>
              <th scope="row">
                {i.invitee}
                <br />
                <span class="muted">{i.email}</span>
              </th>
              <td class={i.response === 'yes' ? 'answer-yes' : undefined}>
                {answerLabel(ctx, i.response)}
                {i.answers > 1 ? <span class="muted"> ({t('meetings.answers.changed', { count: i.answers - 1 })})</span> : null}
              </td>
              <td>{i.response && i.response !== 'no' ? i.people_count : '—'}</td>
              <td class="prewrap">{i.accessibility_needs || '—'}</td>
              <td>{i.responded_at ? ctx.i18n.dateTime(i.responded_at) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One meeting for the organiser: facts, numbers, answers, who came, minutes and follow-up tasks. */
export function MeetingPage(props: { ctx: PageContext; data: MeetingOverview; form: FormState; formName: MeetingFormName | null }) {
  const { ctx, data } = props;
  const { meeting: m } = data;
  const { t } = ctx.i18n;
  const base = `${meetingsBase(ctx)}/${m.id}`;
  const formOf = (name: MeetingFormName): FormState => (props.formName === name ? props.form : { values: {}, errors: {} });
  const open = isOpenForAnswers(m);
  return (
    <PageLayout ctx={ctx} title={m.title} back={{ href: meetingsBase(ctx), label: t('meetings.back') }}>
      <MeetingFacts ctx={ctx} meeting={m} />
      {m.status === 'planned' ? (
        <p>
          <a href={`${base}/edit`}>{t('meetings.edit.link')}</a>
          {open ? (
            <>
              {' · '}
              <a href={`${base}/invite`}>{t('meetings.invite.link')}</a>
            </>
          ) : null}
          {' · '}
          <a href={`${base}/answers.csv`}>{t('meetings.answers.export')}</a>
        </p>
      ) : null}
      <h2 id="numbers">{t('meetings.numbers.title')}</h2>
      <TurnoutChart ctx={ctx} meetings={[data.numbers]} titleId="numbers" />
      <p>
        {t('meetings.numbers.line', {
          invited: data.numbers.invited,
          answered: data.numbers.answered,
          yes: data.numbers.yes,
          maybe: data.numbers.maybe,
          no: data.numbers.no,
          people: data.numbers.yes_people,
        })}
      </p>
      <h2>{t('meetings.answers.title')}</h2>
      <Answers ctx={ctx} invited={data.invited} />
      <AttendanceSection ctx={ctx} data={data} form={formOf('walk_in')} attendanceForm={formOf('attendance')} />
      <MinutesSection ctx={ctx} meeting={m} form={formOf('minutes')} />
      <TasksSection ctx={ctx} meetingId={m.id} tasks={data.tasks} owners={data.owners} form={formOf('task')} />
      {m.status === 'planned' && open ? <CancelSection ctx={ctx} meeting={m} form={formOf('cancel')} /> : null}
    </PageLayout>
  );
}

function CancelSection(props: { ctx: PageContext; meeting: MeetingRow; form: FormState }) {
  const { ctx, meeting: m, form } = props;
  const { t } = ctx.i18n;
  return (
    <section aria-labelledby="cancel-title">
      <h2 id="cancel-title">{t('meetings.cancel.title')}</h2>
      <p>{t('meetings.cancel.intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={{ reason: t('meetings.cancel.reason') }} />
      {form.message ? (
        <p class="error-message" role="alert">
          {form.message}
        </p>
      ) : null}
      <Form ctx={ctx} action={`${meetingsBase(ctx)}/${m.id}/cancel`}>
        <input type="hidden" name="version" value={String(m.version)} />
        <TextArea ctx={ctx} form={form} name="reason" label={t('meetings.cancel.reason')} required rows={2} />
        <button type="submit" class="secondary">
          {t('meetings.cancel.submit')}
        </button>
      </Form>
    </section>
  );
}
