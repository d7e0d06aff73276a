import { audit, type AuditActor } from '../../platform/audit/audit';
import { STAFF_ROLES } from '../../platform/auth/roles';
import type { DbContext, Sql } from '../../platform/db/types';
import { AppError, validationError } from '../../platform/http/errors';
import { acceptsOffers, type CallRow, type OfferRow } from './domain';
import type { AppointInput } from './committee-form';
import { calls, offers, registry, versions } from './repository';
import { committee, consensus, declarations, sheets, type SheetScore } from './repository-committee';
import type { CommissioningDeps, Viewer } from './service';

/**
 * The competition committee (issue 17, ADR 0033): staff appoint it per call (staff and nominees of
 * organisations, never of one that bids); each member declares per offer whether they have a conflict of
 * interest before the offer opens; individual sheets stay hidden until their author submits; the chair
 * (or staff) keeps the formal assessment and the consensus sheet, which staff's decision reads.
 */

async function callOr404(sql: Sql, m: string, id: string): Promise<CallRow> {
  const c = await calls.find(sql, m, id);
  if (!c || c.status === 'draft') throw new AppError('not_found');
  return c;
}

export async function committeeOf(deps: CommissioningDeps, ctx: DbContext, m: string, callId: string) {
  return deps.db.tx(ctx, async (sql) => {
    const call = await calls.find(sql, m, callId);
    if (!call) throw new AppError('not_found');
    return {
      call,
      members: await committee.members(sql, m, callId),
      staff: await committee.staffCandidates(sql, m, STAFF_ROLES),
      nominees: await committee.nomineeCandidates(sql, m),
    };
  });
}

/** Appointing (staff with commissioning.manage — the route's rule): a nominee of a bidding organisation is refused, naming it. */
export async function appoint(deps: CommissioningDeps, ctx: DbContext, m: string, callId: string, input: AppointInput, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const call = await calls.find(sql, m, callId, true);
    if (!call) throw new AppError('not_found');
    if (call.status === 'resolved') throw new AppError('commissioning.call_state');
    const field = input.kind === 'staff' ? 'staff_user' : 'nominee';
    if (input.kind === 'staff') {
      if (!(await committee.staffCandidates(sql, m, STAFF_ROLES)).some((s) => s.id === input.userId)) throw validationError({ staff_user: { code: 'committee_not_staff' } });
    } else {
      const candidates = await committee.nomineeCandidates(sql, m);
      if (!candidates.some((n) => n.user_id === input.userId && n.organisation_id === input.organisationId)) throw validationError({ nominee: { code: 'committee_not_nominee' } });
      const bidding = await committee.biddingOrganisationsOf(sql, m, callId, input.userId);
      if (bidding.length > 0) throw validationError({ nominee: { code: 'committee_nominee_bidding', params: { organisation: bidding.join(', ') } } });
    }
    if (!(await committee.insert(sql, m, callId, input.userId, input.kind, input.organisationId, input.chair, actor.userId))) {
      throw validationError({ [field]: { code: 'committee_already_member' } });
    }
    await audit(sql, m, actor, { action: 'commissioning.committee_appointed', subjectType: 'commissioning_call', subjectId: callId, details: { user: input.userId, kind: input.kind, chair: input.chair } });
  });
}

export async function myCommittees(deps: CommissioningDeps, ctx: DbContext, m: string, userId: string) {
  return deps.db.tx(ctx, (sql) => committee.callsOf(sql, m, userId));
}

/** A member's list of the call's offers with their declarations and sheets; anyone else: not found. */
export async function boardOf(deps: CommissioningDeps, ctx: DbContext, m: string, callId: string, viewer: Viewer) {
  return deps.db.tx(ctx, async (sql) => {
    const call = await callOr404(sql, m, callId);
    const me = viewer.userId ? await committee.member(sql, m, callId, viewer.userId) : undefined;
    if (!me) throw new AppError('not_found');
    return { call, me, offers: await committee.board(sql, m, callId, viewer.userId!), members: await committee.members(sql, m, callId) };
  });
}

interface Seat { offer: OfferRow; call: CallRow; member: { chair: boolean } | undefined; staff: boolean }

