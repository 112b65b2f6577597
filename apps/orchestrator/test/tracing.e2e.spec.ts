import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startOdooSandbox, type OdooSandbox } from '@mcp-crew/odoo-sandbox';
import { startFakeChatwoot, type FakeChatwoot } from '@mcp-crew/testing';
import { startTracing, type Tracing } from '../src/observability/start-tracing.js';
import { eventually, post, signedFixture, startApp, writeTenantsFile } from './support.js';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
}

/** An OTLP/HTTP collector stand-in: records every span the exporter posts to /v1/traces (JSON encoding). */
async function startCollector(): Promise<{ url: string; spans: OtlpSpan[]; close(): Promise<void> }> {
  const spans: OtlpSpan[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          resourceSpans?: Array<{ scopeSpans?: Array<{ spans?: OtlpSpan[] }> }>;
        };
        for (const resource of body.resourceSpans ?? [])
          for (const scope of resource.scopeSpans ?? []) spans.push(...(scope.spans ?? []));
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe('OpenTelemetry traces over OTLP/HTTP', () => {
  let sandbox: OdooSandbox;
  let chatwoot: FakeChatwoot;
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let tracing: Tracing | undefined;

  beforeAll(async () => {
    sandbox = await startOdooSandbox({ port: 0 });
    chatwoot = await startFakeChatwoot();
    collector = await startCollector();
    tracing = startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_SERVICE_NAME: 'mcp-crew-e2e' });
  });
  afterAll(async () => {
    await tracing?.shutdown();
    await collector.close();
    await chatwoot.close();
    await sandbox.close();
  });

  it('exports one trace from the webhook to the Chatwoot call, with the model and tool spans under the turn (and counts the turn in /metrics)', async () => {
    const odooLine = `    odoo: {url: "${sandbox.url}", db: sandbox, user: admin, apiKey: sandbox-admin-key, protocol: jsonrpc, allowWrites: true}\n`;
    const app = await startApp({ tenantsFile: writeTenantsFile(chatwoot.url, odooLine) });
    try {
      const request = signedFixture('whatsapp_incoming_text', (body) => {
        body['content'] = 'Hola, ¿cuánto cuesta el galón de esmalte blanco?';
      });
      expect((await post(`${app.url}/webhooks/chatwoot/demo`, request)).status).toBe(200);
      await eventually(
        () => chatwoot.requests.find((r) => r.method === 'POST' && r.path.endsWith('/messages')),
        30_000,
      );
      // The same turn in the per-tenant histograms and counters of /metrics.
      const metrics = await eventually(async () => {
        const text = await (await fetch(`${app.url}/metrics`)).text();
        return text.includes('mcp_crew_turn_duration_seconds_count{tenant="demo",outcome="ok"}') && text;
      });
      for (const series of [
        'mcp_crew_time_to_first_reply_seconds_count{tenant="demo"}',
        'mcp_crew_turn_queue_wait_seconds_count{tenant="demo"}',
        'mcp_crew_model_call_duration_seconds_count{tenant="demo",model="offline-intent-engine",outcome="ok"}',
        'mcp_crew_tool_calls_total{tenant="demo",tool="odoo_search_products",outcome="ok"}',
        'mcp_crew_odoo_calls_total{tenant="demo",method="searchRead",outcome="ok"}',
      ])
        expect(metrics).toContain(series);
    } finally {
      await app.close();
    }
    await tracing?.shutdown(); // flushes the batch to the collector
    tracing = undefined;

    const webhook = collector.spans.find((s) => s.name === 'webhook');
    expect(webhook).toBeDefined();
    const inTrace = collector.spans.filter((s) => s.traceId === webhook!.traceId);
    const byId = new Map(inTrace.map((s) => [s.spanId, s]));
    const ancestors = (span: OtlpSpan): string[] => {
      const names: string[] = [];
      for (
        let p = span.parentSpanId && byId.get(span.parentSpanId);
        p;
        p = p.parentSpanId ? byId.get(p.parentSpanId) : undefined
      )
        names.push(p.name);
      return names;
    };
    const names = inTrace.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['webhook', 'queue.enqueue', 'turn', 'model.call']));
    const turn = inTrace.find((s) => s.name === 'turn')!;
    expect(ancestors(turn)).toEqual(['queue.enqueue', 'webhook']);

    const model = inTrace.filter((s) => s.name === 'model.call');
    const tools = inTrace.filter((s) => s.name.startsWith('tool.'));
    const odoo = inTrace.filter((s) => s.name.startsWith('odoo.'));
    const sent = inTrace.filter((s) => s.name.startsWith('chatwoot.'));
    expect(tools.length).toBeGreaterThan(0);
    expect(odoo.length).toBeGreaterThan(0);
    expect(sent.length).toBeGreaterThan(0);
    for (const span of [...model, ...tools, ...sent])
      expect(ancestors(span)).toEqual(expect.arrayContaining(['turn', 'queue.enqueue', 'webhook']));
    for (const span of odoo) expect(ancestors(span).some((n) => n.startsWith('tool.'))).toBe(true);
    // Only this one trace reaches Chatwoot: the spans did not scatter over several traces.
    expect(
      new Set(collector.spans.filter((s) => s.name.startsWith('chatwoot.')).map((s) => s.traceId)),
    ).toEqual(new Set([webhook!.traceId]));
  }, 60_000);
});
