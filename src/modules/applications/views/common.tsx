import type { PageContext } from '../../../platform/ui/context';
import type { Relation, Status, Warning } from '../domain';

export const applicationsBase = (ctx: PageContext) => `/${ctx.municipality!.slug}/applications`;

export const statusLabel = (ctx: PageContext, s: Status) => ctx.i18n.t(`applications.status.${s}`);
export const relationLabel = (ctx: PageContext, r: Relation) => ctx.i18n.t(`applications.relation.${r}`);

/** A warning as staff read it: the service's age range and the beneficiary's age. */
export const warningText = (ctx: PageContext, w: Warning) => ctx.i18n.t(`applications.warning.${w.code}`, w.params);

/** The warnings of one application, as a list staff cannot miss (text, not colour alone). */
export function Warnings(props: { ctx: PageContext; warnings: Warning[] }) {
  if (props.warnings.length === 0) return null;
  return (
    <ul class="application-warnings">
      {props.warnings.map((w) => (
        <li>
          <strong>{props.ctx.i18n.t('applications.warning.label')}</strong> {warningText(props.ctx, w)}
        </li>
      ))}
    </ul>
  );
}