/** Who is at the offer's table: a member of its call's committee, or staff; the offer submitted, not withdrawn. */
async function seatAt(sql: Sql, m: string, offerId: string, viewer: Viewer): Promise<Seat> {
  const offer = await offers.find(sql, m, offerId);
  if (!offer || offer.status === 'draft' || offer.status === 'withdrawn') throw new AppError('not_found');
  const member = viewer.userId ? await committee.member(sql, m, offer.call_id, viewer.userId) : undefined;
  if (!member && !viewer.staff) throw new AppError('not_found');
  const call = await callOr404(sql, m, offer.call_id);
  return { offer, call, member, staff: viewer.staff };
}

/** A member must have declared no conflict before anything of the offer opens to them. */
async function clearedMember(sql: Sql, m: string, seat: Seat, userId: string): Promise<void> {
  if (!seat.member) return;
  const d = await declarations.find(sql, m, seat.offer.id, userId);
  if (!d) throw new AppError('commissioning.undeclared');
  if (d.conflict) throw new AppError('commissioning.conflicted');
}

/** The committee works between the closing instant and the results. */
function assessing(call: CallRow): void {
  if (call.status !== 'published' || acceptsOffers(call, new Date())) throw new AppError('commissioning.not_assessing');
}

/** The declaration page: what the offer is (offeror, title — nothing of its contents) and whether the member declared. */
export async function declarationView(deps: CommissioningDeps, ctx: DbContext, m: string, offerId: string, viewer: Viewer) {
  return deps.db.tx(ctx, async (sql) => {
    const seat = await seatAt(sql, m, offerId, viewer);
    if (!seat.member) throw new AppError('not_found');
    return { offer: { id: seat.offer.id, title: seat.offer.title, organisation_name: seat.offer.organisation_name, partners: seat.offer.partners }, call: seat.call, declared: await declarations.find(sql, m, offerId, viewer.userId!) };
  });
}

export async function declare(deps: CommissioningDeps, ctx: DbContext, m: string, offerId: string, input: { conflict: boolean; explanation: string }, viewer: Viewer, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const seat = await seatAt(sql, m, offerId, viewer);
    if (!seat.member) throw new AppError('not_found');
    assessing(seat.call);
    if (!input.conflict) {
      const own = (await registry.organisationsOf(sql, m, viewer.userId!)).map((o) => o.id);
      if (own.includes(seat.offer.organisation_id) || seat.offer.partners.some((p) => own.includes(p.organisation_id))) {
        throw validationError({ conflict: { code: 'committee_own_organisation' } });
      }
    }
    if (!(await declarations.insert(sql, m, offerId, viewer.userId!, input.conflict, input.explanation))) throw new AppError('commissioning.declared');
    await audit(sql, m, actor, { action: 'commissioning.conflict_declared', subjectType: 'commissioning_offer', subjectId: offerId, details: { conflict: input.conflict } });
  });
}

/**
 * The assessment page: the offer as submitted, the formal assessment, the member's own sheet, the others'
 * submitted sheets once the member's is submitted (staff: every submitted sheet), the consensus sheet.
 */
export async function assessmentView(deps: CommissioningDeps, ctx: DbContext, m: string, offerId: string, viewer: Viewer) {
  return deps.db.tx(ctx, async (sql) => {
    const seat = await seatAt(sql, m, offerId, viewer);
    await clearedMember(sql, m, seat, viewer.userId ?? '');
    const mine = seat.member ? await sheets.find(sql, m, offerId, viewer.userId!) : undefined;
    const mayCompare = Boolean(mine?.submitted_at) || (seat.staff && !seat.member);
    const submitted = mayCompare ? await sheets.submittedOf(sql, m, offerId) : [];
    const version = await versions.latest(sql, m, offerId);
    return {
      offer: seat.offer,
      call: seat.call,
      member: seat.member,
      chair: Boolean(seat.member?.chair) || seat.staff,
      content: version,
      mine,
      others: submitted.filter((s) => s.user_id !== viewer.userId),
      consensus: await consensus.find(sql, m, offerId),
      declarations: seat.staff || seat.member?.chair ? await declarations.ofOffer(sql, m, offerId) : [],
    };
  });
}
export type AssessmentView = Awaited<ReturnType<typeof assessmentView>>;

