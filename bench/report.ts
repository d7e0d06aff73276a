import fs from 'node:fs';
import path from 'node:path';
import type { CaseworkCheck } from './casework';
import type { QueueExplain } from './explain';
import type { RsvpCheck } from './rsvp';
import type { ScenarioResult } from './scenarios';
import type { StartupResult } from './startup';

/** The issue's targets for the search page (2 cores, 50 connections, 20 000 services). */
export const TARGETS = { searchP99Ms: 50, searchRps: 5000 };

export interface BenchReport {
  date: string;
  size: string;
  seed: number;
  engine: 'postgres' | 'pglite';
  services: number;
  connections: number;
  durationSeconds: number;
  poolSize: number;
  machine: { cpus: number; node: string; loadAverage: number[] };
  generation: { rows: number; seconds: number } | null;
  scenarios: ScenarioResult[];
  /** Each search page requested alone (no other load), before the measured runs: ms. */
  searchAlone: { path: string; ms: number }[];
  ratios: { toBare: Record<string, number>; searchPageToRawSql: number; loginToArgon2: number };
  /** The check after the RSVP scenario (none when it did not run). */
  rsvp?: RsvpCheck | null;
  /** The checks after the case list and queue position scenarios, and the queue position's plans. */
  casework?: { cases: CaseworkCheck; queue: CaseworkCheck; explain: QueueExplain } | null;
  startup: StartupResult | null;
}

const fmt = (v: number, digits = 1) => v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function ratios(scenarios: ScenarioResult[]): BenchReport['ratios'] {
  const bare = scenarios.find((s) => s.name === 'bare')?.rps ?? 0;
  // Both do the database work of a search (the raw SQL replays the six fixed searches uncached).
  const search = scenarios.find((s) => s.name === 'search-uncached')?.rps ?? 0;
  const raw = scenarios.find((s) => s.name === 'raw-sql')?.rps ?? 0;
  const login = scenarios.find((s) => s.name === 'login')?.rps ?? 0;
  const argon2 = scenarios.find((s) => s.name === 'argon2id')?.rps ?? 0;
  const r3 = (v: number) => Math.round(v * 1000) / 1000;
  return {
    toBare: Object.fromEntries(scenarios.map((s) => [s.name, bare ? r3(s.rps / bare) : 0])),
    searchPageToRawSql: raw ? r3(search / raw) : 0,
    loginToArgon2: argon2 ? r3(login / argon2) : 0,
  };
}

