import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { optionalDay } from '../../platform/http/form-fields';
import { submitForm } from '../../platform/http/forms';
import { email, parse } from '../../platform/http/validation';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { basePath, depsOf, idParam, municipalityOf, OPEN, SIGNED_IN, warsawToday, whoIs, type IdParams, type Params } from './routes-common';
import {
  answerFederationInvitation, federationInvitationsFor, federationOverview, inviteToFederation, unlinkMember, withdrawFederationInvitation,
} from './service-federation';
import { acceptInvitation, findInvitation, inviteMember, membersOverview, memberToRemove, removeMember, revokeInvitation } from './service-members';
import { FederationInvitationsPage, FederationPage } from './views/federation';
import { InvitationPage, MembersPage, RemoveMemberPage } from './views/members';

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
    const data = await membersOverview(deps, request.dbContext(), municipalityOf(request).id, idParam(request.params.id), whoIs(request));
    return reply.page((c) => <MembersPage ctx={c} {...data} form={form} />, status);
  };

  app.get<{ Params: IdParams }>('/:municipality/organisations/:id/members', SIGNED_IN, (request, reply) => renderMembers(request, reply));

  type MemberParams = IdParams & { userId: string };
  app.get<{ Params: MemberParams }>('/:municipality/organisations/:id/members/:userId/remove', SIGNED_IN, async (request, reply) => {
    const data = await memberToRemove(deps, request.dbContext(), municipalityOf(request).id, idParam(request.params.id), idParam(request.params.userId), whoIs(request));
    return reply.page((c) => <RemoveMemberPage ctx={c} {...data} />);
  });

  app.post<{ Params: MemberParams }>('/:municipality/organisations/:id/members/:userId/remove', SIGNED_IN, async (request, reply) => {
    const id = idParam(request.params.id);
    const userId = idParam(request.params.userId);
    const removed = await removeMember(deps, request.dbContext(), municipalityOf(request).id, id, userId, whoIs(request), request.auditActor());
    const next = userId === request.user!.id ? `${basePath(request)}/mine` : membersUrl(request, id);
    return reply.setFlash(request.i18n.t('organisations.members.removed', { name: removed.display_name })).redirect(next, 303);
  });

  app.post<{ Params: IdParams }>('/:municipality/organisations/:id/invitations', SIGNED_IN, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request.params.id);
        const input = parse(inviteSchema, request.body);
        await inviteMember(deps, request.dbContext(), municipalityOf(request), id, { email: input.email, locale: request.i18n.locale }, whoIs(request), request.auditActor());
        return reply.setFlash(request.i18n.t('organisations.members.invited', { email: input.email })).redirect(membersUrl(request, id), 303);
      },
      rerender: (form, status) => renderMembers(request, reply, form, status),
    }),
  );

  app.post<{ Params: IdParams & { invitationId: string } }>('/:municipality/organisations/:id/invitations/:invitationId/revoke', SIGNED_IN, async (request, reply) => {
    const id = idParam(request.params.id);
    await revokeInvitation(deps, request.dbContext(), municipalityOf(request).id, id, idParam(request.params.invitationId), whoIs(request), request.auditActor());
    return reply.setFlash(request.i18n.t('organisations.members.revoked')).redirect(membersUrl(request, id), 303);
  });

  app.get<{ Params: TokenParams }>('/:municipality/organisation-invitations/:token', OPEN, async (request, reply) => {
    const invitation = await findInvitation(deps, request.dbContext(), municipalityOf(request).id, request.params.token);
    return reply.page((c) => <InvitationPage ctx={c} {...invitation} token={request.params.token} signedIn={Boolean(request.user)} />);
  });

  app.post<{ Params: TokenParams }>('/:municipality/organisation-invitations/:token', SIGNED_IN, async (request, reply) => {
    const joined = await acceptInvitation(deps, request.dbContext(), municipalityOf(request).id, request.params.token, request.user!, request.auditActor());
    return reply.setFlash(request.i18n.t('organisations.invitation.accepted', { name: joined.organisationName })).redirect(`${basePath(request)}/mine`, 303);
  });

  const federationUrl = (request: FastifyRequest, id: string) => `${basePath(request)}/${id}/federation`;
  const renderFederation = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const who = whoIs(request);
    const data = await federationOverview(deps, request.dbContext(), municipalityOf(request).id, idParam(request.params.id), who);
    const back = who.staff
      ? { href: `${basePath(request)}/${data.federation.id}/review`, label: request.i18n.t('organisations.review.back') }
      : { href: `${basePath(request)}/mine`, label: request.i18n.t('organisations.back_mine') };
    return reply.page((c) => <FederationPage ctx={c} {...data} form={form} back={back} />, status);
  };

  app.get<{ Params: IdParams }>('/:municipality/organisations/:id/federation', SIGNED_IN, (request, reply) => renderFederation(request, reply));

  app.post<{ Params: IdParams }>('/:municipality/organisations/:id/federation', SIGNED_IN, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request.params.id);
        const input = parse(linkSchema, request.body);
        await inviteToFederation(deps, request.dbContext(), municipalityOf(request), id, { memberId: input.member_id.toLowerCase(), since: input.since ?? warsawToday() }, whoIs(request), request.auditActor());
        return reply.setFlash(request.i18n.t('organisations.federation.invited')).redirect(federationUrl(request, id), 303);
      },
      rerender: (form, status) => renderFederation(request, reply, form, status),
    }),
  );

  type InvitationParams = IdParams & { invitationId: string };
  app.post<{ Params: InvitationParams }>('/:municipality/organisations/:id/federation/invitations/:invitationId/withdraw', SIGNED_IN, async (request, reply) => {
    const id = idParam(request.params.id);
    await withdrawFederationInvitation(deps, request.dbContext(), municipalityOf(request).id, id, idParam(request.params.invitationId), whoIs(request), request.auditActor());
    return reply.setFlash(request.i18n.t('organisations.federation.withdrawn')).redirect(federationUrl(request, id), 303);
  });

  // The invited organisation's side: its administrators accept or decline.
  const invitesUrl = (request: FastifyRequest, id: string) => `${basePath(request)}/${id}/federation-invitations`;
  app.get<{ Params: IdParams }>('/:municipality/organisations/:id/federation-invitations', SIGNED_IN, async (request, reply) => {
    const data = await federationInvitationsFor(deps, request.dbContext(), municipalityOf(request).id, idParam(request.params.id), whoIs(request));
    return reply.page((c) => <FederationInvitationsPage ctx={c} {...data} />);
  });
  for (const answer of ['accept', 'decline'] as const) {
    app.post<{ Params: IdParams }>(`/:municipality/organisations/:id/federation-invitations/${answer}`, SIGNED_IN, async (request, reply) => {
      const id = idParam(request.params.id);
      const invitation = idParam(String((request.body as { invitation?: unknown } | undefined)?.invitation ?? ''));
      await answerFederationInvitation(deps, request.dbContext(), municipalityOf(request).id, id, invitation, answer === 'accept', whoIs(request), request.auditActor());
      return reply.setFlash(request.i18n.t(answer === 'accept' ? 'organisations.federation.accepted' : 'organisations.federation.declined')).redirect(invitesUrl(request, id), 303);
    });
  }

  app.post<{ Params: IdParams & { memberId: string } }>('/:municipality/organisations/:id/federation/:memberId/remove', SIGNED_IN, async (request, reply) => {
    const id = idParam(request.params.id);
    await unlinkMember(deps, request.dbContext(), municipalityOf(request).id, id, idParam(request.params.memberId), whoIs(request), request.auditActor());
    return reply.setFlash(request.i18n.t('organisations.federation.removed')).redirect(federationUrl(request, id), 303);
  });
}
