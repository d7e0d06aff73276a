import type { FormState, PageContext } from '../../../platform/ui/context';
import { NumberField, TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import type { MeetingRow } from '../domain';
import { meetingsBase } from './common';
import type { MeetingOverview } from './detail';

function FormMessage(props: { form: FormState }) {
  return props.form.message ? (
    <p class="error-message" role="alert">
      {props.form.message}
    </p>
  ) : null;
}

/** Who came: tick the invitees present (with how many people), add walk-ins; from an hour before the start. */
export function AttendanceSection(props: { ctx: PageContext; data: MeetingOverview; form: FormState; attendanceForm: FormState }) {
  const { ctx, data, form } = props;
  const { t } = ctx.i18n;
  const m = data.meeting;
  const base = `${meetingsBase(ctx)}/${m.id}`;
  const present = new Map(data.present.filter((a) => a.invitation_id).map((a) => [a.invitation_id!, a]));
  const walkIns = data.present.filter((a) => a.walk_in);
  const takingAttendance = m.status === 'planned' && m.starts_at.getTime() - Date.now() <= 3_600_000;
  return (
    <section aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('meetings.attendance.title')}</h2>
      {!takingAttendance ? (
        <p>{m.status === 'cancelled' ? t('meetings.attendance.cancelled') : t('meetings.attendance.later')}</p>
      ) : (
        <>
          <FormMessage form={props.attendanceForm} />
          {data.invited.length > 0 ? (
            <Form ctx={ctx} action={`${base}/attendance`}>
              <fieldset>
                <legend>{t('meetings.attendance.invited_legend')}</legend>
                {data.invited.map((i) => {
                  const came = present.get(i.id);
                  return (
                    <div class="attendance-row">
                      <div class="checkbox">
                        <input type="checkbox" id={`present-${i.id}`} name="present" value={i.id} checked={Boolean(came)} />
                        <label for={`present-${i.id}`}>{i.invitee}</label>
                      </div>
                      <label for={`people-${i.id}`} class="visually-hidden">
                        {t('meetings.attendance.people_of', { name: i.invitee })}
                      </label>
                      <input
                        id={`people-${i.id}`}
                        name={`people_${i.id}`}
                        inputMode="numeric"
                        size={3}
                        value={String(came?.people_count ?? (i.response === 'yes' ? i.people_count : 1))}
                      />
                    </div>
                  );
                })}
              </fieldset>
              <button type="submit">{t('meetings.attendance.save')}</button>
            </Form>
          ) : null}
          <h3>{t('meetings.attendance.walk_ins')}</h3>
          {walkIns.length === 0 ? (
            <p>{t('meetings.attendance.walk_ins_empty')}</p>
          ) : (
            <ul>
              {walkIns.map((w) => (
                <li>
                  {t('meetings.attendance.walk_in_line', { name: w.name, count: w.people_count })}{' '}
                  <Form ctx={ctx} action={`${base}/attendance/${w.id}/remove`} class="inline-form">
                    <button type="submit" class="link-button">
                      {t('meetings.attendance.remove', { name: w.name })}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
          <ErrorSummary ctx={ctx} form={form} labels={{ name: t('meetings.walk_in.name'), people_count: t('meetings.walk_in.people') }} />
          <Form ctx={ctx} action={`${base}/walk-ins`}>
            <TextField ctx={ctx} form={form} name="name" label={t('meetings.walk_in.name')} hint={t('meetings.walk_in.name_hint')} required />
            <NumberField ctx={ctx} form={form} name="people_count" label={t('meetings.walk_in.people')} />
            <button type="submit" class="secondary">
              {t('meetings.walk_in.submit')}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}

export function MinutesSection(props: { ctx: PageContext; meeting: MeetingRow; form: FormState }) {
  const { ctx, meeting: m } = props;
  const { t } = ctx.i18n;
  const form = props.form.values.minutes === undefined ? { ...props.form, values: { minutes: m.minutes } } : props.form;
  return (
    <section aria-labelledby="minutes-title">
      <h2 id="minutes-title">{t('meetings.minutes.title')}</h2>
      <FormMessage form={props.form} />
      <Form ctx={ctx} action={`${meetingsBase(ctx)}/${m.id}/minutes`}>
        <input type="hidden" name="version" value={String(props.form.values.version ?? m.version)} />
        <TextArea ctx={ctx} form={form} name="minutes" label={t('meetings.minutes.label')} hint={t('meetings.minutes.hint')} rows={8} />
        <button type="submit" class="secondary">
          {t('meetings.minutes.save')}
        </button>
      </Form>
    </section>
  );
}
