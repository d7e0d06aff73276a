import crypto from 'node:crypto';
import { audit, type AuditActor } from '../../platform/audit/audit';
import type { Database, DbContext, Sql } from '../../platform/db/types';
import { assertVersion, expectUpdated } from '../../platform/http/conflict';
import { AppError, validationError, type FieldErrors } from '../../platform/http/errors';
import { warsawYear } from '../../platform/time';
import { acceptsOffers, offerProblems, offerSums, type CallRow, type OfferProblem, type OfferRow, type Partner } from './domain';
import type { CallInput, DecisionInput, OfferInput } from './form';
import { awardedGrants, calls, decisions, offers, registry, versions } from './repository';

export interface CommissioningDeps { db: Database; publicUrl: string }
export interface Viewer { userId: string | null; email: string; staff: boolean }
/** What publishing does beyond the module's rows (the announcement, the mail): given by the routes. */
export type Announce = (sql: Sql, call: CallRow) => Promise<void>;

async function callOr404(sql: Sql, m: string, id: string, lock = false): Promise<CallRow> {
  const c = await calls.find(sql, m, id, lock);
  if (!c) throw new AppError('not_found');
  return c;
}

export async function listCalls(deps: CommissioningDeps, ctx: DbContext, m: string, viewer: Viewer) {
  return deps.db.tx(ctx, (sql) => calls.list(sql, m, viewer.staff));
}

export async function servicesAndOrganisations(deps: CommissioningDeps, ctx: DbContext, m: string) {
  return deps.db.tx(ctx, async (sql) => ({ services: await registry.services(sql, m), organisations: await registry.verified(sql, m) }));
}

/** A call as its viewer may see it: drafts to staff only; the same sphere's grants this and last year; the viewer's organisations and offers. */
export async function callView(deps: CommissioningDeps, ctx: DbContext, m: string, id: string, viewer: Viewer) {
  return deps.db.tx(ctx, async (sql) => {
    const call = await callOr404(sql, m, id);
    if (call.status === 'draft' && !viewer.staff) throw new AppError('not_found');
    const year = warsawYear(call.published_at ?? new Date());
    const history = await calls.awardedBySphere(sql, m, call.sphere, [year, year - 1], call.id);
    const services = (await registry.services(sql, m)).filter((s) => call.service_ids.includes(s.id));
    const myOrganisations = viewer.userId ? await registry.organisationsOf(sql, m, viewer.userId) : [];
    const myOffers = viewer.userId ? (await offers.ofUser(sql, m, viewer.userId)).filter((o) => o.call_id === call.id) : [];
    const results = call.status === 'resolved' || viewer.staff ? await offers.ofCall(sql, m, call.id) : [];
    return { call, year, history, services, myOrganisations, myOffers, results: call.status === 'resolved' || viewer.staff ? results : [] };
  });
}

export async function createCall(deps: CommissioningDeps, ctx: DbContext, m: string, input: CallInput, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    const id = await calls.insert(sql, m, input, actor.userId);
    await audit(sql, m, actor, { action: 'commissioning.call_created', subjectType: 'commissioning_call', subjectId: id });
    return id;
  });
}

export async function updateCall(deps: CommissioningDeps, ctx: DbContext, m: string, id: string, input: CallInput, version: number, actor: AuditActor, announce: Announce): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const before = await callOr404(sql, m, id, true);
    assertVersion(before, version);
    if (before.status === 'resolved') throw new AppError('commissioning.call_state');
    expectUpdated(await calls.update(sql, m, id, input, version, before.status === 'published'));
    if (before.status === 'published') await announce(sql, (await calls.find(sql, m, id))!);
    await audit(sql, m, actor, { action: 'commissioning.call_updated', subjectType: 'commissioning_call', subjectId: id, details: { version: version + 1 } });
  });
}

/** Publishing: the closing time must still be 21 days away (from now, the publication), then the announcement. */
export async function publishCall(deps: CommissioningDeps, ctx: DbContext, m: string, id: string, version: number, actor: AuditActor, announce: Announce): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const before = await callOr404(sql, m, id, true);
    assertVersion(before, version);
    if (before.status !== 'draft') throw new AppError('commissioning.call_state');
    if (new Date(before.offers_close_at).getTime() < Date.now() + 21 * 86_400_000) throw validationError({ closes_on: { code: 'call_too_short' } });
    expectUpdated(await calls.publish(sql, m, id, version));
    await announce(sql, (await calls.find(sql, m, id))!);
    await audit(sql, m, actor, { action: 'commissioning.call_published', subjectType: 'commissioning_call', subjectId: id });
  });
}

