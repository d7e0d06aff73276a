import type { MessageKey } from '../../../platform/i18n';
import type { PageContext } from '../../../platform/ui/context';
import { acceptsOffers, formatMoney, type CallRow } from '../domain';

export const grantsBase = (ctx: PageContext) => `/${ctx.municipality!.slug}/grants`;
export const zl = (ctx: PageContext, grosze: number) => ctx.i18n.t('commissioning.money', { amount: formatMoney(grosze) });
export const sphereLabel = (ctx: PageContext, sphere: string) => ctx.i18n.t(`sphere.${sphere}` as MessageKey);

export function callStatusLabel(ctx: PageContext, c: CallRow): string {
  const { t } = ctx.i18n;
  if (c.status === 'published') return t(acceptsOffers(c, new Date()) ? 'commissioning.status.open' : 'commissioning.status.closed');
  return t(`commissioning.status.${c.status}`);
}
