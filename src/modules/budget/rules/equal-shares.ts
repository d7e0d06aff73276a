import type { BallotGroups } from './ballot-groups';

/**
 * The Method of Equal Shares for a fixed budget per voter (equalshares.net's reference algorithm, ADR 0029):
 * every voter gets an equal share of the money; a project is bought by its supporters, each paying the
 * same price per unit of utility ρ or all they have left; the project with the lowest ρ (the highest
 * effective vote count cost/ρ) is bought next, until no project's supporters can afford it.
 * Candidates are examined lazily: the effective vote count never rises, so once a candidate's previous
 * count is below the best found this round, no later one can win.
 */
export function equalSharesFixed(
  groups: BallotGroups, costs: Float64Array, perVoter: number, ties: (a: number, b: number) => number,
): number[] {
  const { weight, projStart, projGroup, projUtil } = groups;
  const m = costs.length;
  // voters who paid for the same projects at the same utilities hold the same money: a class each
  const classOf = new Uint32Array(groups.groups);
  const classMoney: number[] = [perVoter];
  const previous = new Float64Array(m);
  let remaining: number[] = [];
  for (let p = 0; p < m; p++) {
    let total = 0;
    for (let k = projStart[p]!; k < projStart[p + 1]!; k++) total += weight[projGroup[k]!]! * projUtil[k]!;
    if (costs[p]! > 0 && total > 0) {
      previous[p] = total;
      remaining.push(p);
    }
  }
  const winners: number[] = [];
  while (remaining.length > 0) {
    remaining.sort((a, b) => previous[b]! - previous[a]! || ties(a, b));
    let best = -1;
    let bestEffective = 0;
    let bestRho = Infinity;
    const dropped = new Set<number>();
    for (const p of remaining) {
      if (previous[p]! < bestEffective) break;
      const rho = priceOf(groups, classOf, classMoney, p, costs[p]!);
      if (rho === null) {
        dropped.add(p);
        continue;
      }
      const effective = costs[p]! / rho;
      previous[p] = effective;
      const tie = Math.abs(effective - bestEffective) <= 1e-12 * effective;
      if ((effective > bestEffective && !tie) || (tie && best >= 0 && ties(p, best) < 0)) {
        best = p;
        bestEffective = effective;
        bestRho = rho;
      }
    }
    if (dropped.size > 0) remaining = remaining.filter((p) => !dropped.has(p));
    if (best < 0) break;
    winners.push(best);
    remaining = remaining.filter((p) => p !== best);
    const moved = new Map<string, number>();
    for (let k = projStart[best]!; k < projStart[best + 1]!; k++) {
      const g = projGroup[k]!;
      const key = `${classOf[g]}:${projUtil[k]}`;
      let next = moved.get(key);
      if (next === undefined) {
        const money = classMoney[classOf[g]!]!;
        next = classMoney.length;
        classMoney.push(Math.max(0, money - Math.min(money, bestRho * projUtil[k]!)));
        moved.set(key, next);
      }
      classOf[g] = next;
    }
  }
  return winners;
}

/**
 * ρ: the price per unit of utility at which p's supporters buy it — each pays ρ·u or all they have left —
 * or null when all their money together is not enough. Supporters with the same money-to-utility ratio
 * are taken together (if one of them cannot pay ρ·u, none of them can).
 */
function priceOf(groups: BallotGroups, classOf: Uint32Array, classMoney: number[], p: number, cost: number): number | null {
  const { weight, projStart, projGroup, projUtil } = groups;
  const from = projStart[p]!;
  const to = projStart[p + 1]!;
  let behind = 0;
  let denominator = 0;
  let minRatio = Infinity;
  for (let k = from; k < to; k++) {
    const g = projGroup[k]!;
    const money = classMoney[classOf[g]!]!;
    behind += weight[g]! * money;
    denominator += weight[g]! * projUtil[k]!;
    const ratio = money / projUtil[k]!;
    if (ratio < minRatio) minRatio = ratio;
  }
  if (behind < cost * (1 - 1e-12)) return null;
  let rho = cost / denominator;
  if (rho <= minRatio) return rho;
  // some supporters cannot pay their share: they pay all they have, the rest share the remainder
  const byRatio = new Map<number, { money: number; utility: number }>();
  for (let k = from; k < to; k++) {
    const g = projGroup[k]!;
    const money = classMoney[classOf[g]!]!;
    const ratio = money / projUtil[k]!;
    const entry = byRatio.get(ratio);
    if (entry) {
      entry.money += weight[g]! * money;
      entry.utility += weight[g]! * projUtil[k]!;
    } else byRatio.set(ratio, { money: weight[g]! * money, utility: weight[g]! * projUtil[k]! });
  }
  let paid = 0;
  for (const ratio of [...byRatio.keys()].sort((a, b) => a - b)) {
    rho = (cost - paid) / denominator;
    if (rho <= ratio) break;
    const entry = byRatio.get(ratio)!;
    paid += entry.money;
    denominator -= entry.utility;
  }
  return rho;
}

/**
 * The add-one completion ("add1", as Wieliczka 2023 and Świecie 2023 ran it — verified on their pabulib
 * files): from the whole-unit share ⌊budget / voters⌋, every voter's share rises one unit at a time; the
 * outcome kept is the last one before the first that would cost more than the budget. (Stopping as soon
 * as an outcome is exhaustive, as equalshares.net's sample code does, gives Wieliczka another outcome than
 * the official one.)
 *
 * Speed (ADR 0029): instead of running every share one by one (Warsaw-size: ~300 runs), the share is
 * raised by 1, 2, 4, 8 … units until an outcome overshoots, and the first overshooting share is then found
 * by halving that last step. Exactly the one-by-one answer whenever the outcome's cost does not fall back
 * under the budget between two probed shares once above it; `stepwise` runs one unit at a time.
 */
export function equalSharesAddOne(
  groups: BallotGroups, costs: Float64Array, budget: number, ties: (a: number, b: number) => number, stepwise = false,
): number[] {
  const n = Math.max(groups.voters, 1);
  const spent = (chosen: number[]) => chosen.reduce((sum, p) => sum + costs[p]!, 0);
  let supported = 0;
  for (let p = 0; p < costs.length; p++) if (groups.projStart[p + 1]! > groups.projStart[p]! && costs[p]! > 0) supported++;
  const start = Math.floor(budget / n);
  let outcome = equalSharesFixed(groups, costs, budget / n, ties);
  // fits: the share `start + extra` stays within the budget (and buys less than everything, or we stop)
  let low = 0;
  let high = 0;
  let step = 1;
  while (outcome.length < supported) {
    const next = equalSharesFixed(groups, costs, start + low + step, ties);
    if (spent(next) > budget) {
      high = low + step;
      break;
    }
    low += step;
    outcome = next;
    if (!stepwise) step *= 2;
  }
  // the first overshooting share lies in (low, high]: halve the interval
  while (high - low > 1) {
    const middle = low + Math.floor((high - low) / 2);
    const next = equalSharesFixed(groups, costs, start + middle, ties);
    if (spent(next) > budget) high = middle;
    else {
      low = middle;
      outcome = next;
    }
  }
  return outcome;
}
