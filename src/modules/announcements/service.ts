import { audit, type AuditActor } from '../../platform/audit/audit';
import { newToken, hashToken, subjectToken } from '../../platform/auth/tokens';
import type { Database, DbContext, Sql } from '../../platform/db/types';
import { NO_CONTEXT } from '../../platform/db/types';
import { assertVersion, expectUpdated } from '../../platform/http/conflict';
import { AppError, validationError } from '../../platform/http/errors';
import { enqueue } from '../../platform/jobs/outbox';
import { MAIL_QUEUE } from '../../platform/mail/mailer';
import { activeCategories, isPublic, MAX_ATTACHMENTS, type AnnouncementRow, type AttachmentRow, type CategoryRow, type VersionRow } from './domain';
import type { AnnouncementInput, ParsedAttachment } from './form';
import { confirmationMail, announcementMail } from './mail';
import { announcements, attachments, categories, municipalityById, subscriptions, versions, type ContentInput } from './repository';

export interface AnnouncementsDeps {
  db: Database;
  publicUrl: string;
  linkKey: Buffer;
}

/** The queue of "tell the subscribers of this announcement" jobs (one mail job per subscriber follows). */
export const NOTIFY_QUEUE = 'announcements.notify';
/** The sweep that catches scheduled announcements whose time has come (every 5 minutes, once whatever the instances). */
export const SWEEP_QUEUE = 'announcements.sweep';
export const SWEEP_SCHEDULE = { name: 'announcements.sweep', queue: SWEEP_QUEUE, everyMs: 5 * 60_000 } as const;

export const announcementPath = (slug: string, number: number) => `/${slug}/ogloszenia/${number}`;

async function categoriesOf(sql: Sql, municipalityId: string): Promise<CategoryRow[]> {
  await categories.ensure(sql, municipalityId);
  return categories.list(sql, municipalityId);
}

/** The categories offered for a new announcement or a subscription: the retired ones are not. */
export const allCategories = (deps: AnnouncementsDeps, ctx: DbContext, municipalityId: string) => deps.db.tx(ctx, async (sql) => activeCategories(await categoriesOf(sql, municipalityId)));

/** The text as stored; a retired category only for an announcement already in it (`current`). */
async function contentOf(sql: Sql, municipalityId: string, input: AnnouncementInput, current: string | null = null): Promise<ContentInput> {
  const list = await categoriesOf(sql, municipalityId);
  const category = list.find((c) => (c.slug === input.category || c.id === input.category) && (c.retired_at === null || c.id === current));
  if (!category) throw validationError({ category: { code: 'announcement_category' } });
  return { categoryId: category.id, title: input.title, lead: input.lead, body: input.body, producedBy: input.producedBy, publishAt: input.publishAt, removeAt: input.removeAt };
}

async function findOr404(sql: Sql, municipalityId: string, id: string, lock = false): Promise<AnnouncementRow> {
  const a = await announcements.find(sql, municipalityId, id, lock);
  if (!a) throw new AppError('not_found');
  return a;
}

export interface AnnouncementPage {
  announcement: AnnouncementRow;
  versions: VersionRow[];
  attachments: AttachmentRow[];
}

/** One announcement by its number or id: the public see it once its time has come; staff also drafts and scheduled ones. */
export async function announcementPage(deps: AnnouncementsDeps, ctx: DbContext, municipalityId: string, key: string, staff: boolean): Promise<AnnouncementPage> {
  return deps.db.tx(ctx, async (sql) => {
    const a = /^[0-9]{1,9}$/.test(key)
      ? await announcements.byNumber(sql, municipalityId, Number(key))
      : /^[0-9a-f-]{36}$/i.test(key)
        ? await announcements.find(sql, municipalityId, key.toLowerCase())
        : undefined;
    if (!a || (!staff && !isPublic(a))) throw new AppError('not_found');
    return { announcement: a, versions: await versions.list(sql, municipalityId, a.id), attachments: await attachments.list(sql, municipalityId, a.id) };
  });
}

/** The notice board (one category's, when given): what is published and not yet taken off, newest first. */
export async function board(deps: AnnouncementsDeps, ctx: DbContext, municipalityId: string, categorySlug: string | null, limit = 50): Promise<{ categories: CategoryRow[]; category: CategoryRow | null; items: AnnouncementRow[] }> {
  return deps.db.tx(ctx, async (sql) => {
    const list = await categoriesOf(sql, municipalityId);
    const category = categorySlug === null ? null : (list.find((c) => c.slug === categorySlug) ?? null);
    if (categorySlug !== null && !category) throw new AppError('not_found');
    return { categories: activeCategories(list), category, items: await announcements.onBoard(sql, municipalityId, category?.id ?? null, limit) };
  });
}

