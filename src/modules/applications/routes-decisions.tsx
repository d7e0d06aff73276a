import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { parseFields } from '../../platform/http/form-fields';
import { idParam } from '../../platform/http/params';
import { submitForm } from '../../platform/http/forms';
import { parse } from '../../platform/http/validation';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { viewerOf } from '../cases';
import { DECISIONS, isInQueue, type DecisionKind } from './domain';
import { decisionSchemas, moveShape } from './form';
import { basePath, depsOf, MANAGE, municipalityOf, type IdParams } from './routes-common';
import { decide, move, type Decision } from './service-decide';
import { applicationPage } from './service-read';
import { reasonField } from './views/decisions';
import { ApplicationPageView, type DecisionFormName } from './views/detail';
import { DeclinePage } from './views/decline';
import { confirmedAction } from '../../platform/http/confirm';
import { AppError } from '../../platform/http/errors';


const STALE_OR_CLOSED = ['conflict.stale', 'application.closed'] as const;

/** The page's forms name their reason `<form>_reason` (unique ids on one page); the schemas read `reason`. */
const withReason = (name: DecisionFormName, body: unknown): Record<string, unknown> => {
  const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  return { ...b, reason: b[reasonField(name)] };
};
/** …and a failed form shows the reason's error on the field of that name. */
const onForm = (name: DecisionFormName, form: FormState): FormState => {
  const { reason, ...rest } = form.errors;
  return { ...form, errors: reason ? { [reasonField(name)]: reason, ...rest } : rest };
};

function readDecision(kind: DecisionKind, body: unknown): Decision {
  const v = parse(decisionSchemas[kind] as z.ZodType<{ version: number; reason: string; unit_id?: string; consent?: boolean }>, withReason(kind, body));
  return { kind, version: v.version, reason: v.reason, unitId: v.unit_id?.toLowerCase(), consent: v.consent };
}

/** One application for staff (every read audited) and what they decide about it: statuses with reasons, a move in the queue. */
export async function decisionRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  const render = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form: FormState = emptyForm(), formName: DecisionFormName | null = null, status = 200) => {
    const data = await applicationPage(deps, request.dbContext(), municipalityOf(request).id, idParam(request), viewerOf(request), request.auditActor());
    return reply.page((c) => <ApplicationPageView ctx={c} data={data} form={form} formName={formName} />, status);
  };

  app.get<{ Params: IdParams }>('/:municipality/applications/:id', MANAGE, (request, reply) => render(request, reply));

  // Declining asks first (ui/confirm.tsx): the reason is typed on the confirmation page; a refusal comes back to it.
  const declining = confirmedAction<FastifyRequest<{ Params: IdParams }>>({
    page: async (request, reply, form, status) => {
      const data = await applicationPage(deps, request.dbContext(), municipalityOf(request).id, idParam(request), viewerOf(request), request.auditActor());
      if (status === 200 && !isInQueue(data.application.status)) throw new AppError('application.closed');
      return reply.header('cache-control', 'no-store').page((c) => <DeclinePage ctx={c} data={data} form={onForm('decline', form)} />, status);
    },
    run: async (request, reply) => {
      const id = idParam(request);
      const a = await decide(deps, request.dbContext(), municipalityOf(request), id, readDecision('decline', request.body), request.auditActor());
      return reply.setFlash(request.i18n.t('applications.decided.decline', { name: a.beneficiary_name })).redirect(`${basePath(request)}/${id}`, 303);
    },
    formErrors: [...STALE_OR_CLOSED],
  });
  app.get<{ Params: IdParams }>('/:municipality/applications/:id/decline', MANAGE, declining.get);
  app.post<{ Params: IdParams }>('/:municipality/applications/:id/decline', MANAGE, declining.post);

  for (const kind of DECISIONS) {
    if (kind === 'decline') continue;
    app.post<{ Params: IdParams }>(`/:municipality/applications/:id/${kind}`, MANAGE, (request, reply) =>
      submitForm(request, reply, {
        run: async () => {
          const id = idParam(request);
          const a = await decide(deps, request.dbContext(), municipalityOf(request), id, readDecision(kind, request.body), request.auditActor());
          return reply.setFlash(request.i18n.t(`applications.decided.${kind}`, { name: a.beneficiary_name })).redirect(`${basePath(request)}/${id}`, 303);
        },
        rerender: (form, status) => render(request, reply, onForm(kind, form), kind, status),
        formErrors: [...STALE_OR_CLOSED],
      }),
    );
  }

  app.post<{ Params: IdParams }>('/:municipality/applications/:id/move', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const v = parseFields(moveShape, withReason('move', request.body), (v, fail) => {
          if (v.position === null) fail('position', 'required');
        });
        const to = await move(deps, request.dbContext(), municipalityOf(request), id, v.version, v.position!, v.reason, request.auditActor());
        return reply.setFlash(request.i18n.t('applications.moved', { position: to })).redirect(`${basePath(request)}/${id}`, 303);
      },
      rerender: (form, status) => render(request, reply, onForm('move', form), 'move', status),
      formErrors: [...STALE_OR_CLOSED],
    }),
  );
}
