import { audit, type AuditActor } from '../../platform/audit/audit';
import type { Database, DbContext } from '../../platform/db/types';
import { parseEdition } from './proposals-form';
import { editions, phases, pools } from './repository';
import { editionExtras } from './repository-proposals';

/**
 * A new edition made by staff (ADR 0034): its resolution's rules, the period of each phase, the pools with their
 * budgets and support thresholds. Published at once or kept as a draft that only staff see.
 */
export async function createEdition(db: Database, ctx: DbContext, municipalityId: string, body: unknown, actor: AuditActor): Promise<string> {
  const e = parseEdition(body);
  return db.tx(ctx, async (sql) => {
    const id = await editions.insert(sql, municipalityId, {
      name: e.name, year: e.year, status: e.publish ? 'published' : 'draft', source: 'app', ballot_kind: e.ballot_kind,
      max_projects: e.ballot_kind === 'choose-one' ? 1 : e.max_projects, min_projects: null, max_points: e.ballot_kind === 'cumulative' ? e.max_points : null,
      rank_points: null, rule: e.rule, tie_break: ['more-votes', 'lower-cost'], min_score: e.min_score, age_limit: e.age_limit, change_allowed: e.change_allowed,
      currency: 'PLN', pabulib_meta: null,
    });
    await editionExtras.setAppealDays(sql, municipalityId, id, e.appeal_days);
    for (const p of e.phases) await phases.set(sql, municipalityId, id, p.phase, p.starts_at, p.ends_at);
    for (const [position, p] of e.pools.entries()) {
      const poolId = await pools.insert(sql, municipalityId, id, { kind: p.kind, name: p.name, budget: p.budget, residents: p.residents, position });
      if (p.threshold !== null) await editionExtras.setThreshold(sql, municipalityId, poolId, p.threshold);
    }
    await audit(sql, municipalityId, actor, { action: 'budget.edition_created', subjectType: 'budget_edition', subjectId: id });
    return id;
  });
}
