import type { PageContext } from '../../../platform/ui/context';
import { PageLayout } from '../../../platform/ui/layout';
import type { AwaitingRow } from '../repository-records';
import { planBase } from './common';

/** Plans submitted for approval that the viewer may approve, oldest first (their own are approved by someone else). */
export function AwaitingPage(props: { ctx: PageContext; list: AwaitingRow[] }) {
  const { ctx, list } = props;
  const { t, date, dateTime } = ctx.i18n;
  return (
    <PageLayout ctx={ctx} title={t('care_plan.awaiting.title')}>
      <p>{t('care_plan.awaiting.intro')}</p>
      {list.length === 0 ? (
        <p class="empty-state">{t('care_plan.awaiting.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('care_plan.awaiting.caption', { count: list.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('care_plan.pdf.case')}</th>
                <th scope="col">{t('care_plan.pdf.resident')}</th>
                <th scope="col">{t('care_plan.col.revision')}</th>
                <th scope="col">{t('care_plan.author')}</th>
                <th scope="col">{t('care_plan.submitted_at')}</th>
                <th scope="col">{t('care_plan.due')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr>
                  <td>
                    <a href={`${planBase(ctx, r.case_id)}/${r.plan_id}`}>{r.case_number}</a>
                  </td>
                  <td>{r.person_name}</td>
                  <td>{r.revision}</td>
                  <td>{r.author_name}</td>
                  <td>{dateTime(r.submitted_at)}</td>
                  <td>{r.plan_due_on ? date(r.plan_due_on) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </PageLayout>
  );
}
