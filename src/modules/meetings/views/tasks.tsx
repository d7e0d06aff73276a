import type { FormState, PageContext } from '../../../platform/ui/context';
import { InputField, SelectField } from '../../../platform/ui/fields';
import { ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import { Table } from '../../../platform/ui/table';
import type { TaskRow } from '../repository-day';
import { meetingsBase } from './common';
import type { MeetingOverview } from './detail';

/** The follow-up tasks agreed at a meeting: owner, due day (overdue said in words), done or open again. */
function TaskStatus(props: { ctx: PageContext; meetingId: string; task: TaskRow }) {
  const { ctx, task } = props;
  const { t } = ctx.i18n;
  return (
    <>
      {task.done_at ? t('meetings.tasks.done_on', { date: ctx.i18n.date(task.done_at) }) : t('meetings.tasks.open')}{' '}
      <Form ctx={ctx} action={`${meetingsBase(ctx)}/${props.meetingId}/tasks/${task.id}/done`} class="inline-form">
        <input type="hidden" name="done" value={task.done_at ? '0' : '1'} />
        <button type="submit" class="link-button">
          {task.done_at ? t('meetings.tasks.reopen', { title: task.title }) : t('meetings.tasks.mark_done', { title: task.title })}
        </button>
      </Form>
    </>
  );
}

export function TasksSection(props: { ctx: PageContext; meetingId: string; tasks: TaskRow[]; owners: MeetingOverview['owners']; form: FormState }) {
  const { ctx, form } = props;
  const { t } = ctx.i18n;
  const labels = { title: t('meetings.tasks.field.title'), owner: t('meetings.tasks.field.owner'), owner_name: t('meetings.tasks.field.owner_name'), due_on: t('meetings.tasks.field.due_on') };
  const options = [
    ...props.owners.staff.map((s) => ({ value: `user:${s.id}`, label: t('meetings.tasks.owner_staff', { name: s.name }) })),
    ...props.owners.organisations.map((o) => ({ value: `org:${o.id}`, label: o.name })),
  ];
  return (
    <section aria-labelledby="tasks-title">
      <h2 id="tasks-title">{t('meetings.tasks.title')}</h2>
      <Table
        id="tasks-table"
        caption={t('meetings.tasks.title')}
        captionHidden
        rows={props.tasks}
        empty={t('meetings.tasks.empty')}
        columns={[
          { header: labels.title, rowHeader: true, cell: (task) => task.title },
          { header: labels.owner, cell: (task) => task.owner },
          {
            header: labels.due_on,
            cell: (task) => (
              <>
                {ctx.i18n.date(task.due_on)}
                {task.overdue ? <span class="overdue"> {t('meetings.tasks.overdue')}</span> : null}
              </>
            ),
          },
          { header: t('meetings.tasks.col.status'), cell: (task) => <TaskStatus ctx={ctx} meetingId={props.meetingId} task={task} /> },
        ]}
      />
      <h3>{t('meetings.tasks.add')}</h3>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={`${meetingsBase(ctx)}/${props.meetingId}/tasks`}>
        <TextField ctx={ctx} form={form} name="title" label={labels.title} required />
        <SelectField ctx={ctx} form={form} name="owner" label={labels.owner} placeholder={t('meetings.tasks.owner_other')} options={options} />
        <TextField ctx={ctx} form={form} name="owner_name" label={labels.owner_name} hint={t('meetings.tasks.field.owner_name_hint')} />
        <InputField ctx={ctx} form={form} name="due_on" type="date" label={labels.due_on} required size="medium" />
        <button type="submit" class="secondary">
          {t('meetings.tasks.submit')}
        </button>
      </Form>
    </section>
  );
}
