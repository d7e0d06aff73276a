import type { FormState, PageContext } from '../../../platform/ui/context';
import { ConfirmPage } from '../../../platform/ui/confirm';
import type { DiagnosisRow, NeedRow, ResourceRow } from '../domain';
import { diagnosisBase } from './pages';

/** Removing a need, asked first: the resources that answered it stay, and it can be added again. */
export function RemoveNeedPage(props: { ctx: PageContext; diagnosis: DiagnosisRow; need: NeedRow; form: FormState }) {
  const { ctx, diagnosis, need } = props;
  const { t } = ctx.i18n;
  const back = { href: `${diagnosisBase(ctx)}/${diagnosis.id}`, label: diagnosis.title };
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('diagnosis.need.remove_title', { title: need.title })}
      back={back}
      facts={[[t('diagnosis.col.answered_by'), need.resources.length ? need.resources.join(', ') : t('diagnosis.resource.none')]]}
      consequences={[t('diagnosis.need.remove_what'), t('diagnosis.need.remove_links')]}
      undo={t('diagnosis.remove_undo')}
      action={`${back.href}/potrzeby/${need.id}/usun`}
      submit={t('diagnosis.need.remove_submit')}
      keep={{ href: back.href, label: t('diagnosis.remove_keep') }}
      form={props.form}
    />
  );
}

/** Removing a resource, asked first: the needs it answered stay, and may become gaps. */
export function RemoveResourcePage(props: { ctx: PageContext; diagnosis: DiagnosisRow; resource: ResourceRow; form: FormState }) {
  const { ctx, diagnosis, resource } = props;
  const { t } = ctx.i18n;
  const back = { href: `${diagnosisBase(ctx)}/${diagnosis.id}`, label: diagnosis.title };
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('diagnosis.resource.remove_title', { name: resource.name })}
      back={back}
      consequences={[t('diagnosis.resource.remove_what'), t('diagnosis.resource.remove_gaps')]}
      undo={t('diagnosis.remove_undo')}
      action={`${back.href}/zasoby/${resource.id}/usun`}
      submit={t('diagnosis.resource.remove_submit')}
      keep={{ href: back.href, label: t('diagnosis.remove_keep') }}
      form={props.form}
    />
  );
}
