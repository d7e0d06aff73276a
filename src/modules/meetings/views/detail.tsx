import { PageLayout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import type { FormState, PageContext } from '../../../platform/ui/context';
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
export type MeetingFormName = 'walk_in' | 'minutes' | 'task' | 'attendance';

function Answers(props: { ctx: PageContext; invited: InvitationRow[] }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  return (
    <Table
      id="answers-table"
      caption={t('meetings.answers.title')}
      captionHidden
      rows={props.invited}
      empty={t('meetings.answers.empty')}
      columns={[
        {
          header: t('meetings.answers.col.invitee'),
          rowHeader: true,
          cell: (i) => (
            <>
              {i.invitee}
              <br />
              <span class="muted">{i.email}</span>
            </>
          ),
        },
        {
          header: t('meetings.answers.col.answer'),
          cell: (i) => (
            <span class={i.response === 'yes' ? 'answer-yes' : undefined}>
              {answerLabel(ctx, i.response)}
              {i.answers > 1 ? <span class="muted"> ({t('meetings.answers.changed', { count: i.answers - 1 })})</span> : null}
            </span>
          ),
        },
        { header: t('meetings.answers.col.people'), numeric: true, cell: (i) => (i.response && i.response !== 'no' ? i.people_count : '—') },
        { header: t('meetings.answers.col.needs'), cell: (i) => <span class="prewrap">{i.accessibility_needs || '—'}</span> },
        { header: t('meetings.answers.col.when'), cell: (i) => (i.responded_at ? ctx.i18n.dateTime(i.responded_at) : '—') },
      ]}
    />
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
      {m.status === 'planned' && open ? <CancelSection ctx={ctx} meeting={m} /> : null}
    </PageLayout>
  );
}

function CancelSection(props: { ctx: PageContext; meeting: MeetingRow }) {
  const { ctx, meeting: m } = props;
  const { t } = ctx.i18n;
  return (
    <section aria-labelledby="cancel-title">
      <h2 id="cancel-title">{t('meetings.cancel.title')}</h2>
      <p>{t('meetings.cancel.intro')}</p>
      <p>
        <a href={`${meetingsBase(ctx)}/${m.id}/cancel`}>{t('meetings.confirm_cancel.link')}</a>
      </p>
    </section>
  );
}
