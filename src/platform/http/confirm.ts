import type { FastifyReply, FastifyRequest } from 'fastify';
import { emptyForm, type FormState } from '../ui/context';
import { AppError, type ErrorCode } from './errors';
import { submitForm } from './forms';

/** The field only the confirmation page's form carries (`ui/confirm.tsx`). */
export const CONFIRM_FIELD = 'confirmed';

/** Whether the request body comes from a confirmation page. */
export function isConfirmed(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as Record<string, unknown>)[CONFIRM_FIELD] === 'yes';
}

/** Refuses (`confirmation.required`, nothing done) a POST of an irreversible action that skipped its confirmation page. */
export function requireConfirmation(body: unknown): void {
  if (!isConfirmed(body)) throw new AppError('confirmation.required');
}

/**
 * The two handlers of an irreversible action at one address: GET renders its confirmation page, POST
 * does it only when confirmed; a refusal (no confirmation, a field error, one of `formErrors`) renders
 * the same page again with the error summary, nothing done. JSON callers get the error code.
 */
export function confirmedAction<R extends FastifyRequest>(opts: {
  page: (request: R, reply: FastifyReply, form: FormState, status: number) => Promise<FastifyReply> | FastifyReply;
  run: (request: R, reply: FastifyReply) => Promise<FastifyReply>;
  formErrors?: ErrorCode[];
}): { get: (request: R, reply: FastifyReply) => Promise<FastifyReply> | FastifyReply; post: (request: R, reply: FastifyReply) => Promise<FastifyReply | void> } {
  return {
    get: (request, reply) => opts.page(request, reply, emptyForm(), 200),
    post: (request, reply) =>
      submitForm(request, reply, {
        run: () => {
          requireConfirmation(request.body);
          return opts.run(request, reply);
        },
        rerender: (form, status) => opts.page(request, reply, form, status),
        formErrors: ['confirmation.required', ...(opts.formErrors ?? [])],
      }),
  };
}
