import { PageLayout } from '../../../platform/ui/layout';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { Checkbox, NumberField, TextArea } from '../../../platform/ui/fields';
import { CheckboxGroup, ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import { ACCESSIBILITY, EQUIPMENT, type RoomRow } from '../domain';
import type { VenueWithRooms } from '../service';
import { ConflictPanel, type Conflict } from '../../../platform/ui/conflict';
import { accessibilityLabel, equipmentLabel, venuesBase } from './common';

export function roomLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx.i18n;
  return {
    name: t('venues.room.field.name'),
    capacity: t('venues.room.capacity'),
    equipment: t('venues.room.equipment'),
    accessibility: t('venues.room.accessibility'),
    description: t('venues.room.field.description'),
    bookable: t('venues.room.field.bookable'),
  };
}

/** A room's form: name, how many people, equipment, accessibility, and whether it takes bookings. */
export function RoomFormPage(props: { ctx: PageContext; form: FormState; venue: VenueWithRooms; room?: RoomRow; conflict?: Conflict }) {
  const { ctx, form, venue: v, room: r } = props;
  const { t } = ctx.i18n;
  const base = venuesBase(ctx);
  const labels = roomLabels(ctx);
  const field = { ctx, form };
  const title = r ? t('venues.room.edit_title', { name: r.name, venue: v.name }) : t('venues.room.new_title', { venue: v.name });
  return (
    <PageLayout ctx={ctx} title={title} back={{ href: `${base}/${v.id}/edit`, label: t('venues.room.back', { venue: v.name }) }}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <ConflictPanel ctx={ctx} labels={labels} conflict={props.conflict} />
      <Form ctx={ctx} action={r ? `${base}/rooms/${r.id}/edit` : `${base}/${v.id}/rooms/new`} class="admin-form">
        {r ? <input type="hidden" name="version" value={String(form.values.version ?? '')} /> : null}
        <TextField {...field} name="name" label={labels.name!} hint={t('venues.room.hint.name')} required />
        <NumberField {...field} name="capacity" label={labels.capacity!} hint={t('venues.room.hint.capacity')} required />
        <CheckboxGroup {...field} name="equipment" legend={labels.equipment!} options={EQUIPMENT.map((e) => ({ value: e, label: equipmentLabel(ctx, e) }))} />
        <CheckboxGroup {...field} name="accessibility" legend={labels.accessibility!} options={ACCESSIBILITY.map((a) => ({ value: a, label: accessibilityLabel(ctx, a) }))} />
        <TextArea {...field} name="description" label={labels.description!} rows={3} />
        <Checkbox {...field} name="bookable" label={labels.bookable!} hint={t('venues.room.hint.bookable')} />
        <p class="admin-actions">
          <button type="submit">{r ? t('form.save') : t('venues.room.create')}</button> <a href={`${base}/${v.id}/edit`}>{t('form.cancel')}</a>
        </p>
      </Form>
      {r ? (
        <section aria-labelledby="delete-title">
          <h2 id="delete-title">{t('venues.room.delete_title')}</h2>
          <p>{t('venues.room.delete_hint')}</p>
          <p>
            <a href={`${base}/rooms/${r.id}/delete`}>
              {t('venues.room.delete', { name: r.name })}
            </a>
          </p>
        </section>
      ) : null}
    </PageLayout>
  );
}