export const staffList = (deps: AnnouncementsDeps, ctx: DbContext, municipalityId: string) => deps.db.tx(ctx, (sql) => announcements.all(sql, municipalityId));

export async function createDraft(deps: AnnouncementsDeps, ctx: DbContext, municipalityId: string, input: AnnouncementInput, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    const { id, number } = await announcements.insert(sql, municipalityId, await contentOf(sql, municipalityId, input), actor.userId);
    await audit(sql, municipalityId, actor, { action: 'announcement.created', subjectType: 'announcement', subjectId: id, details: { number } });
    return id;
  });
}

/** A draft's edit on the version seen (someone else's save in between: conflict.stale, nothing written). */
export async function updateDraft(deps: AnnouncementsDeps, ctx: DbContext, municipalityId: string, id: string, input: AnnouncementInput, version: number, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const before = await findOr404(sql, municipalityId, id, true);
    assertVersion(before, version);
    if (before.status !== 'draft') throw new AppError('announcement.not_draft');
    expectUpdated(await announcements.update(sql, municipalityId, id, await contentOf(sql, municipalityId, input, before.category_id), version));
    await audit(sql, municipalityId, actor, { action: 'announcement.updated', subjectType: 'announcement', subjectId: id, details: { version: version + 1 } });
  });
}

/** Tells the subscribers through the outbox: a job at the publication time (now, or when it is scheduled). */
async function queueNotice(sql: Sql, municipalityId: string, id: string, publishAt: Date): Promise<void> {
  const delaySeconds = Math.max(0, Math.ceil((publishAt.getTime() - Date.now()) / 1000));
  await enqueue(sql, NOTIFY_QUEUE, { municipalityId, announcementId: id }, { delaySeconds });
}

async function publishIn(sql: Sql, municipalityId: string, a: AnnouncementRow, version: number, by: string | null): Promise<Date> {
  // A planned time already past is now: a publication is never backdated.
  const now = new Date();
  const publishAt = a.publish_at && a.publish_at > now ? a.publish_at : now;
  if (a.remove_at && a.remove_at.getTime() <= publishAt.getTime()) throw validationError({ remove_day: { code: 'announcement_remove_before_publish' } });
  expectUpdated(await announcements.publish(sql, municipalityId, a.id, publishAt, a.remove_at, version));
  await versions.insert(sql, municipalityId, a.id, 1, { title: a.title, lead: a.lead, body: a.body, producedBy: a.produced_by, reason: '' }, by);
  await queueNotice(sql, municipalityId, a.id, publishAt);
  return publishAt;
}

/** Publishes a draft as it is saved: at its planned time (invisible until then), or now. Version 1 of the register. */
export async function publish(deps: AnnouncementsDeps, ctx: DbContext, municipalityId: string, id: string, version: number, actor: AuditActor): Promise<AnnouncementRow> {
  return deps.db.tx(ctx, async (sql) => {
    const a = await findOr404(sql, municipalityId, id, true);
    assertVersion(a, version);
    if (a.status !== 'draft') throw new AppError('announcement.not_draft');
    const at = await publishIn(sql, municipalityId, a, version, actor.userId);
    await audit(sql, municipalityId, actor, { action: 'announcement.published', subjectType: 'announcement', subjectId: id, details: { number: a.number, publishAt: at.toISOString() } });
    return a;
  });
}

async function correctIn(sql: Sql, municipalityId: string, a: AnnouncementRow, content: ContentInput, reason: string, version: number, by: string | null): Promise<number> {
  expectUpdated(await announcements.update(sql, municipalityId, a.id, content, version));
  const n = a.published_version + 1;
  await versions.insert(sql, municipalityId, a.id, n, { title: content.title, lead: content.lead, body: content.body, producedBy: content.producedBy, reason }, by);
  await announcements.corrected(sql, municipalityId, a.id, n);
  return n;
}

/** A correction of a published text: a new immutable version with its reason, in the public register; never a silent edit. */
export async function correct(deps: AnnouncementsDeps, ctx: DbContext, municipalityId: string, id: string, input: AnnouncementInput, reason: string, version: number, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const a = await findOr404(sql, municipalityId, id, true);
    assertVersion(a, version);
    if (a.status !== 'published') throw new AppError('announcement.not_published');
    const n = await correctIn(sql, municipalityId, a, await contentOf(sql, municipalityId, input, a.category_id), reason, version, actor.userId);
    await audit(sql, municipalityId, actor, { action: 'announcement.corrected', subjectType: 'announcement', subjectId: id, details: { number: a.number, version: n } });
  });
}

