import type { FormState, PageContext } from '../../../platform/ui/context';
import { Checkbox, SelectField } from '../../../platform/ui/fields';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import type { Openable, OpenPage } from '../service-open';
import { casesBase } from './common';

/** Opening a case from an accepted application: its summary, the coordinator, team and whether a plan is needed. */
export function OpenCaseView(props: { ctx: PageContext; data: OpenPage; form: FormState }) {
  const { ctx, data, form } = props;
  const { t } = ctx.i18n;
  const a = data.application;
  const action = `${casesBase(ctx)}/new?application=${a.id}`;
  const labels = { coordinator_id: t('cases.open.coordinator'), team_id: t('cases.open.team'), needs_plan: t('cases.open.needs_plan') };
  return (
    <PageLayout ctx={ctx} title={t('cases.open.title')} back={{ href: `/${ctx.municipality!.slug}/applications/${a.id}`, label: t('cases.open.application') }}>
      <p>{t('cases.open.intro')}</p>
      <dl class="facts">
        <dt>{t('cases.open.service')}</dt>
        <dd>{a.service_name}</dd>
        <dt>{t('cases.open.person')}</dt>
        <dd>
          {a.beneficiary_name}
          {a.beneficiary_birth_year !== null ? `, ${t('cases.born', { year: a.beneficiary_birth_year })}` : ''}
        </dd>
        <dt>{t('cases.open.applicant')}</dt>
        <dd>
          {a.applicant_name} ({t(`applications.relation.${a.relation as 'self'}`)})
        </dd>
        <dt>{t('cases.open.contact')}</dt>
        <dd>{[a.contact_phone, a.contact_email].filter(Boolean).join(', ')}</dd>
        <dt>{t('cases.open.need')}</dt>
        <dd class="prewrap">{a.need}</dd>
        <dt>{t('cases.open.submitted')}</dt>
        <dd>{ctx.i18n.dateTime(a.submitted_at)}</dd>
      </dl>
      {data.existing ? (
        <section class="notice" aria-labelledby="existing-title">
          <h2 id="existing-title">{t('cases.open.existing_title')}</h2>
          <p>{t('cases.open.existing', { number: data.existing.number, coordinator: data.existing.coordinator_name })}</p>
          <Form ctx={ctx} action={action}>
            <input type="hidden" name="mode" value="join" />
            <button type="submit">{t('cases.open.join', { number: data.existing.number })}</button>
          </Form>
          <p>{t('cases.open.new_anyway')}</p>
        </section>
      ) : null}
      <h2 id="open-title">{t('cases.open.title')}</h2>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={action}>
        <input type="hidden" name="mode" value="open" />
        <SelectField ctx={ctx} form={form} name="coordinator_id" label={labels.coordinator_id} required options={data.staff.map((s) => ({ value: s.id, label: s.display_name }))} />
        <SelectField ctx={ctx} form={form} name="team_id" label={labels.team_id} placeholder={t('cases.open.no_team')} options={data.teams.map((s) => ({ value: s.id, label: s.name }))} />
        <Checkbox ctx={ctx} form={form} name="needs_plan" label={labels.needs_plan} hint={t('cases.open.needs_plan_hint', { date: ctx.i18n.date(a.plan_due_on) })} />
        <button type="submit" class={data.existing ? 'secondary' : undefined}>
          {t('cases.open.submit')}
        </button>
      </Form>
    </PageLayout>
  );
}

/** Where a case is opened from: the accepted applications that are in no case yet. */
export function OpenableView(props: { ctx: PageContext; list: Openable }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  return (
    <PageLayout ctx={ctx} title={t('cases.open.title')} back={{ href: casesBase(ctx), label: t('cases.back_list') }}>
      <p>{t('cases.open.choose')}</p>
      <p class="muted">{t('cases.audited')}</p>
      {props.list.length === 0 ? (
        <p class="admin-empty">{t('cases.open.none')}</p>
      ) : (
        <ul>
          {props.list.map((a) => (
            <li>
              <a href={`${casesBase(ctx)}/new?application=${a.id}`}>{a.beneficiary_name}</a>
              {a.beneficiary_birth_year !== null ? `, ${t('cases.born', { year: a.beneficiary_birth_year })}` : ''} — {a.service_name}
              {a.decided_at ? <span class="muted"> ({ctx.i18n.date(a.decided_at)})</span> : null}
            </li>
          ))}
        </ul>
      )}
    </PageLayout>
  );
}
