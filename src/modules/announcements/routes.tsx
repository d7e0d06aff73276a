import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC, can } from '../../platform/auth/access';
import { confirmedAction } from '../../platform/http/confirm';
import { acceptOneFile } from '../../platform/http/upload';
import { UPLOAD_RATE } from '../../platform/export/rate';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import { municipalityOf, tenantOf } from '../../platform/http/route-context';
import { parse } from '../../platform/http/validation';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { conflictOf } from '../../platform/ui/conflict';
import { renderDocument } from '../../platform/ui/render';
import { MAX_ATTACHMENT_BYTES } from './domain';
import { atomFeed } from './feed';
import { ANNOUNCEMENT_FIELDS, parseAnnouncementForm, parseAttachmentForm, reasonSchema, subscribeSchema, versionSchema } from './form';
import {
  addAttachment,
  allCategories,
  announcementPage,
  attachmentFile,
  board,
  confirmSubscription,
  correct,
  createDraft,
  editorData,
  publish,
  requestSubscription,
  staffList,
  subscriptionOfLink,
  unsubscribe,
  updateDraft,
  withdraw,
  type AnnouncementsDeps,
} from './service';
import { AnnouncementPageView, BoardPage, PrintPage } from './views/public';
import { EditorPage, ManagePage, valuesOf, WithdrawPage } from './views/staff';
import { OneButtonPage, SubscribePage } from './views/subscriptions';

type Params = { municipality: string };
type IdParams = Params & { id: string };
type SlugParams = Params & { slug: string };
type TokenParams = Params & { token: string };

const OPEN = { config: { access: PUBLIC } };
const FEED = { config: { access: PUBLIC, rateLimit: { max: 120, timeWindow: 60_000 } } };
const SUBSCRIBE = { config: { access: PUBLIC, rateLimit: { max: 10, timeWindow: 60_000 } } };
/** The one-click unsubscribe (RFC 8058): a mail client POSTs to the link itself, with no session and no CSRF token — the token in the address is the proof. */
const ONE_CLICK = { config: { access: PUBLIC, tokenInUrl: true, rateLimit: { max: 30, timeWindow: 60_000 } } };
const MANAGE = { config: { access: can('announcements.manage') } };

const isStaff = (request: FastifyRequest) => tenantOf(request).permissions.has('announcements.manage');
const mid = (request: FastifyRequest) => municipalityOf(request).id;
const baseOf = (request: FastifyRequest) => `/${municipalityOf(request).slug}/ogloszenia`;
const tokenOf = (request: FastifyRequest<{ Params: TokenParams }>) => {
  const token = request.params.token;
  return /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : '';
};

