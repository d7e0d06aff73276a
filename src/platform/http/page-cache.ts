import type { FastifyReply } from 'fastify';

/** What an anonymous page answered to a GET may be: kept by the visitor's own browser, checked again before reuse. */
export const ANONYMOUS_PAGE_CACHE = 'private, no-cache';

/**
 * The Cache-Control of a rendered page. A page that shows nobody's data — an anonymous visitor's GET
 * answered 200, at an address without a token — may stay in the visitor's browser, so back and forward
 * work (no-store shuts the back/forward cache), though never in a shared cache (it carries the visitor's
 * CSRF token). Anything a session, a flash message, a token in the address or a form post produced is
 * not stored. A handler that set its own Cache-Control keeps it.
 */
export function pageCacheControl(reply: FastifyReply, status: number): string | null {
  if (reply.hasHeader('cache-control')) return null;
  const request = reply.request;
  const anonymous = !request.session && !request.user && !request.flash;
  const read = request.method === 'GET' || request.method === 'HEAD';
  const tokenInAddress = /:token\b/.test(request.routeOptions.url ?? '');
  return anonymous && read && status === 200 && !tokenInAddress ? ANONYMOUS_PAGE_CACHE : 'no-store';
}

export function setPageCacheControl(reply: FastifyReply, status: number): FastifyReply {
  const value = pageCacheControl(reply, status);
  return value ? reply.header('cache-control', value) : reply;
}
