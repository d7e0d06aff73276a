import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../support/harness';
import { makeMunicipality } from '../support/factories';

const TOKEN = 'metryki-token-testowy-0123456789';

describeEachEngine('GET /metrics with METRICS_TOKEN', (h) => {
  test('refuses a request without the bearer token or with another one', async () => {
    const none = await h.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(none.statusCode, 401);
    assert.equal(none.json().error.code, 'auth.required');
    const wrong = await h.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}x` } });
    assert.equal(wrong.statusCode, 401);
  });

  test('request durations by route pattern, job queues, mail failures and the search cache', async () => {
    const m = await makeMunicipality(h.db);
    for (let i = 0; i < 2; i++) assert.equal((await h.app.inject({ method: 'GET', url: `/${m.slug}/services?q=opieka` })).statusCode, 200);
    assert.equal((await h.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
    const res = await h.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/plain/);
    const body = res.body;
    assert.match(body, /wspolnota_http_request_duration_seconds_count\{method="GET",route="\/:municipality\/services",status="2xx"\} 2/);
    assert.doesNotMatch(body, new RegExp(`route="/${m.slug}`), 'the route pattern, never the URL');
    assert.match(body, /wspolnota_search_cache_lookups_total\{cache="pages",outcome="miss"\} 1/);
    assert.match(body, /wspolnota_search_cache_lookups_total\{cache="pages",outcome="hit"\} 1/);
    assert.match(body, /# TYPE wspolnota_jobs_pending gauge/);
    assert.match(body, /# TYPE wspolnota_jobs_oldest_due_seconds gauge/);
    assert.match(body, /# TYPE wspolnota_mail_failures_total counter/);
    if (h.engine === 'postgres') assert.match(body, /wspolnota_db_pool_connections\{state="max"\} \d+/);
    else assert.doesNotMatch(body, /wspolnota_db_pool_connections/);
  });
}, { env: { METRICS_TOKEN: TOKEN } });

describeEachEngine('GET /metrics without METRICS_TOKEN', (h) => {
  test('is not there at all', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.statusCode, 404);
  });
});
