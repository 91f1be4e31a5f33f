import { createMetrics } from '../../lib/metrics';
import { FakeOperatorService, request, startAdminApi } from './admin-api-fake-service';

describe('metrics', () => {
  it('serves the engine metrics and the process metrics at /metrics without a token', async () => {
    const metrics = createMetrics();
    metrics.recordSynced(
      { tenant: 'acme', entity: 'relation', direction: 'snelstart-to-tribe', outcome: 'created' },
      3,
    );
    metrics.recordFailed({ tenant: 'acme', entity: 'product' });
    metrics.apiCallFinished({ system: 'snelstart', method: 'get', status: 200 }, 0.12);
    metrics.apiCallFinished({ system: 'tribe', method: 'POST', status: 'network-error' }, 2);
    metrics.rateLimitHit('snelstart');
    metrics.syncCompleted('acme', Date.now() - 42_000);

    const api = await startAdminApi(new FakeOperatorService(), { metricsRegistry: metrics.registry });
    try {
      const res = await request(api, 'GET', '/metrics');
      expect(res.statusCode).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      const lines = res.body.split('\n');
      expect(lines).toEqual(
        expect.arrayContaining([
          'koppeling_records_synced_total{tenant="acme",entity="relation",direction="snelstart-to-tribe",outcome="created"} 3',
          'koppeling_record_failures_total{tenant="acme",entity="product"} 1',
          'koppeling_api_calls_total{system="snelstart",method="GET",status="200"} 1',
          'koppeling_api_calls_total{system="tribe",method="POST",status="network-error"} 1',
          'koppeling_api_call_duration_seconds_count{system="snelstart"} 1',
          'koppeling_rate_limited_total{system="snelstart"} 1',
        ]),
      );
      const lag = lines.find((line) => line.startsWith('koppeling_sync_lag_seconds{tenant="acme"}'));
      expect(Number(lag?.split(' ')[1])).toBeGreaterThanOrEqual(42);
      expect(Number(lag?.split(' ')[1])).toBeLessThan(60);
      expect(res.body).toContain('process_cpu_user_seconds_total');
    } finally {
      await api.close();
    }
  });

  it('reports the lag growing from the last completed cycle, as of each scrape', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    metrics.syncCompleted('acme', Date.now() - 3_600_000);
    metrics.syncCompleted('beta', Date.now() - 10_000);
    const text = await metrics.registry.metrics();
    const lag = (tenant: string) =>
      Number(text.match(new RegExp(`koppeling_sync_lag_seconds\\{tenant="${tenant}"\\} ([0-9.]+)`))?.[1]);
    expect(lag('acme')).toBeGreaterThanOrEqual(3600);
    expect(lag('beta')).toBeGreaterThanOrEqual(10);
    expect(lag('beta')).toBeLessThan(60);
  });

  it('keeps each registry separate', async () => {
    const one = createMetrics({ defaultMetrics: false });
    const two = createMetrics({ defaultMetrics: false });
    one.rateLimitHit('tribe');
    expect(await one.registry.metrics()).toContain('koppeling_rate_limited_total{system="tribe"} 1');
    expect(await two.registry.metrics()).not.toContain('koppeling_rate_limited_total{system="tribe"}');
  });

  it('forgets the lag of a tenant', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    metrics.syncCompleted('acme');
    expect(await metrics.registry.metrics()).toContain('koppeling_sync_lag_seconds{tenant="acme"}');
    metrics.forgetTenant('acme');
    expect(await metrics.registry.metrics()).not.toContain('tenant="acme"');
  });

  it('has no /metrics route without a registry', async () => {
    const api = await startAdminApi(new FakeOperatorService());
    try {
      expect((await request(api, 'GET', '/metrics')).statusCode).toBe(404);
    } finally {
      await api.close();
    }
  });
});
