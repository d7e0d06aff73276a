import fs from 'node:fs';
/**
 * The load generator, run as a child process of bench/run.ts so that it does not share the server's
 * event loop: `node --import tsx bench/load-client.ts '<json LoadSpec>'` prints one JSON LoadResult.
 */
import autocannon from 'autocannon';
import { LOAD_START, latencySummary, type LatencySummary } from './stats';

export interface LoadSpec {
  url: string;
  paths: string[];
  connections: number;
  /** Seconds. */
  duration: number;
  /** Instead of GETs of `paths`: these requests in turn (bench/request-cpu.ts: with a session cookie, a JSON body). */
  requests?: { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string }[];
}

export interface LoadResult extends LatencySummary {
  rps: number;
  requests: number;
  /** Sent but not answered when the run ended. */
  unfinished: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  const times: number[] = [];
  const errorKinds = new Set<string>();
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: spec.duration,
        timeout: 10,
        requests: spec.requests ?? spec.paths.map((path) => ({ method: 'GET', path })),
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
    instance.on('reqError', (err: Error) => {
      if (errorKinds.size < 5) errorKinds.add(err.message);
    });
  });
  if (errorKinds.size) process.stderr.write(`    errors: ${[...errorKinds].join('; ')}\n`);
  return {
    rps: r.requests.total / r.duration,
    requests: r.requests.total,
    unfinished: Math.max(0, r.requests.sent - r.requests.total - r.errors),
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    ...latencySummary(times),
  };
}

// The spec comes on standard input: thousands of paths do not fit in a command line.
const spec = JSON.parse(fs.readFileSync(0, 'utf8')) as LoadSpec;
// No warm-up here: the runner has already requested every path once, and a warm-up's unfinished slow
// requests would still be running on the server during the measured window.
process.stderr.write(`${LOAD_START}\n`);
process.stdout.write(JSON.stringify(await run(spec)));
