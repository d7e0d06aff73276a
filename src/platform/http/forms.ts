import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FormState } from '../ui/context';
import { AppError, messageKeyFor } from './errors';
import { wantsJson } from './error-handler';

const NEVER_ECHOED = /password|_csrf|secret/i;

/** What the person typed, to put back into the form (passwords and tokens excluded). */
export function formValues(body: unknown): FormState['values'] {
  const values: FormState['values'] = {};
  if (!body || typeof body !== 'object') return values;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (NEVER_ECHOED.test(key)) continue;
    if (typeof value === 'string') values[key] = value.slice(0, 10_000);
    else if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === 'string');
  }
  return values;
}

/**
 * Runs a form submission. A validation error (or one of `formErrors`) re-renders the same form with
 * what was typed and what to fix, with the error's status; anything else goes to the error handler.
 */
export async function submitForm(
  request: FastifyRequest,
  reply: FastifyReply,
  opts: {
    run: () => Promise<FastifyReply | void>;
    rerender: (form: FormState, status: number) => FastifyReply | Promise<FastifyReply>;
    /** Errors shown on the form itself rather than on an error page. */
    formErrors?: AppError['code'][];
  },
): Promise<FastifyReply | void> {
  try {
    return await opts.run();
  } catch (err) {
    if (!(err instanceof AppError) || wantsJson(request)) throw err;
    const values = formValues(request.body);
    if (err.code === 'validation.failed') {
      return opts.rerender({ values, errors: err.fields ?? {} }, err.status);
    }
    if (opts.formErrors?.includes(err.code)) {
      return opts.rerender({ values, errors: {}, message: request.i18n.t(messageKeyFor(err.code), err.opts.params) }, err.status);
    }
    throw err;
  }
}

/**
 * Only same-site paths may be redirected to after a form (no open redirect), and only in printable
 * ASCII: anything else cannot go into a Location header (Node refuses it and the reply fails).
 */
export function safeNext(value: unknown, fallback = '/'): string {
  return typeof value === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) ? value : fallback;
}
