/**
 * Bench of the participatory budget's winner rules (ADR 0029), pure code, no database:
 *  1. results (greedy with skip) for 400 000 approval votes over 100 projects — target ≤ 200 ms;
 *  2. the Method of Equal Shares with add-one completion for 100 000 voters × 100 projects (a Warsaw-size
 *     city-wide pool) — target ≤ 2 s.
 * Each is measured beside a reference in the same run — a plain loop summing the votes into a Map — so the
 * ratio says how the rule compares with the least any count must do on this machine at this moment.
 * Usage: npx tsx bench/budget-rules.ts [--runs 5]
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { computeOutcome, type Election, type ElectionVote } from '../src/modules/budget';
import { Random } from './random';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);

/** A city's election: popularity falls off like Zipf's law, voters of 8 districts lean to their district's projects. */
function makeElection(voters: number, projects: number, seed: number): Election {
  const random = new Random(seed);
  const list = Array.from({ length: projects }, (_, i) => ({ id: `P${i + 1}`, cost: random.int(20, 1500) * 1000, district: i % 8 }));
  const weight = list.map((_, i) => 1 / (i + 1) ** 0.8);
  const votes: ElectionVote[] = [];
  for (let v = 0; v < voters; v++) {
    const district = random.int(0, 7);
    const k = random.int(1, 5);
    const chosen = new Set<string>();
    while (chosen.size < k) {
      const i = random.int(0, projects - 1);
      const lean = list[i]!.district === district ? 4 : 1;
      if (random.next() < weight[i]! * lean / 4) chosen.add(list[i]!.id);
    }
    votes.push({ projects: [...chosen] });
  }
  const total = list.reduce((sum, p) => sum + p.cost, 0);
  return { budget: Math.round(total / 4), projects: list.map(({ id, cost }) => ({ id, cost })), votes, ballot: { kind: 'approval', maxProjects: 5 } };
}

function reference(election: Election): number {
  const count = new Map<string, number>();
  for (const vote of election.votes) for (const id of vote.projects) count.set(id, (count.get(id) ?? 0) + 1);
  return count.size;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(name: string, election: Election, work: () => unknown, target: number): void {
  const ref: number[] = [];
  const rule: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    reference(election);
    ref.push(performance.now() - t);
    t = performance.now();
    const c = process.cpuUsage();
    work();
    const used = process.cpuUsage(c);
    rule.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  const [refMs, ruleMs, cpuMs] = [median(ref), median(rule), median(cpu)];
  // on a shared machine the process's CPU time is what the work costs; the wall time adds the waiting
  process.stdout.write(`${name}: ${ruleMs.toFixed(1)} ms wall, ${cpuMs.toFixed(1)} ms CPU (median of ${runs}; `
    + `target ≤ ${target} ms${ruleMs <= target ? ', met' : cpuMs <= target ? ', met in CPU time' : ', NOT met'}); `
    + `reference loop ${refMs.toFixed(1)} ms; ratio ${(ruleMs / refMs).toFixed(1)}×\n`);
}

const results = makeElection(400_000, 100, 18);
measure('greedy results, 400 000 votes × 100 projects', results, () => computeOutcome(results, 'greedy'), 200);

const warsaw = makeElection(100_000, 100, 2026);
const outcome = computeOutcome(warsaw, 'equal-shares');
process.stdout.write(`equal shares: ${outcome.selected.length} projects, ${outcome.spent} of ${warsaw.budget} zł\n`);
measure('equal shares (add-one + top-up), 100 000 voters × 100 projects', warsaw, () => computeOutcome(warsaw, 'equal-shares'), 2000);
