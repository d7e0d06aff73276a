import { ConfirmPage } from '../../../platform/ui/confirm';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { TextArea } from '../../../platform/ui/fields';
import type { QueuePage } from '../service-read';
import { applicationsBase } from './common';

/**
 * "Odrzucić zaznaczone wnioski?": the ticked applications by place and name, that each applicant is
 * mailed the one reason and the queue closes up, that it cannot be undone; the reason is typed here.
 */
export function BatchDeclinePage(props: { ctx: PageContext; data: QueuePage; selected: { id: string; version: number }[]; form: FormState }) {
  const { ctx, data } = props;
  const { t } = ctx.i18n;
  const queue = `${applicationsBase(ctx)}/services/${data.service.id}`;
  const chosen = data.entries.filter((e) => props.selected.some((s) => s.id === e.id));
  const labels = { batch_reason: t('applications.decision.reason') };
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('applications.batch.confirm_title', { count: chosen.length })}
      back={{ href: queue, label: t('applications.queue.title', { service: data.service.name }) }}
      facts={[
        [t('applications.col.service'), data.service.name],
        [
          t('applications.batch.selected'),
          <ul class="plain">
            {chosen.map((e) => (
              <li>{t('applications.batch.entry', { position: e.queue_position, name: e.beneficiary_name, applicant: e.applicant_name })}</li>
            ))}
          </ul>,
        ],
      ]}
      consequences={[t('applications.batch.effect_declined', { count: chosen.length }), t('applications.batch.effect_queue'), t('applications.batch.effect_mail')]}
      undo={t('applications.batch.undo')}
      action={`${queue}/decline`}
      submit={t('applications.batch.confirm_submit', { count: chosen.length })}
      keep={{ href: queue, label: t('applications.batch.keep') }}
      form={props.form}
      labels={labels}
    >
      {props.selected.map((s) => (
        <>
          <input type="hidden" name="ids" value={s.id} />
          <input type="hidden" name={`version_${s.id}`} value={String(s.version)} />
        </>
      ))}
      <TextArea ctx={ctx} form={props.form} name="batch_reason" label={labels.batch_reason} hint={t('applications.batch.hint')} required={true} rows={3} />
    </ConfirmPage>
  );
}
