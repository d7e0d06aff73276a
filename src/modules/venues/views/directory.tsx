import type { PageContext } from '../../../platform/ui/context';
import { Layout } from '../../../platform/ui/layout';
import type { VenueWithRooms } from '../service';
import { Hours, RoomFacts, venuesBase } from './common';

function Address(props: { venue: VenueWithRooms }) {
  const v = props.venue;
  const line = [v.street, [v.postal_code, v.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return line ? <p>{line}</p> : null;
}

/** A venue's rooms: what each offers, its week's calendar and, for people logged in, the way to ask for it. */
function Rooms(props: { ctx: PageContext; venue: VenueWithRooms; level: 'h3' | 'h4' }) {
  const { ctx, venue: v } = props;
  const { t } = ctx.i18n;
  const base = venuesBase(ctx);
  const Heading = props.level;
  if (v.rooms.length === 0) return <p class="admin-empty">{t('venues.rooms_empty')}</p>;
  return (
    <ul class="results">
      {v.rooms.map((r) => (
        <li class="result">
          <Heading>{r.name}</Heading>
          <RoomFacts ctx={ctx} room={r} />
          {r.description ? <p class="prewrap">{r.description}</p> : null}
          <ul class="links">
            <li>
              <a href={`${base}/rooms/${r.id}`}>{t('venues.room.calendar_link', { room: r.name })}</a>
            </li>
            <li>
              <a href={`${base}/rooms/${r.id}/book`}>{t('venues.room.book_link', { room: r.name })}</a>
            </li>
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** The Local Activity Place: every venue with its address, hours and rooms. */
export function VenuesPage(props: { ctx: PageContext; venues: VenueWithRooms[]; staff: boolean }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const base = venuesBase(ctx);
  return (
    <Layout ctx={ctx} title={t('venues.title')}>
      <h1>{t('venues.title')}</h1>
      <p>{t('venues.intro')}</p>
      <ul class="links">
        {ctx.user ? (
          <li>
            <a href={`${base}/bookings`}>{t('venues.mine.title')}</a>
          </li>
        ) : null}
        {props.staff ? (
          <li>
            <a href={`${base}/manage`}>{t('venues.manage.title')}</a>
          </li>
        ) : null}
      </ul>
      {props.venues.length === 0 ? <p class="admin-empty">{t('venues.empty')}</p> : null}
      {props.venues.map((v) => (
        <section aria-labelledby={`venue-${v.id}`}>
          <h2 id={`venue-${v.id}`}>
            <a href={`${base}/${v.id}`}>{v.name}</a>
          </h2>
          <Address venue={v} />
          <h3>{t('venues.hours')}</h3>
          <Hours ctx={ctx} hours={v.hours} />
          <h3>{t('venues.rooms')}</h3>
          <Rooms ctx={ctx} venue={v} level="h4" />
        </section>
      ))}
    </Layout>
  );
}

/** One venue: how to reach it, when it is open, its rooms. */
export function VenuePage(props: { ctx: PageContext; venue: VenueWithRooms }) {
  const { ctx, venue: v } = props;
  const { t } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={v.name}>
      <p class="admin-back">
        <a href={venuesBase(ctx)}>{t('venues.back')}</a>
      </p>
      <h1>{v.name}</h1>
      <Address venue={v} />
      {v.description ? <p class="prewrap">{v.description}</p> : null}
      {v.email || v.phone ? (
        <dl class="facts">
          {v.email ? (
            <>
              <dt>{t('venues.form.field.email')}</dt>
              <dd>
                <a href={`mailto:${v.email}`}>{v.email}</a>
              </dd>
            </>
          ) : null}
          {v.phone ? (
            <>
              <dt>{t('venues.form.field.phone')}</dt>
              <dd>{v.phone}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <h2>{t('venues.hours')}</h2>
      <Hours ctx={ctx} hours={v.hours} />
      <h2>{t('venues.rooms')}</h2>
      <Rooms ctx={ctx} venue={v} level="h3" />
    </Layout>
  );
}
