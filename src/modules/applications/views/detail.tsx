import type { FormState, PageContext } from '../../../platform/ui/context';
import { PageLayout } from '../../../platform/ui/layout';
import { isInQueue, type DecisionKind } from '../domain';
import type { ApplicationPage } from '../service-read';
import { applicationsBase, relationLabel, statusLabel, Warnings } from './common';
import { Decisions } from './decisions';

/** Which form on the page a failed submit came from: its errors show there. */
export type DecisionFormName = DecisionKind | 'move';

function History(props: { ctx: PageContext; data: ApplicationPage }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  return (
    <ol class="application-history">
      {props.data.history.map((e) => (
        <li>
          <span>{ctx.i18n.dateTime(e.at)}</span> — {e.actor_name ?? t('applications.history.nobody')}:{' '}
          {e.kind === 'submitted'
            ? t('applications.history.submitted', { position: e.position_to ?? 0 })
            : e.kind === 'moved'
              ? t('applications.history.moved', { from: e.position_from ?? 0, to: e.position_to ?? 0 })
              : t('applications.history.status', { from: e.status_from ? statusLabel(ctx, e.status_from) : '—', to: e.status_to ? statusLabel(ctx, e.status_to) : '—' })}
          {e.reason ? <span class="prewrap"> {t('applications.history.reason', { reason: e.reason })}</span> : null}
        </li>
      ))}
    </ol>
  );
}

/** One application for staff: everything in it, its warnings, consents, history, and the decisions (this read is audited). */
export function ApplicationPageView(props: { ctx: PageContext; data: ApplicationPage; form: FormState; formName: DecisionFormName | null }) {
  const { ctx, data } = props;
  const { t, dateTime } = ctx.i18n;
  const a = data.application;
  const base = applicationsBase(ctx);
  return (
    <PageLayout ctx={ctx} title={t('applications.detail.title', { service: a.service_name })} back={{ href: `${base}/services/${a.service_id}`, label: t('applications.back_queue') }}>
      <Warnings ctx={ctx} warnings={data.warnings} />
      <dl class="facts">
        <dt>{t('applications.col.status')}</dt>
        <dd>
          {statusLabel(ctx, a.status)}
          {a.queue_position !== null ? ` — ${t('applications.detail.position', { position: a.queue_position, last: data.last })}` : ''}
          {a.status_reason ? <p class="prewrap">{t('applications.mine.reason', { reason: a.status_reason })}</p> : null}
          {a.forwarded_to_name ? <p>{t('applications.mine.forwarded', { unit: a.forwarded_to_name })}</p> : null}
        </dd>
        <dt>{t('applications.col.beneficiary')}</dt>
        <dd>
          {a.beneficiary_name}{a.beneficiary_birth_year !== null ? `, ${t('applications.born', { year: a.beneficiary_birth_year })}` : ''} ({relationLabel(ctx, a.relation)})
        </dd>
        <dt>{t('applications.col.applicant')}</dt>
        <dd>
          {a.applicant_name}
          {a.applicant_id ? '' : ` (${t('applications.detail.no_account')})`}
        </dd>
        <dt>{t('applications.detail.contact')}</dt>
        <dd>{[a.contact_phone, a.contact_email].filter(Boolean).join(', ')}</dd>
        <dt>{t('applications.field.need')}</dt>
        <dd class="prewrap">{a.need}</dd>
        <dt>{t('applications.field.channel')}</dt>
        <dd>
          {t(`applications.channel.${a.channel}`)}
          {a.registered_by_name ? `, ${t('applications.detail.registered_by', { name: a.registered_by_name })}` : ''}
        </dd>
        <dt>{t('applications.col.since')}</dt>
        <dd>{dateTime(a.submitted_at)}</dd>
      </dl>
      <h2>{t('applications.consents.title')}</h2>
      <ul>
        {data.consents.map((c) => (
          <li>
            {t(`applications.purpose.${c.purpose}`, { recipient: c.recipient })} — {t('applications.consents.given', { when: dateTime(c.given_at) })}
            {c.recorded_by_name ? `, ${t('applications.consents.recorded_by', { name: c.recorded_by_name })}` : ''}
            {c.withdrawn_at ? `; ${t('applications.consents.withdrawn', { when: dateTime(c.withdrawn_at) })}` : ''}
          </li>
        ))}
      </ul>
      <p>
        <a href={`${base}/${a.id}/documents`}>{t('my_data.staff.link')}</a>
      </p>
      {a.status === 'accepted' && !a.case_id ? (
        <p>
          <a href={`/${ctx.municipality!.slug}/cases/new?application=${a.id}`}>{t('cases.open.link')}</a>
        </p>
      ) : null}
      <h2>{t('applications.history.title')}</h2>
      <History ctx={ctx} data={data} />
      {isInQueue(a.status) ? <Decisions ctx={ctx} data={data} form={props.form} formName={props.formName} /> : null}
    </PageLayout>
  );
}
