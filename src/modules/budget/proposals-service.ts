import { audit, type AuditActor } from '../../platform/audit/audit';
import { expectUpdated } from '../../platform/http/conflict';
import type { Database, DbContext, Sql } from '../../platform/db/types';
import { AppError, validationError } from '../../platform/http/errors';
import type { EditionRow, PhaseRow, PoolRow } from './domain';
import { appealDeadline, ballotFrozen, costOf, phaseOpen, supportOpen, supportThreshold, verdictOf, type ProposalRow, type VerificationRow } from './proposals-domain';
import { parseAppeal, parseAppealDecision, parseChecks, parseProposal, parseVersion } from './proposals-form';
import { editions, phases, pools, projects } from './repository';
import { editionExtras, proposals, supports, verifications } from './repository-proposals';

/**
 * Proposals (ADR 0034): a resident's draft, submitted within the proposals period (server clock, refused from the
 * period's last second on); residents' support, one per person; the staff's verification, published with its
 * reasons; the author's appeal until the deadline and its final decision. A proposal that passes is added to
 * `budget_projects` as 'on_ballot' — the vote and the results see it as they see an imported project.
 */

export interface ProposalsDeps {
  db: Database;
}

export interface EditionProposals {
  edition: EditionRow;
  phases: PhaseRow[];
  pools: (PoolRow & { threshold: number })[];
  proposals: ProposalRow[];
  proposalsOpen: boolean;
  supportOpen: boolean;
}

async function editionFor(sql: Sql, municipalityId: string, editionId: string, staff: boolean) {
  const edition = await editions.find(sql, municipalityId, editionId);
  if (!edition || (edition.status === 'draft' && !staff)) throw new AppError('not_found');
  const ph = await phases.of(sql, municipalityId, editionId);
  const thresholds = await editionExtras.thresholds(sql, municipalityId, editionId);
  const all = (await pools.of(sql, municipalityId, editionId)).map((p) => ({ ...p, threshold: supportThreshold({ residents: p.residents, support_threshold: thresholds.get(p.id) ?? null }) }));
  return { edition, phases: ph, pools: all };
}

export async function editionProposals(deps: ProposalsDeps, ctx: DbContext, municipalityId: string, editionId: string, userId: string | null, staff: boolean): Promise<EditionProposals> {
  return deps.db.tx(ctx, async (sql) => {
    const e = await editionFor(sql, municipalityId, editionId, staff);
    return { ...e, proposals: await proposals.ofEdition(sql, municipalityId, editionId, userId), proposalsOpen: phaseOpen(e.phases, 'proposals'), supportOpen: supportOpen(e.phases) };
  });
}

export interface ProposalView extends Omit<EditionProposals, 'proposals'> {
  proposal: ProposalRow;
  pool: PoolRow & { threshold: number };
  lines: { item: string; amount: number }[];
  /** The verification: to staff always, to everyone else once published. */
  verification: VerificationRow | null;
  supported: boolean;
  isAuthor: boolean;
  canAppeal: boolean;
}

/** A proposal's page: a draft only to its author, the verification only once published (staff: always). */
export async function proposalView(deps: ProposalsDeps, ctx: DbContext, municipalityId: string, id: string, userId: string | null, staff: boolean): Promise<ProposalView> {
  return deps.db.tx(ctx, async (sql) => {
    const proposal = await proposals.find(sql, municipalityId, id);
    const isAuthor = Boolean(userId && proposal?.author_id === userId);
    if (!proposal || (proposal.status === 'draft' && !isAuthor)) throw new AppError('not_found');
    const e = await editionFor(sql, municipalityId, proposal.edition_id, staff || isAuthor);
    const v = (await verifications.find(sql, municipalityId, id)) ?? null;
    const verification = v && (staff || v.status === 'published') ? v : null;
    const canAppeal = isAuthor && Boolean(v && v.verdict === 'negative' && v.appeal_text === null && v.appeal_until && new Date() < v.appeal_until);
    return {
      ...e,
      proposal,
      pool: e.pools.find((p) => p.id === proposal.pool_id)!,
      lines: await proposals.costLines(sql, municipalityId, id),
      verification,
      supported: userId ? await supports.has(sql, municipalityId, id, userId) : false,
      isAuthor,
      canAppeal,
      proposalsOpen: phaseOpen(e.phases, 'proposals'),
      supportOpen: supportOpen(e.phases),
    };
  });
}

async function openForProposals(sql: Sql, municipalityId: string, editionId: string, poolId: string | null) {
  const e = await editionFor(sql, municipalityId, editionId, false);
  if (!phaseOpen(e.phases, 'proposals')) throw new AppError('budget.proposals_closed');
  if (poolId !== null && !e.pools.some((p) => p.id === poolId)) throw validationError({ pool_id: { code: 'invalid' } });
  return e;
}

