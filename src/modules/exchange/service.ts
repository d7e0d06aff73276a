import crypto from 'node:crypto';
import { audit, type AuditActor } from '../../platform/audit/audit';
import type { Database, DbContext, Sql } from '../../platform/db/types';
import { expectUpdated } from '../../platform/http/conflict';
import { AppError, validationError } from '../../platform/http/errors';
import { municipalities } from '../../platform/tenancy/repository';
import { DEFINITIONS, disclosed, INDICATORS, type Indicator, type Measured } from './indicators';
import { delegates, groups, invitations, members, plans, rounds, sharing, snapshots, type GroupRow, type MemberRow, type PlanRow, type RoundRow, type SnapshotRow } from './repository';

export interface ExchangeDeps {
  db: Database;
}
/** Who acts: the person and whether they may act for the municipality (exchange.manage). */
export interface Actor {
  userId: string;
  manager: boolean;
  audit: AuditActor;
}

/** The group, and the municipality's own member row: a municipality that is not a member cannot act on it. */
async function membership(sql: Sql, m: string, groupId: string, lock = false): Promise<{ group: GroupRow; me: MemberRow }> {
  const me = await members.own(sql, m, groupId, lock);
  if (!me) throw new AppError('exchange.not_member');
  const group = await groups.find(sql, groupId);
  if (!group) throw new AppError('exchange.not_member');
  return { group, me };
}

function requireManager(actor: Actor): void {
  if (!actor.manager) throw new AppError('auth.forbidden');
}

async function requireDelegate(sql: Sql, m: string, groupId: string, userId: string): Promise<void> {
  if (!(await delegates.is(sql, m, groupId, userId))) throw new AppError('exchange.not_delegate');
}

export async function home(deps: ExchangeDeps, ctx: DbContext, m: string) {
  return deps.db.tx(ctx, async (sql) => ({ groups: await groups.ofMember(sql, m), invited: await groups.invitedTo(sql, m) }));
}

/** A new group convened by the municipality, which is its first member. */
export async function createGroup(deps: ExchangeDeps, ctx: DbContext, m: string, input: { theme: string; cadence: string; named: 'named' | 'anonymised'; min_count: number; population: number }, actor: Actor): Promise<string> {
  requireManager(actor);
  return deps.db.tx(ctx, async (sql) => {
    const id = await groups.insert(sql, m, { theme: input.theme, cadence: input.cadence, named: input.named === 'named', min_count: input.min_count }, actor.userId);
    await members.insert(sql, m, { municipality_id: m, id }, input.population, actor.userId);
    await audit(sql, m, actor.audit, { action: 'exchange.group_created', subjectType: 'exchange_group', subjectId: id });
    return id;
  });
}

/** The group page: facts, members, the municipality's delegates and consent, rounds; an invited municipality sees the group to decide. */
export async function groupView(deps: ExchangeDeps, ctx: DbContext, m: string, groupId: string, userId: string) {
  return deps.db.tx(ctx, async (sql) => {
    const group = await groups.find(sql, groupId);
    if (!group) throw new AppError('not_found');
    const me = await members.own(sql, m, groupId);
    if (!me) {
      if (!(await invitations.exists(sql, group, m))) throw new AppError('not_found');
      return { group, me: undefined, invited: true, members: [], pending: [], delegates: [], candidates: [], shared: [] as string[], rounds: [], delegate: false };
    }
    return {
      group,
      me,
      invited: false,
      members: await members.ofGroup(sql, groupId),
      pending: group.municipality_id === m ? await invitations.pending(sql, m, groupId) : [],
      delegates: await delegates.ofGroup(sql, m, groupId),
      candidates: await delegates.candidates(sql, m),
      shared: await sharing.of(sql, m, groupId),
      rounds: await rounds.ofGroup(sql, groupId),
      delegate: await delegates.is(sql, m, groupId, userId),
    };
  });
}

export async function invite(deps: ExchangeDeps, ctx: DbContext, m: string, groupId: string, slug: string, actor: Actor): Promise<void> {
  requireManager(actor);
  await deps.db.tx(ctx, async (sql) => {
    const { group } = await membership(sql, m, groupId);
    if (group.municipality_id !== m) throw new AppError('exchange.not_convener');
    const target = await municipalities.bySlug(sql, slug.toLowerCase());
    if (!target) throw validationError({ slug: { code: 'exchange_unknown_municipality' } });
    if (target.id === m || (await members.ofGroup(sql, groupId)).some((x) => x.municipality_id === target.id)) throw validationError({ slug: { code: 'exchange_member_already' } });
    await invitations.insert(sql, m, groupId, target.id, actor.userId);
    await audit(sql, m, actor.audit, { action: 'exchange.invited', subjectType: 'exchange_group', subjectId: groupId, details: { municipality: target.slug } });
  });
}

