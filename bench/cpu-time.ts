import fs from 'node:fs';
import pg from 'pg';

/**
 * CPU time, not wall time: on a shared machine a request's latency grows with everyone's load, but the
 * CPU the app's process and the database's backends spend on it hardly does. Measured between two
 * readings: this process (the app, in-process; all its threads) and the PostgreSQL backends connected
 * to the benchmark's database (read from /proc, so PostgreSQL must run on this machine).
 */
export interface CpuReading {
  appMs: number;
  /** Backend pid → its CPU ms so far. */
  backends: Map<number, number>;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

function processCpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime
  } catch {
    return undefined; // gone, or not on this machine
  }
}

export async function openCpuMeter(url: string): Promise<{ read(): Promise<CpuReading>; close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  return {
    read: async () => {
      const { rows } = await client.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()", [database]);
      const backends = new Map<number, number>();
      for (const { pid } of rows) {
        const ms = processCpuMs(pid);
        if (ms !== undefined) backends.set(pid, ms);
      }
      const usage = process.cpuUsage();
      return { appMs: (usage.user + usage.system) / 1000, backends };
    },
    close: () => client.end(),
  };
}

/** CPU ms spent between two readings: the app's, and the database backends' (a backend new since `from` counts from 0). */
export function cpuBetween(from: CpuReading, to: CpuReading): { appMs: number; dbMs: number } {
  let dbMs = 0;
  for (const [pid, ms] of to.backends) dbMs += ms - (from.backends.get(pid) ?? 0);
  return { appMs: Math.round(to.appMs - from.appMs), dbMs: Math.round(dbMs) };
}
