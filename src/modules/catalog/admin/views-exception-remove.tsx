import { ConfirmPage } from '../../../platform/ui/confirm';
import type { FormState, PageContext } from '../../../platform/ui/context';
import type { ExceptionRow } from './repository-admin-places';
import { adminBase } from './views-common';

/** "Usunąć dzień z innymi godzinami?": the day and its hours, that the usual weekly hours apply again, and how to undo it. */
export function RemoveExceptionPage(props: { ctx: PageContext; location: { id: string; name: string }; exception: ExceptionRow; form: FormState }) {
  const { ctx, location, exception: e } = props;
  const { t, date } = ctx.i18n;
  const page = `${adminBase(ctx)}/locations/${location.id}`;
  const day = date(`${e.day}T12:00:00Z`);
  const hours = e.closed ? t('catalog_admin.exception.closed') : `${e.opens}–${e.closes}`;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('catalog_admin.exception.remove_title')}
      back={{ href: `${page}#exceptions-title`, label: location.name }}
      facts={[
        [t('catalog_admin.exception.location'), location.name],
        [t('catalog_admin.field.ex_day'), day],
        [t('catalog_admin.exception.col_hours'), hours],
        ...(e.note ? [[t('catalog_admin.field.ex_note'), e.note] as const] : []),
      ]}
      consequences={[t('catalog_admin.exception.remove_effect', { date: day }), t('catalog_admin.exception.remove_history')]}
      undo={t('catalog_admin.exception.remove_undo')}
      action={`${page}/exceptions/${e.id}/delete`}
      submit={t('catalog_admin.exception.remove_submit')}
      keep={{ href: `${page}#exceptions-title`, label: t('catalog_admin.exception.remove_keep') }}
      form={props.form}
    />
  );
}
