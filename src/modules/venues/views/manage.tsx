import type { PageContext } from '../../../platform/ui/context';
import { Layout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import type { VenueWithRooms } from '../service';
import { venuesBase } from './common';

/** Staff's list of venues and every room (withdrawn ones too), with the ways to add and edit them. */
export function ManagePage(props: { ctx: PageContext; venues: VenueWithRooms[] }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const base = venuesBase(ctx);
  return (
    <Layout ctx={ctx} title={t('venues.manage.title')}>
      <h1>{t('venues.manage.title')}</h1>
      <ul class="links">
        <li>
          <a href={`${base}/new`}>{t('venues.manage.new_venue')}</a>
        </li>
        <li>
          <a href={`${base}/queue`}>{t('venues.queue.title')}</a>
        </li>
        <li>
          <a href={base}>{t('venues.manage.public')}</a>
        </li>
      </ul>
      {props.venues.length === 0 ? <p class="admin-empty">{t('venues.empty')}</p> : null}
      {props.venues.map((v) => (
        <section aria-labelledby={`venue-${v.id}`} class="admin-section">
          <h2 id={`venue-${v.id}`}>{v.name}</h2>
          <ul class="links">
            <li>
              <a href={`${base}/${v.id}/edit`}>{t('venues.manage.edit_venue', { name: v.name })}</a>
            </li>
            <li>
              <a href={`${base}/${v.id}/rooms/new`}>{t('venues.manage.new_room', { name: v.name })}</a>
            </li>
          </ul>
          <Table
            id={`rooms-${v.id}`}
            caption={t('venues.manage.rooms_of', { name: v.name })}
            captionHidden
            rows={v.rooms}
            empty={t('venues.rooms_empty')}
            columns={[
              { header: t('venues.col.room'), rowHeader: true, cell: (r) => r.name },
              { header: t('venues.room.capacity'), numeric: true, cell: (r) => r.capacity },
              { header: t('venues.col.status'), cell: (r) => (r.bookable ? t('venues.room.bookable_yes') : t('venues.room.bookable_no')) },
              {
                header: t('venues.col.actions'),
                cell: (r) => (
                  <ul class="links">
                    <li>
                      <a href={`${base}/rooms/${r.id}/edit`} aria-label={`${t('venues.manage.edit')}: ${r.name}`}>{t('venues.manage.edit')}</a>
                    </li>
                    <li>
                      <a href={`${base}/rooms/${r.id}`} aria-label={`${t('venues.manage.calendar')}: ${r.name}`}>{t('venues.manage.calendar')}</a>
                    </li>
                  </ul>
                ),
              },
            ]}
          />
        </section>
      ))}
    </Layout>
  );
}
