import { audit, type AuditActor } from '../../platform/audit/audit';
import type { Role } from '../../platform/auth/roles';
import type { Database, DbContext, Sql } from '../../platform/db/types';
import { assertVersion, expectUpdated } from '../../platform/http/conflict';
import { AppError, validationError } from '../../platform/http/errors';
import { consultedAs, phaseOf, quoteOccurs, type ConsultationRow, type ConsultedText, type PartRow, type Position, type RemarkRow } from './domain';
import type { CommentInput, ConsultationInput, WrittenInput } from './form';
import { consultations, parts, people, remarks } from './repository';
import { splitText, type SplitText } from './split';
import { enqueue } from '../../platform/jobs/outbox';
import { OPENINGS_QUEUE } from './openings';
import { surveyResultsOf, type SurveyResults } from './service-survey';
import { meetingSummary, type MeetingSummary } from '../meetings';

export interface ConsultationsDeps {
  db: Database;
  publicUrl: string;
}

/** The person looking: staff (consultations.manage) moderate and answer; everyone else sees what is public. */
export interface Viewer {
  userId: string | null;
  roles: readonly Role[];
  staff: boolean;
}

async function findConsultation(sql: Sql, municipalityId: string, id: string, lock = false): Promise<ConsultationRow> {
  const c = await consultations.find(sql, municipalityId, id, lock);
  if (!c) throw new AppError('not_found');
  return c;
}

/**
 * A remark as others may see it: an anonymous author's name and account never leave the service
 * (to staff either, ADR 0028); hidden content is replaced by the moderator's reason.
 */
export function shownRemark(r: RemarkRow, viewer: Viewer): RemarkRow & { mine: boolean } {
  const mine = viewer.userId !== null && r.author_id === viewer.userId;
  const hidden = r.hidden_at !== null && !viewer.staff;
  return {
    ...r,
    author_id: null,
    author_name: r.anonymous ? '' : r.author_name,
    quote: hidden ? '' : r.quote,
    content: hidden ? '' : r.content,
    proposal: hidden ? '' : r.proposal,
    mine,
  };
}

export type ShownRemark = ReturnType<typeof shownRemark>;

export const listConsultations = (deps: ConsultationsDeps, ctx: DbContext, municipalityId: string) => deps.db.tx(ctx, (sql) => consultations.list(sql, municipalityId));

export interface ConsultationView {
  consultation: ConsultationRow;
  parts: PartRow[];
  remarks: ShownRemark[];
  organisations: { id: string; name: string }[];
  /** The meeting named (the meetings module's read model: title, when, cancelled) — shown as text; only staff of meetings get a link. */
  meeting: MeetingSummary | null;
}

/** A consultation with its parts, and (unless `withRemarks` is false: pages that list remarks 50 at a time) all its remarks. */
export async function consultationView(deps: ConsultationsDeps, ctx: DbContext, municipalityId: string, id: string, viewer: Viewer, withRemarks = true): Promise<ConsultationView> {
  return deps.db.tx(ctx, async (sql) => {
    const consultation = await findConsultation(sql, municipalityId, id);
    return {
      consultation,
      parts: await parts.of(sql, municipalityId, id),
      remarks: withRemarks ? (await remarks.of(sql, municipalityId, id)).map((r) => shownRemark(r, viewer)) : [],
      organisations: viewer.userId ? await people.organisationsOf(sql, municipalityId, viewer.userId) : [],
      meeting: consultation.meeting_id ? ((await meetingSummary(sql, municipalityId, consultation.meeting_id)) ?? null) : null,
    };
  });
}

/** Called in the saving transaction: the consultation's notice in the announcements (publish.ts). */
export type AnnounceConsultation = (sql: Sql, id: string, input: ConsultationInput) => Promise<void>;

/** The meeting named must be one of the municipality's (the meetings module's read model), else a field error. */
async function checkMeeting(sql: Sql, municipalityId: string, input: ConsultationInput): Promise<void> {
  if (input.meeting_id && !(await meetingSummary(sql, municipalityId, input.meeting_id))) throw validationError({ meeting_id: { code: 'consultation_meeting' } });
}

