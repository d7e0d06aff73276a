import { PageLayout } from '../../../platform/ui/layout';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { InputField, TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import { WEEKDAYS } from '../domain';
import type { VenueWithRooms } from '../service';
import { ConflictPanel, type Conflict } from '../../../platform/ui/conflict';
import { venuesBase, weekdayLabel } from './common';

export function venueLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx.i18n;
  const labels: Record<string, string> = {};
  for (const f of ['name', 'street', 'postal_code', 'city', 'description', 'email', 'phone'] as const) labels[f] = t(`venues.form.field.${f}`);
  for (const d of WEEKDAYS) {
    labels[`opens_${d}`] = t('venues.form.opens', { day: weekdayLabel(ctx, d) });
    labels[`closes_${d}`] = t('venues.form.closes', { day: weekdayLabel(ctx, d) });
  }
  return labels;
}

/** A venue's form: name, address, contact, and its hours on each day of the week (both times empty: closed). */
export function VenueFormPage(props: { ctx: PageContext; form: FormState; venue?: VenueWithRooms; conflict?: Conflict }) {
  const { ctx, form, venue: v } = props;
  const { t } = ctx.i18n;
  const base = venuesBase(ctx);
  const labels = venueLabels(ctx);
  const field = { ctx, form };
  const title = v ? t('venues.form.edit_title', { name: v.name }) : t('venues.form.new_title');
  return (
    <PageLayout ctx={ctx} title={title} back={{ href: `${base}/manage`, label: t('venues.manage.back') }}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <ConflictPanel ctx={ctx} labels={labels} conflict={props.conflict} />
      <Form ctx={ctx} action={v ? `${base}/${v.id}/edit` : `${base}/new`} class="admin-form">
        {v ? <input type="hidden" name="version" value={String(form.values.version ?? '')} /> : null}
        <TextField {...field} name="name" label={labels.name!} required />
        <InputField {...field} name="street" label={labels.street!} autocomplete="street-address" />
        <div class="admin-row">
          <InputField {...field} name="postal_code" label={labels.postal_code!} autocomplete="postal-code" size="short" />
          <InputField {...field} name="city" label={labels.city!} autocomplete="address-level2" size="medium" />
        </div>
        <TextArea {...field} name="description" label={labels.description!} hint={t('venues.form.hint.description')} rows={4} />
        <InputField {...field} name="email" type="email" label={labels.email!} autocomplete="email" />
        <InputField {...field} name="phone" type="tel" label={labels.phone!} autocomplete="tel" size="medium" />
        <fieldset class="field">
          <legend>{t('venues.hours')}</legend>
          <p class="hint">{t('venues.form.hint.hours')}</p>
          {WEEKDAYS.map((d) => (
            <div class="admin-row">
              <InputField {...field} name={`opens_${d}`} label={labels[`opens_${d}`]!} size="short" />
              <InputField {...field} name={`closes_${d}`} label={labels[`closes_${d}`]!} size="short" />
            </div>
          ))}
        </fieldset>
        <p class="admin-actions">
          <button type="submit">{v ? t('form.save') : t('venues.form.create')}</button> <a href={`${base}/manage`}>{t('form.cancel')}</a>
        </p>
      </Form>
      {v ? (
        <section aria-labelledby="rooms-title">
          <h2 id="rooms-title">{t('venues.rooms')}</h2>
          <ul class="links">
            {v.rooms.map((r) => (
              <li>
                <a href={`${base}/rooms/${r.id}/edit`}>{r.name}</a>
              </li>
            ))}
            <li>
              <a href={`${base}/${v.id}/rooms/new`}>{t('venues.manage.new_room', { name: v.name })}</a>
            </li>
          </ul>
          <h2>{t('venues.form.delete_title')}</h2>
          <p>{t('venues.form.delete_hint')}</p>
          <p>
            <a href={`${base}/${v.id}/delete`}>
              {t('venues.form.delete', { name: v.name })}
            </a>
          </p>
        </section>
      ) : null}
    </PageLayout>
  );
}
