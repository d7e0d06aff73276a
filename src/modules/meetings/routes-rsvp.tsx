import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import type { ModuleContext } from '../../platform/module';
import type { FormState } from '../../platform/ui/context';
import { parseRsvp } from './form';
import { centreOrganiser, ICS_CONTENT_TYPE, meetingsIcs } from './ics';
import { rsvpLink } from './mail';
import { basePath, depsOf, municipalityOf, OPEN, personOf, SIGNED_IN, TOKEN_API, type IdParams, type Params, type TokenParams } from './routes-common';
import { answerAsMember, answerByToken, feedMeetings, inboxOf, invitationByToken, invitationForMember, resetFeed } from './service-rsvp';
import { InboxPage, RsvpPage } from './views/rsvp';
import { userOf } from '../../platform/http/route-context';


const ANSWER_ERRORS = ['meeting.closed' as const, 'meeting.cancelled' as const];

/**
 * Answering an invitation: through the e-mailed link (no login), in JSON, or from the inbox of
 * someone logged in (their own and their organisations' invitations); calendar files and a feed.
 */
export async function rsvpRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);
  const host = new URL(ctx.config.publicUrl).host;
  const sendIcs = (reply: FastifyReply, body: string, filename: string) =>
    reply.header('content-type', ICS_CONTENT_TYPE).header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'no-store').send(body);
  const organiserOf = (request: FastifyRequest) => centreOrganiser(municipalityOf(request), ctx.config.mailFrom);

  const renderToken = async (request: FastifyRequest<{ Params: TokenParams }>, reply: FastifyReply, form: FormState | null = null, status = 200) => {
    const { invitation, meeting } = await invitationByToken(deps, request.dbContext(), municipalityOf(request).id, request.params.token);
    const here = `/${municipalityOf(request).slug}/rsvp/${request.params.token}`;
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    return reply.page((c) => <RsvpPage ctx={c} meeting={meeting} invitation={invitation} here={here} form={form} />, status);
  };

  app.get<{ Params: TokenParams }>('/:municipality/rsvp/:token', OPEN, (request, reply) => renderToken(request, reply));

  app.post<{ Params: TokenParams }>('/:municipality/rsvp/:token', OPEN, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const input = parseRsvp(request.body);
        await answerByToken(deps, request.dbContext(), municipalityOf(request).id, request.params.token, input, { ...request.auditActor(), userId: null });
        return reply.setFlash(request.i18n.t(`meetings.rsvp.thanks.${input.response}`)).redirect(`/${municipalityOf(request).slug}/rsvp/${request.params.token}`, 303);
      },
      rerender: (form, status) => renderToken(request, reply, form, status),
      formErrors: ANSWER_ERRORS,
    }),
  );

  app.get<{ Params: TokenParams }>('/:municipality/rsvp/:token/meeting.ics', OPEN, async (request, reply) => {
    const { invitation, meeting } = await invitationByToken(deps, request.dbContext(), municipalityOf(request).id, request.params.token);
    const body = meetingsIcs([meeting], { name: municipalityOf(request).name, host, organiser: organiserOf(request), link: () => rsvpLink(deps, municipalityOf(request), invitation.id) });
    return sendIcs(reply, body, 'spotkanie.ics');
  });

  /** JSON: { response, people_count, accessibility_needs } → the answer as stored. The token is the only credential. */
  app.post<{ Params: TokenParams }>('/api/:municipality/rsvp/:token', TOKEN_API, async (request, reply) => {
    const input = parseRsvp(request.body);
    const { previous } = await answerByToken(deps, request.dbContext(), municipalityOf(request).id, request.params.token, input, { ...request.auditActor(), userId: null });
    return reply.send({ response: input.response, people_count: input.peopleCount, accessibility_needs: input.accessibilityNeeds, changed: previous !== null });
  });

  app.get<{ Params: Params }>('/:municipality/meetings/inbox', SIGNED_IN, async (request, reply) => {
    const data = await inboxOf(deps, request.dbContext(), municipalityOf(request).id, personOf(request));
    return reply.page((c) => <InboxPage ctx={c} {...data} feedUrl={null} />);
  });

  const renderMember = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form: FormState | null = null, status = 200) => {
    const { invitation, meeting } = await invitationForMember(deps, request.dbContext(), municipalityOf(request).id, idParam(request), personOf(request));
    const here = `${basePath(request)}/invitations/${invitation.id}`;
    const back = { href: `${basePath(request)}/inbox`, label: request.i18n.t('meetings.inbox.back') };
    return reply.page((c) => <RsvpPage ctx={c} meeting={meeting} invitation={invitation} here={here} form={form} back={back} />, status);
  };

  app.get<{ Params: IdParams }>('/:municipality/meetings/invitations/:id', SIGNED_IN, (request, reply) => renderMember(request, reply));

  app.post<{ Params: IdParams }>('/:municipality/meetings/invitations/:id', SIGNED_IN, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const input = parseRsvp(request.body);
        await answerAsMember(deps, request.dbContext(), municipalityOf(request).id, idParam(request), input, personOf(request), request.auditActor());
        return reply.setFlash(request.i18n.t(`meetings.rsvp.thanks.${input.response}`)).redirect(`${basePath(request)}/inbox`, 303);
      },
      rerender: (form, status) => renderMember(request, reply, form, status),
      formErrors: ANSWER_ERRORS,
    }),
  );

  app.get<{ Params: IdParams }>('/:municipality/meetings/invitations/:id/meeting.ics', SIGNED_IN, async (request, reply) => {
    const { meeting } = await invitationForMember(deps, request.dbContext(), municipalityOf(request).id, idParam(request), personOf(request));
    const link = `${ctx.config.publicUrl}${basePath(request)}/invitations/${idParam(request)}`;
    return sendIcs(reply, meetingsIcs([meeting], { name: municipalityOf(request).name, host, organiser: organiserOf(request), link: () => link }), 'spotkanie.ics');
  });

  app.post<{ Params: Params }>('/:municipality/meetings/feed', SIGNED_IN, async (request, reply) => {
    const token = await resetFeed(deps, request.dbContext(), municipalityOf(request).id, userOf(request).id);
    const data = await inboxOf(deps, request.dbContext(), municipalityOf(request).id, personOf(request));
    const feedUrl = `${ctx.config.publicUrl}/${municipalityOf(request).slug}/calendar/${token}`;
    reply.header('cache-control', 'no-store');
    return reply.page((c) => <InboxPage ctx={c} {...data} feedUrl={feedUrl} />);
  });

  app.get<{ Params: TokenParams }>('/:municipality/calendar/:token', OPEN, async (request, reply) => {
    const list = await feedMeetings(deps, request.dbContext(), municipalityOf(request).id, request.params.token);
    const inboxUrl = `${ctx.config.publicUrl}${basePath(request)}/inbox`;
    const body = meetingsIcs(list, { name: `${municipalityOf(request).name} — ${request.i18n.t('meetings.feed.name')}`, host, organiser: organiserOf(request), link: () => inboxUrl });
    return reply.header('content-type', ICS_CONTENT_TYPE).header('cache-control', 'no-store').send(body);
  });
}
