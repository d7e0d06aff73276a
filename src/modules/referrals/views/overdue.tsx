import type { PageContext } from '../../../platform/ui/context';
import { Layout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import type { ReferralRow } from '../repository';
import { Overdue } from './common';

/** Sent referrals past their answer-by day, of the cases the viewer may see (this read is audited). */
export function OverduePage(props: { ctx: PageContext; referrals: ReferralRow[] }) {
  const { ctx } = props;
  const { t, date } = ctx.i18n;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={t('referrals.overdue.title')}>
      <h1>{t('referrals.overdue.title')}</h1>
      <p>{t('referrals.overdue.intro')}</p>
      <Table
        id="overdue"
        caption={t('referrals.overdue.title')}
        captionHidden
        rows={props.referrals}
        empty={t('referrals.overdue.empty')}
        columns={[
          { header: t('referrals.col.service'), rowHeader: true, cell: (r) => <a href={`/${slug}/cases/${r.case_id}/referrals/${r.id}`}>{r.service_label}</a> },
          { header: t('referrals.detail.case'), cell: (r) => t('referrals.detail.case_value', { number: r.case_number, name: r.person_name }) },
          { header: t('referrals.col.provider'), cell: (r) => r.provider_name },
          {
            header: t('referrals.field.respond_by'),
            cell: (r) => (
              <>
                {date(r.respond_by)}
                <Overdue ctx={ctx} r={r} />
              </>
            ),
          },
        ]}
      />
    </Layout>
  );
}
