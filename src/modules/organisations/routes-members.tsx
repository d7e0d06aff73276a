import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { optionalDay } from '../../platform/http/form-fields';
import { idParam, uuidParam } from '../../platform/http/params';
import { submitForm } from '../../platform/http/forms';
import { email, parse } from '../../platform/http/validation';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { basePath, depsOf, municipalityOf, OPEN, SIGNED_IN, warsawToday, whoIs, type IdParams, type Params } from './routes-common';
import {
  answerFederationInvitation, federationInvitationsFor, federationOverview, inviteToFederation, unlinkMember, withdrawFederationInvitation,
} from './service-federation';
import { acceptInvitation, findInvitation, invitationToRevoke, inviteMember, membersOverview, memberToRemove, removeMember, revokeInvitation } from './service-members';
import { FederationInvitationsPage, FederationPage } from './views/federation';
import { InvitationPage, MembersPage } from './views/members';
import { DeclineFederationInvitationPage, RemoveMemberPage, RevokeInvitationPage, UnlinkMemberPage, WithdrawFederationInvitationPage } from './views/confirm';
import { confirmedAction } from '../../platform/http/confirm';
import { AppError } from '../../platform/http/errors';
import { userOf } from '../../platform/http/route-context';


const inviteSchema = z.object({ email: email() });
const linkSchema = z.object({
  member_id: z.preprocess((v) => (v === undefined ? '' : v), z.string()).refine((v) => v !== '', { params: { code: 'required' } })
    .refine((v) => v === '' || z.uuid().safeParse(v).success, { params: { code: 'organisation_federation_candidate' } }),
  since: optionalDay(),
});
type TokenParams = Params & { token: string };

/**
 * An organisation's people (its administrators invite members by e-mail; the link joins them) and a
 * federation's member organisations (kept by its administrators or by staff).
 */
