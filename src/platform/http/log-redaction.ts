import type { FastifyRequest, FastifyServerOptions } from 'fastify';

/**
 * What the request log may say about a URL. Links in e-mails carry secrets in their path (account
 * confirmation, password reset, invitations, RSVP, calendar feeds) and searches carry people's names
 * and e-mail addresses in the query (`?q=Kowalska`, `?actor=anna@…`); logs are kept longer and read
 * by more people than the data, so neither is written there:
 *
 * - a route parameter named like a secret (`:token`) is written as `[redacted]`, and so is any
 *   path run of 40+ URL-safe characters that is no UUID (a token on an unknown or mistyped path);
 * - the query keeps only the parameters on an allow-list (paging, sorting, statuses, dates), with
 *   their values; any other parameter is written as `name=[redacted]` (a deny-list would miss the
 *   next search field someone adds).
 */
const REDACTED = '[redacted]';
const SECRET_PARAM = /token|secret|key|code/i;
const LONG_RUN = /[A-Za-z0-9_-]{40,}/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NAME = /^[A-Za-z_][A-Za-z0-9_.[\]-]{0,39}$/;

/** Query parameters that never hold a person's data or a secret: their values may be logged. */
export const LOGGED_QUERY = new Set([
  'page', 'per_page', 'limit', 'sort', 'order', 'dir', 'view', 'tab', 'scope', 'status', 'state', 'kind', 'type',
  'category', 'area', 'from', 'to', 'since', 'until', 'before', 'after', 'day', 'date', 'month', 'year', 'week',
  'period', 'due', 'done', 'format', 'lang', 'locale', 'version', 'move',
]);

function redactPath(path: string, params: unknown): string {
  let out = path;
  if (params && typeof params === 'object') {
    for (const [name, value] of Object.entries(params as Record<string, unknown>)) {
      if (!SECRET_PARAM.test(name) || typeof value !== 'string' || value === '') continue;
      for (const form of new Set([value, encodeURIComponent(value)])) out = out.split(form).join(REDACTED);
    }
  }
  return out.replace(LONG_RUN, (run) => (UUID.test(run) ? run : REDACTED));
}

function redactQuery(query: string): string {
  return query
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq < 0 ? pair : pair.slice(0, eq);
      let name: string;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        return REDACTED;
      }
      if (!NAME.test(name)) return REDACTED;
      return LOGGED_QUERY.has(name) || eq < 0 ? pair : `${rawName}=${REDACTED}`;
    })
    .join('&');
}

/** The request's URL as it may be logged. */
export function loggableUrl(url: string, params?: unknown): string {
  const q = url.indexOf('?');
  const path = redactPath(q < 0 ? url : url.slice(0, q), params);
  return q < 0 ? path : `${path}?${redactQuery(url.slice(q + 1))}`;
}

/** Fastify's request serializer with the URL made loggable (method, URL, host, client address as before). */
export const logSerializers = {
  req(request: FastifyRequest) {
    return {
      method: request.method,
      url: loggableUrl(request.url, request.params),
      host: request.host,
      remoteAddress: request.ip,
      remotePort: request.socket?.remotePort,
    };
  },
};

/** The logger options with the redacting serializer added; `false` stays off. */
export function withLogRedaction(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const base = logger === true ? {} : logger;
  return { ...base, serializers: { ...(base as { serializers?: object }).serializers, ...logSerializers } };
}
