import type { FormState, PageContext } from '../../../platform/ui/context';
import { ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import { Layout, PageLayout } from '../../../platform/ui/layout';
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
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{t('organisations.members.title', { name: o.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('organisations.members.col.person')}</th>
              <th scope="col">{t('organisations.members.col.role')}</th>
              <th scope="col">{t('organisations.members.col.since')}</th>
              <th scope="col">{t('organisations.members.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {props.members.map((m) => (
              <tr>
                <th scope="row">
                  {m.display_name}
                  <br />
                  <span class="muted">{m.email}</span>
                </th>
                <td>{t(`organisations.mine.role.${m.role}`)}</td>
                <td>{ctx.i18n.date(m.joined_at)}</td>
                <td>
                  <a href={`${base}/members/${m.user_id}/remove`}>{t('organisations.members.remove', { name: m.display_name })}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
                  <Form ctx={ctx} action={`${base}/invitations/${i.id}/revoke`} class="inline-form">
                    <button type="submit" class="secondary">
                      {t('organisations.members.revoke', { email: i.email })}
                    </button>
                  </Form>
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

/** Confirmation before a person is removed from the organisation: they lose its matters at once. */
export function RemoveMemberPage(props: { ctx: PageContext; organisation: OrganisationRow; member: MemberRow }) {
  const { ctx, organisation: o, member: m } = props;
  const { t } = ctx.i18n;
  const back = `${organisationsBase(ctx)}/${o.id}/members`;
  return (
    <PageLayout ctx={ctx} title={t('organisations.members.remove_title', { name: m.display_name, organisation: o.name })} back={{ href: back, label: t('form.cancel') }}>
      <p>
        {m.display_name} <span class="muted">{m.email}</span> — {t(`organisations.mine.role.${m.role}`)}
      </p>
      <p>{t('organisations.members.remove_intro')}</p>
      <Form ctx={ctx} action={`${back}/${m.user_id}/remove`}>
        <button type="submit">{t('organisations.members.remove_submit')}</button>{' '}
        <a href={back}>{t('form.cancel')}</a>
      </Form>
    </PageLayout>
  );
}
