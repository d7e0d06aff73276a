import type { PageContext } from '../../../platform/ui/context';
import { Layout } from '../../../platform/ui/layout';
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
      {props.referrals.length === 0 ? (
        <p class="admin-empty">{t('referrals.overdue.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('referrals.overdue.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('referrals.col.service')}</th>
                <th scope="col">{t('referrals.detail.case')}</th>
                <th scope="col">{t('referrals.col.provider')}</th>
                <th scope="col">{t('referrals.field.respond_by')}</th>
              </tr>
            </thead>
            <tbody>
              {props.referrals.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={`/${slug}/cases/${r.case_id}/referrals/${r.id}`}>{r.service_label}</a>
                  </th>
                  <td>{t('referrals.detail.case_value', { number: r.case_number, name: r.person_name })}</td>
                  <td>{r.provider_name}</td>
                  <td>
                    {date(r.respond_by)}
                    <Overdue ctx={ctx} r={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
