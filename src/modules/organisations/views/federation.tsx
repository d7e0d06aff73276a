import { PageLayout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { InputField, SelectField } from '../../../platform/ui/fields';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import type { OrganisationRow } from '../repository';
import type { FederationInvitationRow, LinkedOrganisation } from '../repository-members';
import { organisationsBase } from './common';

/** A federation's member organisations, for staff and the federation's administrators: add and remove them. */
export function FederationPage(props: {
  ctx: PageContext;
  federation: OrganisationRow;
  members: LinkedOrganisation[];
  candidates: { id: string; name: string }[];
  invitations: FederationInvitationRow[];
  form: FormState;
  back: { href: string; label: string };
}) {
  const { ctx, federation: f, form } = props;
  const { t } = ctx.i18n;
  const base = `${organisationsBase(ctx)}/${f.id}/federation`;
  const labels = { member_id: t('organisations.federation.member'), since: t('organisations.federation.since') };
  return (
    <PageLayout ctx={ctx} title={t('organisations.federation.title', { name: f.name })} back={props.back}>
      <p>{t('organisations.federation.intro')}</p>
      <Table
        id="federation-members"
        caption={t('organisations.federation.title', { name: f.name })}
        captionHidden
        rows={props.members}
        empty={t('organisations.federation.empty')}
        columns={[
          { header: t('organisations.federation.col.name'), rowHeader: true, cell: (m) => m.name },
          { header: t('organisations.federation.col.since'), cell: (m) => ctx.i18n.date(m.since) },
          { header: t('organisations.federation.col.actions'), cell: (m) => <a href={`${base}/${m.id}/remove`}>{t('organisations.federation.remove', { name: m.name })}</a> },
        ]}
      />
      {props.invitations.length > 0 ? (
        <>
          <h2>{t('organisations.federation.invitations')}</h2>
          <ul>
            {props.invitations.map((i) => (
              <li>
                {t('organisations.federation.invitation_line', { name: i.member_name, date: ctx.i18n.date(i.created_at) })}
 <a href={`${base}/invitations/${i.id}/withdraw`}>{t('organisations.federation.withdraw', { name: i.member_name })}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('organisations.federation.add_title')}</h2>
      {props.candidates.length === 0 ? (
        <p>{t('organisations.federation.no_candidates')}</p>
      ) : (
        <>
          <ErrorSummary ctx={ctx} form={form} labels={labels} />
          <Form ctx={ctx} action={base}>
            <SelectField ctx={ctx} form={form} name="member_id" label={labels.member_id} required placeholder={t('organisations.form.choose')}
              options={props.candidates.map((c) => ({ value: c.id, label: c.name }))} />
            <InputField ctx={ctx} form={form} name="since" type="date" label={labels.since} hint={t('organisations.federation.since_hint')} size="medium" />
            <button type="submit">{t('organisations.federation.add')}</button>
          </Form>
        </>
      )}
    </PageLayout>
  );
}

/** The invited organisation's administrators: the federations inviting it, to accept or decline. */
export function FederationInvitationsPage(props: { ctx: PageContext; organisation: OrganisationRow; invitations: FederationInvitationRow[] }) {
  const { ctx, organisation: o } = props;
  const { t } = ctx.i18n;
  const base = `${organisationsBase(ctx)}/${o.id}/federation-invitations`;
  return (
    <PageLayout ctx={ctx} title={t('organisations.federation.invites')} back={{ href: `${organisationsBase(ctx)}/mine`, label: t('organisations.back_mine') }}>
      <p>{t('organisations.federation.invites_intro')}</p>
      {props.invitations.length === 0 ? (
        <p class="admin-empty">{t('organisations.members.pending_empty')}</p>
      ) : (
        <ul>
          {props.invitations.map((i) => (
            <li>
              {t('organisations.federation.invite_line', { federation: i.federation_name, member: i.member_name })}
              <Form ctx={ctx} action={`${base}/accept`} class="inline-form">
                <input type="hidden" name="invitation" value={i.id} />
                <button type="submit">{t('organisations.federation.accept', { federation: i.federation_name })}</button>
              </Form>
 <a href={`${base}/${i.id}/decline`}>{t('organisations.federation.decline', { federation: i.federation_name })}</a>
            </li>
          ))}
        </ul>
      )}
    </PageLayout>
  );
}
