import { ConfirmPage } from '../../../platform/ui/confirm';
import type { FormState, PageContext } from '../../../platform/ui/context';
import type { ItemKind } from '../domain';
import { ITEM_FIELDS } from '../form';
import type { ItemFormData } from '../service-read';
import { fieldLabel, planBase } from './common';

const DAYS = new Set(['due_on', 'review_on']);

/** "Usunąć pozycję z projektu planu?": the item as written (choices by name), that it leaves the draft, how to put it back. */
export function RemoveItemPage(props: { ctx: PageContext; kind: ItemKind; data: ItemFormData; form: FormState }) {
  const { ctx, kind, data, form } = props;
  const { t, date } = ctx.i18n;
  const plan = `${planBase(ctx, data.case.id)}/${data.plan.id}`;
  const item = data.item!;
  const chosen: Record<string, { id: string; name: string }[]> = { service_id: data.services, provider_unit_id: data.units, provider_organisation_id: data.organisations };
  const shown = (f: string): string => {
    const v = item[f] === null || item[f] === undefined ? '' : String(item[f]);
    if (!v) return '';
    if (chosen[f]) return chosen[f].find((c) => c.id === v)?.name ?? '';
    return DAYS.has(f) ? date(v) : v;
  };
  const facts = ITEM_FIELDS[kind].filter((f) => f !== 'provider_kind' && shown(f) !== '').map((f) => [fieldLabel(ctx, f), shown(f)] as const);
  // After a stale attempt the page carries the version saved now.
  const version = String(form.message ? data.plan.version : (form.values.version ?? data.plan.version));
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('care_plan.remove.title')}
      back={{ href: `${plan}#f-${kind}`, label: t('care_plan.remove.back') }}
      facts={[[t('care_plan.remove.section'), t(`care_plan.${kind}`)], ...facts]}
      consequences={[t('care_plan.remove.effect'), t('care_plan.remove.version')]}
      undo={t('care_plan.remove.undo')}
      action={`${plan}/${kind}/${String(item.id)}/delete`}
      submit={t('care_plan.remove.submit')}
      keep={{ href: `${plan}#f-${kind}`, label: t('care_plan.remove.keep') }}
      form={form}
    >
      <input type="hidden" name="version" value={version} />
    </ConfirmPage>
  );
}
