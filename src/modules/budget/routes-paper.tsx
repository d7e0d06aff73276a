import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { messageKeyFor } from '../../platform/http/errors';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import { municipalityOf, userOf } from '../../platform/http/route-context';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { COUNT, depsOf, type EditionParams, type PoolParams } from './routes-common';
import { checkPaperBallot, enterPaperBallot, paperDesk } from './service-paper';
import { ballotContext, type BallotContext } from './service-vote';
import { PaperDeskPage, PaperEntryPage } from './views/paper';

/** Paper ballots, typed by one officer and checked by another (budget.count). */
export async function paperRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);
  const m = (request: FastifyRequest) => municipalityOf(request).id;
  const desk = (request: FastifyRequest) => `/${municipalityOf(request).slug}/budzet/${idParam(request, 'edition')}/karty`;

  app.get<{ Params: EditionParams }>('/:municipality/budzet/:edition/karty', COUNT, async (request, reply) => {
    const { ctx: ballot, pending, projects } = await paperDesk(deps, request.dbContext(), m(request), idParam(request, 'edition'));
    return reply.page((c) => <PaperDeskPage ctx={c} ballot={ballot} pending={pending} projects={projects} userId={userOf(request).id} />);
  });

  const renderEntry = async (request: FastifyRequest<{ Params: PoolParams }>, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const ballot = (await deps.db.tx(request.dbContext(), (sql) => ballotContext(sql, m(request), idParam(request, 'edition'), idParam(request, 'pool')))) as BallotContext;
    return reply.page((c) => <PaperEntryPage ctx={c} ballot={ballot} form={form} />, status);
  };
  app.get<{ Params: PoolParams }>('/:municipality/budzet/:edition/karty/:pool', COUNT, (request, reply) => renderEntry(request, reply));
  app.post<{ Params: PoolParams }>('/:municipality/budzet/:edition/karty/:pool', COUNT, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        await enterPaperBallot(deps, request.dbContext(), m(request), userOf(request).id, idParam(request, 'edition'), idParam(request, 'pool'), request.body, request.auditActor());
        return reply.setFlash(request.i18n.t('budget.paper.entered')).redirect(desk(request), 303);
      },
      rerender: (form, status) => renderEntry(request, reply, form, status),
      formErrors: ['budget.already_voted', 'budget.paper_duplicate', 'budget.voting_closed'],
    }),
  );

  for (const [segment, accept] of [['potwierdz', true], ['odrzuc', false]] as const) {
    app.post<{ Params: EditionParams & { entry: string } }>(`/:municipality/budzet/:edition/karty/wpisy/:entry/${segment}`, COUNT, async (request, reply) => {
      const outcome = await checkPaperBallot(deps, request.dbContext(), m(request), userOf(request).id, idParam(request, 'edition'), idParam(request, 'entry'), accept, request.auditActor());
      const { t } = request.i18n;
      const flash = outcome === 'counted' ? t('budget.paper.confirmed') : outcome === 'duplicate' ? t(messageKeyFor('budget.already_voted')) : t('budget.paper.rejected');
      if (request.headers.accept?.includes('application/json')) return reply.send({ outcome });
      return reply.setFlash(flash).redirect(desk(request), 303);
    });
  }
}
