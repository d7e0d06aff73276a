import { ConfirmPage } from '../../../platform/ui/confirm';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { TextArea } from '../../../platform/ui/fields';
import type { ApplicationPage } from '../service-read';
import { applicationsBase, relationLabel, statusLabel } from './common';
import { reasonField } from './decisions';

/** "Odrzucić wniosek?": whose application, its place, that the applicant is mailed the reason, that it cannot be undone; the reason is typed here. */
export function DeclinePage(props: { ctx: PageContext; data: ApplicationPage; form: FormState }) {
  const { ctx, form } = props;
  const { t, dateTime } = ctx.i18n;
  const a = props.data.application;
  const page = `${applicationsBase(ctx)}/${a.id}`;
  const field = reasonField('decline');
  const labels = { [field]: t('applications.decision.reason') };
  const version = String(form.message ? a.version : (form.values.version ?? a.version));
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('applications.decline.title')}
      back={{ href: page, label: a.beneficiary_name }}
      facts={[
        [t('applications.col.beneficiary'), `${a.beneficiary_name} (${relationLabel(ctx, a.relation)})`],
        [t('applications.col.applicant'), a.applicant_name],
        [t('applications.col.since'), dateTime(a.submitted_at)],
        [t('applications.col.status'), statusLabel(ctx, a.status)],
        ...(a.queue_position === null ? [] : [[t('applications.col.position'), String(a.queue_position)] as const]),
      ]}
      consequences={[t('applications.decline.effect'), t('applications.decline.queue'), t('applications.decline.mail')]}
      undo={t('applications.decline.undo')}
      action={`${page}/decline`}
      submit={t('applications.decline.submit')}
      keep={{ href: page, label: t('applications.decline.keep') }}
      form={form}
      labels={labels}
    >
      <input type="hidden" name="version" value={version} />
      <TextArea ctx={ctx} form={form} name={field} label={labels[field]!} hint={t('applications.decision.decline_hint')} required rows={3} />
    </ConfirmPage>
  );
}
