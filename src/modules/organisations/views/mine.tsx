import type { PageContext } from '../../../platform/ui/context';
import { Layout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import type { Kind, MemberRole, Status } from '../domain';
import { kindLabel, organisationsBase } from './common';

export interface MyOrganisation {
  id: string;
  name: string;
  kind: Kind;
  status: Status;
  rejection_reason: string;
  role: MemberRole | null;
  registrant: boolean;
}

/** What a person may do with one of their organisations: edit, its people, federation invitations, the profile, the cooperation history. */
function Actions(props: { ctx: PageContext; o: MyOrganisation }) {
  const { ctx, o } = props;
  const { t } = ctx.i18n;
  const base = organisationsBase(ctx);
  const canEdit = o.status === 'verified' ? o.role === 'admin' : o.registrant;
  return (
    <ul class="links">
      {canEdit ? (
        <li>
          <a href={`${base}/${o.id}/edit`} aria-label={`${t('organisations.mine.edit')}: ${o.name}`}>{t('organisations.mine.edit')}</a>
        </li>
      ) : null}
      {o.status === 'verified' && o.role === 'admin' ? (
        <li>
          <a href={`${base}/${o.id}/members`} aria-label={`${t('organisations.mine.members')}: ${o.name}`}>{t('organisations.mine.members')}</a>
        </li>
      ) : null}
      {o.status === 'verified' && o.role === 'admin' ? (
        <li>
          <a href={`${base}/${o.id}/federation-invitations`} aria-label={`${t('organisations.federation.invites')}: ${o.name}`}>
            {t('organisations.federation.invites')}
          </a>
        </li>
      ) : null}
      {o.status === 'verified' ? (
        <li>
          <a href={`${base}/${o.id}`} aria-label={`${t('organisations.mine.profile')}: ${o.name}`}>{t('organisations.mine.profile')}</a>
        </li>
      ) : null}
      {o.role ? (
        <li>
          <a href={`${base}/${o.id}/cooperation`} aria-label={`${t('cooperation.link')}: ${o.name}`}>{t('cooperation.link')}</a>
        </li>
      ) : null}
    </ul>
  );
}

/** The organisations a person registered or belongs to: their status (a rejection's reason) and what they may do. */
export function MyOrganisationsPage(props: { ctx: PageContext; organisations: MyOrganisation[] }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const base = organisationsBase(ctx);
  return (
    <Layout ctx={ctx} title={t('organisations.mine.title')}>
      <h1>{t('organisations.mine.title')}</h1>
      <p>{t('organisations.mine.intro')}</p>
      <p>
        <a href={`${base}/register`}>{t('organisations.directory.register')}</a>
      </p>
      <Table
        id="my-organisations"
        caption={t('organisations.mine.title')}
        captionHidden
        rows={props.organisations}
        empty={t('organisations.mine.empty')}
        columns={[
          {
            header: t('organisations.mine.col.name'),
            rowHeader: true,
            cell: (o) => (
              <>
                {o.name}
                <br />
                <span class="muted">{kindLabel(ctx, o.kind)}</span>
              </>
            ),
          },
          {
            header: t('organisations.mine.col.status'),
            cell: (o) => (
              <>
                {t(`organisation_status.${o.status}`)}
                {o.status === 'rejected' ? <p class="prewrap">{t('organisations.mine.reason', { reason: o.rejection_reason })}</p> : null}
              </>
            ),
          },
          { header: t('organisations.mine.col.role'), cell: (o) => (o.role ? t(`organisations.mine.role.${o.role}`) : t('organisations.mine.role.registrant')) },
          { header: t('organisations.mine.col.actions'), cell: (o) => <Actions ctx={ctx} o={o} /> },
        ]}
      />
      <p>
        <a href={`/${ctx.municipality!.slug}/meetings/inbox`}>{t('meetings.inbox.title')}</a>
      </p>
    </Layout>
  );
}
