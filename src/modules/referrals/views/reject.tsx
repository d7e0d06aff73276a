import { ConfirmPage } from '../../../platform/ui/confirm';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { TextArea } from '../../../platform/ui/fields';
import { statusTextField } from '../form';
import type { ProviderReferralPage } from '../service-read';
import { statusLabel } from './common';

/** "Odrzucić skierowanie?": what the coordinator is told, that it cannot be undone; the reason they read is typed here. */
export function RejectReferralPage(props: { ctx: PageContext; data: ProviderReferralPage; base: string; form: FormState }) {
  const { ctx, data, form } = props;
  const { t, date } = ctx.i18n;
  const r = data.referral;
  const field = statusTextField('reject');
  const labels = { [field]: t('referrals.field.reason') };
  const version = String(form.message ? r.version : (form.values.version ?? r.version));
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('referrals.reject.title')}
      back={{ href: props.base, label: t('referrals.detail.title', { service: r.service_label }) }}
      facts={[
        [t('referrals.col.service'), r.service_label],
        ...(r.shared ? [[t('referrals.col.person'), r.shared.person_name] as const] : []),
        [t('referrals.col.status'), statusLabel(ctx, r.status)],
        [t('referrals.field.respond_by'), date(r.respond_by)],
      ]}
      consequences={[t('referrals.reject.effect_status'), t('referrals.reject.effect_mail')]}
      undo={t('referrals.reject.undo')}
      action={`${props.base}/reject`}
      submit={t('referrals.reject.submit')}
      keep={{ href: props.base, label: t('referrals.cancel.keep') }}
      form={form}
      labels={labels}
    >
      <input type="hidden" name="version" value={version} />
      <TextArea ctx={ctx} form={form} name={field} label={labels[field]!} hint={t('referrals.hint.reject')} required rows={3} />
    </ConfirmPage>
  );
}
