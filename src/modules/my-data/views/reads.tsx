import type { PageContext } from '../../../platform/ui/context';
import { PageLayout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import { Pager } from '../../../platform/ui/pager';
import { readerRoles, readWhat } from '../reads-text';
import type { ReadsPage } from '../service-hub';
import { myBase } from './common';

/** "Kto czytał moje dane": who of the staff read the person's applications, cases and documents — who, what, when, why. */
export function WhoReadPage(props: { ctx: PageContext; data: ReadsPage }) {
  const { ctx, data } = props;
  const { t, dateTime } = ctx.i18n;
  const base = myBase(ctx);
  return (
    <PageLayout ctx={ctx} title={t('my_data.reads.title')} back={{ href: base, label: t('my_data.hub.title') }}>
      <p>{t('my_data.reads.intro')}</p>
      {data.total === 0 ? (
        <p class="admin-empty">{t('my_data.reads.empty')}</p>
      ) : (
        <>
          <p class="muted">{t('my_data.reads.count', { count: data.total })}</p>
          <Table
            id="reads"
            caption={t('my_data.reads.title')}
            captionHidden
            rows={data.entries}
            empty={t('my_data.reads.empty')}
            columns={[
              { header: t('my_data.col.when'), rowHeader: true, cell: (e) => <time dateTime={e.occurred_at.toISOString()}>{dateTime(e.occurred_at)}</time> },
              {
                header: t('my_data.col.who'),
                cell: (e) => (
                  <>
                    {e.reader}
                    <br />
                    <span class="muted">{readerRoles(t, e)}</span>
                  </>
                ),
              },
              { header: t('my_data.col.what'), cell: (e) => readWhat(t, e, data.labels) },
              { header: t('my_data.col.why'), cell: (e) => <span class="prewrap">{e.reason || t('my_data.reads.duty')}</span> },
            ]}
          />
          <Pager
            page={data.page}
            pages={data.pages}
            href={(n) => `${base}/reads?page=${n}`}
            labels={{ nav: t('my_data.reads.pages'), prev: t('my_data.reads.prev'), next: t('my_data.reads.next'), page: (n) => t('my_data.reads.page', { page: n }) }}
          />
        </>
      )}
    </PageLayout>
  );
}
