import type { ComponentChildren } from 'preact';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { Checkbox, NumberField, SelectField, TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import type { ApplicationPage } from '../service-read';
import { applicationsBase } from './common';
import type { DecisionFormName } from './detail';

/** Field names are prefixed with the form's name, so that one page holds every form with unique ids. */
export const reasonField = (name: DecisionFormName) => `${name}_reason`;

function Section(props: { ctx: PageContext; name: DecisionFormName; data: ApplicationPage; form: FormState; children?: ComponentChildren; reasonRequired: boolean; hint?: string }) {
  const { ctx, name, data } = props;
  const { t } = ctx.i18n;
  const a = data.application;
  const labels: Record<string, string> = { [reasonField(name)]: t('applications.decision.reason'), unit_id: t('applications.decision.unit'), consent: t('applications.decision.forward_consent'), position: t('applications.decision.position') };
  return (
    <section aria-labelledby={`${name}-title`}>
      <h3 id={`${name}-title`}>{t(`applications.decision.${name}`)}</h3>
      <ErrorSummary ctx={ctx} form={props.form} labels={labels} />
      <Form ctx={ctx} action={`${applicationsBase(ctx)}/${a.id}/${name}`}>
        <input type="hidden" name="version" value={String(a.version)} />
        {props.children}
        <TextArea ctx={ctx} form={props.form} name={reasonField(name)} label={labels[reasonField(name)]!} hint={props.hint} required={props.reasonRequired} rows={3} />
        <button type="submit" class={name === 'accept' ? undefined : 'secondary'}>
          {t(`applications.decision.${name}_submit`)}
        </button>
      </Form>
    </section>
  );
}

/** The decisions staff may take on an application in the queue, each a plain form with its reason. */
export function Decisions(props: { ctx: PageContext; data: ApplicationPage; form: FormState; formName: DecisionFormName | null }) {
  const { ctx, data } = props;
  const { t } = ctx.i18n;
  const a = data.application;
  const formOf = (name: DecisionFormName): FormState => (props.formName === name ? props.form : { values: {}, errors: {} });
  const p = data.period;
  return (
    <section aria-labelledby="decisions-title">
      <h2 id="decisions-title">{t('applications.decision.title')}</h2>
      <p>{t('applications.decision.intro')}</p>
      <Section ctx={ctx} name="accept" data={data} form={formOf('accept')} reasonRequired={false}
        hint={p ? t('applications.decision.accept_hint', { left: Math.max(0, p.places - p.accepted), places: p.places }) : t('applications.decision.accept_hint_none')} />
      <section aria-labelledby="decline-title">
        <h3 id="decline-title">{t('applications.decision.decline')}</h3>
        <p>{t('applications.decline.next')}</p>
        <p>
          <a href={`${applicationsBase(ctx)}/${a.id}/decline`}>{t('applications.decline.link')}</a>
        </p>
      </section>
      {a.status === 'waiting' ? <Section ctx={ctx} name="hold" data={data} form={formOf('hold')} reasonRequired /> : <Section ctx={ctx} name="resume" data={data} form={formOf('resume')} reasonRequired={false} />}
      <Section ctx={ctx} name="forward" data={data} form={formOf('forward')} reasonRequired>
        <SelectField ctx={ctx} form={formOf('forward')} name="unit_id" label={t('applications.decision.unit')} required placeholder={t('applications.decision.unit_choose')} options={data.units.map((u) => ({ value: u.id, label: u.name }))} />
        <Checkbox ctx={ctx} form={formOf('forward')} name="consent" label={t('applications.decision.forward_consent')} hint={t('applications.decision.forward_consent_hint')} />
      </Section>
      <Section ctx={ctx} name="move" data={data} form={formOf('move')} reasonRequired hint={t('applications.decision.move_hint')}>
        <NumberField ctx={ctx} form={formOf('move')} name="position" label={t('applications.decision.position')} hint={t('applications.decision.position_hint', { last: data.last })} required />
      </Section>
    </section>
  );
}