/** The invited municipality's director or administrator joins: its own member row, with its population. */
export async function join(deps: ExchangeDeps, ctx: DbContext, m: string, groupId: string, population: number, actor: Actor): Promise<void> {
  requireManager(actor);
  await deps.db.tx(ctx, async (sql) => {
    if (await members.own(sql, m, groupId)) throw new AppError('exchange.already_member');
    const group = await groups.find(sql, groupId);
    if (!group || !(await invitations.exists(sql, group, m))) throw new AppError('exchange.not_invited');
    if (!(await members.insert(sql, m, group, population, actor.userId))) throw new AppError('exchange.already_member');
    await audit(sql, m, actor.audit, { action: 'exchange.joined', subjectType: 'exchange_group', subjectId: groupId });
  });
}

/** What the leaving page shows: the group, and whether the municipality is its convener (who cannot leave). */
export async function leaveView(deps: ExchangeDeps, ctx: DbContext, m: string, groupId: string) {
  return deps.db.tx(ctx, async (sql) => {
    const { group } = await membership(sql, m, groupId);
    return { group, convener: group.municipality_id === m };
  });
}

/**
 * The municipality leaves a group: its snapshots stop crossing at once (deleted with its consent and delegates),
 * the others' comparisons show the remaining members. The convener stays: it holds the rounds and invitations.
 */
export async function leave(deps: ExchangeDeps, ctx: DbContext, m: string, groupId: string, actor: Actor): Promise<void> {
  requireManager(actor);
  await deps.db.tx(ctx, async (sql) => {
    const { group } = await membership(sql, m, groupId, true);
    if (group.municipality_id === m) throw new AppError('exchange.convener_stays');
    await members.remove(sql, m, groupId);
    await audit(sql, m, actor.audit, { action: 'exchange.left', subjectType: 'exchange_group', subjectId: groupId });
  });
}

/** A delegate of the municipality: one of its own staff. */
export async function addDelegate(deps: ExchangeDeps, ctx: DbContext, m: string, groupId: string, userId: string, actor: Actor): Promise<void> {
  requireManager(actor);
  await deps.db.tx(ctx, async (sql) => {
    await membership(sql, m, groupId);
    if (!(await delegates.candidates(sql, m)).some((c) => c.id === userId)) throw validationError({ user_id: { code: 'exchange_delegate' } });
    await delegates.add(sql, m, groupId, userId, actor.userId);
    await audit(sql, m, actor.audit, { action: 'exchange.delegate_added', subjectType: 'exchange_group', subjectId: groupId, details: { user: userId } });
  });
}

export async function removeDelegate(deps: ExchangeDeps, ctx: DbContext, m: string, groupId: string, userId: string, actor: Actor): Promise<void> {
  requireManager(actor);
  await deps.db.tx(ctx, async (sql) => {
    await membership(sql, m, groupId);
    await delegates.remove(sql, m, groupId, userId);
    await audit(sql, m, actor.audit, { action: 'exchange.delegate_removed', subjectType: 'exchange_group', subjectId: groupId, details: { user: userId } });
  });
}

/** The member's consent: which indicators it shares with the group (version-checked); withdrawn ones stop crossing at once. */
export async function setSharing(deps: ExchangeDeps, ctx: DbContext, m: string, groupId: string, indicators: Indicator[], version: number, actor: Actor): Promise<void> {
  requireManager(actor);
  await deps.db.tx(ctx, async (sql) => {
    await membership(sql, m, groupId, true);
    expectUpdated(await members.bumpSharing(sql, m, groupId, version));
    await sharing.replace(sql, m, groupId, indicators, actor.userId);
    await audit(sql, m, actor.audit, { action: 'exchange.sharing_set', subjectType: 'exchange_group', subjectId: groupId, details: { indicators } });
  });
}

export async function openRound(deps: ExchangeDeps, ctx: DbContext, m: string, groupId: string, input: { label: string; period_from: string; period_to: string }, actor: Actor): Promise<string> {
  requireManager(actor);
  return deps.db.tx(ctx, async (sql) => {
    const { group } = await membership(sql, m, groupId);
    if (group.municipality_id !== m) throw new AppError('exchange.not_convener');
    const id = await rounds.insert(sql, m, groupId, input, actor.userId);
    await audit(sql, m, actor.audit, { action: 'exchange.round_opened', subjectType: 'exchange_round', subjectId: id });
    return id;
  });
}

async function roundOf(sql: Sql, m: string, roundId: string): Promise<{ round: RoundRow; group: GroupRow; me: MemberRow }> {
  const round = await rounds.find(sql, roundId);
  if (!round) throw new AppError('not_found');
  const { group, me } = await membership(sql, m, round.group_id);
  return { round, group, me };
}

/** Computes every indicator for the round from the municipality's own data (nothing written). */
async function measure(sql: Sql, m: string, round: RoundRow, population: number): Promise<Record<Indicator, Measured>> {
  const out = {} as Record<Indicator, Measured>;
  for (const key of INDICATORS) out[key] = await DEFINITIONS[key].compute(sql, m, { from: round.period_from, to: round.period_to }, population);
  return out;
}

