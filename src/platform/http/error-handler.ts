import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h, type VNode } from 'preact';
import { translator } from '../i18n';
import { AppError, fieldMessageKey, messageKeyFor, type ErrorCode } from './errors';
import { ErrorPage } from './error-page';
import type { PageContext } from '../ui/context';
import { renderDocument } from '../ui/render';

/**
 * What an error page may offer below its message for one error code, given by a module: a way
 * forward that belongs to it (the cases module's "break the glass" form for `case.need_to_know`).
 */
export type ErrorOffer = (ctx: PageContext, error: AppError, request: FastifyRequest) => VNode | null;
const offers = new Map<ErrorCode, ErrorOffer>();
export function offerOnErrorPage(code: ErrorCode, offer: ErrorOffer): void {
  offers.set(code, offer);
}

/** JSON for the API and for clients that ask for it; HTML pages for everyone else. */
export function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return true;
  const accept = String(request.headers.accept ?? '');
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** Fastify's own errors (body parsing, limits) mapped to our stable codes. */
function fromFastify(err: FastifyError): AppError {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('request.too_large', { cause: err });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('request.unsupported_media_type', { cause: err });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return new AppError('request.malformed', { cause: err });
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return new AppError('csrf.invalid', { cause: err });
    default:
      if (err.statusCode === 429) return new AppError('rate_limited', { cause: err });
      if (err.statusCode === 413) return new AppError('request.too_large', { cause: err });
      if (err.statusCode === 415) return new AppError('request.unsupported_media_type', { cause: err });
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return new AppError('request.malformed', { cause: err });
      return new AppError('internal', { cause: err });
  }
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err && typeof err === 'object' && 'code' in err && typeof (err as FastifyError).code === 'string' && String((err as FastifyError).code).startsWith('FST_')) {
    return fromFastify(err as FastifyError);
  }
  const status = err && typeof err === 'object' ? (err as FastifyError).statusCode : undefined;
  if (status === 429) return new AppError('rate_limited', { cause: err });
  // A library's own refusal (e.g. @fastify/send's 403 for a path leaving public/): nothing there for the caller.
  if (status === 403 || status === 404) return new AppError('not_found', { cause: err });
  if (status === 413) return new AppError('request.too_large', { cause: err });
  if (status && status >= 400 && status < 500) return new AppError('request.malformed', { cause: err });
  return new AppError('internal', { cause: err });
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const i18n = request.i18n ?? translator('pl');
  const message = i18n.t(messageKeyFor(error.code), error.opts.params);
  if (wantsJson(request)) {
    const fields = error.fields
      ? Object.fromEntries(Object.entries(error.fields).map(([name, f]) => [name, { code: f.code, message: i18n.t(fieldMessageKey(f.code), f.params) }]))
      : undefined;
    return reply.code(error.status).send({ error: { code: error.code, message, ...(fields ? { fields } : {}) } });
  }
  // HEAD answers as GET would (RFC 9110 §9.3.2).
  const safe = request.method === 'GET' || request.method === 'HEAD';
  if (error.code === 'auth.required' && safe) {
    return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
  }
  if (error.code === 'auth.mfa_required' && safe) {
    return reply.redirect(`/account/mfa?next=${encodeURIComponent(request.url)}`, 303);
  }
  if (!request.i18n) request.i18n = i18n;
  const offer = offers.get(error.code);
  return reply.page((ctx) => h(ErrorPage, { ctx, message, offer: offer?.(ctx, error, request) }) as VNode, error.status);
}

/**
 * Malformed URLs and over-long route parameters are refused by the router before any hook runs (no
 * session, no language, no setErrorHandler): Fastify's `frameworkErrors` answers them here instead,
 * in the usual shape and with the request id, rather than with Fastify's own JSON.
 */
export function answerFrameworkError(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const error = toAppError(err);
  const i18n = translator('pl');
  const message = i18n.t(messageKeyFor(error.code));
  request.log.info({ code: error.code }, 'request refused');
  reply.code(error.status).header('x-request-id', request.id).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store');
  if (wantsJson(request)) {
    reply.send({ error: { code: error.code, message } });
    return;
  }
  const ctx = { i18n, path: '/', csrfToken: '', user: null, municipality: null, nav: [], flash: null, requestId: String(request.id) };
  reply.header('content-type', 'text/html; charset=utf-8').send(renderDocument(h(ErrorPage, { ctx, message }) as VNode));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const error = toAppError(err);
    if (error.status >= 500) request.log.error({ err }, 'request failed');
    else if (error.code !== 'validation.failed') request.log.info({ code: error.code }, 'request refused');
    return sendError(request, reply, error);
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, new AppError('not_found')));
}

