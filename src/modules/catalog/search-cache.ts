import type { CatalogueView } from './public-service';
import { LRUCache } from 'lru-cache';

/**
 * Answers of the public search, kept for a short while per municipality and question. Most people ask
 * the same few things ("opiekuńcze", "asystent rodziny"), and the catalogue changes a few times a day.
 *
 * A write to a municipality's catalogue through this process forgets that municipality's answers at
 * once (`invalidate`); a write through another process is told by a message on the database (ADR 0024)
 * and, should that message be lost, seen within `ttlMs`.
 */
export class SearchCache<V extends object> {
  private readonly entries: LRUCache<string, V>;
  /** Bumped by each invalidation: keys of an older generation are never asked for again. */
  private readonly generations = new Map<string, number>();
  private readonly pending = new Map<string, Promise<V>>();

  /** Told of every lookup while the cache is on: a kept answer (or one being computed) is a hit. */
  private readonly count: (outcome: 'hit' | 'miss') => void;

  constructor(opts: { ttlMs: number; maxEntries: number; count?: (outcome: 'hit' | 'miss') => void }) {
    this.count = opts.count ?? (() => undefined);
    this.entries = new LRUCache<string, V>({ max: opts.maxEntries, ttl: opts.ttlMs, ttlAutopurge: false });
  }

  get enabled(): boolean {
    return this.entries.ttl > 0;
  }

  /** Bumped when everything is forgotten (messages between instances may have been missed). */
  private epoch = 0;

  private key(municipalityId: string, question: string): string {
    return `${this.epoch}\u0000${municipalityId}\u0000${this.generations.get(municipalityId) ?? 0}\u0000${question}`;
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
    const running = hit ? undefined : this.pending.get(key);
    this.count(hit || running ? 'hit' : 'miss');
    if (hit) return hit;
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

  invalidateAll(): void {
    this.epoch++;
    this.entries.clear();
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
