import type { PageContext } from '../../../platform/ui/context';
import { PageLayout } from '../../../platform/ui/layout';
import type { ReadRow } from '../repository-records';
import { applicationsBase } from './common';

/** "Kto czytał moje dane": who of the centre's staff read the person's applications, when, and where. */
export function ReadsPage(props: { ctx: PageContext; reads: ReadRow[] }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const what = (r: ReadRow) => (r.subject_type === 'application' ? t('applications.reads.page') : r.purpose === 'export' ? t('applications.reads.export') : t('applications.reads.queue'));
  return (
    <PageLayout ctx={ctx} title={t('applications.reads.title')} back={{ href: `${applicationsBase(ctx)}/mine`, label: t('applications.mine.title') }}>
      <p>{t('applications.reads.intro')}</p>
      {props.reads.length === 0 ? (
        <p>{t('applications.reads.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('applications.reads.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('applications.reads.col.when')}</th>
                <th scope="col">{t('applications.reads.col.who')}</th>
                <th scope="col">{t('applications.reads.col.what')}</th>
                <th scope="col">{t('applications.reads.col.service')}</th>
              </tr>
            </thead>
            <tbody>
              {props.reads.map((r) => (
                <tr>
                  <th scope="row">
                    <time dateTime={r.occurred_at.toISOString()}>{ctx.i18n.dateTime(r.occurred_at)}</time>
                  </th>
                  <td>{r.reader}</td>
                  <td>{what(r)}</td>
                  <td>{r.service}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </PageLayout>
  );
}
