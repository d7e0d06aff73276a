import { performance } from 'node:perf_hooks';
import { backupDatabase, restoreDatabase } from '../src/platform/db/transfer';
import type { Database } from '../src/platform/db/types';

/**
 * What the crash probe sent and what the server answered, checked against what the database holds.
 * `acked`: the server acknowledged the save (303 to the record); `unknown`: the connection died
 * first (the save may or may not have happened); `refused`: any other answer.
 */
export type Outcome = 'acked' | 'unknown' | 'refused';

export interface CreateAttempt {
  name: string;
  outcome: Outcome;
  /** The id in the acknowledgement's Location. */
  id?: string;
}

export interface UpdateAttempt {
  serviceId: string;
  /** The new summary this save writes (unique per attempt). */
  summary: string;
  outcome: Outcome;
}

export interface StoredService {
  id: string;
  name: string;
  summary: string;
  version: number;
  /** catalog_history entries of this service, and how many distinct versions 1..version they cover. */
  history: number;
  history_versions: number;
  places: number;
}

export const PROBE_NAME_PREFIX = 'Próba trwałości';

/** Every service whose name starts with `prefix` (the probes' names), with its history and places. */
export async function readStoredServices(db: Database, prefix = PROBE_NAME_PREFIX): Promise<StoredService[]> {
  return db.ownerTx((sql) =>
    sql.query<StoredService>(
      `SELECT s.id, s.name, s.summary, s.version,
              (SELECT count(*) FROM catalog_history h WHERE h.municipality_id = s.municipality_id AND h.entity_type = 'service' AND h.entity_id = s.id)::int AS history,
              (SELECT count(DISTINCT h.version) FROM catalog_history h WHERE h.municipality_id = s.municipality_id AND h.entity_type = 'service'
                 AND h.entity_id = s.id AND h.version BETWEEN 1 AND s.version)::int AS history_versions,
              (SELECT count(*) FROM service_locations l WHERE l.municipality_id = s.municipality_id AND l.service_id = s.id)::int AS places
         FROM services s WHERE s.name LIKE $1`,
      [`${prefix}%`],
    ),
  );
}

/**
 * Every acknowledged write is there exactly once (and updates acknowledged later win), nothing is
 * there twice, nothing appears that was never sent, refused writes left nothing, and every stored
 * service is whole (its places and one history entry per version). Returns one line per failure.
 */
export function checkWrites(creates: CreateAttempt[], updates: UpdateAttempt[], stored: StoredService[]): string[] {
  const failures: string[] = [];
  const byName = new Map<string, StoredService[]>();
  for (const s of stored) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  const sent = new Map(creates.map((c) => [c.name, c]));

  for (const c of creates) {
    const rows = byName.get(c.name) ?? [];
    if (c.outcome === 'acked' && rows.length === 0) failures.push(`acknowledged service "${c.name}" (${c.id}) is missing`);
    if (c.outcome === 'acked' && rows.length === 1 && rows[0]!.id !== c.id) failures.push(`acknowledged service "${c.name}" has id ${rows[0]!.id}, not ${c.id}`);
    if (c.outcome === 'refused' && rows.length > 0) failures.push(`refused service "${c.name}" was stored`);
    if (rows.length > 1) failures.push(`service "${c.name}" (${c.outcome}) is stored ${rows.length} times`);
  }
  for (const [name, rows] of byName) if (!sent.has(name)) failures.push(`service "${name}" was never sent but is stored ${rows.length} time(s)`);

  for (const s of stored) {
    if (s.history !== s.version || s.history_versions !== s.version) {
      failures.push(`service "${s.name}" is at version ${s.version} with ${s.history} history entries covering ${s.history_versions} versions`);
    }
    if (s.places !== 1) failures.push(`service "${s.name}" has ${s.places} places, not 1`);
  }

  const byId = new Map(stored.map((s) => [s.id, s]));
  const updatesOf = new Map<string, UpdateAttempt[]>();
  for (const u of updates) updatesOf.set(u.serviceId, [...(updatesOf.get(u.serviceId) ?? []), u]);
  for (const [id, list] of updatesOf) {
    const row = byId.get(id);
    if (!row) continue; // the service itself is checked above
    const lastAcked = list.map((u) => u.outcome).lastIndexOf('acked');
    if (lastAcked >= 0) {
      // One editor per service, one save at a time: after the last acknowledged save only a save whose
      // answer never came may have landed.
      const allowed = [list[lastAcked]!, ...list.slice(lastAcked + 1).filter((u) => u.outcome === 'unknown')].map((u) => u.summary);
      if (!allowed.includes(row.summary)) failures.push(`service "${row.name}": acknowledged update "${list[lastAcked]!.summary}" is lost (stored: "${row.summary}")`);
      const acked = list.filter((u) => u.outcome === 'acked').length;
      if (row.version < 1 + acked) failures.push(`service "${row.name}" is at version ${row.version} after ${acked} acknowledged updates`);
    }
    const refused = list.filter((u) => u.outcome === 'refused').map((u) => u.summary);
    if (refused.includes(row.summary)) failures.push(`service "${row.name}" holds the refused update "${row.summary}"`);
  }
  return failures;
}

/** A backup taken during the probe, with the attempts as they stood: acknowledged before it began, or not. */
export interface BackupTaken {
  file: string;
  creates: CreateAttempt[];
  updates: UpdateAttempt[];
  rows: number;
  ms: number;
}

/**
 * Backs `db` up into `file` (while the server writes, on PostgreSQL). Saves acknowledged before the
 * backup began must be in it; a save answered later, or never, may or may not be (unknown).
 */
export async function takeBackup(db: Database, file: string, log: { creates: CreateAttempt[]; updates: UpdateAttempt[] }): Promise<BackupTaken> {
  const ackedBefore = new Set<object>([...log.creates, ...log.updates].filter((x) => x.outcome === 'acked'));
  const started = performance.now();
  const { rows } = await backupDatabase(db, file);
  const asAtStart = <T extends { outcome: Outcome }>(x: T): T => ({ ...x, outcome: ackedBefore.has(x) ? 'acked' : x.outcome === 'refused' ? 'refused' : 'unknown' });
  return { file, creates: log.creates.map(asAtStart), updates: log.updates.map(asAtStart), rows, ms: Math.round(performance.now() - started) };
}

/** Restores the backup into the empty `target` and checks every save acknowledged before it, as checkWrites does. */
export async function checkRestoredBackup(taken: BackupTaken, target: Database): Promise<{ failures: string[]; checked: number; ms: number }> {
  const started = performance.now();
  await restoreDatabase(taken.file, target);
  const ms = Math.round(performance.now() - started);
  const failures = checkWrites(taken.creates, taken.updates, await readStoredServices(target)).map((f) => `in the restored backup: ${f}`);
  return { failures, checked: [...taken.creates, ...taken.updates].filter((x) => x.outcome === 'acked').length, ms };
}
