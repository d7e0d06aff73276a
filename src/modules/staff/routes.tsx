import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AUTHENTICATED, PUBLIC, can } from '../../platform/auth/access';
import { ROLES, isRole, type Role } from '../../platform/auth/roles';
import { wantsJson } from '../../platform/http/error-handler';
import { submitForm } from '../../platform/http/forms';
import { email, parse, stringList } from '../../platform/http/validation';
import { idParam } from '../../platform/http/params';
import { tenantOf, userOf } from '../../platform/http/route-context';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import * as staff from './service';
import { EditRolesPage, InvitationPage, StaffPage } from './views';
import { RevokeInvitationPage } from './views-confirm';
import { confirmedAction } from '../../platform/http/confirm';

type M = { municipality: string };
const roleList = () => stringList().refine((list) => list.length > 0 && list.every(isRole), { params: { code: 'roles' } }).transform((l) => l as Role[]);
const inviteSchema = z.object({ email: email(), roles: roleList() });
const rolesSchema = z.object({ roles: roleList(), version: z.coerce.number().int().min(1) });

export async function staffRoutes(app: FastifyInstance, { db, config }: ModuleContext) {
  const deps: staff.StaffDeps = { db, publicUrl: config.publicUrl };
  const manage = { config: { access: can('staff.manage') } };
  const base = (request: FastifyRequest) => `/${tenantOf(request).municipality.slug}/staff`;

  const renderStaff = async (request: FastifyRequest, reply: FastifyReply, form: FormState = emptyForm({ roles: [] }), status = 200) => {
    const tenant = tenantOf(request);
    const overview = await staff.staffOverview(deps, request.dbContext(), tenant.municipality.id, request.auditActor());
    return reply.page((ctx) => <StaffPage ctx={ctx} {...overview} form={form} roles={ROLES} />, status);
  };

  app.get<{ Params: M }>('/:municipality/staff', manage, (request, reply) => renderStaff(request, reply));

  app.post<{ Params: M }>('/:municipality/staff/invitations', manage, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const input = parse(inviteSchema, request.body);
        const done = await staff.invite(deps, request.dbContext(), tenantOf(request).municipality, { ...input, locale: request.i18n.locale }, request.auditActor());
        if (done.pendingGrant) return pendingAnswer(request, reply, done.pendingGrant);
        return reply.setFlash(request.i18n.t('staff.invited', { email: input.email })).redirect(base(request), 303);
      },
      rerender: (form, status) => renderStaff(request, reply, form, status),
      formErrors: ['staff.grant_needs_second'],
    }),
  );

  // Revoking: the staff list links to the confirmation page; its form does it.
  const revocation = confirmedAction<FastifyRequest<{ Params: M & { id: string } }>>({
    page: async (request, reply, form, status) => {
      const invitation = await staff.invitationToRevoke(deps, request.dbContext(), tenantOf(request).municipality.id, idParam(request));
      return reply.page((ctx) => <RevokeInvitationPage ctx={ctx} invitation={invitation} form={form} />, status);
    },
    run: async (request, reply) => {
      await staff.revokeInvitation(deps, request.dbContext(), tenantOf(request).municipality.id, idParam(request), request.auditActor());
      return reply.setFlash(request.i18n.t('staff.revoked')).redirect(base(request), 303);
    },
  });
  app.get<{ Params: M & { id: string } }>('/:municipality/staff/invitations/:id/revoke', manage, revocation.get);
  app.post<{ Params: M & { id: string } }>('/:municipality/staff/invitations/:id/revoke', manage, revocation.post);

  const renderEdit = async (request: FastifyRequest<{ Params: M & { userId: string } }>, reply: FastifyReply, form?: FormState, status = 200) => {
    const { member, second } = await staff.memberForEdit(deps, request.dbContext(), tenantOf(request).municipality.id, idParam(request, 'userId'), request.auditActor());
    const current = emptyForm({ roles: member.roles, version: String(member.version) });
    // After a conflict the form shows the saved roles and the new version, with the message on top.
    const shown = form ? { ...form, values: form.message ? current.values : { ...form.values, version: String(member.version) } } : current;
    const own = member.user_id === userOf(request).id;
    return reply.page((ctx) => <EditRolesPage ctx={ctx} member={member} form={shown} roles={ROLES} second={second} own={own} />, status);
  };

  app.get<{ Params: M & { userId: string } }>('/:municipality/staff/:userId', manage, (request, reply) => renderEdit(request, reply));

  app.post<{ Params: M & { userId: string } }>('/:municipality/staff/:userId', manage, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const input = parse(rolesSchema, request.body);
        const done = await staff.changeRoles(deps, request.dbContext(), tenantOf(request).municipality, idParam(request, 'userId'), input.roles, input.version, request.auditActor());
        if (done.pendingGrant) return pendingAnswer(request, reply, done.pendingGrant);
        return reply.setFlash(request.i18n.t('staff.saved')).redirect(base(request), 303);
      },
      rerender: (form, status) => renderEdit(request, reply, form, status),
      formErrors: ['conflict.stale', 'staff.last_admin', 'staff.grant_needs_second'],
    }),
  );

  /** A grant of administrator, director or auditor waits for a second person: 202 for JSON, a flash for pages. */
  const pendingAnswer = (request: FastifyRequest, reply: FastifyReply, grant: string) =>
    wantsJson(request) ? reply.code(202).send({ pending: true, grant }) : reply.setFlash(request.i18n.t('staff.grant_requested')).redirect(base(request), 303);
  app.get<{ Params: M & { token: string } }>('/:municipality/invitations/:token', { config: { access: PUBLIC } }, async (request, reply) => {
    const tenant = tenantOf(request);
    const invitation = await staff.findInvitation(deps, request.dbContext(), tenant.municipality.id, request.params.token);
    return reply.page((ctx) => <InvitationPage ctx={ctx} invitation={invitation} token={request.params.token} signedIn={Boolean(request.user)} />);
  });

  app.post<{ Params: M & { token: string } }>('/:municipality/invitations/:token', { config: { access: AUTHENTICATED } }, async (request, reply) => {
    const tenant = tenantOf(request);
    await staff.acceptInvitation(deps, request.dbContext(), tenant.municipality, request.params.token, userOf(request), request.auditActor());
    return reply.setFlash(request.i18n.t('invitation.accepted')).redirect(`/${tenant.municipality.slug}`, 303);
  });
}
