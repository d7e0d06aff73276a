import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idList, lines } from '../../platform/http/form-fields';
import { idParam } from '../../platform/http/params';
import { submitForm } from '../../platform/http/forms';
import { validationError } from '../../platform/http/errors';
import { text } from '../../platform/http/validation';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { isSphere, KINDS } from '../organisations';
import type { AudienceFilter } from './repository-audience';
import { basePath, depsOf, MANAGE, municipalityOf, type IdParams } from './routes-common';
import { invite, invitePage, PREVIEW_LIMIT, type InviteChoice } from './service-invite';
import { InvitePage } from './views/invite';


const asList = (v: unknown): unknown[] => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);
const UUID = z.uuid();
const EMAIL = z.email();

/** The filter from a query or a form; what is not a known sphere, kind or id is ignored. */
function filterOf(input: unknown): AudienceFilter {
  const o = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const q = typeof o.q === 'string' ? o.q.trim().slice(0, 200).replaceAll('\u0000', '') : '';
  const federation = typeof o.federation === 'string' && UUID.safeParse(o.federation).success ? o.federation.toLowerCase() : null;
  return {
    q,
    spheres: [...new Set(asList(o.sphere).filter((s): s is string => typeof s === 'string' && isSphere(s)))],
    kinds: [...new Set(asList(o.kind).filter((k): k is string => typeof k === 'string' && (KINDS as readonly string[]).includes(k)))],
    federationId: federation,
  };
}

/** What the invite form asked for: ticked organisations, all that match the filter, or people's addresses (one per line or comma-separated). */
function choiceOf(body: unknown): InviteChoice {
  const o = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  if (o.how === 'all_matching') return { kind: 'all_matching', filter: filterOf(o) };
  if (o.how === 'people') {
    const raw = text(20_000).safeParse(o.emails);
    const emails = raw.success ? [...new Set(lines(raw.data.replace(/[,;]/g, '\n')).map((e) => e.toLowerCase()))] : [];
    if (emails.length === 0) throw validationError({ emails: { code: 'required' } });
    if (emails.length > 500) throw validationError({ emails: { code: 'meeting_too_many_emails' } });
    const wrong = emails.find((e) => e.length > 254 || !EMAIL.safeParse(e).success);
    if (wrong) throw validationError({ emails: { code: 'meeting_email_invalid', params: { email: wrong.slice(0, 80) } } });
    return { kind: 'people', emails };
  }
  const ids = idList(PREVIEW_LIMIT).safeParse(o.organisation);
  if (!ids.success) throw validationError({ organisations: { code: 'invalid' } });
  if (ids.data.length === 0) throw validationError({ organisations: { code: 'meeting_choose_organisations' } });
  return { kind: 'chosen', ids: ids.data };
}

export async function inviteRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  const render = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, filter: AudienceFilter, form: FormState = emptyForm(), status = 200) => {
    const data = await invitePage(deps, request.dbContext(), municipalityOf(request).id, idParam(request), filter);
    return reply.page((c) => <InvitePage ctx={c} data={data} filter={filter} form={form} limit={PREVIEW_LIMIT} />, status);
  };

  app.get<{ Params: IdParams }>('/:municipality/meetings/:id/invite', MANAGE, (request, reply) => render(request, reply, filterOf(request.query)));

  app.post<{ Params: IdParams }>('/:municipality/meetings/:id/invite', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const { added, skipped } = await invite(deps, request.dbContext(), municipalityOf(request), id, choiceOf(request.body), request.auditActor());
        const message = skipped > 0 ? request.i18n.t('meetings.invite.done_skipped', { count: added, skipped }) : request.i18n.t('meetings.invite.done', { count: added });
        return reply.setFlash(message).redirect(`${basePath(request)}/${id}`, 303);
      },
      rerender: (form, status) => render(request, reply, filterOf(request.body), form, status),
      formErrors: ['meeting.closed', 'meeting.cancelled'],
    }),
  );
}
