import type { MessageKey } from '../../../platform/i18n';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { Checkbox, InputField, NumberField, RadioGroup, SelectField, TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import { Table } from '../../../platform/ui/table';
import { ACCESSIBILITY_FEATURES } from '../domain';
import { SLOTS, WEEKDAYS, hoursField } from './place-forms';
import type { ExceptionRow } from './repository-admin-places';
import type { Choice } from './repository-admin';
import { AdminLayout, FormActions, adminBase, choiceOptions } from './views-common';

const FIELDS = ['provider_id', 'name', 'street', 'postal_code', 'city', 'latitude', 'longitude', ...ACCESSIBILITY_FEATURES, 'accessibility_notes'] as const;

export function locationLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx.i18n;
  const labels: Record<string, string> = Object.fromEntries(
    FIELDS.map((f) => [f, (ACCESSIBILITY_FEATURES as readonly string[]).includes(f) ? t(`access.${f}` as MessageKey) : t(`catalog_admin.field.${f}` as MessageKey)]),
  );
  for (const weekday of WEEKDAYS) {
    for (const slot of SLOTS) {
      for (const end of ['opens', 'closes'] as const) {
        labels[hoursField(weekday, slot, end)] = `${t(`weekday.${weekday}` as MessageKey)}, ${t(`catalog_admin.hours.${end}`, { slot })}`;
      }
    }
  }
  return labels;
}

function HoursGrid(props: { ctx: PageContext; form: FormState }) {
  const { ctx, form } = props;
  const { t } = ctx.i18n;
  return (
    <fieldset class="field admin-hours">
      <legend>{t('catalog_admin.hours.legend')}</legend>
      <p class="hint">{t('catalog_admin.hint.hours')}</p>
      {WEEKDAYS.map((weekday) => (
        <fieldset class="admin-hours-day">
          <legend>{t(`weekday.${weekday}` as MessageKey)}</legend>
          <div class="admin-row">
            {SLOTS.flatMap((slot) =>
              (['opens', 'closes'] as const).map((end) => (
                <InputField ctx={ctx} form={form} name={hoursField(weekday, slot, end)} label={t(`catalog_admin.hours.${end}`, { slot })} inputmode="numeric" size="short" />
              )),
            )}
          </div>
        </fieldset>
      ))}
    </fieldset>
  );
}

function Exceptions(props: { ctx: PageContext; locationId: string; list: ExceptionRow[]; form: FormState }) {
  const { ctx, form } = props;
  const { t, date } = ctx.i18n;
  const action = `${adminBase(ctx)}/locations/${props.locationId}/exceptions`;
  const labels = { ex_day: t('catalog_admin.field.ex_day'), ex_mode: t('catalog_admin.field.ex_mode'), ex_opens: t('catalog_admin.field.ex_opens'), ex_closes: t('catalog_admin.field.ex_closes'), ex_note: t('catalog_admin.field.ex_note') };
  return (
    <section aria-labelledby="exceptions-title">
      <h2 id="exceptions-title">{t('catalog_admin.exception.title')}</h2>
      <p>{t('catalog_admin.exception.intro')}</p>
      <Table
        id="exceptions"
        caption={t('catalog_admin.exception.title')}
        captionHidden
        rows={props.list}
        empty={t('catalog_admin.exception.empty')}
        columns={[
          { header: labels.ex_day, rowHeader: true, cell: (e) => date(`${e.day}T12:00:00Z`) },
          { header: t('catalog_admin.exception.col_hours'), cell: (e) => (e.closed ? t('catalog_admin.exception.closed') : `${e.opens}–${e.closes}`) },
          { header: labels.ex_note, cell: (e) => e.note },
          { header: t('catalog_admin.col.actions'), cell: (e) => <a href={`${action}/${e.id}/delete`}>{t('catalog_admin.exception.remove', { date: date(`${e.day}T12:00:00Z`) })}</a> },
        ]}
      />
      <h3>{t('catalog_admin.exception.add')}</h3>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={action} class="admin-form">
        <InputField ctx={ctx} form={form} name="ex_day" type="date" label={labels.ex_day} required size="medium" />
        <RadioGroup ctx={ctx} form={form} name="ex_mode" label={labels.ex_mode} options={[{ value: 'closed', label: t('catalog_admin.exception.closed') }, { value: 'open', label: t('catalog_admin.exception.open') }]} />
        <div class="admin-row">
          <InputField ctx={ctx} form={form} name="ex_opens" label={labels.ex_opens} inputmode="numeric" size="short" />
          <InputField ctx={ctx} form={form} name="ex_closes" label={labels.ex_closes} inputmode="numeric" size="short" />
        </div>
        <InputField ctx={ctx} form={form} name="ex_note" label={labels.ex_note} hint={t('catalog_admin.hint.exception_note')} />
        <p class="admin-actions">
          <button type="submit">{t('catalog_admin.exception.submit')}</button>
        </p>
      </Form>
    </section>
  );
}

export function LocationFormPage(props: {
  ctx: PageContext;
  form: FormState;
  providers: Choice[];
  location?: { id: string; name: string; exceptions: ExceptionRow[]; exceptionForm: FormState };
}) {
  const { ctx, form, location } = props;
  const { t } = ctx.i18n;
  const base = adminBase(ctx);
  const labels = locationLabels(ctx);
  const title = location ? t('catalog_admin.location.edit_title', { name: location.name }) : t('catalog_admin.location.new_title');
  const field = { ctx, form };
  return (
    <AdminLayout ctx={ctx} title={title}>
      {location ? (
        <p>
          <a href={`${base}/locations/${location.id}/history`}>{t('catalog_admin.history.link')}</a>
        </p>
      ) : null}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={location ? `${base}/locations/${location.id}` : `${base}/locations`} class="admin-form">
        {location ? <input type="hidden" name="version" value={String(form.values.version ?? '')} /> : null}
        <SelectField {...field} name="provider_id" label={labels.provider_id!} required options={choiceOptions(props.providers)} placeholder={t('catalog_admin.choose')} />
        <TextField {...field} name="name" label={labels.name!} required />
        <h2>{t('catalog_admin.location.section_address')}</h2>
        <TextField {...field} name="street" label={labels.street!} required autocomplete="off" />
        <div class="admin-row">
          <InputField {...field} name="postal_code" label={labels.postal_code!} hint={t('catalog_admin.hint.postal_code')} required size="short" inputmode="numeric" />
          <TextField {...field} name="city" label={labels.city!} required />
        </div>
        <div class="admin-row">
          <NumberField {...field} name="latitude" label={labels.latitude!} hint={t('catalog_admin.hint.latitude')} decimal size="medium" />
          <NumberField {...field} name="longitude" label={labels.longitude!} hint={t('catalog_admin.hint.longitude')} decimal size="medium" />
        </div>
        <h2>{t('catalog_admin.location.section_access')}</h2>
        <fieldset class="field">
          <legend>{t('catalog_admin.location.access_legend')}</legend>
          {ACCESSIBILITY_FEATURES.map((f) => (
            <Checkbox {...field} name={f} label={labels[f]!} />
          ))}
        </fieldset>
        <TextArea {...field} name="accessibility_notes" label={labels.accessibility_notes!} hint={t('catalog_admin.hint.accessibility_notes')} rows={3} />
        <h2>{t('catalog_admin.location.section_hours')}</h2>
        <HoursGrid ctx={ctx} form={form} />
        <FormActions ctx={ctx} cancel={base} />
      </Form>
      {location ? <Exceptions ctx={ctx} locationId={location.id} list={location.exceptions} form={location.exceptionForm} /> : null}
    </AdminLayout>
  );
}
