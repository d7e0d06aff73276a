import { PageLayout } from '../../../platform/ui/layout';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { InputField, NumberField, RadioGroup, SelectField } from '../../../platform/ui/fields';
import { ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import { roomLabel } from '../domain';
import type { BookingForm } from '../service-bookings';
import { Hours, RoomFacts, venuesBase } from './common';

export function bookingLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx.i18n;
  return {
    organisation_id: t('venues.book.field.organisation'),
    title: t('venues.book.field.title'),
    people: t('venues.book.field.people'),
    day: t('venues.book.field.day'),
    starts: t('venues.book.field.starts'),
    ends: t('venues.book.field.ends'),
    repeat: t('venues.book.field.repeat'),
    weeks: t('venues.book.field.weeks'),
    until: t('venues.book.field.until'),
  };
}

/** Asking for a room: for whom, what for, how many people, the day and times, and whether it repeats weekly. */
export function BookPage(props: { ctx: PageContext; data: BookingForm; form: FormState }) {
  const { ctx, form, data } = props;
  const { t } = ctx.i18n;
  const base = venuesBase(ctx);
  const room = data.room;
  const labels = bookingLabels(ctx);
  const field = { ctx, form };
  return (
    <PageLayout ctx={ctx} title={t('venues.book.title', { room: roomLabel(room) })} back={{ href: `${base}/rooms/${room.id}`, label: t('venues.book.back') }}>
      <p>{t('venues.book.intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <details>
        <summary>{t('venues.book.about_room')}</summary>
        <RoomFacts ctx={ctx} room={room} />
        <h2>{t('venues.hours')}</h2>
        <Hours ctx={ctx} hours={data.hours} />
      </details>
      <Form ctx={ctx} action={`${base}/rooms/${room.id}/book`} class="admin-form">
        {data.organisations.length > 0 || form.errors.organisation_id ? (
          <SelectField
            {...field}
            name="organisation_id"
            label={labels.organisation_id!}
            hint={t('venues.book.hint.organisation')}
            placeholder={t('venues.book.as_myself')}
            options={data.organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
        ) : (
          <p class="hint">{t('venues.book.hint.as_myself')}</p>
        )}
        <TextField {...field} name="title" label={labels.title!} hint={t('venues.book.hint.title')} required />
        <NumberField {...field} name="people" label={labels.people!} hint={t('venues.book.hint.people', { count: room.capacity })} required />
        <InputField {...field} name="day" type="date" label={labels.day!} hint={t('venues.book.hint.day')} required size="medium" />
        <div class="admin-row">
          <InputField {...field} name="starts" label={labels.starts!} hint={t('venues.book.hint.time')} required size="short" />
          <InputField {...field} name="ends" label={labels.ends!} hint={t('venues.book.hint.time')} required size="short" />
        </div>
        <RadioGroup
          {...field}
          name="repeat"
          label={labels.repeat!}
          hint={t('venues.book.hint.repeat')}
          options={[
            { value: 'none', label: t('venues.book.repeat.none') },
            { value: 'weeks', label: t('venues.book.repeat.weeks') },
            { value: 'until', label: t('venues.book.repeat.until') },
          ]}
        />
        <div class="admin-row">
          <NumberField {...field} name="weeks" label={labels.weeks!} hint={t('venues.book.hint.weeks')} />
          <InputField {...field} name="until" type="date" label={labels.until!} hint={t('venues.book.hint.day')} size="medium" />
        </div>
        <p class="admin-actions">
          <button type="submit">{t('venues.book.submit')}</button> <a href={`${base}/rooms/${room.id}`}>{t('form.cancel')}</a>
        </p>
      </Form>
    </PageLayout>
  );
}
