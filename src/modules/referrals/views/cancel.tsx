import { ConfirmPage } from '../../../platform/ui/confirm';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { TextArea } from '../../../platform/ui/fields';
import { statusTextField } from '../form';
import type { ReferralPage } from '../service-read';
import { statusLabel } from './common';

/** "Anulować skierowanie?": to whom, what the provider will see, that it cannot be undone; the reason the provider reads. */
export function CancelReferralPage(props: { ctx: PageContext; data: ReferralPage; form: FormState }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const r = props.data.referral;
  const page = `/${ctx.municipality!.slug}/cases/${r.case_id}/referrals/${r.id}`;
  const field = statusTextField('cancel');
  const labels = { [field]: t('referrals.field.reason') };
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('referrals.cancel.title')}
      back={{ href: page, label: t('referrals.detail.title', { service: r.service_label }) }}
      facts={[
        [t('referrals.col.service'), r.service_label],
        [t('referrals.col.provider'), r.provider_name],
        [t('referrals.detail.case'), t('referrals.detail.case_value', { number: r.case_number, name: r.person_name })],
        [t('referrals.col.status'), statusLabel(ctx, r.status)],
      ]}
      consequences={[t('referrals.cancel.effect_status', { provider: r.provider_name }), t('referrals.cancel.effect_provider')]}
      undo={t('referrals.cancel.undo')}
      action={`${page}/cancel`}
      submit={t('referrals.cancel.submit')}
      keep={{ href: page, label: t('referrals.cancel.keep') }}
      form={props.form}
      labels={labels}
    >
      <input type="hidden" name="version" value={String(props.form.values.version ?? r.version)} />
      <TextArea ctx={ctx} form={props.form} name={field} label={labels[field]!} hint={t('referrals.hint.cancel')} required rows={3} />
    </ConfirmPage>
  );
}