/** An offer's page: its organisation's members and staff only (anyone else: not found, nothing said of it). */
async function offerFor(sql: Sql, m: string, id: string, viewer: Viewer, lock = false): Promise<{ offer: OfferRow; member: boolean }> {
  const offer = await offers.find(sql, m, id, lock);
  if (!offer) throw new AppError('not_found');
  const member = viewer.userId ? (await registry.organisationsOf(sql, m, viewer.userId)).some((o) => o.id === offer.organisation_id) : false;
  if (!member && !viewer.staff) throw new AppError('not_found');
  return { offer, member };
}

export async function startOffer(deps: CommissioningDeps, ctx: DbContext, m: string, callId: string, organisationId: string, viewer: Viewer, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    const call = await callOr404(sql, m, callId);
    if (call.status === 'draft') throw new AppError('not_found');
    if (!acceptsOffers(call, new Date())) throw new AppError('commissioning.closed');
    const mine = await registry.organisationsOf(sql, m, viewer.userId!);
    if (!mine.some((o) => o.id === organisationId)) throw validationError({ organisation_id: { code: 'offer_not_member' } });
    const existing = (await offers.ofUser(sql, m, viewer.userId!)).find((o) => o.call_id === callId && o.organisation_id === organisationId && o.status !== 'withdrawn');
    if (existing) return existing.id;
    const id = await offers.insert(sql, m, callId, organisationId, viewer.userId!);
    await audit(sql, m, actor, { action: 'commissioning.offer_started', subjectType: 'commissioning_offer', subjectId: id });
    return id;
  });
}

export interface OfferView {
  offer: OfferRow;
  call: CallRow;
  member: boolean;
  problems: OfferProblem[];
  submitted: { number: number; sha256: string; submitted_at: Date } | undefined;
  organisations: { id: string; name: string }[];
}

export async function offerView(deps: CommissioningDeps, ctx: DbContext, m: string, id: string, viewer: Viewer): Promise<OfferView> {
  return deps.db.tx(ctx, async (sql) => {
    const { offer, member } = await offerFor(sql, m, id, viewer);
    const call = await callOr404(sql, m, offer.call_id);
    const submitted = await versions.latest(sql, m, id);
    const organisations = (await registry.verified(sql, m)).filter((o) => o.id !== offer.organisation_id);
    return { offer, call, member, problems: offerProblems(offer, call), submitted, organisations };
  });
}

async function partnersOf(sql: Sql, m: string, offer: OfferRow, input: OfferInput): Promise<Partner[]> {
  const verified = new Map((await registry.verified(sql, m)).map((o) => [o.id, o.name]));
  const errors: FieldErrors = {};
  const out: Partner[] = input.partners.map((p, i) => {
    const name = verified.get(p.organisation_id);
    if (!name || p.organisation_id === offer.organisation_id) errors[`partner_${i}_organisation`] = { code: 'offer_partner_unknown' };
    return { organisation_id: p.organisation_id, name: name ?? '', share_basis_points: p.share_basis_points };
  });
  if (Object.keys(errors).length > 0) throw validationError(errors);
  return out;
}

/** Saving a draft: only its organisation's members, before the closing time; the sums are computed on every read. */
export async function saveOffer(deps: CommissioningDeps, ctx: DbContext, m: string, id: string, input: OfferInput, version: number, viewer: Viewer, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const { offer, member } = await offerFor(sql, m, id, viewer, true);
    if (!member) throw new AppError('auth.forbidden');
    assertVersion(offer, version);
    if (offer.status !== 'draft') throw new AppError('commissioning.offer_state');
    const call = await callOr404(sql, m, offer.call_id);
    if (!acceptsOffers(call, new Date())) throw new AppError('commissioning.closed');
    const partners = await partnersOf(sql, m, offer, input);
    expectUpdated(await offers.saveDraft(sql, m, id, { ...input, partners }, version));
    await audit(sql, m, actor, { action: 'commissioning.offer_saved', subjectType: 'commissioning_offer', subjectId: id, details: { version: version + 1 } });
  });
}

/** The offer as submitted: what the version keeps and hashes (keys in a fixed order). */
export function contentOf(offer: OfferRow, call: CallRow) {
  const sums = offerSums(offer.cost_lines);
  return {
    call: { id: call.id, number: call.number, title: call.title },
    offeror: { id: offer.organisation_id, name: offer.organisation_name },
    partners: offer.partners,
    title: offer.title,
    task_description: offer.task_description,
    schedule: offer.schedule,
    expected_results: offer.expected_results,
    cost_lines: offer.cost_lines,
    sums: { ...sums.bySource, total: sums.total, own_basis_points: sums.ownBasisPoints },
  };
}