/** Announcements: the public board, pages, feeds and subscriptions; staff's editor (announcements.manage). */
export async function announcementRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps: AnnouncementsDeps = { db: ctx.db, publicUrl: ctx.config.publicUrl, linkKey: ctx.linkKey };

  // ——— Public ———
  app.get<{ Params: Params }>('/:municipality/ogloszenia', OPEN, async (request, reply) => {
    const b = await board(deps, request.dbContext(), mid(request), null);
    return reply.page((c) => <BoardPage ctx={c} {...b} />);
  });
  app.get<{ Params: SlugParams }>('/:municipality/ogloszenia/kategoria/:slug', OPEN, async (request, reply) => {
    const b = await board(deps, request.dbContext(), mid(request), request.params.slug);
    return reply.page((c) => <BoardPage ctx={c} {...b} />);
  });
  const sendFeed = async (request: FastifyRequest, reply: FastifyReply, slug: string | null) => {
    const b = await board(deps, request.dbContext(), mid(request), slug, 50);
    const m = municipalityOf(request);
    return reply
      .type('application/atom+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(atomFeed(deps.publicUrl, { slug: m.slug, cus_name: m.cus_name }, b.category, b.items));
  };
  app.get<{ Params: Params }>('/:municipality/ogloszenia/kanal.atom', FEED, (request, reply) => sendFeed(request, reply, null));
  app.get<{ Params: SlugParams }>('/:municipality/ogloszenia/kategoria/:slug/kanal.atom', FEED, (request, reply) => sendFeed(request, reply, request.params.slug));

  const addressOf = (request: FastifyRequest, number: number) => `${deps.publicUrl}${baseOf(request)}/${number}`;
  app.get<{ Params: IdParams }>('/:municipality/ogloszenia/:id', OPEN, async (request, reply) => {
    const page = await announcementPage(deps, request.dbContext(), mid(request), request.params.id, isStaff(request));
    return reply.page((c) => <AnnouncementPageView ctx={c} page={page} address={addressOf(request, page.announcement.number)} staff={isStaff(request)} />);
  });
  app.get<{ Params: IdParams }>('/:municipality/ogloszenia/:id/druk', OPEN, async (request, reply) => {
    const page = await announcementPage(deps, request.dbContext(), mid(request), request.params.id, isStaff(request));
    return reply.type('text/html; charset=utf-8').send(renderDocument(<PrintPage ctx={reply.pageContext()} page={page} address={addressOf(request, page.announcement.number)} staff={isStaff(request)} />));
  });
  app.get<{ Params: IdParams }>('/:municipality/ogloszenia/zalaczniki/:id', OPEN, async (request, reply) => {
    const file = await attachmentFile(deps, request.dbContext(), mid(request), idParam(request), isStaff(request));
    const inline = file.media_type.startsWith('image/') || file.media_type === 'application/pdf';
    return reply
      .type(file.media_type)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .send(file.content);
  });

  // ——— Subscriptions ———
  const renderSubscribe = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200, sent = false) => {
    const list = await allCategories(deps, request.dbContext(), mid(request));
    return reply.page((c) => <SubscribePage ctx={c} form={form} categories={list} sent={sent} />, status);
  };
  app.get<{ Params: Params }>('/:municipality/ogloszenia/subskrypcja', OPEN, (request, reply) => renderSubscribe(request, reply, emptyForm({ categories: ['ogloszenia', 'aktualnosci'] })));
  app.post<{ Params: Params }>('/:municipality/ogloszenia/subskrypcja', SUBSCRIBE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const input = parse(subscribeSchema, request.body);
        await requestSubscription(deps, request.dbContext(), mid(request), input.email, input.categories);
        return renderSubscribe(request, reply, emptyForm(), 200, true);
      },
      rerender: (form, status) => renderSubscribe(request, reply, form, status),
    }),
  );
  app.get<{ Params: TokenParams }>('/:municipality/ogloszenia/subskrypcja/potwierdz/:token', OPEN, (request, reply) => {
    const { t } = request.i18n;
    return reply.header('referrer-policy', 'no-referrer').page((c) => <OneButtonPage ctx={c} title={t('announcements.confirm.title')} intro={t('announcements.confirm.intro')} action={request.url} submit={t('announcements.confirm.submit')} />);
  });
  app.post<{ Params: TokenParams }>('/:municipality/ogloszenia/subskrypcja/potwierdz/:token', SUBSCRIBE, async (request, reply) => {
    const { t } = request.i18n;
    const list = await confirmSubscription(deps, request.dbContext(), mid(request), tokenOf(request));
    const done = t('announcements.confirm.done', { categories: list.map((c) => c.name).join(', ') });
    if (request.headers.accept?.includes('application/json')) return reply.send({ confirmed: true, categories: list.map((c) => c.slug) });
    return reply.page((c) => <OneButtonPage ctx={c} title={t('announcements.confirm.title')} intro="" action="" submit="" done={done} />);
  });
  app.get<{ Params: TokenParams }>('/:municipality/ogloszenia/subskrypcja/wypisz/:token', OPEN, async (request, reply) => {
    const { t } = request.i18n;
    const live = await subscriptionOfLink(deps, request.dbContext(), mid(request), tokenOf(request));
    return reply
      .header('referrer-policy', 'no-referrer')
      .page((c) => <OneButtonPage ctx={c} title={t('announcements.unsubscribe.title')} intro={t('announcements.unsubscribe.intro')} action={request.url} submit={t('announcements.unsubscribe.submit')} done={live ? undefined : t('announcements.unsubscribe.done')} />);
  });
  app.post<{ Params: TokenParams }>('/:municipality/ogloszenia/subskrypcja/wypisz/:token', ONE_CLICK, async (request, reply) => {
    const { t } = request.i18n;
    await unsubscribe(deps, request.dbContext(), mid(request), tokenOf(request));
    return reply.page((c) => <OneButtonPage ctx={c} title={t('announcements.unsubscribe.title')} intro="" action="" submit="" done={t('announcements.unsubscribe.done')} />);
  });

  // ——— Staff ———
  app.get<{ Params: Params }>('/:municipality/ogloszenia/zarzadzanie', MANAGE, async (request, reply) => {
    const items = await staffList(deps, request.dbContext(), mid(request));
    return reply.page((c) => <ManagePage ctx={c} items={items} />);
  });

  const renderNew = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const list = await allCategories(deps, request.dbContext(), mid(request));
    return reply.page((c) => <EditorPage ctx={c} form={form} categories={list} />, status);
  };
  app.get<{ Params: Params }>('/:municipality/ogloszenia/nowe', MANAGE, (request, reply) => {
    const m = municipalityOf(request);
    return renderNew(request, reply, emptyForm({ category: 'aktualnosci', produced_by: m.cus_name }));
  });
  app.post<{ Params: Params }>('/:municipality/ogloszenia/nowe', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = await createDraft(deps, request.dbContext(), mid(request), parseAnnouncementForm(request.body), request.auditActor());
        return reply.setFlash(request.i18n.t('announcements.form.saved')).redirect(`${baseOf(request)}/${id}/edycja`, 303);
      },
      rerender: (form, status) => renderNew(request, reply, form, status),
    }),
  );

  /** The editor again: after a conflict what was typed stays, on the saved version, beside what is saved. */
  const renderEdit = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form?: FormState, status = 200, attachForm?: FormState) => {
    const data = await editorData(deps, request.dbContext(), mid(request), idParam(request));
    const saved = valuesOf(data.announcement);
    let shown = form ?? emptyForm(saved);
    let conflict: ReturnType<typeof conflictOf> | undefined;
    if (form?.message) {
      conflict = conflictOf([...ANNOUNCEMENT_FIELDS], form.values, saved, data.announcement.version);
      shown = { ...form, values: { ...form.values, version: saved.version! } };
    }
    return reply.page((c) => <EditorPage ctx={c} form={shown} categories={data.categories} announcement={data.announcement} attachments={data.attachments} conflict={conflict} attachForm={attachForm} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/ogloszenia/:id/edycja', MANAGE, (request, reply) => renderEdit(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/ogloszenia/:id/edycja', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const data = await editorData(deps, request.dbContext(), mid(request), id);
        const input = parseAnnouncementForm(request.body);
        if (data.announcement.status === 'draft') {
          const { version } = parse(versionSchema, request.body);
          await updateDraft(deps, request.dbContext(), mid(request), id, input, version, request.auditActor());
          return reply.setFlash(request.i18n.t('announcements.form.saved')).redirect(`${baseOf(request)}/${id}/edycja`, 303);
        }
        const { version, reason } = parse(reasonSchema, request.body);
        await correct(deps, request.dbContext(), mid(request), id, input, reason, version, request.auditActor());
        return reply.setFlash(request.i18n.t('announcements.form.corrected', { version: data.announcement.published_version + 1 })).redirect(`${baseOf(request)}/${data.announcement.number}`, 303);
      },
      rerender: (form, status) => renderEdit(request, reply, form, status),
      formErrors: ['conflict.stale', 'announcement.not_draft', 'announcement.not_published'],
    }),
  );
  app.post<{ Params: IdParams }>('/:municipality/ogloszenia/:id/publikuj', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const { version } = parse(versionSchema, request.body);
        const a = await publish(deps, request.dbContext(), mid(request), idParam(request), version, request.auditActor());
        return reply.setFlash(request.i18n.t('announcements.form.published', { number: a.number })).redirect(`${baseOf(request)}/${a.number}`, 303);
      },
      rerender: (form, status) => renderEdit(request, reply, form, status),
      formErrors: ['conflict.stale', 'announcement.not_draft'],
    }),
  );

  const withdrawal = confirmedAction<FastifyRequest<{ Params: IdParams }>>({
    page: async (request, reply, form, status) => {
      const data = await editorData(deps, request.dbContext(), mid(request), idParam(request));
      return reply.page((c) => <WithdrawPage ctx={c} a={data.announcement} form={form} />, status);
    },
    run: async (request, reply) => {
      const { version, reason } = parse(reasonSchema, request.body);
      const a = await withdraw(deps, request.dbContext(), mid(request), idParam(request), reason, version, request.auditActor());
      return reply.setFlash(request.i18n.t('announcements.withdraw.done', { number: a.number })).redirect(`${baseOf(request)}/${a.number}`, 303);
    },
    formErrors: ['conflict.stale', 'announcement.not_published'],
  });
  app.get<{ Params: IdParams }>('/:municipality/ogloszenia/:id/wycofaj', MANAGE, withdrawal.get);
  app.post<{ Params: IdParams }>('/:municipality/ogloszenia/:id/wycofaj', MANAGE, withdrawal.post);

  // Attachments: multipart only in this scope; the one file buffered (at most 5 MB, a longer one cut off and refused) before the guard checks access and CSRF.
  await app.register(async (scope) => {
    await acceptOneFile(scope, MAX_ATTACHMENT_BYTES);
    scope.post<{ Params: IdParams }>('/:municipality/ogloszenia/:id/zalaczniki', { config: { ...MANAGE.config, rateLimit: UPLOAD_RATE } }, async (request, reply) => {
      try {
        await addAttachment(deps, request.dbContext(), mid(request), idParam(request), parseAttachmentForm(request.body), request.auditActor());
        return reply.setFlash(request.i18n.t('announcements.form.attached')).redirect(`${baseOf(request)}/${idParam(request)}/edycja`, 303);
      } catch (err) {
        const e = err as { code?: string; fields?: FormState['errors']; status?: number };
        if (e.code !== 'validation.failed' || request.headers.accept?.includes('application/json')) throw err;
        const alt = (request.body as Record<string, unknown> | undefined)?.alt_text;
        return renderEdit(request, reply, undefined, e.status ?? 422, { values: { alt_text: typeof alt === 'string' ? alt : '' }, errors: e.fields ?? {} });
      }
    });
  });
}

