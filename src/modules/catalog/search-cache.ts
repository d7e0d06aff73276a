import type { CatalogueView } from './public-service';
import { LRUCache } from 'lru-cache';

/**
 * Answers of the public search, kept for a short while per municipality and question. Most people ask
 * the same few things ("opiekuńcze", "asystent rodziny"), and the catalogue changes a few times a day.
 *
 * A write to a municipality's catalogue through this process forgets that municipality's answers at
 * once (`invalidate`); a write through another process is seen within `ttlMs`.
 */
export class SearchCache<V extends object> {
  private readonly entries: LRUCache<string, V>;
  /** Bumped by each invalidation: keys of an older generation are never asked for again. */
  private readonly generations = new Map<string, number>();
  private readonly pending = new Map<string, Promise<V>>();

  constructor(opts: { ttlMs: number; maxEntries: number }) {
    this.entries = new LRUCache<string, V>({ max: opts.maxEntries, ttl: opts.ttlMs, ttlAutopurge: false });
  }

  get enabled(): boolean {
    return this.entries.ttl > 0;
  }

  private key(municipalityId: string, question: string): string {
    return `${municipalityId}\u0000${this.generations.get(municipalityId) ?? 0}\u0000${question}`;
  }

  /**
   * The cached answer, or `compute`'s (which is then kept). Asked again while it is being computed,
   * the same question waits for that one computation: when a popular answer expires under load, one
   * request recomputes it instead of every request at once.
   */
  async through(municipalityId: string, question: string, compute: () => Promise<V>): Promise<V> {
    if (!this.enabled) return compute();
    const key = this.key(municipalityId, question);
    const hit = this.entries.get(key);
    if (hit) return hit;
    const running = this.pending.get(key);
    if (running) return running;
    const computing = compute()
      // Kept under the generation it was asked in: an invalidation meanwhile makes it unreachable.
      .then((value) => (this.entries.set(key, value), value))
      .finally(() => this.pending.delete(key));
    this.pending.set(key, computing);
    return computing;
  }

  invalidate(municipalityId: string): void {
    this.generations.set(municipalityId, (this.generations.get(municipalityId) ?? 0) + 1);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The search's two caches: answers (for everyone), and whole pages (for anonymous visitors). */
export interface SearchCaches {
  searches: SearchCache<CatalogueView>;
  pages: SearchCache<{ html: string; status: number }>;
}
