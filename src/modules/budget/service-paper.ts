import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import { voterKey } from './domain';
import { parseBallot } from './form';
import { projects } from './repository';
import { ballots, paperEntries, voters } from './repository-votes';
import type { BudgetDeps } from './routes-common';
import { ballotContext, type BallotContext } from './service-vote';

/**
 * Paper ballots (ADR 0030): one officer types a ballot with the voter's PESEL (kept only as the keyed hash),
 * a second officer checks it against the paper; only then is the voter recorded and the ballot counted, and
 * the entry forgets the key and the choices. A PESEL that has voted (online or on paper) or waits in another entry is refused.
 */

export async function paperDesk(deps: BudgetDeps, dbCtx: DbContext, municipalityId: string, editionId: string) {
  return deps.db.tx(dbCtx, async (sql) => {
    const ctx = await ballotContext(sql, municipalityId, editionId, null);
    return { ctx, pending: await paperEntries.pending(sql, municipalityId, editionId), projects: await projects.ofEdition(sql, municipalityId, editionId) };
  });
}

export async function enterPaperBallot(deps: BudgetDeps, dbCtx: DbContext, municipalityId: string, officerId: string, editionId: string, poolId: string, body: unknown, actor: AuditActor): Promise<void> {
  await deps.db.tx(dbCtx, async (sql) => {
    const ctx = (await ballotContext(sql, municipalityId, editionId, poolId)) as BallotContext;
    if (!ctx.open) throw new AppError('budget.voting_closed');
    const input = parseBallot(body, ctx.edition, ctx.projects, ctx.votingEndsOn);
    const key = voterKey(deps.voterKey, editionId, 'pesel', input.pesel);
    if (await voters.hasVoted(sql, municipalityId, editionId, ctx.pool.kind, key)) throw new AppError('budget.already_voted');
    if (await paperEntries.pendingWithKey(sql, municipalityId, editionId, key)) throw new AppError('budget.paper_duplicate');
    const id = await paperEntries.add(sql, municipalityId, editionId, poolId, key, { projects: input.vote.projects, points: input.vote.points ?? null }, officerId);
    await audit(sql, municipalityId, actor, { action: 'budget.paper_entered', subjectType: 'budget_paper_entry', subjectId: id });
  });
}

/** The second officer's check: 'counted', or 'duplicate' when the person has voted meanwhile (the entry is then rejected). */
export async function checkPaperBallot(deps: BudgetDeps, dbCtx: DbContext, municipalityId: string, officerId: string, editionId: string, entryId: string, accept: boolean, actor: AuditActor): Promise<'counted' | 'rejected' | 'duplicate'> {
  return deps.db.tx(dbCtx, async (sql) => {
    const entry = await paperEntries.claim(sql, municipalityId, entryId);
    if (!entry || entry.edition_id !== editionId) throw new AppError('not_found');
    if (entry.entered_by === officerId) throw new AppError('budget.four_eyes');
    const ctx = (await ballotContext(sql, municipalityId, editionId, entry.pool_id)) as BallotContext;
    let outcome: 'counted' | 'rejected' | 'duplicate' = 'rejected';
    if (accept) {
      if (!ctx.open) throw new AppError('budget.voting_closed');
      outcome = (await voters.record(sql, municipalityId, editionId, ctx.pool.kind, [entry.voter_key])) ? 'counted' : 'duplicate';
      if (outcome === 'counted') await ballots.add(sql, municipalityId, editionId, entry.pool_id, 'paper', { projects: entry.projects, points: entry.points });
    }
    await paperEntries.close(sql, municipalityId, entryId, outcome === 'counted' ? 'confirmed' : 'rejected', officerId);
    await audit(sql, municipalityId, actor, { action: `budget.paper_${outcome}`, subjectType: 'budget_paper_entry', subjectId: entryId });
    return outcome;
  });
}