export async function createConsultation(deps: ConsultationsDeps, ctx: DbContext, municipalityId: string, input: ConsultationInput, actor: AuditActor, announce?: AnnounceConsultation): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    await checkMeeting(sql, municipalityId, input);
    const id = await consultations.insert(sql, municipalityId, input, actor.userId);
    if (announce) await announce(sql, id, input);
    await audit(sql, municipalityId, actor, { action: 'consultation.created', subjectType: 'consultation', subjectId: id });
    return id;
  });
}

export async function updateConsultation(
  deps: ConsultationsDeps, ctx: DbContext, municipalityId: string, id: string, input: ConsultationInput, version: number, actor: AuditActor, announce?: AnnounceConsultation,
): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const before = await findConsultation(sql, municipalityId, id, true);
    assertVersion(before, version);
    if (before.report_published_at) throw new AppError('consultation.report_state');
    await checkMeeting(sql, municipalityId, input);
    expectUpdated(await consultations.update(sql, municipalityId, id, input, version));
    if (announce) await announce(sql, id, input);
    // Spheres added while open: their organisations are mailed now (after the commit), not at the next sweep.
    if (phaseOf(before) === 'open' && input.spheres.some((s) => !before.spheres.includes(s))) await enqueue(sql, OPENINGS_QUEUE, { municipalityId });
    await audit(sql, municipalityId, actor, { action: 'consultation.updated', subjectType: 'consultation', subjectId: id, details: { version: version + 1 } });
  });
}

/** The text as consulted, kept once the consultation has closed (the first change after it, or the report). */
async function keepConsulted(sql: Sql, municipalityId: string, c: ConsultationRow): Promise<void> {
  if (c.consulted_text) return;
  const list = await parts.of(sql, municipalityId, c.id);
  const text: ConsultedText = { title: c.text_title, parts: list.map((p) => ({ id: p.id, label: p.label, chapter: p.chapter, body: p.body })) };
  await consultations.keepConsultedText(sql, municipalityId, c.id, text);
}

/**
 * The text may change before the consultation opens (after an import), and after it closes (the text
 * after the consultation, shown with a diff to the consulted one) — never while people comment on it.
 */
async function textWritable(sql: Sql, municipalityId: string, id: string): Promise<ConsultationRow> {
  const c = await findConsultation(sql, municipalityId, id, true);
  const phase = phaseOf(c);
  if (phase === 'open') throw new AppError('consultation.text_locked');
  if (phase !== 'planned') await keepConsulted(sql, municipalityId, c);
  return c;
}

/** A new text (pasted or imported): split into parts; only before the opening. */
export async function importText(deps: ConsultationsDeps, ctx: DbContext, municipalityId: string, id: string, paragraphs: string[], version: number, actor: AuditActor): Promise<SplitText> {
  const split = splitText(paragraphs);
  if (split.parts.length === 0) throw validationError({ text: { code: 'consultation_text_empty' } });
  if (split.parts.length > 2000) throw validationError({ text: { code: 'consultation_text_too_many_parts' } });
  await deps.db.tx(ctx, async (sql) => {
    const c = await findConsultation(sql, municipalityId, id, true);
    assertVersion(c, version);
    if (phaseOf(c) !== 'planned') throw new AppError('consultation.text_locked');
    expectUpdated(await consultations.setTitle(sql, municipalityId, id, split.title.slice(0, 300), version));
    await parts.replace(sql, municipalityId, id, split.parts);
    await audit(sql, municipalityId, actor, { action: 'consultation.text_imported', subjectType: 'consultation', subjectId: id, details: { parts: split.parts.length } });
  });
  return split;
}

export async function updateTitle(deps: ConsultationsDeps, ctx: DbContext, municipalityId: string, id: string, title: string, version: number, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const c = await textWritable(sql, municipalityId, id);
    assertVersion(c, version);
    expectUpdated(await consultations.setTitle(sql, municipalityId, id, title, version));
    await audit(sql, municipalityId, actor, { action: 'consultation.title_changed', subjectType: 'consultation', subjectId: id });
  });
}

async function partOf(sql: Sql, municipalityId: string, consultationId: string, partId: string, lock = false): Promise<PartRow> {
  const p = await parts.find(sql, municipalityId, partId, lock);
  if (!p || p.consultation_id !== consultationId) throw new AppError('not_found');
  return p;
}

