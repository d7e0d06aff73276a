import type { Role } from '../../platform/auth/roles';
import type { FormState, PageContext } from '../../platform/ui/context';
import { CheckboxGroup, ErrorSummary, Form, TextField } from '../../platform/ui/forms';
import { Layout } from '../../platform/ui/layout';
import { Table } from '../../platform/ui/table';
import type { InvitationRow, MemberRow } from './repository';
import type { GrantRow } from './repository-grants';
import type { Second } from './service-grants';

const roleOptions = (ctx: PageContext, roles: readonly Role[]) => roles.map((r) => ({ value: r, label: ctx.i18n.t(`role.${r}`) }));

export function StaffPage(props: { ctx: PageContext; members: MemberRow[]; pending: InvitationRow[]; grants: GrantRow[]; second: Second; form: FormState; roles: readonly Role[] }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const slug = ctx.municipality!.slug;
  const labels = { email: t('field.email'), roles: t('field.roles') };
  return (
    <Layout ctx={ctx} title={t('staff.title')}>
      <h1>{t('staff.title')}</h1>
      <p>{t('staff.intro')}</p>
      <h2>{t('staff.members')}</h2>
      <p class="muted">{t('staff.members_count', { count: props.members.length })}</p>
      <Table
        id="staff-members"
        caption={t('staff.members')}
        captionHidden
        rows={props.members}
        empty={t('staff.members_count', { count: 0 })}
        columns={[
          {
            header: t('staff.col.person'),
            rowHeader: true,
            cell: (m) => (
              <>
                {m.display_name}
                <br />
                <span class="muted">{m.email}</span>
              </>
            ),
          },
          { header: t('staff.col.roles'), cell: (m) => m.roles.map((r) => t(`role.${r}`)).join(', ') },
          { header: t('staff.col.mfa'), cell: (m) => (m.mfa_enabled ? t('staff.mfa_yes') : t('staff.mfa_no')) },
          { header: t('staff.col.actions'), cell: (m) => <a href={`/${slug}/staff/${m.user_id}`}>{t('staff.edit', { name: m.display_name })}</a> },
        ]}
      />
      <Grants ctx={ctx} grants={props.grants} />
      <h2>{t('staff.pending')}</h2>
      {props.pending.length === 0 ? (
        <p>{t('staff.pending_empty')}</p>
      ) : (
        <ul>
          {props.pending.map((i) => (
            <li>
              {i.email} — {i.roles.map((r) => t(`role.${r}`)).join(', ')} ({t('staff.expires', { date: ctx.i18n.date(i.expires_at) })})
 <a href={`/${slug}/staff/invitations/${i.id}/revoke`}>{t('staff.revoke', { email: i.email })}</a>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('staff.invite_title')}</h2>
      <p class="muted">{t(`staff.second.${props.second}`)}</p>
      <ErrorSummary ctx={ctx} form={props.form} labels={labels} />
      <Form ctx={ctx} action={`/${slug}/staff/invitations`}>
        <TextField ctx={ctx} form={props.form} name="email" type="email" label={labels.email} required autocomplete="off" />
        <CheckboxGroup ctx={ctx} form={props.form} name="roles" legend={labels.roles} options={roleOptions(ctx, props.roles)} />
        <button type="submit">{t('staff.invite_submit')}</button>
      </Form>
    </Layout>
  );
}

export function EditRolesPage(props: { ctx: PageContext; member: MemberRow; form: FormState; roles: readonly Role[]; second: Second; own: boolean }) {
  const { ctx, member } = props;
  const { t } = ctx.i18n;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={t('staff.edit_title', { name: member.display_name })}>
      <h1>{t('staff.edit_title', { name: member.display_name })}</h1>
      <p class="muted">{member.email}</p>
      {props.own ? (
        <>
          <p>{member.roles.map((r) => t(`role.${r}`)).join(', ')}</p>
          <p class="notice">{t('staff.own_account')}</p>
          <a href={`/${slug}/staff`}>{t('form.cancel')}</a>
        </>
      ) : (
        <>
          <p class="muted">{t(`staff.second.${props.second}`)}</p>
          <ErrorSummary ctx={ctx} form={props.form} labels={{ roles: t('field.roles') }} />
          <Form ctx={ctx} action={`/${slug}/staff/${member.user_id}`}>
            <input type="hidden" name="version" value={String(props.form.values.version ?? member.version)} />
            <CheckboxGroup ctx={ctx} form={props.form} name="roles" legend={t('field.roles')} options={roleOptions(ctx, props.roles)} />
            <button type="submit">{t('form.save')}</button> <a href={`/${slug}/staff`}>{t('form.cancel')}</a>
          </Form>
        </>
      )}
    </Layout>
  );
}

export function InvitationPage(props: { ctx: PageContext; invitation: InvitationRow; token: string; signedIn: boolean }) {
  const { ctx, invitation } = props;
  const { t } = ctx.i18n;
  const slug = ctx.municipality!.slug;
  const here = `/${slug}/invitations/${props.token}`;
  return (
    <Layout ctx={ctx} title={t('invitation.title')}>
      <h1>{t('invitation.title')}</h1>
      <p>{t('invitation.intro', { municipality: ctx.municipality!.name, roles: invitation.roles.map((r) => t(`role.${r}`)).join(', ') })}</p>
      {props.signedIn ? (
        <Form ctx={ctx} action={here}>
          <button type="submit">{t('invitation.accept')}</button>
        </Form>
      ) : (
        <>
          <p>{t('invitation.login_first', { email: invitation.email })}</p>
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

/** Requests for administrator, director or auditor: confirmed or declined by someone other than the asker and the person concerned. */
function Grants(props: { ctx: PageContext; grants: GrantRow[] }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const slug = ctx.municipality!.slug;
  const me = ctx.user!;
  if (props.grants.length === 0) return null;
  return (
    <>
      <h2>{t('staff.grants')}</h2>
      <ul>
        {props.grants.map((g) => {
          const who = g.user_id ? g.who : t('staff.grant_invite', { email: g.email ?? '' });
          const concerned = g.user_id === me.id || g.email === me.email;
          const asked = g.requested_by === me.id;
          return (
            <li>
              {t('staff.grant_line', { who, roles: g.roles.map((r) => t(`role.${r}`)).join(', '), by: g.requested_by_name, date: ctx.i18n.date(g.expires_at) })}
              {!asked && !concerned ? (
                <Form ctx={ctx} action={`/${slug}/staff/grants/${g.id}/confirm`} class="inline-form">
                  <button type="submit">{t('staff.grant_confirm', { who })}</button>
                </Form>
              ) : null}
              {!concerned ? (
 <a href={`/${slug}/staff/grants/${g.id}/decline`}>{t(asked ? 'staff.grant_withdraw' : 'staff.grant_decline', { who })}</a>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** The director's page behind the mailed link: confirm or decline a grant asked by the only administrator. */
export function GrantPage(props: { ctx: PageContext; grant: GrantRow; token: string }) {
  const { ctx, grant: g } = props;
  const { t } = ctx.i18n;
  const here = `/${ctx.municipality!.slug}/role-grants/${props.token}`;
  const who = g.user_id ? g.who : t('staff.grant_invite', { email: g.email ?? '' });
  return (
    <Layout ctx={ctx} title={t('staff.grant_page.title')}>
      <h1>{t('staff.grant_page.title')}</h1>
      <p>{t('staff.grant_page.intro', { by: g.requested_by_name, municipality: ctx.municipality!.name, roles: g.roles.map((r) => t(`role.${r}`)).join(', '), who })}</p>
      <Form ctx={ctx} action={here} class="inline-form">
        <input type="hidden" name="decision" value="confirm" />
        <button type="submit">{t('staff.grant_page.confirm')}</button>
      </Form>{' '}
      <Form ctx={ctx} action={here} class="inline-form">
        <input type="hidden" name="decision" value="decline" />
        <button type="submit" class="secondary">
          {t('staff.grant_page.decline')}
        </button>
      </Form>
    </Layout>
  );
}