/** A resident's new draft, in the proposals period only. */
export async function createProposal(deps: ProposalsDeps, ctx: DbContext, municipalityId: string, userId: string, editionId: string, body: unknown, actor: AuditActor): Promise<string> {
  const input = parseProposal(body);
  return deps.db.tx(ctx, async (sql) => {
    await openForProposals(sql, municipalityId, editionId, input.pool_id);
    const id = await proposals.insert(sql, municipalityId, editionId, userId, input, costOf(input.lines));
    await proposals.setCostLines(sql, municipalityId, id, input.lines);
    await audit(sql, municipalityId, actor, { action: 'budget.proposal_created', subjectType: 'budget_proposal', subjectId: id });
    return id;
  });
}

async function ownDraft(sql: Sql, municipalityId: string, userId: string, id: string): Promise<ProposalRow> {
  const p = await proposals.find(sql, municipalityId, id, true);
  if (!p || p.author_id !== userId) throw new AppError('not_found');
  if (p.status !== 'draft') throw new AppError('budget.proposal_not_draft');
  return p;
}

/** The author's edit of the draft made on `version`; someone else's save in between is conflict.stale. */
export async function updateProposal(deps: ProposalsDeps, ctx: DbContext, municipalityId: string, userId: string, id: string, body: unknown, actor: AuditActor): Promise<void> {
  const version = parseVersion(body);
  const input = parseProposal(body);
  await deps.db.tx(ctx, async (sql) => {
    const p = await ownDraft(sql, municipalityId, userId, id);
    await openForProposals(sql, municipalityId, p.edition_id, input.pool_id);
    expectUpdated(await proposals.update(sql, municipalityId, id, input, costOf(input.lines), version));
    await proposals.setCostLines(sql, municipalityId, id, input.lines);
    await audit(sql, municipalityId, actor, { action: 'budget.proposal_updated', subjectType: 'budget_proposal', subjectId: id, details: { version: version + 1 } });
  });
}

/** Submits the draft as it was at `version`, before the proposals period's end (to the second, server clock). */
export async function submitProposal(deps: ProposalsDeps, ctx: DbContext, municipalityId: string, userId: string, id: string, body: unknown, actor: AuditActor): Promise<void> {
  const version = parseVersion(body);
  await deps.db.tx(ctx, async (sql) => {
    const p = await ownDraft(sql, municipalityId, userId, id);
    await openForProposals(sql, municipalityId, p.edition_id, null);
    expectUpdated(await proposals.setStatus(sql, municipalityId, id, ['draft'], 'submitted', version));
    await audit(sql, municipalityId, actor, { action: 'budget.proposal_submitted', subjectType: 'budget_proposal', subjectId: id });
  });
}

/** A resident's signature under a submitted proposal: once per person (the primary key decides), in the support period. */
export async function supportProposal(deps: ProposalsDeps, ctx: DbContext, municipalityId: string, userId: string, id: string, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const p = await proposals.find(sql, municipalityId, id);
    if (!p || p.status === 'draft') throw new AppError('not_found');
    const ph = await phases.of(sql, municipalityId, p.edition_id);
    if (!supportOpen(ph) || p.status !== 'submitted') throw new AppError('budget.support_closed');
    if (!(await supports.add(sql, municipalityId, id, userId))) throw new AppError('budget.already_supported');
    await audit(sql, municipalityId, actor, { action: 'budget.proposal_supported', subjectType: 'budget_proposal', subjectId: id });
  });
}

/** Staff may verify a submitted proposal, never their own (author ≠ verifier, whatever their roles). */
async function verifiable(sql: Sql, municipalityId: string, userId: string, id: string): Promise<ProposalRow> {
  const p = await proposals.find(sql, municipalityId, id, true);
  if (!p || p.status === 'draft') throw new AppError('not_found');
  if (p.author_id === userId) throw new AppError('budget.own_proposal');
  return p;
}

/** Saves the verification's checks (not yet public). A first save needs no version; later ones the one shown. */
export async function saveVerification(deps: ProposalsDeps, ctx: DbContext, municipalityId: string, userId: string, id: string, body: unknown, actor: AuditActor): Promise<void> {
  const checks = parseChecks(body);
  const raw = (body as Record<string, unknown> | null)?.version;
  await deps.db.tx(ctx, async (sql) => {
    const p = await verifiable(sql, municipalityId, userId, id);
    if (p.status !== 'submitted') throw new AppError('budget.verification_published');
    const existing = await verifications.find(sql, municipalityId, id);
    if (!existing) {
      if (raw !== undefined && raw !== '' && raw !== '0') throw new AppError('conflict.stale');
      await verifications.insert(sql, municipalityId, id, checks, userId);
    } else {
      if (existing.status === 'published') throw new AppError('budget.verification_published');
      expectUpdated(await verifications.update(sql, municipalityId, id, checks, userId, parseVersion(body)));
    }
    await audit(sql, municipalityId, actor, { action: 'budget.verification_saved', subjectType: 'budget_proposal', subjectId: id });
  });
}

