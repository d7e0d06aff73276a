/** What every probe reports: whether it passed, the figures it measured, and each failure it found. */
export interface ProbeReport {
  name: string;
  ok: boolean;
  /** Coverage and measurements, e.g. { routes: 41, roles: 9, requests: 3200, seconds: 12.5 }. */
  figures: Record<string, number | string>;
  /** One line per failure found (empty when ok). */
  failures: string[];
}

export interface ProbeOptions {
  /** The full, on-demand run (`npm run probe`); false is the small version `npm test` runs. */
  full: boolean;
  /** Which database to run against: the embedded engine, or PostgreSQL at `databaseUrl`. */
  engine: 'pglite' | 'postgres';
  databaseUrl?: string;
  /** Seeds random choices, so that a failure can be replayed. */
  seed: number;
  /** Progress lines for a person watching (the full run prints them; tests pass a no-op). */
  log: (line: string) => void;
}

export type Probe = (opts: ProbeOptions) => Promise<ProbeReport>;
