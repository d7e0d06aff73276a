import type { PageContext } from '../../../platform/ui/context';
import { Layout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import type { Inbox } from '../repository-providers';
import type { ProviderInbox } from '../service-read';
import { Overdue, statusLabel } from './common';

/** A provider's inbox: the referrals sent to it, open ones first (this read is audited). */
export function InboxPage(props: { ctx: PageContext; data: ProviderInbox; base: string }) {
  const { ctx, data } = props;
  const { t, dateTime, date } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('referrals.inbox.title', { name: data.name })}>
      <h1>{t('referrals.inbox.title', { name: data.name })}</h1>
      <p>{t('referrals.inbox.intro')}</p>
      <Table
        id="inbox"
        caption={t('referrals.inbox.title', { name: data.name })}
        captionHidden
        rows={data.referrals}
        empty={t('referrals.inbox.empty')}
        columns={[
          { header: t('referrals.col.service'), rowHeader: true, cell: (r) => <a href={`${props.base}/${r.id}`}>{r.service_label}</a> },
          { header: t('referrals.col.person'), cell: (r) => (r.shared ? r.shared.person_name : <em>{t('referrals.withdrawn.short')}</em>) },
          { header: t('referrals.col.status'), cell: (r) => statusLabel(ctx, r.status) },
          { header: t('referrals.col.sent'), cell: (r) => dateTime(r.sent_at) },
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

/** The inboxes a person may open: their organisations' and their teams' units. */
export function InboxesPage(props: { ctx: PageContext; inboxes: Inbox[] }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={t('referrals.inboxes.title')}>
      <h1>{t('referrals.inboxes.title')}</h1>
      {props.inboxes.length === 0 ? (
        <p class="admin-empty">{t('referrals.inboxes.empty')}</p>
      ) : (
        <ul>
          {props.inboxes.map((i) => (
            <li>
              <a href={i.kind === 'organisation' ? `/${slug}/organisations/${i.id}/referrals` : `/${slug}/referrals/units/${i.id}`}>{i.name}</a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
