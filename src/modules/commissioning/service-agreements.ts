import crypto from 'node:crypto';
import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext, Sql } from '../../platform/db/types';
import { assertVersion, expectUpdated } from '../../platform/http/conflict';
import { AppError, validationError } from '../../platform/http/errors';
import { addDays, warsawDay, warsawYear } from '../../platform/time';
import { AGREEMENT_MOVES, changeKindOf, reportDue, reportProblems, termsProblems, type AgreementMove, type AgreementRow, type ReportKind, type ReportRow } from './agreements-domain';
import type { CostLine, OfferProblem, ScheduleRow } from './domain';
import { offerSums } from './domain';
import { calls, offers, registry } from './repository';
import { agreements, changes, onCommittee, reports, submissions, terms, type Party } from './repository-agreements';
import type { CommissioningDeps, Viewer } from './service';


/** Who the viewer is to an agreement: a member of the offeror, staff, a member of the call's committee (readers only). */
export interface Standing { member: boolean; staff: boolean; committee: boolean }

const problemsError = (problems: OfferProblem[]) => validationError(Object.fromEntries(problems.map((p) => [p.field, { code: p.code, params: p.params }])));

/** The agreement if the viewer may read it (the offeror's members, staff, the call's committee); anyone else: not found. */
async function agreementFor(sql: Sql, m: string, id: string, viewer: Viewer, lock = false): Promise<{ agreement: AgreementRow; standing: Standing }> {
  const agreement = await agreements.find(sql, m, id, lock);
  if (!agreement) throw new AppError('not_found');
  const member = viewer.userId ? (await registry.organisationsOf(sql, m, viewer.userId)).some((o) => o.id === agreement.organisation_id) : false;
  const committee = !member && !viewer.staff && viewer.userId ? await onCommittee(sql, m, agreement.call_id, viewer.userId) : false;
  if (!member && !viewer.staff && !committee) throw new AppError('not_found');
  return { agreement, standing: { member, staff: viewer.staff, committee } };
}

/** Staff's decisions are not for a member of the offeror: the same person never asks and answers (ADR 0038). */
function deciding(standing: Standing): void {
  if (!standing.staff) throw new AppError('auth.forbidden');
  if (standing.member) throw new AppError('commissioning.own_organisation');
}

async function minOwnOf(sql: Sql, m: string, a: AgreementRow): Promise<number> {
  return (await calls.find(sql, m, a.call_id))!.min_own_basis_points;
}

/** An agreement from a funded offer of a resolved call: the parties, task, grant and terms from the registry and the offer. */
export async function createAgreement(deps: CommissioningDeps, ctx: DbContext, m: string, offerId: string, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    const { id, created } = await createAgreementIn(sql, m, offerId, actor.userId);
    if (created) await audit(sql, m, actor, { action: 'commissioning.agreement_created', subjectType: 'commissioning_agreement', subjectId: id, details: { offer: offerId } });
    return id;
  });
}

/** The agreement of an awarded offer (the existing one when there is one); its terms' version 1 are the offer's. */
export async function createAgreementIn(sql: Sql, m: string, offerId: string, by: string | null): Promise<{ id: string; created: boolean }> {
  const offer = await offers.find(sql, m, offerId, true);
  if (!offer) throw new AppError('not_found');
  const existing = await agreements.ofOffer(sql, m, offerId);
  if (existing) return { id: existing, created: false };
  const call = (await calls.find(sql, m, offer.call_id))!;
  const amount = await agreements.awardedAmount(sql, m, offerId);
  if (offer.status !== 'awarded' || call.status !== 'resolved' || !amount) throw new AppError('commissioning.agreement_state');
  const days = offer.schedule.flatMap((s) => [s.from, s.to]).sort();
  const id = await agreements.insert(sql, m, { offer_id: offerId, task: offer.title, grant_amount: amount, period_from: days[0]!, period_to: days[days.length - 1]! }, warsawYear(), by);
  await terms.insert(sql, m, id, 'offer', { schedule: offer.schedule, cost_lines: offer.cost_lines }, '', by);
  return { id, created: true };
}