export async function partForEdit(deps: ConsultationsDeps, ctx: DbContext, municipalityId: string, consultationId: string, partId: string) {
  return deps.db.tx(ctx, async (sql) => ({ consultation: await findConsultation(sql, municipalityId, consultationId), part: await partOf(sql, municipalityId, consultationId, partId) }));
}

export async function updatePart(
  deps: ConsultationsDeps, ctx: DbContext, municipalityId: string, consultationId: string, partId: string, input: { label: string; chapter: string; body: string }, version: number, actor: AuditActor,
): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    await textWritable(sql, municipalityId, consultationId);
    const p = await partOf(sql, municipalityId, consultationId, partId, true);
    if (p.removed_at) throw new AppError('consultation.part_gone');
    assertVersion(p, version);
    expectUpdated(await parts.update(sql, municipalityId, partId, input, version));
    await audit(sql, municipalityId, actor, { action: 'consultation.part_changed', subjectType: 'consultation_part', subjectId: partId, details: { consultation: consultationId } });
  });
}

export async function removePart(deps: ConsultationsDeps, ctx: DbContext, municipalityId: string, consultationId: string, partId: string, version: number, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    await textWritable(sql, municipalityId, consultationId);
    const p = await partOf(sql, municipalityId, consultationId, partId, true);
    if (p.removed_at) throw new AppError('consultation.part_gone');
    assertVersion(p, version);
    expectUpdated(await parts.remove(sql, municipalityId, partId, version));
    await audit(sql, municipalityId, actor, { action: 'consultation.part_removed', subjectType: 'consultation_part', subjectId: partId, details: { consultation: consultationId } });
  });
}

/**
 * A comment on a part, while the consultation is open by the server's clock: by the person, or on
 * behalf of a verified organisation they belong to; anonymous only where the consultation allows it;
 * a quote must be a span of the part's text.
 */
export async function addComment(
  deps: ConsultationsDeps, ctx: DbContext, municipalityId: string, consultationId: string, partId: string, input: CommentInput, viewer: Viewer, actor: AuditActor,
): Promise<string> {
  if (!viewer.userId) throw new AppError('auth.required');
  const userId = viewer.userId;
  return deps.db.tx(ctx, async (sql) => {
    const c = await findConsultation(sql, municipalityId, consultationId);
    if (phaseOf(c) !== 'open' || !c.forms.includes('comments')) throw new AppError('consultation.not_open');
    const part = await partOf(sql, municipalityId, consultationId, partId);
    if (part.removed_at) throw new AppError('consultation.part_gone');
    const fields: Record<string, { code: string }> = {};
    const mine = await people.organisationsOf(sql, municipalityId, userId);
    const consulted = consultedAs(c.audience, { resident: viewer.roles.includes('resident'), organisations: mine.length });
    // Nobody outside the audience speaks, whatever the form sent: the page offers no form then either.
    if (!consulted.person && !consulted.organisation) throw new AppError('consultation.not_consulted');
    let organisation: { id: string; name: string } | undefined;
    if (input.organisation_id) {
      organisation = mine.find((o) => o.id === input.organisation_id);
      if (!organisation) fields.organisation_id = { code: 'consultation_organisation' };
      else if (!consulted.organisation) fields.organisation_id = { code: 'consultation_organisation_not_consulted' };
    } else if (!consulted.person) fields.organisation_id = { code: 'consultation_organisations_only' };
    if (input.anonymous && !c.allow_anonymous) fields.anonymous = { code: 'consultation_anonymous_not_allowed' };
    if (input.anonymous && organisation) fields.anonymous = { code: 'consultation_anonymous_organisation' };
    if (input.quote && !quoteOccurs(input.quote, part.body)) fields.quote = { code: 'consultation_quote_not_in_part' };
    if (Object.keys(fields).length) throw validationError(fields);
    const id = await remarks.insert(sql, municipalityId, {
      consultationId, partId, source: 'comment', authorId: userId, authorName: await people.displayName(sql, userId), organisationId: organisation?.id ?? null,
      organisationName: organisation?.name ?? '', anonymous: input.anonymous, quote: input.quote, content: input.content, proposal: input.proposal, receivedOn: null, enteredBy: null,
    });
    await audit(sql, municipalityId, actor, { action: 'consultation.commented', subjectType: 'consultation_remark', subjectId: id, details: { consultation: consultationId } });
    return id;
  });
}

