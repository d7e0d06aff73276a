import type { PageContext } from '../../../platform/ui/context';
import { PageLayout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
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
      <Table
        id="reads"
        caption={t('applications.reads.title')}
        captionHidden
        rows={props.reads}
        empty={t('applications.reads.empty')}
        columns={[
          { header: t('applications.reads.col.when'), rowHeader: true, cell: (r) => <time dateTime={r.occurred_at.toISOString()}>{ctx.i18n.dateTime(r.occurred_at)}</time> },
          { header: t('applications.reads.col.who'), cell: (r) => r.reader },
          { header: t('applications.reads.col.what'), cell: what },
          { header: t('applications.reads.col.service'), cell: (r) => r.service },
        ]}
      />
    </PageLayout>
  );
}
