import type { FormState, PageContext } from '../../../platform/ui/context';
import { InputField, NumberField } from '../../../platform/ui/fields';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import type { ServiceChoice } from '../repository';
import type { CapacityRow } from '../repository-records';
import { applicationsBase } from './common';

/** Places of one service per period: each period with what was accepted in it, a change of its places or its removal, a new period. */
export function CapacityPage(props: { ctx: PageContext; service: ServiceChoice; periods: CapacityRow[]; form: FormState }) {
  const { ctx, service, form } = props;
  const { t } = ctx.i18n;
  const base = `${applicationsBase(ctx)}/services/${service.id}`;
  const failedPeriod = typeof form.values.period === 'string' ? form.values.period : null;
  const newForm: FormState = failedPeriod ? { values: {}, errors: {} } : form;
  const labels = { period_from: t('applications.capacity.from'), period_to: t('applications.capacity.to'), places: t('applications.capacity.places') };
  return (
    <PageLayout ctx={ctx} title={t('applications.capacity.title', { service: service.name })} back={{ href: base, label: t('applications.back_queue') }}>
      <p>{t('applications.capacity.intro')}</p>
      {failedPeriod ? <ErrorSummary ctx={ctx} form={form} labels={{ places: labels.places }} /> : null}
      <Table
        id="periods"
        caption={t('applications.capacity.title', { service: service.name })}
        captionHidden
        rows={props.periods}
        empty={t('applications.capacity.empty')}
        columns={[
          { header: t('applications.capacity.period'), rowHeader: true, cell: (p) => t('applications.capacity.range', { from: p.period_from, to: p.period_to }) },
          { header: t('applications.capacity.accepted'), numeric: true, cell: (p) => p.accepted },
          {
            header: t('applications.capacity.places'),
            cell: (p) => (
              <Form ctx={ctx} action={`${base}/capacity/${p.id}`} class="inline-form">
                <input type="hidden" name="version" value={String(p.version)} />
                <label for={`places-${p.id}`} class="visually-hidden">{t('applications.capacity.places_of', { from: p.period_from, to: p.period_to })}</label>
                <input id={`places-${p.id}`} name="places" inputMode="numeric" value={String(p.places)} size={6} />
                <button type="submit" class="secondary">{t('form.save')}</button>
              </Form>
            ),
          },
          {
            header: t('applications.col.actions'),
            cell: (p) => (
              <a href={`${base}/capacity/${p.id}/delete`} aria-label={t('applications.capacity.remove_label', { from: p.period_from, to: p.period_to })}>
                {t('applications.capacity.remove')}
              </a>
            ),
          },
        ]}
      />
      <h2>{t('applications.capacity.new')}</h2>
      <ErrorSummary ctx={ctx} form={newForm} labels={labels} />
      <Form ctx={ctx} action={`${base}/capacity`}>
        <InputField ctx={ctx} form={newForm} name="period_from" type="date" label={labels.period_from} required size="medium" />
        <InputField ctx={ctx} form={newForm} name="period_to" type="date" label={labels.period_to} required size="medium" />
        <NumberField ctx={ctx} form={newForm} name="places" label={labels.places} required />
        <button type="submit">{t('applications.capacity.add')}</button>
      </Form>
    </PageLayout>
  );
}