/** A remark sent in writing or said at the meeting, entered by staff from the opening until the report. */
export async function addWritten(deps: ConsultationsDeps, ctx: DbContext, municipalityId: string, consultationId: string, input: WrittenInput, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    const c = await findConsultation(sql, municipalityId, consultationId);
    const phase = phaseOf(c);
    if (phase === 'planned' || phase === 'reported') throw new AppError('consultation.report_state');
    if (input.part_id) {
      const p = await partOf(sql, municipalityId, consultationId, input.part_id).catch(() => null);
      if (!p || p.removed_at) throw validationError({ part_id: { code: 'invalid' } });
    }
    const id = await remarks.insert(sql, municipalityId, {
      consultationId, partId: input.part_id, source: input.source, authorId: null, authorName: input.author_name, organisationId: null, organisationName: input.organisation_name,
      anonymous: false, quote: '', content: input.content, proposal: input.proposal, receivedOn: input.received_on, enteredBy: actor.userId,
    });
    await audit(sql, municipalityId, actor, { action: 'consultation.remark_entered', subjectType: 'consultation_remark', subjectId: id, details: { consultation: consultationId } });
    return id;
  });
}

async function remarkOf(sql: Sql, municipalityId: string, consultationId: string, remarkId: string, lock = false): Promise<RemarkRow> {
  const r = await remarks.find(sql, municipalityId, remarkId, lock);
  if (!r || r.consultation_id !== consultationId) throw new AppError('not_found');
  return r;
}

export async function remarkForStaff(deps: ConsultationsDeps, ctx: DbContext, municipalityId: string, consultationId: string, remarkId: string, viewer: Viewer) {
  return deps.db.tx(ctx, async (sql) => ({
    consultation: await findConsultation(sql, municipalityId, consultationId),
    remark: shownRemark(await remarkOf(sql, municipalityId, consultationId, remarkId), viewer),
  }));
}

/** Moderation by the published rules: the remark stays, its content is replaced for everyone but staff by why it was hidden. */
export async function hideRemark(deps: ConsultationsDeps, ctx: DbContext, municipalityId: string, consultationId: string, remarkId: string, reason: string, version: number, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const r = await remarkOf(sql, municipalityId, consultationId, remarkId, true);
    assertVersion(r, version);
    expectUpdated(await remarks.hide(sql, municipalityId, remarkId, reason, actor.userId, version));
    await audit(sql, municipalityId, actor, { action: 'consultation.remark_hidden', subjectType: 'consultation_remark', subjectId: remarkId, details: { consultation: consultationId } });
  });
}

/** The centre's position on a remark, with its reasons; someone else's save in between is conflict.stale, nothing overwritten. */
export async function setPosition(
  deps: ConsultationsDeps, ctx: DbContext, municipalityId: string, consultationId: string, remarkId: string, input: { position: Position; reasons: string }, version: number, actor: AuditActor,
): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const c = await findConsultation(sql, municipalityId, consultationId);
    if (c.report_published_at) throw new AppError('consultation.report_state');
    const r = await remarkOf(sql, municipalityId, consultationId, remarkId, true);
    assertVersion(r, version);
    expectUpdated(await remarks.setPosition(sql, municipalityId, remarkId, input.position, input.reasons, actor.userId, version));
    await audit(sql, municipalityId, actor, { action: 'consultation.position_given', subjectType: 'consultation_remark', subjectId: remarkId, details: { position: input.position } });
  });
}

export interface ReportData {
  consultation: ConsultationRow;
  parts: PartRow[];
  remarks: ShownRemark[];
  counts: { total: number; comment: number; written: number; meeting: number; hidden: number; accepted: number; partly: number; rejected: number; not_applicable: number; open: number };
  /** The short survey's counts (suppressed by the surveys module), when the consultation has one with questions. */
  survey: SurveyResults | null;
}

/** Every remark with its author (or "anonimowo"), part, content, position and reasons; counts and dates. */
export async function reportData(deps: ConsultationsDeps, ctx: DbContext, municipalityId: string, id: string): Promise<ReportData> {
  return deps.db.tx(ctx, (sql) => reportOf(sql, municipalityId, id));
}