export type OnSubmitted = (sql: Sql, offer: OfferRow, call: CallRow, version: { number: number; sha256: string; submitted_at: Date }) => Promise<void>;

/**
 * Submission: under the offer's row lock (concurrent submits: one version, the others find it submitted);
 * refused after the closing instant by the server clock, and while any problem is listed.
 */
export async function submitOffer(deps: CommissioningDeps, ctx: DbContext, m: string, id: string, version: number, viewer: Viewer, actor: AuditActor, onSubmitted: OnSubmitted) {
  return deps.db.tx(ctx, async (sql) => {
    const { offer, member } = await offerFor(sql, m, id, viewer, true);
    if (!member) throw new AppError('auth.forbidden');
    if (offer.status !== 'draft') throw new AppError('commissioning.offer_state');
    assertVersion(offer, version);
    const call = await callOr404(sql, m, offer.call_id);
    const now = new Date();
    if (!acceptsOffers(call, now)) throw new AppError('commissioning.closed');
    const problems = offerProblems(offer, call);
    if (problems.length > 0) throw validationError(Object.fromEntries(problems.map((p) => [p.field, { code: p.code, params: p.params }])));
    const content = contentOf(offer, call);
    const json = JSON.stringify(content);
    const sha256 = crypto.createHash('sha256').update(json).digest('hex');
    const number = await versions.insert(sql, m, id, content, sha256, now, viewer.userId!);
    await offers.setStatus(sql, m, id, 'submitted');
    const v = { number, sha256, submitted_at: now };
    await onSubmitted(sql, offer, call, v);
    await audit(sql, m, actor, { action: 'commissioning.offer_submitted', subjectType: 'commissioning_offer', subjectId: id, details: { version: number, sha256 } });
    return v;
  });
}

/** Staff's decision on a submitted offer: formal rejection, award (≤ asked, ≤ the ceiling) or none; changeable until the results are out. */
export async function recordDecision(deps: CommissioningDeps, ctx: DbContext, m: string, offerId: string, d: DecisionInput, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    const offer = await offers.find(sql, m, offerId, true);
    if (!offer) throw new AppError('not_found');
    const call = await callOr404(sql, m, offer.call_id, true);
    if (call.status !== 'published' || ['draft', 'withdrawn'].includes(offer.status)) throw new AppError('commissioning.offer_state');
    const requested = offerSums(offer.cost_lines).bySource.grant;
    if (d.amount !== null && d.amount > Math.min(requested, call.grant_ceiling)) {
      throw validationError({ amount: { code: 'decision_amount_over', params: { max: (Math.min(requested, call.grant_ceiling) / 100).toFixed(2).replace('.', ',') } } });
    }
    await decisions.record(sql, m, offerId, d, actor.userId);
    await offers.setStatus(sql, m, offerId, d.kind);
    await audit(sql, m, actor, { action: 'commissioning.decision_recorded', subjectType: 'commissioning_offer', subjectId: offerId, details: { kind: d.kind, amount: d.amount } });
    return call.id;
  });
}

export type AnnounceResults = (sql: Sql, call: CallRow, decided: Awaited<ReturnType<typeof offers.ofCall>>) => Promise<void>;

/** The results: after the closing time, every submitted offer decided; then published as an announcement. */
export async function publishResults(deps: CommissioningDeps, ctx: DbContext, m: string, callId: string, actor: AuditActor, announce: AnnounceResults): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const call = await callOr404(sql, m, callId, true);
    if (call.status !== 'published' || acceptsOffers(call, new Date())) throw new AppError('commissioning.call_state');
    const list = await offers.ofCall(sql, m, callId);
    if (list.some((o) => o.status === 'submitted')) throw new AppError('commissioning.undecided');
    await calls.resolve(sql, m, callId);
    await announce(sql, call, list);
    await audit(sql, m, actor, { action: 'commissioning.results_published', subjectType: 'commissioning_call', subjectId: callId });
  });
}

export async function myOffers(deps: CommissioningDeps, ctx: DbContext, m: string, userId: string) {
  return deps.db.tx(ctx, (sql) => offers.ofUser(sql, m, userId));
}

export async function awardedGrantsOf(deps: CommissioningDeps, ctx: DbContext, m: string) {
  return deps.db.tx(ctx, (sql) => awardedGrants(sql, m));
}
