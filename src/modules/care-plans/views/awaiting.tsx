import type { PageContext } from '../../../platform/ui/context';
import { PageLayout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import type { AwaitingRow } from '../repository-records';
import { planBase } from './common';

/** Plans submitted for approval that the viewer may approve, oldest first (their own are approved by someone else). */
export function AwaitingPage(props: { ctx: PageContext; list: AwaitingRow[] }) {
  const { ctx, list } = props;
  const { t, date, dateTime } = ctx.i18n;
  return (
    <PageLayout ctx={ctx} title={t('care_plan.awaiting.title')}>
      <p>{t('care_plan.awaiting.intro')}</p>
      <Table
        id="awaiting"
        caption={t('care_plan.awaiting.caption', { count: list.length })}
        captionHidden
        rows={list}
        empty={t('care_plan.awaiting.empty')}
        columns={[
          { header: t('care_plan.pdf.case'), rowHeader: true, cell: (r) => <a href={`${planBase(ctx, r.case_id)}/${r.plan_id}`}>{r.case_number}</a> },
          { header: t('care_plan.pdf.resident'), cell: (r) => r.person_name },
          { header: t('care_plan.col.revision'), numeric: true, cell: (r) => r.revision },
          { header: t('care_plan.author'), cell: (r) => r.author_name },
          { header: t('care_plan.submitted_at'), cell: (r) => dateTime(r.submitted_at) },
          { header: t('care_plan.due'), cell: (r) => (r.plan_due_on ? date(r.plan_due_on) : '—') },
        ]}
      />
    </PageLayout>
  );
}