export function markdown(r: BenchReport): string {
  const lines = [
    `Run ${r.date}: ${r.engine === 'postgres' ? 'PostgreSQL' : 'PGlite'}, size \`${r.size}\` (${r.services.toLocaleString('en-US')} services, seed ${r.seed}), ` +
      `${r.connections} connections, ${r.durationSeconds} s per scenario, pool ${r.poolSize}; ${r.machine.cpus} CPUs, Node ${r.machine.node}, ` +
      `load average at start ${r.machine.loadAverage.map((l) => l.toFixed(2)).join(' / ')}.`,
    '',
    '| Scenario | What | req/s | × bare | p50 ms | p95 ms | p99 ms | done | unfinished | errors | non-2xx | RSS peak MiB |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...r.scenarios.map((s) => {
      const ms = (v: number) => (s.requests ? fmt(v, 2) : '—');
      return `| ${s.name} | ${s.description} | ${fmt(s.rps, 1)} | ${fmt(r.ratios.toBare[s.name] ?? 0, 4)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ` +
        `${s.requests} | ${s.unfinished} | ${s.errors} | ${s.non2xx} | ${fmt(s.rssPeakMb)} |`;
    }),
    '',
    '"done": answered within the window (latencies are of these); "unfinished": still waiting when it closed. RSS is the whole benchmark process (app, reference server, pool).',
    '',
    `Uncached search page ÷ raw SQL: **${fmt(r.ratios.searchPageToRawSql, 3)}** (1.0 would mean HTTP, request context and rendering cost nothing next to the database work).`,
    '',
    `Login ÷ argon2id verification alone: **${fmt(r.ratios.loginToArgon2, 3)}** (a login is one password verification plus a session written; 1.0 would mean the rest costs nothing).`,
  ];
  if (r.rsvp) lines.push('', rsvpLine(r.rsvp, r.scenarios.find((s) => s.name === 'rsvp'), r.ratios.toBare.rsvp ?? 0));
  if (r.casework) lines.push('', ...caseworkLines(r.casework, r.scenarios, r.ratios.toBare));
  for (const search of r.scenarios.filter((s) => s.name === 'search' || s.name === 'search-uncached')) {
    // Requests still open when the window closed are one per connection at most; when they are more than
    // 1 % of those answered, the answered ones do not tell the latency (slow pages never finished).
    const p99 = search.requests > 0 && search.unfinished <= search.requests / 100 && search.p99 <= TARGETS.searchP99Ms ? 'met' : 'not met';
    const rps = search.rps >= TARGETS.searchRps ? 'met' : 'not met';
    const measured = search.requests ? `${fmt(search.p99, 2)} ms` : `no page answered within the ${r.durationSeconds} s window`;
    lines.push('', `Targets for the search page (${search.name}): p99 under ${TARGETS.searchP99Ms} ms — ${measured}, **${p99}**; ` +
      `at least ${TARGETS.searchRps.toLocaleString('en-US')} pages/s — ${fmt(search.rps, 1)}, **${rps}**.`);
  }
  if (r.searchAlone.length) {
    lines.push('', 'Each search page alone, answered without the search cache (its first request, no other load; the server warmed up on other pages):', '',
      ...r.searchAlone.map((a) => `- \`${a.path}\`: ${fmt(a.ms, 0)} ms`));
  }
  if (r.generation) lines.push('', `Data generated in this run: ${r.generation.rows.toLocaleString('en-US')} rows in ${fmt(r.generation.seconds)} s.`);
  if (r.startup) {
    const s = r.startup;
    const cpu = (ms: number | null) => (ms === null ? '—' : `${fmt(ms / 1000, 2)} s`);
    const x = (ms: number) => `${fmt(ms / 1000, 2)} s (${fmt(ms / s.referenceMs, 1)} × \`node -e ''\`)`;
    lines.push('', `Start of the built release (\`node dist/main.js\`) until /readyz is 200, against \`node -e ''\` in the same run (${fmt(s.referenceMs, 0)} ms): ` +
      `PGlite cold (fresh DATA_DIR: initdb, migrations, demo seed) **${x(s.coldMs)}** (goal ≤ 8 s), warm **${x(s.warmMs)}** (goal ≤ 1.5 s); ` +
      `warm from source through tsx ${x(s.sourceWarmMs)}` +
      (s.postgres ? `; PostgreSQL cold (empty database) ${x(s.postgres.coldMs)}, warm **${x(s.postgres.warmMs)}** (goal ≤ 1 s)` : '') +
      `; DATA_DIR after the demo seed: ${fmt(s.dataDirMb)} MiB. CPU time of the server process when ready (independent of the machine's load): ` +
      `PGlite cold ${cpu(s.cpuMs.cold)}, warm ${cpu(s.cpuMs.warm)}, warm from source ${cpu(s.cpuMs.sourceWarm)}, PostgreSQL warm ${cpu(s.cpuMs.postgresWarm)}.`);
  }
  return lines.join('\n') + '\n';
}

const int = (v: number) => v.toLocaleString('en-US');

