import crypto from 'node:crypto';
import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext, Sql } from '../../platform/db/types';
import { AppError, validationError } from '../../platform/http/errors';
import { warsawDay } from '../../platform/time';
import { votingOpen, votingPeriod, voterKey, type EditionRow, type PhaseRow, type PoolRow, type ProjectRow } from './domain';
import { parseBallot, type BallotInput } from './form';
import { editions, phases, pools, projects } from './repository';
import { ballots, voters } from './repository-votes';
import type { BudgetDeps } from './routes-common';

/** Voting online (ADR 0030): one ballot per person, edition and scope; nothing joins the person to the ballot. */

export interface BallotContext {
  edition: EditionRow;
  phases: PhaseRow[];
  pool: PoolRow;
  pools: PoolRow[];
  projects: ProjectRow[];
  open: boolean;
  votingEndsOn: string;
}

export async function ballotContext(sql: Sql, municipalityId: string, editionId: string, poolId: string | null): Promise<Omit<BallotContext, 'pool'> & { pool: PoolRow | undefined }> {
  const edition = await editions.find(sql, municipalityId, editionId);
  if (!edition || edition.status === 'draft') throw new AppError('not_found');
  const ph = await phases.of(sql, municipalityId, editionId);
  const all = await pools.of(sql, municipalityId, editionId);
  const pool = poolId ? all.find((p) => p.id === poolId) : undefined;
  if (poolId && !pool) throw new AppError('not_found');
  const list = pool ? (await projects.ofEdition(sql, municipalityId, editionId)).filter((p) => p.pool_id === pool.id && p.status === 'on_ballot') : [];
  const voting = votingPeriod(ph);
  return { edition, phases: ph, pool, pools: all, projects: list, open: votingOpen(ph), votingEndsOn: warsawDay(new Date((voting?.ends_at ?? new Date()).getTime() - 1)) };
}

export const changeHash = (code: string) => crypto.createHash('sha256').update(`budget-change\0${code}`).digest('hex');
const newChangeCode = () => crypto.randomBytes(10).toString('hex').toUpperCase().match(/.{5}/g)!.join('-');

export interface Receipt {
  pool: PoolRow;
  choices: { title: string; points: number | null }[];
  changeCode: string | null;
}

export function receiptOf(ctx: BallotContext, input: BallotInput, changeCode: string | null): Receipt {
  const byId = new Map(ctx.projects.map((p) => [p.id, p]));
  return {
    pool: ctx.pool,
    choices: input.vote.projects.map((id, i) => ({ title: byId.get(id)?.title ?? id, points: input.vote.points?.[i] ?? null })),
    changeCode,
  };
}

/** Checks the ballot for the confirmation page; nothing stored. */
export async function checkBallot(deps: BudgetDeps, dbCtx: DbContext, municipalityId: string, editionId: string, poolId: string, body: unknown) {
  return deps.db.tx(dbCtx, async (sql) => {
    const ctx = (await ballotContext(sql, municipalityId, editionId, poolId)) as BallotContext;
    if (!ctx.open) throw new AppError('budget.voting_closed');
    return { ctx, input: parseBallot(body, ctx.edition, ctx.projects, ctx.votingEndsOn) };
  });
}

/**
 * Casts a resident's confirmed ballot: the account's and the PESEL's keyed hashes are recorded as having voted in
 * the pool's scope (the primary key refuses a second vote, also one sent at the same moment), and the ballot is
 * stored without either. With the edition's change code, the ballot it names is withdrawn instead (ADR 0030).
 */
export async function castBallot(deps: BudgetDeps, dbCtx: DbContext, municipalityId: string, userId: string, editionId: string, poolId: string, body: unknown, actor: AuditActor): Promise<Receipt> {
  return deps.db.tx(dbCtx, async (sql) => {
    const ctx = (await ballotContext(sql, municipalityId, editionId, poolId)) as BallotContext;
    if (!ctx.open) throw new AppError('budget.voting_closed');
    const input = parseBallot(body, ctx.edition, ctx.projects, ctx.votingEndsOn);
    const keys = [voterKey(deps.voterKey, editionId, 'account', userId), voterKey(deps.voterKey, editionId, 'pesel', input.pesel)];
    let changing = false;
    if (ctx.edition.change_allowed && input.changeCode) {
      const withdrawn = await ballots.withdrawByChangeHash(sql, municipalityId, editionId, changeHash(input.changeCode));
      const samePool = withdrawn && ctx.pools.find((p) => p.id === withdrawn.poolId)?.kind === ctx.pool.kind;
      // The code proves the old ballot is this voter's; the voter keys must already be there (same person, same scope).
      if (!withdrawn || !samePool || !(await voters.hasVoted(sql, municipalityId, editionId, ctx.pool.kind, keys[0]!))) throw validationError({ change_code: { code: 'budget_change_code' } });
      changing = true;
    } else if (!(await voters.record(sql, municipalityId, editionId, ctx.pool.kind, keys))) {
      throw new AppError('budget.already_voted');
    }
    const code = ctx.edition.change_allowed ? newChangeCode() : null;
    await ballots.add(sql, municipalityId, editionId, poolId, 'online', { projects: input.vote.projects, points: input.vote.points ?? null }, code ? changeHash(code) : null);
    // That a vote was cast (or changed), in which edition and scope — never what it chose.
    await audit(sql, municipalityId, actor, { action: changing ? 'budget.vote_changed' : 'budget.vote_cast', subjectType: 'budget_edition', subjectId: editionId, details: { scope: ctx.pool.kind, channel: 'online' } });
    return receiptOf(ctx, input, code);
  });
}
