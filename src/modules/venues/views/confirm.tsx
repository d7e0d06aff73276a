import { ConfirmPage } from '../../../platform/ui/confirm';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { TextArea } from '../../../platform/ui/fields';
import { roomLabel, type BookingRow, type RoomRow } from '../domain';
import type { VenueWithRooms } from '../service';
import { slot, statusLabel, venuesBase } from './common';
import type { ReviewData } from './review';

function Dates(props: { ctx: PageContext; dates: BookingRow[] }) {
  return (
    <ul>
      {props.dates.map((d) => (
        <li>
          {slot(props.ctx, d)} — {statusLabel(props.ctx, d.status)}
        </li>
      ))}
    </ul>
  );
}

/** "Usunąć miejsce?": its address and rooms; refused while it has rooms, which the page says beforehand. */
export function DeleteVenuePage(props: { ctx: PageContext; venue: VenueWithRooms; form: FormState }) {
  const { ctx, venue: v } = props;
  const { t } = ctx.i18n;
  const edit = `${venuesBase(ctx)}/${v.id}/edit`;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('venues.confirm.delete_venue.title', { name: v.name })}
      back={{ href: edit, label: t('venues.confirm.delete_venue.keep') }}
      facts={[
        [t('venues.form.field.name'), v.name],
        [t('venues.confirm.address'), `${v.street}, ${v.postal_code} ${v.city}`],
        [t('venues.confirm.rooms'), v.rooms.length === 0 ? t('venues.none') : v.rooms.map((r) => r.name).join(', ')],
      ]}
      consequences={[t('venues.confirm.delete_venue.effect'), ...(v.rooms.length > 0 ? [t('venues.confirm.delete_venue.rooms_first', { count: v.rooms.length })] : [])]}
      undo={t('venues.confirm.delete_venue.undo')}
      action={`${venuesBase(ctx)}/${v.id}/delete`}
      submit={t('venues.confirm.delete_venue.submit')}
      keep={{ href: edit, label: t('venues.confirm.delete_venue.keep') }}
      form={props.form}
    >
      <input type="hidden" name="version" value={String(v.version)} />
    </ConfirmPage>
  );
}

/** "Usunąć salę?": the room and its place; a room ever booked is refused (it can be withdrawn from booking instead). */
export function DeleteRoomPage(props: { ctx: PageContext; room: RoomRow; form: FormState }) {
  const { ctx, room: r } = props;
  const { t } = ctx.i18n;
  const edit = `${venuesBase(ctx)}/rooms/${r.id}/edit`;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('venues.confirm.delete_room.title', { name: r.name })}
      back={{ href: edit, label: t('venues.confirm.delete_room.keep') }}
      facts={[
        [t('venues.col.room'), roomLabel(r)],
        [t('venues.room.capacity'), r.capacity],
      ]}
      consequences={[t('venues.confirm.delete_room.effect'), t('venues.confirm.delete_room.history')]}
      undo={t('venues.confirm.delete_room.undo')}
      action={`${venuesBase(ctx)}/rooms/${r.id}/delete`}
      submit={t('venues.confirm.delete_room.submit')}
      keep={{ href: edit, label: t('venues.confirm.delete_room.keep') }}
      form={props.form}
    >
      <input type="hidden" name="version" value={String(r.version)} />
    </ConfirmPage>
  );
}

/** "Anulować rezerwację?": the dates that will be cancelled (one, or the coming ones of a series), from "Moje rezerwacje" or the staff's review. */
export function CancelBookingPage(props: { ctx: PageContext; booking: BookingRow; dates: BookingRow[]; series: boolean; fromQueue: boolean; form: FormState }) {
  const { ctx, booking: b } = props;
  const { t } = ctx.i18n;
  const base = venuesBase(ctx);
  const back = props.fromQueue ? `${base}/bookings/${b.id}` : `${base}/bookings`;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t(props.series ? 'venues.confirm.cancel.title_series' : 'venues.confirm.cancel.title')}
      back={{ href: back, label: t('venues.confirm.cancel.keep') }}
      facts={[
        [t('venues.col.title'), b.title],
        [t('venues.col.room'), roomLabel({ venue_name: b.venue_name, name: b.room_name })],
        [t('venues.confirm.dates'), <Dates ctx={ctx} dates={props.dates} />],
      ]}
      consequences={[t('venues.confirm.cancel.effect', { count: props.dates.length })]}
      undo={t('venues.confirm.cancel.undo')}
      action={`${base}/bookings/${b.id}/cancel`}
      submit={t('venues.confirm.cancel.submit')}
      keep={{ href: back, label: t('venues.confirm.cancel.keep') }}
      form={props.form}
    >
      <input type="hidden" name="scope" value={props.series ? 'series' : 'one'} />
      {props.fromQueue ? <input type="hidden" name="from" value="queue" /> : null}
    </ConfirmPage>
  );
}

/** "Odrzucić prośbę?": the dates waiting for a decision, who is told; the reason (mailed to them) is written here. */
export function DeclineBookingPage(props: { ctx: PageContext; data: ReviewData; form: FormState }) {
  const { ctx, data } = props;
  const { t } = ctx.i18n;
  const b = data.booking;
  const review = `${venuesBase(ctx)}/bookings/${b.id}`;
  const waiting = data.series.filter((x) => x.status === 'requested');
  const labels = { reason: t('venues.review.reason') };
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('venues.confirm.decline.title', { title: b.title })}
      back={{ href: review, label: t('venues.confirm.decline.keep') }}
      facts={[
        [t('venues.col.room'), roomLabel({ venue_name: b.venue_name, name: b.room_name })],
        [t('venues.col.who'), data.requester ? `${data.requester.name} (${data.requester.email})` : t('venues.none')],
        [t('venues.confirm.dates'), <Dates ctx={ctx} dates={waiting} />],
      ]}
      consequences={[t('venues.confirm.decline.effect', { count: waiting.length }), t('venues.confirm.decline.mail')]}
      undo={t('venues.confirm.decline.undo')}
      action={`${review}/decline`}
      submit={t('venues.confirm.decline.submit')}
      keep={{ href: review, label: t('venues.confirm.decline.keep') }}
      form={props.form}
      labels={labels}
    >
      <TextArea ctx={ctx} form={props.form} name="reason" label={labels.reason} hint={t('venues.review.reason_hint')} required rows={4} />
    </ConfirmPage>
  );
}
