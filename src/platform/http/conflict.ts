import { AppError } from './errors';

/**
 * Optimistic concurrency, the read side: the form was filled in on `version`; if the saved row has
 * moved on since (or the form named none), someone else's save came in between — conflict.stale (409).
 */
export function assertVersion(saved: { version: number }, version: number | null | undefined): asserts version is number {
  if (saved.version !== version) throw new AppError('conflict.stale');
}

/**
 * Optimistic concurrency, the write side: an `UPDATE … WHERE version = $n` that touched no row lost
 * a race after the read — conflict.stale as well.
 */
export function expectUpdated(updated: boolean | number | null | undefined): void {
  if (!updated) throw new AppError('conflict.stale');
}
