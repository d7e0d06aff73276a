import type { PageContext } from '../../../platform/ui/context';
import { Layout } from '../../../platform/ui/layout';
import type { ReferralRow } from '../repository';
import { statusLabel } from './common';

/** "Moje skierowania": to whom, for what, where it stands and since when, how often delivered. */
export function MyReferralsPage(props: { ctx: PageContext; referrals: ReferralRow[] }) {
  const { ctx } = props;
  const { t, dateTime } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('referrals.mine.title')}>
      <h1>{t('referrals.mine.title')}</h1>
      <p>{t('referrals.mine.intro')}</p>
      {props.referrals.length === 0 ? (
        <p class="admin-empty">{t('referrals.mine.empty')}</p>
      ) : (
        <ul class="cards">
          {props.referrals.map((r) => (
            <li class="card">
              <h2>{r.service_label}</h2>
              <p>{t('referrals.mine.provider', { name: r.provider_name })}</p>
              <p>
                <strong>{t('referrals.col.status')}:</strong> {statusLabel(ctx, r.status)}
              </p>
              <ul>
                <li>{t('referrals.mine.sent', { when: dateTime(r.sent_at) })}</li>
                {r.accepted_at ? <li>{t('referrals.mine.accepted', { when: dateTime(r.accepted_at) })}</li> : null}
                {r.completed_at ? <li>{t('referrals.mine.completed', { when: dateTime(r.completed_at) })}</li> : null}
                {r.status === 'rejected' || r.status === 'cancelled' ? <li>{t('referrals.mine.closed', { when: dateTime(r.updated_at) })}</li> : null}
              </ul>
              <p>{t('referrals.mine.deliveries', { count: r.deliveries })}</p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
