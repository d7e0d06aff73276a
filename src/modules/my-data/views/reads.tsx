import type { PageContext } from '../../../platform/ui/context';
import { PageLayout } from '../../../platform/ui/layout';
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
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{t('my_data.reads.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('my_data.col.when')}</th>
                  <th scope="col">{t('my_data.col.who')}</th>
                  <th scope="col">{t('my_data.col.what')}</th>
                  <th scope="col">{t('my_data.col.why')}</th>
                </tr>
              </thead>
              <tbody>
                {data.entries.map((e) => (
                  <tr>
                    <th scope="row">
                      <time dateTime={e.occurred_at.toISOString()}>{dateTime(e.occurred_at)}</time>
                    </th>
                    <td>
                      {e.reader}
                      <br />
                      <span class="muted">{readerRoles(t, e)}</span>
                    </td>
                    <td>{readWhat(t, e, data.labels)}</td>
                    <td class="prewrap">{e.reason || t('my_data.reads.duty')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
