import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { parseMember, parseTeam, teamVersion } from './form';
import { CONFIGURE, casesPath, depsOf, municipalityOf, type IdParams, type Params } from './routes-common';
import { changeMember, createTeam, teamPage, teamsPage, updateTeam } from './service-teams';
import type { Conflict } from '../../platform/ui/conflict';
import { TEAM_FIELDS, TeamsView, TeamView, teamValues } from './views/teams';
import { RemoveMemberPage } from './views/remove-member';
import { confirmedAction } from '../../platform/http/confirm';
import { AppError } from '../../platform/http/errors';


type MemberParams = IdParams & { userId: string };
const typed = (form: FormState, f: string) => String((Array.isArray(form.values[f]) ? form.values[f][0] : form.values[f]) ?? '').trim();

/** Teams of coordinators (cases.configure): a new team, a team's edit and its members, each on the team's version. */
export async function teamRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);
  const teamsUrl = (request: FastifyRequest) => `${casesPath(request)}/teams`;

  const renderList = async (request: FastifyRequest, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const data = await teamsPage(deps, request.dbContext(), municipalityOf(request).id);
    return reply.page((c) => <TeamsView ctx={c} data={data} form={form} />, status);
  };
  app.get<{ Params: Params }>('/:municipality/cases/teams', CONFIGURE, (request, reply) => renderList(request, reply));
  app.post<{ Params: Params }>('/:municipality/cases/teams', CONFIGURE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const input = parseTeam(request.body);
        const id = await createTeam(deps, request.dbContext(), municipalityOf(request).id, input, request.auditActor());
        return reply.setFlash(request.i18n.t('cases.teams.created', { name: input.name })).redirect(`${teamsUrl(request)}/${id}`, 303);
      },
      rerender: (form, status) => renderList(request, reply, form, status),
    }),
  );

  const renderTeam = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form?: FormState, memberForm = emptyForm(), status = 200) => {
    const data = await teamPage(deps, request.dbContext(), municipalityOf(request).id, idParam(request));
    const saved = teamValues(data.team);
    let conflict: Conflict | undefined;
    let shown = form ?? emptyForm(saved);
    if (form?.message) {
      conflict = { typed: form.values, saved, differing: TEAM_FIELDS.filter((f) => typed(form, f).toLowerCase() !== saved[f]!.toLowerCase()), version: data.team.version };
      shown = { values: saved, errors: {}, message: form.message };
    }
    return reply.page((c) => <TeamView ctx={c} data={data} form={shown} memberForm={memberForm} conflict={conflict} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/cases/teams/:id', CONFIGURE, (request, reply) => renderTeam(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/cases/teams/:id', CONFIGURE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const version = teamVersion(request.body);
        const input = parseTeam(request.body);
        await updateTeam(deps, request.dbContext(), municipalityOf(request).id, id, version, input, request.auditActor());
        return reply.setFlash(request.i18n.t('cases.teams.saved', { name: input.name })).redirect(`${teamsUrl(request)}/${id}`, 303);
      },
      rerender: (form, status) => renderTeam(request, reply, form, undefined, status),
      formErrors: ['conflict.stale'],
    }),
  );

  app.post<{ Params: IdParams }>('/:municipality/cases/teams/:id/members', CONFIGURE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const { version, userId } = parseMember(request.body);
        await changeMember(deps, request.dbContext(), municipalityOf(request).id, id, version, userId, true, request.auditActor());
        return reply.setFlash(request.i18n.t('cases.teams.member_added')).redirect(`${teamsUrl(request)}/${id}`, 303);
      },
      rerender: (form, status) => renderTeam(request, reply, undefined, form, status),
      formErrors: ['conflict.stale'],
    }),
  );
  // Removing a member asks first; a stale version comes back to the same page with what to do.
  const removal = confirmedAction<FastifyRequest<{ Params: MemberParams }>>({
    page: async (request, reply, form, status) => {
      const data = await teamPage(deps, request.dbContext(), municipalityOf(request).id, idParam(request));
      const member = data.team.members.find((m) => m.id === idParam(request, 'userId'));
      if (!member) throw new AppError('not_found');
      return reply.page((c) => <RemoveMemberPage ctx={c} team={data.team} member={member} form={form} />, status);
    },
    run: async (request, reply) => {
      const id = idParam(request);
      await changeMember(deps, request.dbContext(), municipalityOf(request).id, id, teamVersion(request.body), idParam(request, 'userId'), false, request.auditActor());
      return reply.setFlash(request.i18n.t('cases.teams.member_removed')).redirect(`${teamsUrl(request)}/${id}`, 303);
    },
    formErrors: ['conflict.stale'],
  });
  app.get<{ Params: MemberParams }>('/:municipality/cases/teams/:id/members/:userId/remove', CONFIGURE, removal.get);
  app.post<{ Params: MemberParams }>('/:municipality/cases/teams/:id/members/:userId/remove', CONFIGURE, removal.post);
}