export interface AgreementView {
  agreement: AgreementRow;
  standing: Standing;
  versions: Awaited<ReturnType<typeof terms.list>>;
  current: Awaited<ReturnType<typeof terms.list>>[number];
  shown: Awaited<ReturnType<typeof terms.list>>[number];
  changes: Awaited<ReturnType<typeof changes.list>>;
  pending: Awaited<ReturnType<typeof changes.list>>[number] | undefined;
  reports: ReportRow[];
  problems: OfferProblem[];
  minOwn: number;
  requested: number;
  expectedResults: string;
  due: string;
  organisation: Party;
}

/** The agreement as its reader sees it: the current terms (or an earlier version, still readable), requests, reports. */
export async function agreementView(deps: CommissioningDeps, ctx: DbContext, m: string, id: string, viewer: Viewer, versionNumber?: number): Promise<AgreementView> {
  return deps.db.tx(ctx, async (sql) => {
    const { agreement, standing } = await agreementFor(sql, m, id, viewer);
    const versions = await terms.list(sql, m, id);
    const current = versions[versions.length - 1]!;
    const shown = versionNumber === undefined ? current : versions.find((v) => v.number === versionNumber);
    if (!shown) throw new AppError('not_found');
    const list = await changes.list(sql, m, id);
    const minOwn = await minOwnOf(sql, m, agreement);
    const offer = (await offers.find(sql, m, agreement.offer_id))!;
    const organisation = await agreements.party(sql, m, agreement.organisation_id);
    return {
      agreement, standing, versions, current, shown, changes: list, pending: list.find((c) => c.status === 'pending'), reports: await reports.ofAgreement(sql, m, id),
      problems: termsProblems(current, agreement.grant_amount, minOwn), minOwn, requested: offerSums(offer.cost_lines).bySource.grant,
      expectedResults: offer.expected_results, due: reportDue(agreement.period_to), organisation: organisation!,
    };
  });
}

export async function agreementList(deps: CommissioningDeps, ctx: DbContext, m: string, viewer: Viewer) {
  return deps.db.tx(ctx, (sql) => agreements.list(sql, m, viewer.userId, viewer.staff));
}

/** The offeror's member asks for new terms: an updated budget before signing, an annex once signed; one request at a time. */
export async function requestChange(deps: CommissioningDeps, ctx: DbContext, m: string, id: string, input: { schedule: ScheduleRow[]; cost_lines: CostLine[]; reasons: string }, version: number, viewer: Viewer, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const { agreement, standing } = await agreementFor(sql, m, id, viewer, true);
    if (!standing.member) throw new AppError('auth.forbidden');
    assertVersion(agreement, version);
    const kind = changeKindOf(agreement.status);
    if (!kind) throw new AppError('commissioning.agreement_state');
    if ((await changes.list(sql, m, id)).some((c) => c.status === 'pending')) throw new AppError('commissioning.change_pending');
    const problems = termsProblems(input, agreement.grant_amount, await minOwnOf(sql, m, agreement));
    if (input.reasons.trim() === '') problems.push({ field: 'reasons', code: 'required' });
    if (problems.length > 0) throw problemsError(problems);
    const requestId = await changes.insert(sql, m, id, kind, input, input.reasons, viewer.userId);
    expectUpdated(await agreements.touch(sql, m, id, version));
    await audit(sql, m, actor, { action: 'commissioning.change_requested', subjectType: 'commissioning_agreement', subjectId: id, details: { request: requestId, kind } });
  });
}

/** Staff's answer to the pending request: accepted, it becomes the next numbered version of the terms; refused, with reasons. */
export async function decideChange(deps: CommissioningDeps, ctx: DbContext, m: string, id: string, input: { accept: boolean; answer: string }, version: number, viewer: Viewer, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const { agreement, standing } = await agreementFor(sql, m, id, viewer, true);
    deciding(standing);
    assertVersion(agreement, version);
    const pending = (await changes.list(sql, m, id)).find((c) => c.status === 'pending');
    if (!pending) throw new AppError('commissioning.agreement_state');
    if (pending.requested_by === viewer.userId) throw new AppError('commissioning.own_organisation');
    if (!input.accept && input.answer.trim() === '') throw validationError({ answer: { code: 'required' } });
    if (changeKindOf(agreement.status) !== pending.kind) throw new AppError('commissioning.agreement_state');
    expectUpdated(await changes.decide(sql, m, pending.id, input.accept ? 'accepted' : 'refused', input.answer, viewer.userId));
    let number: number | null = null;
    if (input.accept) number = await terms.insert(sql, m, id, pending.kind, pending, pending.reasons, viewer.userId);
    expectUpdated(await agreements.touch(sql, m, id, version));
    await audit(sql, m, actor, { action: input.accept ? 'commissioning.change_accepted' : 'commissioning.change_refused', subjectType: 'commissioning_agreement', subjectId: id, details: { request: pending.id, version: number } });
  });
}

