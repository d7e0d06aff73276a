import { ConfirmPage } from '../../../platform/ui/confirm';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { TextArea } from '../../../platform/ui/fields';
import type { OrganisationRow } from '../repository';
import type { FederationInvitationRow, InvitationRow, LinkedOrganisation, MemberRow } from '../repository-members';
import { organisationsBase } from './common';

/** "Usunąć osobę z organizacji?": who, their role; they lose its matters at once, and come back only by a new invitation. */
export function RemoveMemberPage(props: { ctx: PageContext; organisation: OrganisationRow; member: MemberRow; self: boolean; form: FormState }) {
  const { ctx, organisation: o, member: m } = props;
  const { t } = ctx.i18n;
  const back = `${organisationsBase(ctx)}/${o.id}/members`;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('organisations.members.remove_title', { name: m.display_name, organisation: o.name })}
      back={{ href: back, label: t('organisations.confirm.keep_member') }}
      facts={[
        [t('organisations.confirm.person'), `${m.display_name} (${m.email})`],
        [t('organisations.members.col.role'), t(`organisations.mine.role.${m.role}`)],
        [t('organisations.confirm.organisation'), o.name],
      ]}
      consequences={[t('organisations.members.remove_intro'), ...(props.self ? [t('organisations.confirm.self')] : [])]}
      undo={t('organisations.confirm.remove_member.undo')}
      action={`${back}/${m.user_id}/remove`}
      submit={t('organisations.members.remove_submit')}
      keep={{ href: back, label: t('organisations.confirm.keep_member') }}
      form={props.form}
    />
  );
}

/** "Usunąć organizację z federacji?": which one, since when; it comes back only by a new, accepted invitation. */
export function UnlinkMemberPage(props: { ctx: PageContext; federation: OrganisationRow; member: LinkedOrganisation; form: FormState }) {
  const { ctx, federation: f, member: m } = props;
  const { t } = ctx.i18n;
  const back = `${organisationsBase(ctx)}/${f.id}/federation`;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('organisations.confirm.unlink.title', { name: m.name, federation: f.name })}
      back={{ href: back, label: t('organisations.confirm.unlink.keep') }}
      facts={[
        [t('organisations.federation.col.name'), m.name],
        [t('organisations.federation.col.since'), ctx.i18n.date(m.since)],
      ]}
      consequences={[t('organisations.confirm.unlink.effect')]}
      undo={t('organisations.confirm.unlink.undo')}
      action={`${back}/${m.id}/remove`}
      submit={t('organisations.confirm.unlink.submit')}
      keep={{ href: back, label: t('organisations.confirm.unlink.keep') }}
      form={props.form}
    />
  );
}

/** "Odrzucić zgłoszenie?": the registrant is told the reason, written here, and may correct and send it again. */
export function RejectPage(props: { ctx: PageContext; organisation: OrganisationRow; registrant: { name: string; email: string } | null; form: FormState }) {
  const { ctx, organisation: o } = props;
  const { t } = ctx.i18n;
  const review = `${organisationsBase(ctx)}/${o.id}/review`;
  const labels = { reason: t('organisations.review.reason') };
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('organisations.confirm.reject.title', { name: o.name })}
      back={{ href: review, label: t('organisations.confirm.reject.keep') }}
      facts={[
        [t('organisations.confirm.organisation'), o.name],
        [t('organisations.confirm.person'), props.registrant ? `${props.registrant.name} (${props.registrant.email})` : '—'],
      ]}
      consequences={[t('organisations.confirm.reject.effect'), t('organisations.confirm.reject.mail')]}
      undo={t('organisations.confirm.reject.undo')}
      action={`${organisationsBase(ctx)}/${o.id}/reject`}
      submit={t('organisations.confirm.reject.submit')}
      keep={{ href: review, label: t('organisations.confirm.reject.keep') }}
      form={props.form}
      labels={labels}
    >
      <input type="hidden" name="version" value={String(o.version)} />
      <TextArea ctx={ctx} form={props.form} name="reason" label={labels.reason} hint={t('organisations.review.reason_hint')} required rows={4} />
    </ConfirmPage>
  );
}

/** "Odwołać zaproszenie?": to whom; the link stops working, and a new invitation is the way back. */
export function RevokeInvitationPage(props: { ctx: PageContext; organisation: OrganisationRow; invitation: InvitationRow; form: FormState }) {
  const { ctx, organisation: o, invitation: i } = props;
  const { t } = ctx.i18n;
  const back = `${organisationsBase(ctx)}/${o.id}/members`;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('organisations.confirm.revoke.title', { email: i.email })}
      back={{ href: back, label: t('organisations.confirm.revoke.keep') }}
      facts={[
        [t('organisations.confirm.person'), `${i.email} (${t('organisations.members.expires', { date: ctx.i18n.date(i.expires_at) })})`],
        [t('organisations.confirm.organisation'), o.name],
      ]}
      consequences={[t('organisations.confirm.revoke.effect')]}
      undo={t('organisations.confirm.revoke.undo')}
      action={`${organisationsBase(ctx)}/${o.id}/invitations/${i.id}/revoke`}
      submit={t('organisations.confirm.revoke.submit')}
      keep={{ href: back, label: t('organisations.confirm.revoke.keep') }}
      form={props.form}
    />
  );
}

/** "Wycofać zaproszenie do federacji?": the federation's side; a new invitation is the way back. */
export function WithdrawFederationInvitationPage(props: { ctx: PageContext; invitation: FederationInvitationRow; form: FormState }) {
  const { ctx, invitation: i } = props;
  const { t } = ctx.i18n;
  const back = `${organisationsBase(ctx)}/${i.federation_id}/federation`;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('organisations.confirm.fi_withdraw.title', { name: i.member_name })}
      back={{ href: back, label: t('organisations.confirm.fi_withdraw.keep') }}
      facts={[
        [t('organisations.confirm.organisation'), i.member_name],
        [t('organisations.confirm.federation'), i.federation_name],
        [t('organisations.federation.col.since'), ctx.i18n.date(i.since)],
      ]}
      consequences={[t('organisations.confirm.fi_withdraw.effect')]}
      undo={t('organisations.confirm.fi_withdraw.undo')}
      action={`${back}/invitations/${i.id}/withdraw`}
      submit={t('organisations.confirm.fi_withdraw.submit')}
      keep={{ href: back, label: t('organisations.confirm.fi_withdraw.keep') }}
      form={props.form}
    />
  );
}

/** "Odrzucić zaproszenie do federacji?": the invited organisation's side; the federation may invite again. */
export function DeclineFederationInvitationPage(props: { ctx: PageContext; invitation: FederationInvitationRow; form: FormState }) {
  const { ctx, invitation: i } = props;
  const { t } = ctx.i18n;
  const back = `${organisationsBase(ctx)}/${i.member_id}/federation-invitations`;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('organisations.confirm.fi_decline.title', { federation: i.federation_name })}
      back={{ href: back, label: t('organisations.confirm.fi_decline.keep') }}
      facts={[
        [t('organisations.confirm.federation'), i.federation_name],
        [t('organisations.confirm.organisation'), i.member_name],
      ]}
      consequences={[t('organisations.confirm.fi_decline.effect', { member: i.member_name, federation: i.federation_name })]}
      undo={t('organisations.confirm.fi_decline.undo')}
      action={`${back}/${i.id}/decline`}
      submit={t('organisations.confirm.fi_decline.submit')}
      keep={{ href: back, label: t('organisations.confirm.fi_decline.keep') }}
      form={props.form}
    />
  );
}
