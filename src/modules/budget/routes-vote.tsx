import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors';
import { isConfirmed } from '../../platform/http/confirm';
import { formValues, submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import { municipalityOf, userOf } from '../../platform/http/route-context';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { depsOf, SIGNED_IN, type EditionParams, type PoolParams } from './routes-common';
import { ballotContext, castBallot, checkBallot, receiptOf, type BallotContext } from './service-vote';
import { BallotPage, ChoosePoolPage, ConfirmVotePage, ReceiptPage } from './views/vote';

/** Online voting by a signed-in resident: the pool, the ballot, one confirmation step, the receipt. */
export async function voteRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);
  const m = (request: FastifyRequest) => municipalityOf(request).id;
  const resident = (request: FastifyRequest) => {
    const user = userOf(request);
    if (!request.tenant?.roles.includes('resident')) throw new AppError('budget.not_resident');
    return user;
  };
  const contextOf = (request: FastifyRequest, poolId: string | null) =>
    deps.db.tx(request.dbContext(), (sql) => ballotContext(sql, m(request), idParam(request, 'edition'), poolId));

  app.get<{ Params: EditionParams }>('/:municipality/budzet/:edition/glosuj', SIGNED_IN, async (request, reply) => {
    resident(request);
    const ballot = await contextOf(request, null);
    return reply.page((c) => <ChoosePoolPage ctx={c} ballot={ballot} />);
  });

  const renderBallot = async (request: FastifyRequest<{ Params: PoolParams }>, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const ballot = (await contextOf(request, idParam(request, 'pool'))) as BallotContext;
    return reply.page((c) => <BallotPage ctx={c} ballot={ballot} form={form} />, status);
  };

  app.get<{ Params: PoolParams }>('/:municipality/budzet/:edition/glosuj/:pool', SIGNED_IN, (request, reply) => {
    resident(request);
    return renderBallot(request, reply);
  });

  app.post<{ Params: PoolParams }>('/:municipality/budzet/:edition/glosuj/:pool/popraw', SIGNED_IN, (request, reply) => {
    resident(request);
    return renderBallot(request, reply, { values: formValues(request.body), errors: {} });
  });

  app.post<{ Params: PoolParams }>('/:municipality/budzet/:edition/glosuj/:pool', SIGNED_IN, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const user = resident(request);
        const editionId = idParam(request, 'edition');
        const poolId = idParam(request, 'pool');
        if (isConfirmed(request.body)) {
          const receipt = await castBallot(deps, request.dbContext(), m(request), user.id, editionId, poolId, request.body, request.auditActor());
          if (request.headers.accept?.includes('application/json')) return reply.code(201).send({ counted: true, choices: receipt.choices.length });
          return reply.page((c) => <ReceiptPage ctx={c} editionId={editionId} receipt={receipt} />);
        }
        const { ctx: ballot, input } = await checkBallot(deps, request.dbContext(), m(request), editionId, poolId, request.body);
        return reply.page((c) => <ConfirmVotePage ctx={c} ballot={ballot} receipt={receiptOf(ballot, input, null)} values={formValues(request.body)} />);
      },
      rerender: (form, status) => renderBallot(request, reply, form, status),
      formErrors: ['budget.already_voted', 'budget.voting_closed'],
    }),
  );
}
