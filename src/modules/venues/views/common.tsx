import type { MessageKey } from '../../../platform/i18n';
import type { PageContext } from '../../../platform/ui/context';
import { WEEKDAYS, type Accessibility, type BookingStatus, type DayHours, type Equipment, type RoomRow } from '../domain';
import { slotText } from '../time';

export const venuesBase = (ctx: PageContext) => `/${ctx.municipality!.slug}/venues`;

export const equipmentLabel = (ctx: PageContext, e: Equipment) => ctx.i18n.t(`venues.equipment.${e}` as MessageKey);
export const accessibilityLabel = (ctx: PageContext, a: Accessibility) => ctx.i18n.t(`venues.accessibility.${a}` as MessageKey);
export const weekdayLabel = (ctx: PageContext, d: number) => ctx.i18n.t(`venues.weekday.${d}` as MessageKey);
export const statusLabel = (ctx: PageContext, s: BookingStatus) => ctx.i18n.t(`venues.status.${s}` as MessageKey);
export const slot = (ctx: PageContext, b: { starts_at: Date; ends_at: Date }) => slotText(b, ctx.i18n.locale);

/** A venue's week of hours as a description list; a day without hours is closed. */
export function Hours(props: { ctx: PageContext; hours: DayHours[] }) {
  const { ctx } = props;
  return (
    <dl class="facts">
      {WEEKDAYS.map((d) => {
        const h = props.hours.find((x) => x.weekday === d);
        return (
          <>
            <dt>{weekdayLabel(ctx, d)}</dt>
            <dd>{h ? `${h.opens}–${h.closes}` : ctx.i18n.t('venues.closed')}</dd>
          </>
        );
      })}
    </dl>
  );
}

/** What a room offers, as one line each: capacity, equipment, accessibility. */
export function RoomFacts(props: { ctx: PageContext; room: RoomRow }) {
  const { ctx, room: r } = props;
  const { t } = ctx.i18n;
  const none = t('venues.none');
  return (
    <dl class="facts">
      <dt>{t('venues.room.capacity')}</dt>
      <dd>{t('venues.room.people', { count: r.capacity })}</dd>
      <dt>{t('venues.room.equipment')}</dt>
      <dd>{r.equipment.length ? r.equipment.map((e) => equipmentLabel(ctx, e)).join(', ') : none}</dd>
      <dt>{t('venues.room.accessibility')}</dt>
      <dd>{r.accessibility.length ? r.accessibility.map((a) => accessibilityLabel(ctx, a)).join(', ') : none}</dd>
    </dl>
  );
}


