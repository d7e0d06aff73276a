import { ConfirmPage } from '../../platform/ui/confirm';
import type { Role } from '../../platform/auth/roles';
import type { FormState, PageContext } from '../../platform/ui/context';
import type { InvitationRow } from './repository';
import type { GrantRow } from './repository-grants';

const rolesText = (ctx: PageContext, roles: readonly Role[]) => roles.map((r) => ctx.i18n.t(`role.${r}`)).join(', ');

/** "Odwołać zaproszenie?": the address and roles; the link stops working, a new invitation is the way back. */
export function RevokeInvitationPage(props: { ctx: PageContext; invitation: InvitationRow; form: FormState }) {
  const { ctx, invitation: i } = props;
  const { t } = ctx.i18n;
  const staff = `/${ctx.municipality!.slug}/staff`;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('staff.confirm.revoke.title', { email: i.email })}
      back={{ href: staff, label: t('staff.confirm.revoke.keep') }}
      facts={[
        [t('staff.confirm.email'), i.email],
        [t('staff.confirm.roles'), rolesText(ctx, i.roles)],
        [t('staff.confirm.expires'), ctx.i18n.date(i.expires_at)],
      ]}
      consequences={[t('staff.confirm.revoke.effect')]}
      undo={t('staff.confirm.revoke.undo')}
      action={`${staff}/invitations/${i.id}/revoke`}
      submit={t('staff.confirm.revoke.submit')}
      keep={{ href: staff, label: t('staff.confirm.revoke.keep') }}
      form={props.form}
    />
  );
}

/** "Odrzucić (wycofać) prośbę o role?": who, which roles, who asked; a new request starts again with a second person. */
export function DeclineGrantPage(props: { ctx: PageContext; grant: GrantRow; asked: boolean; form: FormState }) {
  const { ctx, grant: g } = props;
  const { t } = ctx.i18n;
  const staff = `/${ctx.municipality!.slug}/staff`;
  const who = g.user_id ? g.who : t('staff.grant_invite', { email: g.email ?? '' });
  return (
    <ConfirmPage
      ctx={ctx}
      title={t(props.asked ? 'staff.confirm.withdraw.title' : 'staff.confirm.decline.title', { who })}
      back={{ href: staff, label: t('staff.confirm.decline.keep') }}
      facts={[
        [t('staff.col.person'), who],
        [t('staff.confirm.roles'), rolesText(ctx, g.roles)],
        [t('staff.confirm.asked_by'), g.requested_by_name],
        [t('staff.confirm.expires'), ctx.i18n.date(g.expires_at)],
      ]}
      consequences={[t('staff.confirm.decline.effect')]}
      undo={t('staff.confirm.decline.undo')}
      action={`${staff}/grants/${g.id}/decline`}
      submit={t(props.asked ? 'staff.confirm.withdraw.submit' : 'staff.confirm.decline.submit')}
      keep={{ href: staff, label: t('staff.confirm.decline.keep') }}
      form={props.form}
    />
  );
}
