import type { FormState, PageContext } from '../../../platform/ui/context';
import { ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import { Layout, PageLayout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import type { OrganisationRow } from '../repository';
import type { InvitationRow, MemberRow } from '../repository-members';
import { organisationsBase } from './common';

/** An organisation's people and its pending invitations, for its administrators; the invitation form. */
export function MembersPage(props: { ctx: PageContext; organisation: OrganisationRow; members: MemberRow[]; pending: InvitationRow[]; invites: boolean; form: FormState }) {
  const { ctx, organisation: o } = props;
  const { t } = ctx.i18n;
  const base = `${organisationsBase(ctx)}/${o.id}`;
  const labels = { email: t('field.email') };
  return (
    <PageLayout ctx={ctx} title={t('organisations.members.title', { name: o.name })} back={{ href: `${organisationsBase(ctx)}/mine`, label: t('organisations.back_mine') }}>
      <p>{t('organisations.members.intro')}</p>
      <p class="muted">{t('organisations.members.count', { count: props.members.length })}</p>
      <Table
        id="organisation-members"
        caption={t('organisations.members.title', { name: o.name })}
        captionHidden
        rows={props.members}
        empty={t('organisations.members.count', { count: 0 })}
        columns={[
          {
            header: t('organisations.members.col.person'),
            rowHeader: true,
            cell: (m) => (
              <>
                {m.display_name}
                <br />
                <span class="muted">{m.email}</span>
              </>
            ),
          },
          { header: t('organisations.members.col.role'), cell: (m) => t(`organisations.mine.role.${m.role}`) },
          { header: t('organisations.members.col.since'), cell: (m) => ctx.i18n.date(m.joined_at) },
          { header: t('organisations.members.col.actions'), cell: (m) => <a href={`${base}/members/${m.user_id}/remove`}>{t('organisations.members.remove', { name: m.display_name })}</a> },
        ]}
      />
      {props.invites ? (
        <>
          <h2>{t('organisations.members.pending')}</h2>
          {props.pending.length === 0 ? (
            <p>{t('organisations.members.pending_empty')}</p>
          ) : (
            <ul>
              {props.pending.map((i) => (
                <li>
                  {i.email} ({t('organisations.members.expires', { date: ctx.i18n.date(i.expires_at) })})
 <a href={`${base}/invitations/${i.id}/revoke`}>{t('organisations.members.revoke', { email: i.email })}</a>
                </li>
              ))}
            </ul>
          )}
          <h2>{t('organisations.members.invite_title')}</h2>
          <ErrorSummary ctx={ctx} form={props.form} labels={labels} />
          <Form ctx={ctx} action={`${base}/invitations`}>
            <TextField ctx={ctx} form={props.form} name="email" type="email" label={labels.email} required autocomplete="off" />
            <button type="submit">{t('organisations.members.invite_submit')}</button>
          </Form>
        </>
      ) : null}
    </PageLayout>
  );
}

/** The page an invitation's link opens: join (logged in) or log in first. */
export function InvitationPage(props: { ctx: PageContext; email: string; organisationName: string; token: string; signedIn: boolean }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const here = `/${ctx.municipality!.slug}/organisation-invitations/${props.token}`;
  return (
    <Layout ctx={ctx} title={t('organisations.invitation.title')}>
      <h1>{t('organisations.invitation.title')}</h1>
      <p>{t('organisations.invitation.intro', { name: props.organisationName })}</p>
      {props.signedIn ? (
        <Form ctx={ctx} action={here}>
          <button type="submit">{t('organisations.invitation.accept')}</button>
        </Form>
      ) : (
        <>
          <p>{t('organisations.invitation.login_first', { email: props.email })}</p>
          <ul class="links">
            <li>
              <a href={`/login?next=${encodeURIComponent(here)}`}>{t('nav.login')}</a>
            </li>
            <li>
              <a href="/register">{t('nav.register')}</a>
            </li>
          </ul>
        </>
      )}
    </Layout>
  );
}
