import type { FormState, PageContext } from '../../../platform/ui/context';
import { InputField, RadioGroup, SelectField, TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import { PROVIDER_KINDS, type ItemKind } from '../domain';
import { ITEM_FIELDS } from '../form';
import type { ItemFormData } from '../service-read';
import { ConflictPanel, fieldLabel, planBase, type Conflict } from './common';

function Fields(props: { ctx: PageContext; kind: ItemKind; form: FormState; data: ItemFormData }) {
  const { ctx, kind, form, data } = props;
  const { t, date } = ctx.i18n;
  const f = { ctx, form };
  const label = (name: string) => fieldLabel(ctx, name);
  const options = (list: { id: string; name: string }[]) => list.map((c) => ({ value: c.id, label: c.name }));
  switch (kind) {
    case 'goals':
      return (
        <>
          <TextArea {...f} name="description" label={label('description')} hint={t('care_plan.hint.goal')} required rows={3} />
          <TextArea {...f} name="measure" label={label('measure')} hint={t('care_plan.hint.measure')} rows={2} />
        </>
      );
    case 'services':
      return (
        <>
          <SelectField {...f} name="service_id" label={label('service_id')} hint={t('care_plan.hint.service_id')} placeholder={t('care_plan.service_none')} options={options(data.services)} />
          <TextArea {...f} name="description" label={label('description')} hint={t('care_plan.hint.service')} required rows={3} />
          <InputField {...f} name="frequency" label={label('frequency')} hint={t('care_plan.hint.frequency')} required />
          <RadioGroup {...f} name="provider_kind" label={label('provider_kind')} options={PROVIDER_KINDS.map((k) => ({ value: k, label: t(`care_plan.provider.${k}`) }))} />
          <SelectField {...f} name="provider_unit_id" label={label('provider_unit_id')} placeholder={t('care_plan.choose')} options={options(data.units)} />
          <SelectField {...f} name="provider_organisation_id" label={label('provider_organisation_id')} hint={t('care_plan.hint.organisation')} placeholder={t('care_plan.choose')} options={options(data.organisations)} />
          <InputField {...f} name="provider_name" label={label('provider_name')} hint={t('care_plan.hint.provider_name')} />
        </>
      );
    case 'commitments':
      return (
        <>
          <TextArea {...f} name="description" label={label('description')} hint={t('care_plan.hint.commitment')} required rows={3} />
          <InputField {...f} name="due_on" type="date" label={label('due_on')} hint={t('care_plan.hint.within', { from: date(data.plan.valid_from), until: date(data.plan.valid_until) })} size="medium" />
        </>
      );
    case 'reviews':
      return <InputField {...f} name="review_on" type="date" label={label('review_on')} hint={t('care_plan.hint.within', { from: date(data.plan.valid_from), until: date(data.plan.valid_until) })} required size="medium" />;
  }
}

/** A stale new item: the section as saved now, to see what someone else changed before sending again. */
function SavedSection(props: { ctx: PageContext; siblings: Record<string, unknown>[]; kind: ItemKind }) {
  const { t, date } = props.ctx.i18n;
  return (
    <section class="notice" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('care_plan.conflict.title')}</h2>
      <p>{t('care_plan.conflict.new_intro')}</p>
      {props.siblings.length === 0 ? (
        <p>{t('care_plan.none')}</p>
      ) : (
        <ol>
          {props.siblings.map((s) => (
            <li class="prewrap">{props.kind === 'reviews' ? date(String(s.review_on)) : String(s.description)}</li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** One goal, service, commitment or review date of a draft: new, or the saved one edited; a stale save shows both versions. */
export function ItemFormPage(props: { ctx: PageContext; kind: ItemKind; data: ItemFormData; form: FormState; conflict?: Conflict; stale?: boolean }) {
  const { ctx, kind, data, form } = props;
  const { t } = ctx.i18n;
  const base = `${planBase(ctx, data.case.id)}/${data.plan.id}`;
  const labels = Object.fromEntries([...ITEM_FIELDS[kind], 'version'].map((n) => [n, fieldLabel(ctx, n)]));
  const names = new Map([...data.services, ...data.units, ...data.organisations].map((c) => [c.id, c.name]));
  const show = (f: string, v: string) => (f === 'provider_kind' && v ? t(`care_plan.provider.${v as 'unit'}`) : (names.get(v) ?? v));
  const version = props.stale ? data.plan.version : Number(form.values.version ?? data.plan.version);
  const action = data.item ? `${base}/${kind}/${String(data.item.id)}/edit` : `${base}/${kind}/new`;
  return (
    <PageLayout ctx={ctx} title={t(data.item ? `care_plan.edit.${kind}` : `care_plan.add.${kind}`)} back={{ href: `${planBase(ctx, data.case.id)}/${data.plan.id}`, label: t('care_plan.back_plan', { number: data.case.number }) }}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      {props.conflict ? <ConflictPanel ctx={ctx} conflict={props.conflict} show={show} /> : null}
      {props.stale && !data.item ? <SavedSection ctx={ctx} siblings={data.siblings} kind={kind} /> : null}
      <Form ctx={ctx} action={action} class="admin-form">
        <input type="hidden" name="version" value={String(version)} />
        <Fields ctx={ctx} kind={kind} form={form} data={data} />
        <p class="admin-actions">
          <button type="submit">{t(data.item ? 'care_plan.item.save' : 'care_plan.item.add')}</button> <a href={base}>{t('care_plan.cancel')}</a>
        </p>
      </Form>
    </PageLayout>
  );
}