/** Withdrawal: the page stays, marked withdrawn with the reason; it leaves the board and the feeds. */
export async function withdraw(deps: AnnouncementsDeps, ctx: DbContext, municipalityId: string, id: string, reason: string, version: number, actor: AuditActor): Promise<AnnouncementRow> {
  return deps.db.tx(ctx, async (sql) => {
    const a = await findOr404(sql, municipalityId, id, true);
    assertVersion(a, version);
    if (a.status !== 'published') throw new AppError('announcement.not_published');
    expectUpdated(await announcements.withdraw(sql, municipalityId, id, reason, actor.userId, version));
    await audit(sql, municipalityId, actor, { action: 'announcement.withdrawn', subjectType: 'announcement', subjectId: id, details: { number: a.number } });
    return a;
  });
}

export async function editorData(deps: AnnouncementsDeps, ctx: DbContext, municipalityId: string, id: string): Promise<AnnouncementPage & { categories: CategoryRow[] }> {
  return deps.db.tx(ctx, async (sql) => {
    const a = await findOr404(sql, municipalityId, id);
    return { announcement: a, versions: await versions.list(sql, municipalityId, id), attachments: await attachments.list(sql, municipalityId, id), categories: (await categoriesOf(sql, municipalityId)).filter((c) => c.retired_at === null || c.id === a.category_id) };
  });
}

async function addAttachmentIn(sql: Sql, municipalityId: string, announcementId: string, file: ParsedAttachment, by: string | null): Promise<string> {
  if ((await attachments.count(sql, municipalityId, announcementId)) >= MAX_ATTACHMENTS) throw validationError({ file: { code: 'attachment_too_many', params: { max: MAX_ATTACHMENTS } } });
  return attachments.insert(sql, municipalityId, announcementId, file, by);
}

export async function addAttachment(deps: AnnouncementsDeps, ctx: DbContext, municipalityId: string, id: string, file: ParsedAttachment, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const a = await findOr404(sql, municipalityId, id, true);
    if (a.status === 'withdrawn') throw new AppError('announcement.not_published');
    const attachmentId = await addAttachmentIn(sql, municipalityId, id, file, actor.userId);
    await audit(sql, municipalityId, actor, { action: 'announcement.attachment_added', subjectType: 'announcement', subjectId: id, details: { attachment: attachmentId, sha256: file.sha256 } });
  });
}

/** An attachment's bytes: public once its announcement is; staff may open a draft's. */
export async function attachmentFile(deps: AnnouncementsDeps, ctx: DbContext, municipalityId: string, id: string, staff: boolean) {
  return deps.db.tx(ctx, async (sql) => {
    const file = await attachments.content(sql, municipalityId, id);
    if (!file) throw new AppError('not_found');
    const a = await findOr404(sql, municipalityId, file.announcement_id);
    if (!staff && !isPublic(a)) throw new AppError('not_found');
    return file;
  });
}

export const startCounts = (sql: Sql, municipalityId: string) => announcements.counts(sql, municipalityId);

// ——— Subscriptions ———

const unsubscribeToken = (deps: Pick<AnnouncementsDeps, 'linkKey'>, subscriptionId: string) => subjectToken(deps.linkKey, `announcement-unsubscribe:${subscriptionId}`);
export const unsubscribeLink = (deps: AnnouncementsDeps, slug: string, subscriptionId: string) => `${deps.publicUrl}/${slug}/ogloszenia/subskrypcja/wypisz/${unsubscribeToken(deps, subscriptionId).token}`;

/**
 * A subscription request: a mail with a confirmation link (double opt-in); nothing is sent to the
 * address until it is confirmed. The same answer whether the address was known or not.
 */
export async function requestSubscription(deps: AnnouncementsDeps, ctx: DbContext, municipalityId: string, email: string, slugs: string[]): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const list = activeCategories(await categoriesOf(sql, municipalityId));
    const chosen = list.filter((c) => slugs.includes(c.slug));
    if (chosen.length === 0 || chosen.length !== new Set(slugs).size) throw validationError({ categories: { code: 'announcement_categories' } });
    const confirm = newToken();
    const sub = await subscriptions.request(sql, municipalityId, email, chosen.map((c) => c.id), confirm.hash, newToken().hash);
    await subscriptions.setUnsubscribeHash(sql, municipalityId, sub.id, unsubscribeToken(deps, sub.id).hash);
    const m = (await municipalityById(sql, municipalityId))!;
    await enqueue(sql, MAIL_QUEUE, { ...confirmationMail(deps, m, email, chosen, confirm.token, unsubscribeLink(deps, m.slug, sub.id), await subscriptions.localeOf(sql, email)) });
  });
}

/** The confirmation link: the subscription starts (with the categories of the request confirmed). */
export async function confirmSubscription(deps: AnnouncementsDeps, ctx: DbContext, municipalityId: string, token: string, categoryIds?: string[]): Promise<CategoryRow[]> {
  return deps.db.tx(ctx, async (sql) => {
    const sub = await subscriptions.byConfirmHash(sql, municipalityId, hashToken(token));
    if (!sub) throw new AppError('announcement.link_invalid');
    await subscriptions.confirm(sql, municipalityId, sub.id);
    if (categoryIds) await subscriptions.setCategories(sql, municipalityId, sub.id, categoryIds);
    const list = await categories.list(sql, municipalityId);
    return list.filter((c) => sub.category_ids.includes(c.id));
  });
}

