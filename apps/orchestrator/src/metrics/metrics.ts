import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { cacheStats, type CacheStore, type QueueInspection } from '@mcp-crew/core';
import type { IntakeMetrics, TurnMetrics } from '@mcp-crew/pipeline';
import type { EndpointEvent } from '@mcp-crew/reliability';
import { LatencyMetrics } from './latency-metrics.js';

/** The app's Prometheus metrics. One registry per runtime so tests and several apps in a process don't collide. */
export class Metrics implements IntakeMetrics, TurnMetrics {
  readonly registry = new Registry();
  private readonly deliveries = new Counter({
    name: 'mcp_crew_webhook_deliveries_total',
    help: 'Chatwoot webhook deliveries by tenant, outcome (queued, duplicate, ignored, rejected, failed) and reason.',
    labelNames: ['tenant', 'outcome', 'reason'],
    registers: [this.registry],
  });
  private readonly turns = new Counter({
    name: 'mcp_crew_turns_total',
    help: 'Turns handled by tenant, crew, specialist and outcome (answered, handoff, failed).',
    labelNames: ['tenant', 'crew', 'specialist', 'outcome'],
    registers: [this.registry],
  });

  private readonly endpointEvents = new Counter({
    name: 'mcp_crew_model_endpoint_breaker_events_total',
    help: "Model endpoints' shared circuit breakers by endpoint (URL, model, key fingerprint) and event (opened, half_open, closed, refused: a call failed over at once).",
    labelNames: ['endpoint', 'event'],
    registers: [this.registry],
  });
  private readonly endpointOpen = new Gauge({
    name: 'mcp_crew_model_endpoint_open',
    help: "1 while a model endpoint's shared circuit breaker refuses calls (its tenants get the offline engine), else 0.",
    labelNames: ['endpoint'],
    registers: [this.registry],
  });

  /** Per-tenant histograms and counters of a turn's parts (turn, first reply, model, tools, Odoo, handoffs). */
  readonly latency = new LatencyMetrics(this.registry);

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** Exposes the queue's own counters (enqueued, duplicates, turns, retries, exhausted) at scrape time. */
  watchQueue(queue: QueueInspection): void {
    new Gauge({
      name: 'mcp_crew_queue_events',
      help: 'Queue counters since this process started, by event.',
      labelNames: ['event'],
      registers: [this.registry],
      collect() {
        for (const [event, value] of Object.entries(queue.stats()))
          if (typeof value === 'number') this.set({ event }, value);
      },
    });
    new Gauge({
      name: 'mcp_crew_queue_ready_turns',
      help: 'Turns waiting for a worker, by tenant (the queue depth to watch: read from the shared queue at scrape time).',
      labelNames: ['tenant'],
      registers: [this.registry],
      async collect() {
        this.reset(); // a tenant whose backlog drained drops out instead of keeping its last depth
        // A Redis that does not answer leaves the gauge empty rather than failing the whole scrape.
        const ready = await Promise.resolve()
          .then(() => queue.readyTurns())
          .catch(() => ({}));
        for (const [tenant, turns] of Object.entries(ready)) this.set({ tenant }, turns);
      },
    });
  }

  /** Cache hits and misses per tenant and kind, read from the cache's own counters at scrape time. */
  watchCache(store: CacheStore): void {
    new Gauge({
      name: 'mcp_crew_cache_lookups',
      help: 'Tenant cache lookups since this process started, by tenant, kind and result (hit, miss, load_error, store_error).',
      labelNames: ['tenant', 'kind', 'result'],
      registers: [this.registry],
      collect() {
        for (const row of cacheStats(store)) {
          this.set({ tenant: row.tenant, kind: row.kind, result: 'hit' }, row.hits);
          this.set({ tenant: row.tenant, kind: row.kind, result: 'miss' }, row.misses);
          this.set({ tenant: row.tenant, kind: row.kind, result: 'load_error' }, row.loadErrors);
          this.set({ tenant: row.tenant, kind: row.kind, result: 'store_error' }, row.storeErrors);
        }
      },
    });
  }

  outcome(tenant: string, outcome: string, reason: string): void {
    this.deliveries.inc({ tenant, outcome, reason });
  }

  turn(tenant: string, crew: string, specialist: string, outcome: string): void {
    this.turns.inc({ tenant, crew, specialist, outcome });
  }

  modelEndpoint(endpoint: string, event: EndpointEvent): void {
    this.endpointEvents.inc({ endpoint, event });
    if (event === 'opened') this.endpointOpen.set({ endpoint }, 1);
    else if (event === 'closed') this.endpointOpen.set({ endpoint }, 0);
  }

  handoff(tenant: string, reason: string): void {
    this.latency.handoff(tenant, reason);
  }

  modelBudgetSpent(tenant: string): void {
    this.latency.modelBudgetSpent(tenant);
  }

  /** Reads one delivery counter (tests and `crew` diagnostics). */
  async deliveriesFor(tenant: string, outcome: string, reason: string): Promise<number> {
    const values = (await this.deliveries.get()).values;
    return (
      values.find(
        (v) => v.labels.tenant === tenant && v.labels.outcome === outcome && v.labels.reason === reason,
      )?.value ?? 0
    );
  }
}