/** Staff move the agreement: ready to sign (terms complete, no request pending), signed (on a day not in the future), settled (final report accepted), terminated (with reasons). */
export async function moveAgreement(deps: CommissioningDeps, ctx: DbContext, m: string, id: string, input: { move: AgreementMove; signed_on: string; reasons: string }, version: number, viewer: Viewer, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const { agreement, standing } = await agreementFor(sql, m, id, viewer, true);
    deciding(standing);
    assertVersion(agreement, version);
    if (!(AGREEMENT_MOVES[input.move] as readonly string[]).includes(agreement.status)) throw new AppError('commissioning.agreement_state');
    if (input.move === 'ready') {
      if ((await changes.list(sql, m, id)).some((c) => c.status === 'pending')) throw new AppError('commissioning.change_pending');
      const list = await terms.list(sql, m, id);
      const problems = termsProblems(list[list.length - 1]!, agreement.grant_amount, await minOwnOf(sql, m, agreement));
      if (problems.length > 0) throw validationError({ move: { code: 'agreement_terms_incomplete' } });
    }
    if (input.move === 'signed') {
      if (input.signed_on === '') throw validationError({ signed_on: { code: 'required' } });
      if (input.signed_on > warsawDay()) throw validationError({ signed_on: { code: 'agreement_signed_future' } });
    }
    if (input.move === 'settled') {
      const finals = (await reports.ofAgreement(sql, m, id)).filter((r) => r.kind === 'final' && r.status === 'accepted');
      if (finals.length === 0) throw validationError({ move: { code: 'agreement_final_missing' } });
    }
    if (input.move === 'terminated' && input.reasons.trim() === '') throw validationError({ reasons: { code: 'required' } });
    expectUpdated(await agreements.move(sql, m, id, input.move, version, input.move === 'signed' ? input.signed_on : null, input.move === 'terminated' ? input.reasons : ''));
    await audit(sql, m, actor, { action: `commissioning.agreement_${input.move}`, subjectType: 'commissioning_agreement', subjectId: id, details: { version: version + 1 } });
  });
}

/** A report started by the offeror's member on a signed agreement (an open one of the same kind is reused). */
export async function startReport(deps: CommissioningDeps, ctx: DbContext, m: string, agreementId: string, kind: ReportKind, viewer: Viewer, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    const { agreement, standing } = await agreementFor(sql, m, agreementId, viewer, true);
    if (!standing.member) throw new AppError('auth.forbidden');
    if (agreement.status !== 'signed') throw new AppError('commissioning.agreement_state');
    const list = await reports.ofAgreement(sql, m, agreementId);
    const open = list.find((r) => r.kind === kind && r.status !== 'accepted');
    if (open) return open.id;
    if (kind === 'final' && list.some((r) => r.kind === 'final')) throw new AppError('commissioning.report_state');
    const id = await reports.insert(sql, m, agreementId, kind, viewer.userId);
    await audit(sql, m, actor, { action: 'commissioning.report_started', subjectType: 'commissioning_report', subjectId: id, details: { kind } });
    return id;
  });
}

export interface ReportView {
  report: ReportRow;
  agreement: AgreementRow;
  standing: Standing;
  lines: CostLine[];
  expectedResults: string;
  due: string;
  problems: OfferProblem[];
  submissions: Awaited<ReturnType<typeof submissions.list>>;
}

async function reportFor(sql: Sql, m: string, id: string, viewer: Viewer, lock = false) {
  const report = await reports.find(sql, m, id, lock);
  if (!report) throw new AppError('not_found');
  const { agreement, standing } = await agreementFor(sql, m, report.agreement_id, viewer);
  return { report, agreement, standing };
}

