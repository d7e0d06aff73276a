import { ConfirmPage } from '../../../platform/ui/confirm';
import type { FormState, PageContext } from '../../../platform/ui/context';
import type { MyApplication } from '../service-read';
import { applicationsBase, relationLabel, statusLabel } from './common';

/** "Wycofać wniosek?": the application, the place it loses, and that it cannot be undone (a new one queues last). */
export function WithdrawPage(props: { ctx: PageContext; application: MyApplication; form: FormState }) {
  const { ctx, application: a } = props;
  const { t } = ctx.i18n;
  const mine = `${applicationsBase(ctx)}/mine`;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('applications.withdraw.title')}
      back={{ href: mine, label: t('applications.mine.title') }}
      facts={[
        [t('applications.col.service'), a.service_name],
        [t('applications.col.beneficiary'), t('applications.mine.for', { name: a.beneficiary_name, relation: relationLabel(ctx, a.relation) })],
        [t('applications.col.since'), ctx.i18n.dateTime(a.submitted_at)],
        [t('applications.col.status'), statusLabel(ctx, a.status)],
      ]}
      consequences={[
        a.queue_position === null ? null : t('applications.withdraw.lose_place', { position: a.queue_position }),
        t('applications.withdraw.others_move'),
        t('applications.withdraw.mail'),
      ].filter((c) => c !== null)}
      undo={t('applications.withdraw.undo')}
      action={`${mine}/${a.id}/withdraw`}
      submit={t('applications.withdraw.submit')}
      keep={{ href: mine, label: t('applications.withdraw.keep') }}
      form={props.form}
    />
  );
}
