import { PageLayout } from '../../../platform/ui/layout';
import type { PageContext } from '../../../platform/ui/context';
import { Pager } from '../../../platform/ui/pager';
import type { MeetingListRow } from '../repository';
import { meetingsBase } from './common';

function MeetingTable(props: { ctx: PageContext; rows: MeetingListRow[]; caption: string }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meetings.col.meeting')}</th>
            <th scope="col">{t('meetings.col.when')}</th>
            <th scope="col">{t('meetings.col.where')}</th>
            <th scope="col">{t('meetings.col.invited')}</th>
            <th scope="col">{t('meetings.col.answered')}</th>
            <th scope="col">{t('meetings.col.yes')}</th>
            <th scope="col">{t('meetings.col.attended')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((m) => (
            <tr>
              <th scope="row">
                <a href={`${meetingsBase(ctx)}/${m.id}`}>{m.title}</a>
                {m.status === 'cancelled' ? <span class="muted"> ({t('meetings.status.cancelled')})</span> : null}
              </th>
              <td>
                <time dateTime={m.starts_at.toISOString()}>{ctx.i18n.dateTime(m.starts_at)}</time>
              </td>
              <td>{m.place || t('meetings.online')}</td>
              <td>{m.invited}</td>
              <td>{m.answered}</td>
              <td>{m.yes}</td>
              <td>{m.attended}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The organiser's meetings: what is coming, what has been, and the way to a new one and to the numbers. */
export function MeetingsPage(props: { ctx: PageContext; upcoming: MeetingListRow[]; past: { rows: MeetingListRow[]; total: number }; page: number; size: number }) {
  const { ctx, past } = props;
  const { t } = ctx.i18n;
  const base = meetingsBase(ctx);
  const pages = Math.max(1, Math.ceil(past.total / props.size));
  return (
    <PageLayout ctx={ctx} title={t('meetings.title')}>
      <p>{t('meetings.intro')}</p>
      <p class="actions">
        <a href={`${base}/new`}>{t('meetings.new')}</a> · <a href={`${base}/stats`}>{t('meetings.stats.link')}</a>
      </p>
      <h2>{t('meetings.upcoming')}</h2>
      {props.upcoming.length === 0 ? <p>{t('meetings.upcoming_empty')}</p> : <MeetingTable ctx={ctx} rows={props.upcoming} caption={t('meetings.upcoming')} />}
      <h2>{t('meetings.past')}</h2>
      {past.rows.length === 0 ? <p>{t('meetings.past_empty')}</p> : <MeetingTable ctx={ctx} rows={past.rows} caption={t('meetings.past')} />}
      <Pager page={props.page} pages={pages} href={(p) => `${base}?page=${p}`} labels={{ nav: t('meetings.pages'), prev: t('organisations.directory.prev'), next: t('organisations.directory.next'), page: (n) => t('organisations.directory.page_n', { page: n }) }} />
    </PageLayout>
  );
}