async function linesOf(sql: Sql, m: string, agreementId: string): Promise<CostLine[]> {
  const list = await terms.list(sql, m, agreementId);
  return list[list.length - 1]!.cost_lines;
}

export async function reportView(deps: CommissioningDeps, ctx: DbContext, m: string, id: string, viewer: Viewer): Promise<ReportView> {
  return deps.db.tx(ctx, async (sql) => {
    const { report, agreement, standing } = await reportFor(sql, m, id, viewer);
    const lines = await linesOf(sql, m, agreement.id);
    const offer = (await offers.find(sql, m, agreement.offer_id))!;
    return {
      report, agreement, standing, lines, expectedResults: offer.expected_results, due: reportDue(agreement.period_to),
      problems: reportProblems(report, lines), submissions: await submissions.list(sql, m, id),
    };
  });
}

/**
 * Saving (and, with `submit`, submitting) a report: the offeror's members only, while it is a draft or returned.
 * A submission is refused with a field error for each missing line or sum that does not add up — in one
 * transaction, so what was saved before stays as it was — and is otherwise kept as submitted, hashed.
 */
export async function saveReport(deps: CommissioningDeps, ctx: DbContext, m: string, id: string, input: { done: string; results: string; expenses: CostLine[] }, version: number, submit: boolean, viewer: Viewer, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const { report, agreement, standing } = await reportFor(sql, m, id, viewer, true);
    if (!standing.member) throw new AppError('auth.forbidden');
    assertVersion(report, version);
    if (report.status !== 'draft' && report.status !== 'returned') throw new AppError('commissioning.report_state');
    const lines = await linesOf(sql, m, agreement.id);
    const expenses = input.expenses.slice(0, lines.length).map((e, i) => ({ ...e, name: lines[i]!.name }));
    if (submit) {
      const problems = reportProblems({ ...input, expenses }, lines);
      if (problems.length > 0) throw problemsError(problems);
    }
    expectUpdated(await reports.save(sql, m, id, { done: input.done, results: input.results, expenses }, version));
    if (submit) {
      const content = { agreement: { id: agreement.id, number: agreement.number }, kind: report.kind, done: input.done, results: input.results, expenses, sums: offerSums(expenses).bySource };
      const sha256 = crypto.createHash('sha256').update(JSON.stringify(content)).digest('hex');
      const number = await submissions.insert(sql, m, id, content, sha256, viewer.userId);
      expectUpdated(await reports.setStatus(sql, m, id, 'submitted', version + 1));
      await audit(sql, m, actor, { action: 'commissioning.report_submitted', subjectType: 'commissioning_report', subjectId: id, details: { number, sha256 } });
    } else {
      await audit(sql, m, actor, { action: 'commissioning.report_saved', subjectType: 'commissioning_report', subjectId: id, details: { version: version + 1 } });
    }
  });
}

/** Staff accept a submitted report or return it with remarks; never one of their own organisation's, nor one they submitted. */
export async function reviewReport(deps: CommissioningDeps, ctx: DbContext, m: string, id: string, input: { accept: boolean; remarks: string }, version: number, viewer: Viewer, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    const { report, agreement, standing } = await reportFor(sql, m, id, viewer, true);
    deciding(standing);
    assertVersion(report, version);
    if (report.status !== 'submitted') throw new AppError('commissioning.report_state');
    const subs = await submissions.list(sql, m, id);
    if (subs[subs.length - 1]?.submitted_by === viewer.userId) throw new AppError('commissioning.own_organisation');
    if (!input.accept && input.remarks.trim() === '') throw validationError({ remarks: { code: 'required' } });
    expectUpdated(await reports.setStatus(sql, m, id, input.accept ? 'accepted' : 'returned', version, { remarks: input.remarks, by: viewer.userId }));
    await audit(sql, m, actor, { action: input.accept ? 'commissioning.report_accepted' : 'commissioning.report_returned', subjectType: 'commissioning_report', subjectId: id });
    return agreement.id;
  });
}

/** Today and the last day of the warning window, in Warsaw: the start cards' dates. */
export const reportWindow = (now = new Date()) => ({ today: warsawDay(now), until: addDays(warsawDay(now), 14) });
