import { ConfirmPage } from '../../../platform/ui/confirm';
import type { FormState, PageContext } from '../../../platform/ui/context';
import type { ServiceChoice } from '../repository';
import type { CapacityRow } from '../repository-records';
import { applicationsBase } from './common';

/** "Usunąć okres?": the period, its places and what was accepted in it; the accepted applications stay, the places go. */
export function RemovePeriodPage(props: { ctx: PageContext; service: ServiceChoice; period: CapacityRow; form: FormState }) {
  const { ctx, service, period: p } = props;
  const { t } = ctx.i18n;
  const capacity = `${applicationsBase(ctx)}/services/${service.id}/capacity`;
  const range = t('applications.capacity.range', { from: p.period_from, to: p.period_to });
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('applications.capacity.remove_title')}
      back={{ href: capacity, label: t('applications.capacity.title', { service: service.name }) }}
      facts={[
        [t('applications.col.service'), service.name],
        [t('applications.capacity.period'), range],
        [t('applications.capacity.places'), String(p.places)],
        [t('applications.capacity.accepted'), String(p.accepted)],
      ]}
      consequences={[t('applications.capacity.remove_effect', { range }), t('applications.capacity.remove_accepted')]}
      undo={t('applications.capacity.remove_undo')}
      action={`${capacity}/${p.id}/delete`}
      submit={t('applications.capacity.remove_submit')}
      keep={{ href: capacity, label: t('applications.capacity.remove_keep') }}
      form={props.form}
    >
      <input type="hidden" name="version" value={String(props.form.values.version ?? p.version)} />
    </ConfirmPage>
  );
}
