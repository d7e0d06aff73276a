import { PageLayout } from '../../../platform/ui/layout';
import type { PageContext } from '../../../platform/ui/context';
import { Pager } from '../../../platform/ui/pager';
import { Table } from '../../../platform/ui/table';
import type { MeetingListRow } from '../repository';
import { meetingsBase } from './common';

function MeetingTable(props: { ctx: PageContext; id: string; rows: MeetingListRow[]; caption: string; empty: string }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  return (
    <Table
      id={props.id}
      caption={props.caption}
      captionHidden
      rows={props.rows}
      empty={props.empty}
      columns={[
        {
          header: t('meetings.col.meeting'),
          rowHeader: true,
          cell: (m) => (
            <>
              <a href={`${meetingsBase(ctx)}/${m.id}`}>{m.title}</a>
              {m.status === 'cancelled' ? <span class="muted"> ({t('meetings.status.cancelled')})</span> : null}
            </>
          ),
        },
        { header: t('meetings.col.when'), cell: (m) => <time dateTime={m.starts_at.toISOString()}>{ctx.i18n.dateTime(m.starts_at)}</time> },
        { header: t('meetings.col.where'), cell: (m) => m.place || t('meetings.online') },
        { header: t('meetings.col.invited'), numeric: true, cell: (m) => m.invited },
        { header: t('meetings.col.answered'), numeric: true, cell: (m) => m.answered },
        { header: t('meetings.col.yes'), numeric: true, cell: (m) => m.yes },
        { header: t('meetings.col.attended'), numeric: true, cell: (m) => m.attended },
      ]}
    />
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
      <MeetingTable ctx={ctx} id="meetings-upcoming" rows={props.upcoming} caption={t('meetings.upcoming')} empty={t('meetings.upcoming_empty')} />
      <h2>{t('meetings.past')}</h2>
      <MeetingTable ctx={ctx} id="meetings-past" rows={past.rows} caption={t('meetings.past')} empty={t('meetings.past_empty')} />
      <Pager page={props.page} pages={pages} href={(p) => `${base}?page=${p}`} labels={{ nav: t('meetings.pages'), prev: t('organisations.directory.prev'), next: t('organisations.directory.next'), page: (n) => t('organisations.directory.page_n', { page: n }) }} />
    </PageLayout>
  );
}