export async function saveSheet(deps: CommissioningDeps, ctx: DbContext, m: string, offerId: string, scores: SheetScore[], submit: boolean, version: number, viewer: Viewer, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const seat = await seatAt(sql, m, offerId, viewer);
    if (!seat.member) throw new AppError('not_found');
    await clearedMember(sql, m, seat, viewer.userId!);
    assessing(seat.call);
    if ((await consensus.find(sql, m, offerId))?.formal !== 'ok') throw new AppError('commissioning.formal_pending');
    const before = await sheets.find(sql, m, offerId, viewer.userId!);
    if (before?.submitted_at) throw new AppError('commissioning.sheet_submitted');
    if ((before?.version ?? 0) !== version || !(await sheets.save(sql, m, offerId, viewer.userId!, scores, submit, version))) throw new AppError('conflict.stale');
    await audit(sql, m, actor, { action: submit ? 'commissioning.sheet_submitted' : 'commissioning.sheet_saved', subjectType: 'commissioning_offer', subjectId: offerId });
  });
}

async function chairSeat(sql: Sql, m: string, offerId: string, viewer: Viewer): Promise<Seat> {
  const seat = await seatAt(sql, m, offerId, viewer);
  await clearedMember(sql, m, seat, viewer.userId ?? '');
  if (!seat.staff && !seat.member?.chair) throw new AppError('commissioning.not_chair');
  assessing(seat.call);
  return seat;
}

export async function saveFormal(deps: CommissioningDeps, ctx: DbContext, m: string, offerId: string, input: { formal: string; notes: string }, version: number, viewer: Viewer, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    await chairSeat(sql, m, offerId, viewer);
    if (!(await consensus.saveFormal(sql, m, offerId, input.formal, input.notes, version, actor.userId))) throw new AppError('conflict.stale');
    await audit(sql, m, actor, { action: 'commissioning.formal_assessed', subjectType: 'commissioning_offer', subjectId: offerId, details: { formal: input.formal } });
  });
}

/** The consensus: every criterion scored and justified, under the sheet's version (two edits at once: the second is stale). */
export async function saveConsensus(deps: CommissioningDeps, ctx: DbContext, m: string, offerId: string, scores: SheetScore[], remarks: string, version: number, viewer: Viewer, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    await chairSeat(sql, m, offerId, viewer);
    const before = await consensus.find(sql, m, offerId, true);
    if (before?.formal !== 'ok') throw new AppError('commissioning.formal_pending');
    const total = scores.reduce((a, s) => a + (s.score ?? 0), 0);
    if (before.version !== version || !(await consensus.saveScores(sql, m, offerId, scores, total, remarks, version, actor.userId))) throw new AppError('conflict.stale');
    await audit(sql, m, actor, { action: 'commissioning.consensus_saved', subjectType: 'commissioning_offer', subjectId: offerId, details: { total, version: version + 1 } });
  });
}

/**
 * Withdrawal of a submitted offer by a member of the offeror, until the call's closing instant (the
 * server clock, as submission); the submitted versions stay; a new offer can be started after.
 */
export async function withdrawOffer(deps: CommissioningDeps, ctx: DbContext, m: string, offerId: string, viewer: Viewer, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    const offer = await offers.find(sql, m, offerId, true);
    if (!offer) throw new AppError('not_found');
    const member = viewer.userId ? (await registry.organisationsOf(sql, m, viewer.userId)).some((o) => o.id === offer.organisation_id) : false;
    if (!member) throw new AppError(viewer.staff ? 'auth.forbidden' : 'not_found');
    if (offer.status !== 'submitted') throw new AppError('commissioning.offer_state');
    const call = (await calls.find(sql, m, offer.call_id))!;
    if (!acceptsOffers(call, new Date())) throw new AppError('commissioning.closed');
    await offers.setStatus(sql, m, offerId, 'withdrawn');
    await audit(sql, m, actor, { action: 'commissioning.offer_withdrawn', subjectType: 'commissioning_offer', subjectId: offerId });
    return call.id;
  });
}
