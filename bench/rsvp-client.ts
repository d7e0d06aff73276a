/**
 * The RSVP load generator, a child process of bench/run.ts like login-client.ts: `connections` clients,
 * each with invitations of its own (`perConnection` consecutive answer-link tokens), answer again and
 * again in JSON (POST /api/:municipality/rsvp/:token — no session, no CSRF: the token is the
 * credential). Mostly a new invitation of the client's; about one answer in five changes an answer the
 * client gave earlier in the run (and every answer does once its invitations are used up). One client
 * answers one invitation at a time and no other client touches it, so "the last answer sent" is
 * well defined. Every request is waited for (also after the window closes) and logged per invitation, so
 * the runner can check the stored answers. Prints one JSON RsvpClientResult.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { LoadResult } from './load-client';
import { Random } from './random';
import { LOAD_START, latencySummary } from './stats';

export interface RsvpSpec {
  url: string;
  slug: string;
  /** Answer-link tokens; client c owns tokens[c * perConnection … (c + 1) * perConnection - 1]. */
  tokens: string[];
  perConnection: number;
  connections: number;
  duration: number;
  seed: number;
}

export type Answer = { response: 'yes' | 'no' | 'maybe'; people_count: number; accessibility_needs: string };

/** What happened to one invitation: 2xx answers, refusals, requests without an answer, and the last answer accepted (as the app stores it). */
export interface InvitationLog {
  index: number;
  accepted: number;
  refused: number;
  unknown: number;
  /** Accepted answers that changed an answer accepted earlier in this run. */
  changes: number;
  last: Answer | null;
}

export interface RsvpClientResult extends LoadResult {
  log: InvitationLog[];
  /** 2xx answers whose body did not repeat the answer sent. */
  bodyMismatches: number;
  /** Status codes of refused answers, counted (at most a few kinds). */
  statuses: Record<string, number>;
}

const RESPONSES = ['yes', 'no', 'maybe'] as const;
const NEEDS = ['', '', '', '', 'Podjazd dla wózka', 'Pętla indukcyjna', 'Tłumacz PJM — dwie osoby', 'Zgłoszę się z psem asystującym'];

/** A new answer, different from `previous` when given; 'no' carries no people and no needs (as the app stores it). */
function answerOf(r: Random, previous: Answer | null): Answer {
  const choices = RESPONSES.filter((x) => x !== previous?.response);
  const response = r.pick(choices);
  if (response === 'no') return { response, people_count: 0, accessibility_needs: '' };
  return { response, people_count: response === 'yes' ? r.int(1, 5) : r.int(0, 3), accessibility_needs: r.pick(NEEDS) };
}

const spec = JSON.parse(fs.readFileSync(0, 'utf8')) as RsvpSpec;
const logs = new Map<number, InvitationLog & { sent: Answer | null }>();
const times: number[] = [];
const statuses: Record<string, number> = {};
let [requests, errors, non2xx, unfinished, bodyMismatches] = [0, 0, 0, 0, 0];
const deadline = performance.now() + spec.duration * 1000;
process.stderr.write(`${LOAD_START}\n`);

async function client(c: number): Promise<void> {
  const r = new Random(spec.seed * 1000 + c);
  const own = Array.from({ length: spec.perConnection }, (_, k) => c * spec.perConnection + k);
  const answered: number[] = [];
  let fresh = 0;
  while (performance.now() < deadline) {
    if (fresh >= own.length && answered.length === 0) break; // every one of its invitations refused
    const again = fresh >= own.length || (answered.length > 0 && r.chance(0.2));
    const index = again ? r.pick(answered) : own[fresh++]!;
    const log = logs.get(index) ?? { index, accepted: 0, refused: 0, unknown: 0, changes: 0, last: null, sent: null };
    logs.set(index, log);
    const answer = answerOf(r, log.sent);
    log.sent = answer;
    // people_count as a string: the endpoint parses form fields (a JSON number is refused as missing).
    const body = JSON.stringify({ response: answer.response, people_count: String(answer.people_count), accessibility_needs: answer.accessibility_needs });
    const started = performance.now();
    try {
      const res = await fetch(`${spec.url}/api/${spec.slug}/rsvp/${spec.tokens[index]}`, {
        method: 'POST', body,
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-forwarded-for': `10.20.${(c >> 8) & 255}.${c & 255}` },
      });
      const text = await res.text();
      const late = performance.now() > deadline;
      if (late) unfinished++;
      else {
        requests++;
        times.push(performance.now() - started);
      }
      if (res.status >= 200 && res.status < 300) {
        if (log.last && log.last.response !== answer.response) log.changes++;
        log.accepted++;
        log.last = answer;
        if (!answered.includes(index)) answered.push(index);
        const echoed = JSON.parse(text) as Partial<Answer>;
        if (echoed.response !== answer.response || echoed.people_count !== answer.people_count || echoed.accessibility_needs !== answer.accessibility_needs) bodyMismatches++;
      } else {
        log.refused++;
        if (!late) non2xx++;
        const key = `${res.status} ${/"code":"([^"]+)"/.exec(text)?.[1] ?? ''}`.trim();
        if (Object.keys(statuses).length < 10 || key in statuses) statuses[key] = (statuses[key] ?? 0) + 1;
      }
    } catch {
      // No answer: the server may or may not have stored it.
      log.unknown++;
      errors++;
    }
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: spec.connections }, (_, c) => client(c)));
const elapsed = Math.min(performance.now(), deadline) - started;
const result: RsvpClientResult = {
  rps: requests / (elapsed / 1000), requests, unfinished, errors, timeouts: 0, non2xx, ...latencySummary(times),
  log: [...logs.values()].map(({ sent: _sent, ...l }) => l), bodyMismatches, statuses,
};
process.stdout.write(JSON.stringify(result));