/** Adds a passed proposal to the ballot as a project of its edition and pool, with its cost lines. */
async function putOnBallot(sql: Sql, municipalityId: string, p: ProposalRow, phaseList: readonly PhaseRow[], from: ProposalRow['status'][]): Promise<string> {
  if (ballotFrozen(phaseList)) throw new AppError('budget.ballot_frozen');
  const lines = await proposals.costLines(sql, municipalityId, p.id);
  const existing = await projects.ofEdition(sql, municipalityId, p.edition_id);
  const [projectId] = await projects.insertMany(sql, municipalityId, p.edition_id, p.pool_id, [
    { external_id: null, title: p.title, description: p.description, place: p.place, cost: p.cost, status: 'on_ballot', pabulib_fields: null, position: existing.length },
  ]);
  await projects.addCostLines(sql, municipalityId, projectId!, lines);
  expectUpdated(await proposals.setStatus(sql, municipalityId, p.id, from, 'on_ballot', null, projectId!));
  return projectId!;
}

/**
 * Publishes the verdict: every check done; positive puts the proposal on the ballot, negative opens the appeal
 * until the end of the edition's appeal days. Final for staff: a published verification is not edited again.
 */
export async function publishVerification(deps: ProposalsDeps, ctx: DbContext, municipalityId: string, userId: string, id: string, body: unknown, actor: AuditActor): Promise<'positive' | 'negative'> {
  const version = parseVersion(body);
  return deps.db.tx(ctx, async (sql) => {
    const p = await verifiable(sql, municipalityId, userId, id);
    const v = await verifications.find(sql, municipalityId, id);
    if (!v) throw new AppError('budget.verification_incomplete');
    if (v.status === 'published' || p.status !== 'submitted') throw new AppError('budget.verification_published');
    // The verifier of record is whoever saved the checks last: they too may not be the author (checked on save).
    const verdict = verdictOf(v);
    if (!verdict) throw new AppError('budget.verification_incomplete');
    const now = new Date();
    const ph = await phases.of(sql, municipalityId, p.edition_id);
    const appealUntil = verdict === 'negative' ? appealDeadline(now, await editionExtras.appealDays(sql, municipalityId, p.edition_id)) : null;
    expectUpdated(await verifications.publish(sql, municipalityId, id, verdict, now, appealUntil, version));
    if (verdict === 'positive') await putOnBallot(sql, municipalityId, p, ph, ['submitted']);
    else expectUpdated(await proposals.setStatus(sql, municipalityId, id, ['submitted'], 'rejected', null));
    await audit(sql, municipalityId, actor, { action: 'budget.verification_published', subjectType: 'budget_proposal', subjectId: id, details: { verdict } });
    return verdict;
  });
}

/** The author's appeal against a negative verdict, with its text, until the deadline (server clock). */
export async function appealVerdict(deps: ProposalsDeps, ctx: DbContext, municipalityId: string, userId: string, id: string, body: unknown, actor: AuditActor): Promise<void> {
  const version = parseVersion(body);
  const text = parseAppeal(body);
  await deps.db.tx(ctx, async (sql) => {
    const p = await proposals.find(sql, municipalityId, id, true);
    if (!p || p.author_id !== userId) throw new AppError('not_found');
    const v = await verifications.find(sql, municipalityId, id);
    if (!v || v.verdict !== 'negative' || p.status !== 'rejected' || v.appeal_text !== null) throw new AppError('budget.appeal_closed');
    if (!v.appeal_until || new Date() >= v.appeal_until) throw new AppError('budget.appeal_closed');
    expectUpdated(await verifications.appeal(sql, municipalityId, id, text, version));
    expectUpdated(await proposals.setStatus(sql, municipalityId, id, ['rejected'], 'appealed', null));
    await audit(sql, municipalityId, actor, { action: 'budget.appeal_filed', subjectType: 'budget_proposal', subjectId: id });
  });
}

/** The final decision on an appeal, with its reason, by staff other than the author and the verdict's verifier. */
export async function decideAppeal(deps: ProposalsDeps, ctx: DbContext, municipalityId: string, userId: string, id: string, body: unknown, actor: AuditActor): Promise<'upheld' | 'dismissed'> {
  const version = parseVersion(body);
  const d = parseAppealDecision(body);
  return deps.db.tx(ctx, async (sql) => {
    const p = await verifiable(sql, municipalityId, userId, id);
    const v = await verifications.find(sql, municipalityId, id);
    if (!v || p.status !== 'appealed' || v.appeal_decision !== null) throw new AppError('budget.appeal_not_pending');
    if (v.verified_by === userId) throw new AppError('budget.appeal_own_verdict');
    expectUpdated(await verifications.decideAppeal(sql, municipalityId, id, d.decision, d.appeal_reason, userId, version));
    if (d.decision === 'upheld') await putOnBallot(sql, municipalityId, p, await phases.of(sql, municipalityId, p.edition_id), ['appealed']);
    else expectUpdated(await proposals.setStatus(sql, municipalityId, id, ['appealed'], 'appeal_dismissed', null));
    await audit(sql, municipalityId, actor, { action: 'budget.appeal_decided', subjectType: 'budget_proposal', subjectId: id, details: { decision: d.decision } });
    return d.decision;
  });
}
