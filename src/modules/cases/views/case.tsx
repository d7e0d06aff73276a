import { emptyForm, type FormState, type PageContext } from '../../../platform/ui/context';
import { PageLayout } from '../../../platform/ui/layout';
import type { CasePage } from '../service-case';
import { caseValues, CloseCaseForm, EditCaseForm, fieldLabels } from './case-forms';
import { ConflictPanel, type Conflict } from '../../../platform/ui/conflict';
import { caseStatusLabel, casesBase, DeadlineText, firstValue } from './common';

export type CaseFormName = 'edit' | 'close';

/** How a field's value reads in the conflict panel: people's names rather than their ids, yes/no. */
function shownValue(ctx: PageContext, data: CasePage) {
  return (field: string, value: string) => {
    if (field === 'coordinator_id') return data.staff.find((s) => s.id === value)?.display_name ?? value;
    if (field === 'team_id') return data.teams.find((s) => s.id === value)?.name ?? value;
    if (field === 'needs_plan') return ctx.i18n.t(value === '1' ? 'cases.yes' : 'cases.no');
    return value;
  };
}

/** One case: who, how to reach them, who coordinates, the plan's deadline, its applications (this read is audited). */
export function CasePageView(props: { ctx: PageContext; data: CasePage; form: FormState; formName: CaseFormName | null; conflict?: Conflict }) {
  const { ctx, data } = props;
  const { t, date, dateTime } = ctx.i18n;
  const c = data.c;
  const base = `${casesBase(ctx)}/${c.id}`;
  const formOf = (name: CaseFormName) => (props.formName === name ? props.form : emptyForm(name === 'edit' ? caseValues(c) : {}));
  return (
    <PageLayout ctx={ctx} title={t('cases.page.title', { number: c.number })} back={{ href: casesBase(ctx), label: t('cases.back_list') }}>
      {props.conflict ? <ConflictPanel ctx={ctx} conflict={props.conflict} labels={fieldLabels(ctx) as Record<string, string>} show={(f, v) => shownValue(ctx, data)(f, firstValue(v))} /> : null}
      {c.anonymised_at ? <p class="notice">{t('cases.page.anonymised', { when: date(c.anonymised_at) })}</p> : null}
      <dl class="facts">
        <dt>{t('cases.page.person')}</dt>
        <dd>
          {c.person_name}
          {c.birth_year !== null ? `, ${t('cases.born', { year: c.birth_year })}` : ''}
        </dd>
        <dt>{t('cases.page.representative')}</dt>
        <dd>{c.representative_name || t('cases.none')}</dd>
        <dt>{t('cases.page.contact')}</dt>
        <dd>{[c.contact_phone, c.contact_email].filter(Boolean).join(', ') || t('cases.none')}</dd>
        <dt>{t('cases.page.coordinator')}</dt>
        <dd>{c.coordinator_name}</dd>
        <dt>{t('cases.page.team')}</dt>
        <dd>{c.team_name ?? t('cases.none')}</dd>
        <dt>{t('cases.page.status')}</dt>
        <dd>
          {caseStatusLabel(ctx, c.status)}
          {c.closed_at ? ` — ${t('cases.page.closed', { when: dateTime(c.closed_at) })}` : ''}
        </dd>
        {c.closing_note ? (
          <>
            <dt>{t('cases.page.closing_note')}</dt>
            <dd class="prewrap">{c.closing_note}</dd>
          </>
        ) : null}
        <dt>{t('cases.page.deadline')}</dt>
        <dd>
          <DeadlineText ctx={ctx} c={c} />
        </dd>
        <dt>{t('cases.page.opened')}</dt>
        <dd>{dateTime(c.opened_at)}</dd>
        <dt>{t('cases.page.your_access')}</dt>
        <dd>{t(`cases.access.${data.access}`)}</dd>
      </dl>
      <ul class="links">
        <li>
          <a href={`${base}/plan`}>{t('cases.page.plan')}</a>
        </li>
        <li>
          <a href={`${base}/referrals`}>{t('cases.page.referrals')}</a>
        </li>
      </ul>
      <h2>{t('cases.page.applications')}</h2>
      <ul>
        {data.applications.map((a) => (
          <li>
            <a href={`/${ctx.municipality!.slug}/applications/${a.id}`}>{a.service_name}</a> — {t(`applications.status.${a.status as 'accepted'}`)}, {dateTime(a.submitted_at)}
          </li>
        ))}
      </ul>
      <p class="muted">{t('cases.audited')}</p>
      {c.status === 'open' && data.mayWrite ? (
        <>
          <EditCaseForm ctx={ctx} data={data} form={formOf('edit')} />
          <CloseCaseForm ctx={ctx} data={data} />
        </>
      ) : null}
    </PageLayout>
  );
}