export async function memberRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);
  const membersUrl = (request: FastifyRequest, id: string) => `${basePath(request)}/${id}/members`;

  const renderMembers = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const data = await membersOverview(deps, request.dbContext(), municipalityOf(request).id, idParam(request), whoIs(request));
    return reply.page((c) => <MembersPage ctx={c} {...data} form={form} />, status);
  };

  app.get<{ Params: IdParams }>('/:municipality/organisations/:id/members', SIGNED_IN, (request, reply) => renderMembers(request, reply));

  type MemberParams = IdParams & { userId: string };
  // Removing a person: the members' list links to the confirmation page; its form does it (a refusal, such as the last administrator, is an error page).
  const removal = confirmedAction<FastifyRequest<{ Params: MemberParams }>>({
    page: async (request, reply, form, status) => {
      const data = await memberToRemove(deps, request.dbContext(), municipalityOf(request).id, idParam(request), idParam(request, 'userId'), whoIs(request));
      return reply.page((c) => <RemoveMemberPage ctx={c} {...data} self={data.member.user_id === userOf(request).id} form={form} />, status);
    },
    run: async (request, reply) => {
      const id = idParam(request);
      const userId = idParam(request, 'userId');
      const removed = await removeMember(deps, request.dbContext(), municipalityOf(request).id, id, userId, whoIs(request), request.auditActor());
      const next = userId === userOf(request).id ? `${basePath(request)}/mine` : membersUrl(request, id);
      return reply.setFlash(request.i18n.t('organisations.members.removed', { name: removed.display_name })).redirect(next, 303);
    },
  });
  app.get<{ Params: MemberParams }>('/:municipality/organisations/:id/members/:userId/remove', SIGNED_IN, removal.get);
  app.post<{ Params: MemberParams }>('/:municipality/organisations/:id/members/:userId/remove', SIGNED_IN, removal.post);

  app.post<{ Params: IdParams }>('/:municipality/organisations/:id/invitations', SIGNED_IN, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const input = parse(inviteSchema, request.body);
        await inviteMember(deps, request.dbContext(), municipalityOf(request), id, { email: input.email, locale: request.i18n.locale }, whoIs(request), request.auditActor());
        return reply.setFlash(request.i18n.t('organisations.members.invited', { email: input.email })).redirect(membersUrl(request, id), 303);
      },
      rerender: (form, status) => renderMembers(request, reply, form, status),
    }),
  );

  // Revoking an invitation: the members' page links to the confirmation page.
  type RevokeParams = IdParams & { invitationId: string };
  const revocation = confirmedAction<FastifyRequest<{ Params: RevokeParams }>>({
    page: async (request, reply, form, status) => {
      const data = await invitationToRevoke(deps, request.dbContext(), municipalityOf(request).id, idParam(request), idParam(request, 'invitationId'), whoIs(request));
      return reply.page((c) => <RevokeInvitationPage ctx={c} {...data} form={form} />, status);
    },
    run: async (request, reply) => {
      const id = idParam(request);
      await revokeInvitation(deps, request.dbContext(), municipalityOf(request).id, id, idParam(request, 'invitationId'), whoIs(request), request.auditActor());
      return reply.setFlash(request.i18n.t('organisations.members.revoked')).redirect(membersUrl(request, id), 303);
    },
  });
  app.get<{ Params: RevokeParams }>('/:municipality/organisations/:id/invitations/:invitationId/revoke', SIGNED_IN, revocation.get);
  app.post<{ Params: RevokeParams }>('/:municipality/organisations/:id/invitations/:invitationId/revoke', SIGNED_IN, revocation.post);

  app.get<{ Params: TokenParams }>('/:municipality/organisation-invitations/:token', OPEN, async (request, reply) => {
    const invitation = await findInvitation(deps, request.dbContext(), municipalityOf(request).id, request.params.token);
    return reply.page((c) => <InvitationPage ctx={c} {...invitation} token={request.params.token} signedIn={Boolean(request.user)} />);
  });

  app.post<{ Params: TokenParams }>('/:municipality/organisation-invitations/:token', SIGNED_IN, async (request, reply) => {
    const joined = await acceptInvitation(deps, request.dbContext(), municipalityOf(request).id, request.params.token, userOf(request), request.auditActor());
    return reply.setFlash(request.i18n.t('organisations.invitation.accepted', { name: joined.organisationName })).redirect(`${basePath(request)}/mine`, 303);
  });

  const federationUrl = (request: FastifyRequest, id: string) => `${basePath(request)}/${id}/federation`;
  const renderFederation = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const who = whoIs(request);
    const data = await federationOverview(deps, request.dbContext(), municipalityOf(request).id, idParam(request), who);
    const back = who.staff
      ? { href: `${basePath(request)}/${data.federation.id}/review`, label: request.i18n.t('organisations.review.back') }
      : { href: `${basePath(request)}/mine`, label: request.i18n.t('organisations.back_mine') };
    return reply.page((c) => <FederationPage ctx={c} {...data} form={form} back={back} />, status);
  };

  app.get<{ Params: IdParams }>('/:municipality/organisations/:id/federation', SIGNED_IN, (request, reply) => renderFederation(request, reply));

  app.post<{ Params: IdParams }>('/:municipality/organisations/:id/federation', SIGNED_IN, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const input = parse(linkSchema, request.body);
        await inviteToFederation(deps, request.dbContext(), municipalityOf(request), id, { memberId: input.member_id.toLowerCase(), since: input.since ?? warsawToday() }, whoIs(request), request.auditActor());
        return reply.setFlash(request.i18n.t('organisations.federation.invited')).redirect(federationUrl(request, id), 303);
      },
      rerender: (form, status) => renderFederation(request, reply, form, status),
    }),
  );

  // Withdrawing an invitation to the federation: the federation's page links to the confirmation page.
  type InvitationParams = IdParams & { invitationId: string };
  const withdrawal = confirmedAction<FastifyRequest<{ Params: InvitationParams }>>({
    page: async (request, reply, form, status) => {
      const data = await federationOverview(deps, request.dbContext(), municipalityOf(request).id, idParam(request), whoIs(request));
      const invitation = data.invitations.find((i) => i.id === idParam(request, 'invitationId'));
      if (!invitation) throw new AppError('not_found');
      return reply.page((c) => <WithdrawFederationInvitationPage ctx={c} invitation={invitation} form={form} />, status);
    },
    run: async (request, reply) => {
      const id = idParam(request);
      await withdrawFederationInvitation(deps, request.dbContext(), municipalityOf(request).id, id, idParam(request, 'invitationId'), whoIs(request), request.auditActor());
      return reply.setFlash(request.i18n.t('organisations.federation.withdrawn')).redirect(federationUrl(request, id), 303);
    },
  });
  app.get<{ Params: InvitationParams }>('/:municipality/organisations/:id/federation/invitations/:invitationId/withdraw', SIGNED_IN, withdrawal.get);
  app.post<{ Params: InvitationParams }>('/:municipality/organisations/:id/federation/invitations/:invitationId/withdraw', SIGNED_IN, withdrawal.post);

  // The invited organisation's side: its administrators accept or decline.
  const invitesUrl = (request: FastifyRequest, id: string) => `${basePath(request)}/${id}/federation-invitations`;
  app.get<{ Params: IdParams }>('/:municipality/organisations/:id/federation-invitations', SIGNED_IN, async (request, reply) => {
    const data = await federationInvitationsFor(deps, request.dbContext(), municipalityOf(request).id, idParam(request), whoIs(request));
    return reply.page((c) => <FederationInvitationsPage ctx={c} {...data} />);
  });
  const invitationOf = (request: FastifyRequest) => {
    const source = request.method === 'POST' ? request.body : request.query;
    return uuidParam(String((source as { invitation?: unknown } | undefined)?.invitation ?? ''));
  };
  app.post<{ Params: IdParams }>('/:municipality/organisations/:id/federation-invitations/accept', SIGNED_IN, async (request, reply) => {
    const id = idParam(request);
    await answerFederationInvitation(deps, request.dbContext(), municipalityOf(request).id, id, invitationOf(request), true, whoIs(request), request.auditActor());
    return reply.setFlash(request.i18n.t('organisations.federation.accepted')).redirect(invitesUrl(request, id), 303);
  });
  // Declining: the invitations' page links to the invitation's confirmation page, whose form does it.
  const declining = confirmedAction<FastifyRequest<{ Params: InvitationParams }>>({
    page: async (request, reply, form, status) => {
      const data = await federationInvitationsFor(deps, request.dbContext(), municipalityOf(request).id, idParam(request), whoIs(request));
      const wanted = idParam(request, 'invitationId');
      const invitation = data.invitations.find((i) => i.id === wanted);
      if (!invitation) throw new AppError('not_found');
      return reply.page((c) => <DeclineFederationInvitationPage ctx={c} invitation={invitation} form={form} />, status);
    },
    run: async (request, reply) => {
      const id = idParam(request);
      await answerFederationInvitation(deps, request.dbContext(), municipalityOf(request).id, id, idParam(request, 'invitationId'), false, whoIs(request), request.auditActor());
      return reply.setFlash(request.i18n.t('organisations.federation.declined')).redirect(invitesUrl(request, id), 303);
    },
  });
  app.get<{ Params: InvitationParams }>('/:municipality/organisations/:id/federation-invitations/:invitationId/decline', SIGNED_IN, declining.get);
  app.post<{ Params: InvitationParams }>('/:municipality/organisations/:id/federation-invitations/:invitationId/decline', SIGNED_IN, declining.post);

  // Removing a member organisation from a federation: the federation's page links to the confirmation page.
  type LinkParams = IdParams & { memberId: string };
  const unlinking = confirmedAction<FastifyRequest<{ Params: LinkParams }>>({
    page: async (request, reply, form, status) => {
      const data = await federationOverview(deps, request.dbContext(), municipalityOf(request).id, idParam(request), whoIs(request));
      const member = data.members.find((m) => m.id === idParam(request, 'memberId'));
      if (!member) throw new AppError('not_found');
      return reply.page((c) => <UnlinkMemberPage ctx={c} federation={data.federation} member={member} form={form} />, status);
    },
    run: async (request, reply) => {
      const id = idParam(request);
      await unlinkMember(deps, request.dbContext(), municipalityOf(request).id, id, idParam(request, 'memberId'), whoIs(request), request.auditActor());
      return reply.setFlash(request.i18n.t('organisations.federation.removed')).redirect(federationUrl(request, id), 303);
    },
  });
  app.get<{ Params: LinkParams }>('/:municipality/organisations/:id/federation/:memberId/remove', SIGNED_IN, unlinking.get);
  app.post<{ Params: LinkParams }>('/:municipality/organisations/:id/federation/:memberId/remove', SIGNED_IN, unlinking.post);
}
