/**
 * `npm run probe [-- isolation hostile crash load resident-reads escalation instances] [--postgres URL] [--seed N] [--quick]`
 * Runs the probes (all by default) at full size and prints what each covered and found; exits 1 if
 * any failed. The small version of each runs in `npm test` (test/probe/).
 */
import { parseArgs } from 'node:util';
import { crashProbe } from './crash';
import { escalationProbe } from './escalation';
import { hostileInputProbe } from './hostile';
import { instancesProbe } from './instances';
import { isolationProbe } from './isolation';
import { loadProbe } from './load';
import { residentReadsProbe } from './resident-reads';
import type { Probe, ProbeReport } from './types';

const PROBES: Record<string, Probe> = { isolation: isolationProbe, hostile: hostileInputProbe, crash: crashProbe, load: loadProbe, 'resident-reads': residentReadsProbe, escalation: escalationProbe, instances: instancesProbe };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    postgres: { type: 'string' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    quick: { type: 'boolean', default: false },
  },
});
const unknown = positionals.filter((p) => !(p in PROBES));
const seed = Number(values.seed);
if (unknown.length || !Number.isInteger(seed)) {
  console.error(`Usage: npm run probe -- [${Object.keys(PROBES).join(' ')}] [--postgres postgres://…] [--seed N] [--quick]`);
  process.exit(2);
}

const reports: ProbeReport[] = [];
for (const name of positionals.length ? positionals : Object.keys(PROBES)) {
  const started = Date.now();
  console.log(`\n== ${name} (seed ${seed}, ${values.postgres ? 'PostgreSQL' : 'PGlite'}) ==`);
  const report = await PROBES[name]!({
    full: !values.quick,
    engine: values.postgres ? 'postgres' : 'pglite',
    databaseUrl: values.postgres,
    seed,
    log: (line) => console.log(`  ${line}`),
  });
  reports.push(report);
  console.log(`${report.ok ? 'PASSED' : 'FAILED'} ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const [k, v] of Object.entries(report.figures)) console.log(`  ${k}: ${v}`);
  for (const f of report.failures.slice(0, 50)) console.log(`  ✗ ${f}`);
  if (report.failures.length > 50) console.log(`  … and ${report.failures.length - 50} more`);
  if (!report.ok) console.log(`  replay: npm run probe -- ${name} --seed ${seed}${values.postgres ? ' --postgres …' : ''}${values.quick ? ' --quick' : ''}`);
}
process.exit(reports.every((r) => r.ok) ? 0 : 1);