/** Whether an unsubscribe link is live (the page before the one-click button). */
export async function subscriptionOfLink(deps: AnnouncementsDeps, ctx: DbContext, municipalityId: string, token: string): Promise<boolean> {
  return deps.db.tx(ctx, async (sql) => Boolean(await subscriptions.byUnsubscribeHash(sql, municipalityId, hashToken(token))));
}

/** One click (RFC 8058): the address is forgotten. Unsubscribing twice is not an error. */
export async function unsubscribe(deps: AnnouncementsDeps, ctx: DbContext, municipalityId: string, token: string): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const sub = await subscriptions.byUnsubscribeHash(sql, municipalityId, hashToken(token));
    if (sub) await subscriptions.remove(sql, municipalityId, sub.id);
  });
}

/**
 * The subscribers of one municipality's announcements whose time has come and who are still to be
 * told (`announcementId`, or all): each announcement claimed once (marked in the same UPDATE), then
 * one mail job per confirmed subscriber of its category. Returns the mails queued.
 */
export async function notifySubscribers(deps: AnnouncementsDeps, municipalityId: string, announcementId: string | null): Promise<number> {
  return deps.db.tx({ municipalityId, userId: null }, async (sql) => {
    const claimed = await announcements.claimUnmailed(sql, municipalityId, announcementId);
    if (claimed.length === 0) return 0;
    const m = (await municipalityById(sql, municipalityId))!;
    let queued = 0;
    for (const a of claimed) {
      for (const s of await subscriptions.confirmedFor(sql, municipalityId, a.category_id)) {
        await enqueue(sql, MAIL_QUEUE, { ...announcementMail(deps, m, a, s.email, unsubscribeLink(deps, m.slug, s.id), s.locale) });
        queued++;
      }
    }
    return queued;
  });
}

/** The sweep: every municipality with announcements whose subscribers are still to be told. */
export async function sweepNotices(deps: AnnouncementsDeps): Promise<number> {
  const list = await deps.db.tx(NO_CONTEXT, (sql) => announcements.municipalitiesToMail(sql));
  let queued = 0;
  for (const m of list) queued += await notifySubscribers(deps, m.id, null);
  return queued;
}

// ——— Other modules ———

export async function publishFromModuleIn(
  sql: Sql,
  municipalityId: string,
  enteredBy: string,
  a: { categorySlug: string; title: string; lead: string; bodyMarkdown: string; producedBy: string; source: { module: string; id: string }; publishAt?: Date; attachments?: { name: string; mediaType: string; content: Buffer }[] },
  checked: { attachments: ParsedAttachment[] },
): Promise<{ id: string; path: string }> {
  await categories.ensure(sql, municipalityId);
  const category = await categories.bySlug(sql, municipalityId, a.categorySlug);
  if (!category) throw new AppError('announcement.category_unknown');
  const m = (await municipalityById(sql, municipalityId))!;
  const content: ContentInput = { categoryId: category.id, title: a.title, lead: a.lead, body: a.bodyMarkdown, producedBy: a.producedBy, publishAt: a.publishAt ?? null, removeAt: null };
  const actor = { userId: enteredBy, label: a.source.module, ip: '', userAgent: '', requestId: '' };
  const existing = await announcements.bySource(sql, municipalityId, a.source.module, a.source.id);
  if (existing && existing.status === 'published') {
    const n = await correctIn(sql, municipalityId, existing, content, `Zmiana w module: ${a.source.module}`, existing.version, enteredBy);
    for (const f of checked.attachments) await addAttachmentIn(sql, municipalityId, existing.id, f, enteredBy);
    await audit(sql, municipalityId, actor, { action: 'announcement.corrected', subjectType: 'announcement', subjectId: existing.id, details: { number: existing.number, version: n, source: a.source } });
    return { id: existing.id, path: announcementPath(m.slug, existing.number) };
  }
  if (existing) throw new AppError('announcement.not_published');
  const { id, number } = await announcements.insert(sql, municipalityId, content, enteredBy, a.source);
  for (const f of checked.attachments) await addAttachmentIn(sql, municipalityId, id, f, enteredBy);
  const created = (await announcements.find(sql, municipalityId, id, true))!;
  await publishIn(sql, municipalityId, { ...created, publish_at: a.publishAt ?? new Date() }, created.version, enteredBy);
  await audit(sql, municipalityId, actor, { action: 'announcement.published', subjectType: 'announcement', subjectId: id, details: { number, source: a.source } });
  return { id, path: announcementPath(m.slug, number) };
}