/**
 * A delegate of the municipality computes the round's indicators from its own data and writes them as its own
 * snapshots: the shared ones cross to the group's delegates; a count under the group's minimum writes no value.
 */
export async function shareRound(deps: ExchangeDeps, ctx: DbContext, m: string, roundId: string, actor: Actor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const { round, group, me } = await roundOf(sql, m, roundId);
    await requireDelegate(sql, m, group.id, actor.userId);
    const shared = new Set(await sharing.of(sql, m, group.id));
    const measured = await measure(sql, m, round, me.population);
    for (const key of INDICATORS) {
      await snapshots.upsert(sql, m, round, { indicator: key, ...disclosed(measured[key], group.min_count), shared: shared.has(key) }, actor.userId);
    }
    await audit(sql, m, actor.audit, { action: 'exchange.round_shared', subjectType: 'exchange_round', subjectId: roundId, details: { shared: [...shared].sort() } });
  });
}

/**
 * The group's rule: named, or anonymised — then every other member is "A", "B", … in an order drawn from the
 * round (a hash), so neither the order of joining nor the alphabet tells who is who; the name never reaches the page.
 */
function anonymise(list: MemberRow[], group: GroupRow, m: string, roundId: string): (MemberRow & { letter?: string })[] {
  if (group.named) return list;
  const key = (id: string) => crypto.createHash('sha256').update(`${roundId}:${id}`).digest('hex');
  const others = list.filter((x) => x.municipality_id !== m).sort((a, b) => key(a.municipality_id).localeCompare(key(b.municipality_id)));
  return list.map((x) => {
    if (x.municipality_id === m) return x;
    const letter = String.fromCharCode(65 + others.findIndex((o) => o.municipality_id === x.municipality_id));
    return { ...x, name: '', slug: '', letter };
  });
}

export interface ComparisonCell {
  municipalityId: string;
  name: string;
  /** Anonymised groups: the member's letter instead of its name. */
  letter?: string;
  own: boolean;
  snapshot: SnapshotRow | undefined;
}

/** The comparison for a delegate: per indicator, the shared snapshots of the members (and the municipality's own, shared or not). */
export async function comparison(deps: ExchangeDeps, ctx: DbContext, m: string, roundId: string, userId: string) {
  return deps.db.tx(ctx, async (sql) => {
    const { round, group, me } = await roundOf(sql, m, roundId);
    await requireDelegate(sql, m, group.id, userId);
    const all = anonymise(await members.ofGroup(sql, group.id), group, m, roundId);
    // Only shared rows of others: the policy already holds it, the condition says it again.
    const rows = (await snapshots.ofRound(sql, roundId)).filter((s) => s.municipality_id === m || s.shared);
    const cells = Object.fromEntries(
      INDICATORS.map((key) => [
        key,
        all
          .map((x): ComparisonCell => ({ municipalityId: x.municipality_id, name: x.name, letter: x.letter, own: x.municipality_id === m, snapshot: rows.find((s) => s.municipality_id === x.municipality_id && s.indicator === key) }))
          .filter((c) => c.own || c.snapshot),
      ]),
    ) as Record<Indicator, ComparisonCell[]>;
    const shared = await sharing.of(sql, m, group.id);
    const preview = await measure(sql, m, round, me.population);
    // Improvement plans: the municipality's own, and the other members' shared ones (named as the group's rule says).
    const planRows = (await plans.ofRound(sql, roundId)).filter((p) => p.municipality_id === m || p.shared);
    const ownPlan = planRows.find((p) => p.municipality_id === m);
    const otherPlans = planRows
      .filter((p) => p.municipality_id !== m)
      .map((p): PlanRow & { name: string; letter?: string } => {
        const x = all.find((y) => y.municipality_id === p.municipality_id);
        return { ...p, name: x?.name ?? '', letter: x?.letter };
      });
    return { round, group, me, members: all, cells, shared, preview, ownPlan, otherPlans };
  });
}

/**
 * The municipality's improvement plan after a round (the bench-learning method): what it learned and from whom, its
 * goals and actions; shared with the group or kept. A delegate of the member writes it; a stale save is 409.
 */
export async function savePlan(
  deps: ExchangeDeps, ctx: DbContext, m: string, roundId: string, input: { learned: string; goals: string; actions: string; shared: boolean; version: number }, actor: Actor,
): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const { round, group } = await roundOf(sql, m, roundId);
    await requireDelegate(sql, m, group.id, actor.userId);
    expectUpdated(await plans.save(sql, m, round, input, input.version, actor.userId));
    await audit(sql, m, actor.audit, { action: 'exchange.plan_saved', subjectType: 'exchange_round', subjectId: roundId, details: { shared: input.shared } });
  });
}
