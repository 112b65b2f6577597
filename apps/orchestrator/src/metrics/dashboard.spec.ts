import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MemoryCacheStore } from '@mcp-crew/cache-memory';
import type { QueueInspection } from '@mcp-crew/core';
import { Metrics } from './metrics.js';

const DASHBOARD = fileURLToPath(new URL('../../../../docs/grafana/mcp-crew.json', import.meta.url));

interface Panel {
  title: string;
  targets?: Array<{ expr?: string }>;
}

describe('the Grafana dashboard (docs/grafana/mcp-crew.json)', () => {
  const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as {
    panels: Panel[];
    templating: { list: Array<{ query?: unknown }> };
  };

  it('queries only metrics the app registers, in every panel', async () => {
    const metrics = new Metrics();
    metrics.watchQueue({ stats: () => ({}) } as unknown as QueueInspection);
    metrics.watchCache(new MemoryCacheStore());
    const registered = new Set((await metrics.registry.getMetricsAsJSON()).map((m) => m.name));
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(10);
    for (const panel of dashboard.panels) {
      const exprs = (panel.targets ?? []).map((t) => t.expr ?? '');
      expect({ panel: panel.title, queries: exprs.length > 0 }).toEqual({
        panel: panel.title,
        queries: true,
      });
      for (const expr of exprs) {
        const used = [...expr.matchAll(/mcp_crew_[a-z0-9_]+/g)].map((m) =>
          m[0].replace(/_(bucket|sum|count)$/, ''),
        );
        expect(used.length).toBeGreaterThan(0);
        for (const name of used)
          expect({ panel: panel.title, name, registered: registered.has(name) }).toEqual({
            panel: panel.title,
            name,
            registered: true,
          });
      }
    }
  });

  it('covers turn duration, first reply, model latency, tokens and budgets, tools, Odoo, handoffs and the cache hit ratio', () => {
    const all = JSON.stringify(dashboard.panels);
    for (const name of [
      'mcp_crew_turn_duration_seconds',
      'mcp_crew_time_to_first_reply_seconds',
      'mcp_crew_turn_queue_wait_seconds',
      'mcp_crew_model_call_duration_seconds',
      'mcp_crew_model_tokens_total',
      'mcp_crew_model_budget_spent_total',
      'mcp_crew_tool_calls_total',
      'mcp_crew_tool_call_duration_seconds',
      'mcp_crew_odoo_calls_total',
      'mcp_crew_handoffs_total',
      'mcp_crew_cache_lookups',
    ])
      expect(all).toContain(name);
  });
});