async function reportOf(sql: Sql, municipalityId: string, id: string): Promise<ReportData> {
  const consultation = await findConsultation(sql, municipalityId, id);
  // The report is public: a hidden remark shows why it was hidden, an anonymous one no name.
  const list = (await remarks.of(sql, municipalityId, id)).map((r) => shownRemark(r, { userId: null, roles: [], staff: false }));
  const counts = { total: list.length, comment: 0, written: 0, meeting: 0, hidden: 0, accepted: 0, partly: 0, rejected: 0, not_applicable: 0, open: 0 };
  for (const r of list) {
    counts[r.source] += 1;
    if (r.hidden_at) counts.hidden += 1;
    if (r.position) counts[r.position] += 1;
    else counts.open += 1;
  }
  const survey = await surveyResultsOf(sql, municipalityId, id);
  return { consultation, parts: await parts.of(sql, municipalityId, id, true), remarks: list, counts, survey: survey && survey.analysis.questions.length ? survey : null };
}

export interface PublishHooks {
  /** The report's PDF, rendered before the publishing transaction (on the worker pool; no lock held meanwhile). */
  render(report: ReportData): Promise<Buffer | null>;
  /** Publishes the report as an announcement (category konsultacje); its address. */
  announce(sql: Sql, report: ReportData, pdf: Buffer | null): Promise<string | null>;
  /** Mails the report to everyone who took part (outbox jobs, sent after commit). */
  mail(sql: Sql, report: ReportData, recipients: { email: string; locale: 'pl' | 'en' }[]): Promise<void>;
}

/** What the report says, in one number: any remark added, answered or hidden since changes it (versions only grow). */
const fingerprint = (r: ReportData) => `${r.remarks.length}:${r.remarks.reduce((n, x) => n + x.version, 0)}`;

/**
 * After the closing, once: the consulted text kept, the report published (announcement, PDF attached)
 * and mailed to everyone who took part. The PDF is rendered first, outside the transaction; if a remark
 * changed meanwhile, conflict.stale and nothing is published.
 */
export async function publishReport(deps: ConsultationsDeps, ctx: DbContext, municipalityId: string, id: string, version: number, hooks: PublishHooks, actor: AuditActor): Promise<void> {
  const draft = await deps.db.tx(ctx, (sql) => reportOf(sql, municipalityId, id));
  assertVersion(draft.consultation, version);
  if (phaseOf(draft.consultation) !== 'closed') throw new AppError('consultation.report_state');
  const pdf = await hooks.render(draft);
  await deps.db.tx(ctx, async (sql) => {
    const c = await findConsultation(sql, municipalityId, id, true);
    assertVersion(c, version);
    if (phaseOf(c) !== 'closed') throw new AppError('consultation.report_state');
    const report = await reportOf(sql, municipalityId, id);
    if (fingerprint(report) !== fingerprint(draft)) throw new AppError('conflict.stale');
    await keepConsulted(sql, municipalityId, c);
    const path = await hooks.announce(sql, report, pdf);
    await consultations.markReported(sql, municipalityId, id, path);
    const recipients = await remarks.participants(sql, municipalityId, id);
    await hooks.mail(sql, report, recipients);
    await audit(sql, municipalityId, actor, { action: 'consultation.report_published', subjectType: 'consultation', subjectId: id, details: { remarks: report.counts.total, mailed: recipients.length } });
  });
}

/** What publishing the report will do, for its confirmation page: the remarks in it and how many participants get the mail. */
export async function publishPreview(deps: ConsultationsDeps, ctx: DbContext, municipalityId: string, id: string): Promise<{ consultation: ConsultationRow; remarks: number; participants: number }> {
  return deps.db.tx(ctx, async (sql) => {
    const report = await reportOf(sql, municipalityId, id);
    if (phaseOf(report.consultation) !== 'closed') throw new AppError('consultation.report_state');
    return { consultation: report.consultation, remarks: report.counts.total, participants: (await remarks.participants(sql, municipalityId, id)).length };
  });
}

/** The consulted text beside the text after the consultation (parts matched by id; new and removed ones too). */
export async function textChanges(deps: ConsultationsDeps, ctx: DbContext, municipalityId: string, id: string) {
  return deps.db.tx(ctx, async (sql) => {
    const c = await findConsultation(sql, municipalityId, id);
    const now = await parts.of(sql, municipalityId, id);
    return { consultation: c, consulted: c.consulted_text, current: { title: c.text_title, parts: now.map((p) => ({ id: p.id, label: p.label, chapter: p.chapter, body: p.body })) } };
  });
}
