import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SearchCache } from './search-cache';

const M = '00000000-0000-4000-8000-000000000001';

test('the same question asked while it is being computed waits for that one computation', async () => {
  const cache = new SearchCache<{ n: number }>({ ttlMs: 60_000, maxEntries: 10 });
  let computed = 0;
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const compute = async () => {
    computed++;
    await gate;
    return { n: computed };
  };
  const answers = Promise.all(Array.from({ length: 50 }, () => cache.through(M, 'q=pomoc', compute)));
  release();
  assert.deepEqual(new Set((await answers).map((a) => a.n)), new Set([1]));
  assert.equal(computed, 1);
  assert.equal((await cache.through(M, 'q=pomoc', compute)).n, 1, 'then answered from the cache');
  assert.equal(computed, 1);
});

test('an invalidation forgets the municipality, also an answer still being computed', async () => {
  const cache = new SearchCache<{ v: string }>({ ttlMs: 60_000, maxEntries: 10 });
  const other = '00000000-0000-4000-8000-000000000002';
  await cache.through(M, 'q', async () => ({ v: 'old' }));
  await cache.through(other, 'q', async () => ({ v: 'other' }));
  let release!: () => void;
  const slow = cache.through(M, 'q2', () => new Promise((r) => (release = () => r({ v: 'computed before the change' }))));
  cache.invalidate(M);
  release();
  await slow;
  assert.equal((await cache.through(M, 'q', async () => ({ v: 'new' }))).v, 'new');
  assert.equal((await cache.through(M, 'q2', async () => ({ v: 'fresh' }))).v, 'fresh');
  assert.equal((await cache.through(other, 'q', async () => ({ v: 'recomputed' }))).v, 'other', 'another municipality keeps its answers');
});

test('with a time to live of 0 nothing is kept', async () => {
  const cache = new SearchCache<{ n: number }>({ ttlMs: 0, maxEntries: 10 });
  let n = 0;
  await cache.through(M, 'q', async () => ({ n: ++n }));
  assert.equal((await cache.through(M, 'q', async () => ({ n: ++n }))).n, 2);
});

test('forgetting everything (messages between instances may have been missed) forgets every municipality, also an answer being computed', async () => {
  const cache = new SearchCache<{ v: string }>({ ttlMs: 60_000, maxEntries: 10 });
  const other = '00000000-0000-4000-8000-000000000002';
  await cache.through(M, 'q', async () => ({ v: 'old' }));
  await cache.through(other, 'q', async () => ({ v: 'old' }));
  let release!: () => void;
  const slow = cache.through(M, 'q2', () => new Promise((r) => (release = () => r({ v: 'computed before' }))));
  cache.invalidateAll();
  release();
  await slow;
  assert.equal((await cache.through(M, 'q', async () => ({ v: 'new' }))).v, 'new');
  assert.equal((await cache.through(other, 'q', async () => ({ v: 'new' }))).v, 'new');
  assert.equal((await cache.through(M, 'q2', async () => ({ v: 'fresh' }))).v, 'fresh');
});
