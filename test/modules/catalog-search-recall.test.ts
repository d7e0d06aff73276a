import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { seedCatalogFixtures } from '../../src/modules/catalog';
import { makeMunicipality } from '../support/factories';
import { describeEachEngine } from '../support/harness';

interface RecallQuery {
  q: string;
  kind: string;
  expect: string[];
}

/** Misspelled and inflected queries with the services they must find (written before the search was tuned). */
const QUERIES = (JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/search-queries.json'), 'utf8')) as { queries: RecallQuery[] }).queries;

/**
 * The share of expected services found among the first five results, over the whole list. Measured
 * 0.724 (55 of 76) on both engines before the search forgave typos and inflection, 1.000 after (ADR 0026).
 */
const RECALL_AT_5_FLOOR = 1;

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const names = (html: string) => [...html.matchAll(/<li class="result"><h3><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => decode(m[1]!));

describeEachEngine('catalogue search: recall on misspelled and inflected queries', (h) => {
  test(`recall@5 over ${QUERIES.length} queries is at least ${RECALL_AT_5_FLOOR}`, async () => {
    assert.ok(QUERIES.length >= 50, 'at least 50 queries');
    const m = await makeMunicipality(h.db, 'Gmina Literówek');
    await h.db.tx({ municipalityId: m.id, userId: null }, (sql) => seedCatalogFixtures(sql, m.id));
    let found = 0;
    let expected = 0;
    const missed: string[] = [];
    for (const { q, expect } of QUERIES) {
      const res = await h.client().get(`/${m.slug}/services?q=${encodeURIComponent(q)}`);
      assert.equal(res.statusCode, 200, q);
      const top = names(res.body).slice(0, 5);
      for (const name of expect) {
        expected++;
        if (top.includes(name)) found++;
        else missed.push(`${q} → ${name} (top 5: ${top.join(' | ') || 'nothing'})`);
      }
    }
    const recall = found / expected;
    console.log(`[${h.engine}] recall@5 = ${recall.toFixed(3)} (${found}/${expected})\n  missed:\n  ${missed.join('\n  ')}`);
    assert.ok(recall >= RECALL_AT_5_FLOOR, `recall@5 ${recall.toFixed(3)} < ${RECALL_AT_5_FLOOR}; missed:\n${missed.join('\n')}`);
  });
});