/** The RSVP scenario in one paragraph: its figures next to the bare route, and whether every answer was stored once. */
export function rsvpLine(c: RsvpCheck, s: ScenarioResult | undefined, toBare: number): string {
  const figures = s ? `${fmt(s.rps, 1)} submissions/s, p99 ${fmt(s.p99, 2)} ms (${fmt(toBare, 4)} × bare)` : 'no figures';
  const refused = Object.entries(c.statuses).map(([k, n]) => `${k}: ${int(n)}`).join(', ');
  const verdict = c.passed ? '**passed**' : `**FAILED** — ${c.failures.join('; ')}`;
  return `RSVP (${c.clients} clients, ${int(c.invitations)} invitations of meetings ahead, each client its own): ${figures}. ` +
    `Check after the run: ${int(c.sent)} answers sent to ${int(c.answered)} invitations, ${int(c.accepted)} accepted (${int(c.changes)} changing an earlier answer), ` +
    `${int(c.refused)} refused${refused ? ` (${refused})` : ''}, ${int(c.unknown)} without a reply; ` +
    `stored answer = last accepted answer for ${int(c.lastAnswerOk)}/${int(c.checked)} invitations, answer counter = accepted answers for ${int(c.counterOk)}/${int(c.checked)} ` +
    `(lost ${int(c.lost)}, duplicated ${int(c.duplicated)}), untouched invitations changed: ${int(c.untouchedChanged)}, ` +
    `rows ${int(c.rowsBefore)} → ${int(c.rowsAfter)}, (meeting, organisation) pairs with two rows: ${int(c.duplicateRows)}, audit entries added: ${int(c.auditAdded)} — ${verdict}.`;
}

const verdict = (c: CaseworkCheck) => (c.passed ? '**passed**' : `**FAILED** — ${c.failures.join('; ')}`);
const figures = (s: ScenarioResult | undefined, toBare: number) => (s ? `${fmt(s.rps, 1)} req/s, p50 ${fmt(s.p50, 2)} ms, p99 ${fmt(s.p99, 2)} ms (${fmt(toBare, 4)} × bare)` : 'no figures');

/** The case list and queue position scenarios: figures next to the bare route, what the checks found, how a place is read. */
export function caseworkLines(w: NonNullable<BenchReport['casework']>, scenarios: ScenarioResult[], toBare: Record<string, number>): string[] {
  const { cases, queue, explain } = w;
  return [
    `Case list (${int(cases.logins)} of ${int(cases.accounts)} coordinators logged in with password and TOTP in ${fmt(cases.loginSeconds)} s): ` +
      `${figures(scenarios.find((s) => s.name === 'cases'), toBare.cases ?? 0)}. Check: ${int(cases.returned)} cases returned, ${int(cases.foreign)} of another coordinator, ` +
      `${int(cases.notOpen)} not open; first pages equal to the database's newest 50 open cases: ${int(cases.firstPagesEqual)}/${int(cases.firstPages)} — ${verdict(cases)}.`,
    '',
    `Queue position (${int(queue.logins)} of ${int(queue.accounts)} residents with a waiting application logged in in ${fmt(queue.loginSeconds)} s): ` +
      `${figures(scenarios.find((s) => s.name === 'queue'), toBare.queue ?? 0)}. Check: ${int(queue.residents)} residents' lists, ${int(queue.places)} places, ` +
      `${int(queue.mismatches)} differing from the database — ${verdict(queue)}.`,
    '',
    `The place is read from the row, not counted: one GET /api/:m/applications/mine of the resident at place ${int(explain.position)} of the longest queue ` +
      `(${int(explain.queueLength)} places, "${explain.service}") read ${int(explain.applicationsRows)} rows of \`applications\` in ${explain.statements.length} statements ` +
      `(EXPLAIN ANALYZE in the JSON results).`,
  ];
}

/** bench/results/<date>-<size>-<engine>.json and bench/results/latest.md; returns the Markdown. */
export function writeResults(r: BenchReport): { json: string; md: string; text: string } {
  const dir = path.resolve(import.meta.dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, `${r.date.slice(0, 10)}-${r.size}-${r.engine}.json`);
  const md = path.join(dir, 'latest.md');
  const text = markdown(r);
  for (const [file, content] of [[json, JSON.stringify(r, null, 2) + '\n'], [md, `# Latest benchmark\n\n${text}`]] as const) {
    fs.writeFileSync(`${file}.tmp`, content);
    fs.renameSync(`${file}.tmp`, file);
  }
  return { json, md, text };
}
