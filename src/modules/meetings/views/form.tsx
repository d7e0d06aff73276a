import { PageLayout } from '../../../platform/ui/layout';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { InputField, NumberField, RadioGroup, SelectField, TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import type { MeetingRow } from '../domain';
import { meetingsBase } from './common';

/** A new meeting, or an edit of one (a new time or place is mailed to the invitees). */
export function MeetingFormPage(props: { ctx: PageContext; form: FormState; rooms: { id: string; label: string; capacity: number }[]; meeting: MeetingRow | null }) {
  const { ctx, form, meeting } = props;
  const { t } = ctx.i18n;
  const base = meetingsBase(ctx);
  const labels: Record<string, string> = {
    title: t('meetings.field.title'),
    day: t('meetings.field.day'),
    starts: t('meetings.field.starts'),
    ends: t('meetings.field.ends'),
    place: t('meetings.field.place'),
    room_id: t('meetings.field.room'),
    address: t('meetings.field.address'),
    online_url: t('meetings.field.online_url'),
    capacity: t('meetings.field.capacity'),
    audience: t('meetings.field.audience'),
    purpose: t('meetings.field.purpose'),
    agenda: t('meetings.field.agenda'),
  };
  const title = meeting ? t('meetings.edit.title', { title: meeting.title }) : t('meetings.new');
  return (
    <PageLayout ctx={ctx} title={title} back={meeting ? { href: `${base}/${meeting.id}`, label: t('meetings.back_meeting') } : { href: base, label: t('meetings.back') }}>
      {meeting ? <p>{t('meetings.edit.intro')}</p> : <p>{t('meetings.new_intro')}</p>}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      {form.message ? (
        <p class="error-message" role="alert">
          {form.message}
        </p>
      ) : null}
      <Form ctx={ctx} action={meeting ? `${base}/${meeting.id}/edit` : base}>
        {meeting ? <input type="hidden" name="version" value={String(form.values.version ?? meeting.version)} /> : null}
        <TextField ctx={ctx} form={form} name="title" label={labels.title!} required />
        <InputField ctx={ctx} form={form} name="day" type="date" label={labels.day!} hint={t('meetings.field.day_hint')} required size="medium" />
        <InputField ctx={ctx} form={form} name="starts" label={labels.starts!} hint={t('meetings.field.time_hint')} required size="short" inputmode="numeric" />
        <InputField ctx={ctx} form={form} name="ends" label={labels.ends!} required size="short" inputmode="numeric" />
        <RadioGroup
          ctx={ctx}
          form={form}
          name="place"
          label={labels.place!}
          options={[
            { value: 'room', label: t('meetings.place.room') },
            { value: 'address', label: t('meetings.place.address') },
            { value: 'online', label: t('meetings.place.online') },
          ]}
        />
        {props.rooms.length > 0 ? (
          <SelectField
            ctx={ctx}
            form={form}
            name="room_id"
            label={labels.room_id!}
            hint={t('meetings.field.room_hint')}
            placeholder={t('meetings.field.room_none')}
            options={props.rooms.map((r) => ({ value: r.id, label: t('meetings.room_option', { label: r.label, count: r.capacity }) }))}
          />
        ) : (
          <p class="hint">{t('meetings.field.no_rooms')}</p>
        )}
        <TextField ctx={ctx} form={form} name="address" label={labels.address!} hint={t('meetings.field.address_hint')} />
        <InputField ctx={ctx} form={form} name="online_url" type="url" label={labels.online_url!} hint={t('meetings.field.online_url_hint')} />
        <NumberField ctx={ctx} form={form} name="capacity" label={labels.capacity!} hint={t('meetings.field.capacity_hint')} />
        <TextField ctx={ctx} form={form} name="audience" label={labels.audience!} hint={t('meetings.field.audience_hint')} />
        <TextArea ctx={ctx} form={form} name="purpose" label={labels.purpose!} rows={3} />
        <TextArea ctx={ctx} form={form} name="agenda" label={labels.agenda!} hint={t('meetings.field.agenda_hint')} rows={6} />
        <button type="submit">{meeting ? t('meetings.edit.submit') : t('meetings.create')}</button>
      </Form>
    </PageLayout>
  );
}
