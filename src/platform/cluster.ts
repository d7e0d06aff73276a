import cluster, { type Worker } from 'node:cluster';
import { clusterMetricsOnPrimary } from './metrics';

/** WORKERS: how many server processes `npm start` runs (Node cluster; one port, connections spread among them). */
export function workerCount(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new Error(`WORKERS=${value}: podaj liczbę procesów od 1 do 256 (np. liczbę rdzeni).`);
  return n;
}

/** The embedded database belongs to one process: several workers would each open (and corrupt) the same folder. */
export function refuseWorkersOnPglite(workers: number, databaseUrl: string | undefined): void {
  if (workers > 1 && !databaseUrl) {
    throw new Error(
      [
        `Odmowa startu: WORKERS=${workers} wymaga serwera PostgreSQL (DATABASE_URL).`,
        'Wbudowaną bazę (PGlite w DATA_DIR) otwiera tylko jeden proces. Usuń WORKERS albo przenieś dane:',
        '`npm run cli -- move --to postgres://…`, a potem ustaw DATABASE_URL.',
      ].join('\n'),
    );
  }
}

/** Whether this process prints the start-up banner: a lone server, or the first worker of WORKERS=N (not the others, nor a replacement). */
export function printsBanner(): boolean {
  return !cluster.isWorker || cluster.worker?.id === 1;
}

const RESTART_DELAY_MS = 1000;
const STOP_LIMIT_MS = 20_000;

/**
 * The primary of `WORKERS=N`: it serves nothing and opens no database. The first worker starts alone
 * (it runs the migrations and the demo seed); the others follow once it listens. A worker that dies
 * is replaced after a second; SIGTERM/SIGINT stop every worker cleanly (each finishes its requests).
 * A scrape of /metrics reaching any worker is answered with every worker's series (the primary gathers them).
 */
export function runPrimary(workers: number, log: (line: string) => void): void {
  let stopping = false;
  let listening = 0;

  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.once('listening', () => {
      listening++;
      if (listening === 1) for (let i = 1; i < workers; i++) fork();
      if (listening === workers) log(`Procesów serwera: ${workers} (WORKERS).`);
    });
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      if (listening === 0) {
        log(`Pierwszy proces serwera nie wystartował (kod ${code ?? signal}); koniec.`);
        process.exit(1);
      }
      log(`Proces serwera ${worker.process.pid} zakończył się (kod ${code ?? signal}); uruchamiam nowy.`);
      setTimeout(() => !stopping && fork(), RESTART_DELAY_MS).unref();
    });
    return worker;
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    const force = setTimeout(() => process.exit(1), STOP_LIMIT_MS);
    let failed = false;
    void Promise.all(
      alive.map((w) => new Promise<void>((resolve) => {
        w.once('exit', (code) => {
          if (code !== 0) failed = true;
          resolve();
        });
        w.process.kill(signal === 'SIGINT' ? 'SIGTERM' : signal);
      })),
    ).then(() => {
      clearTimeout(force);
      process.exit(failed ? 1 : 0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  clusterMetricsOnPrimary();
  fork();
}
