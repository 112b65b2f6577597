import { Counter, Histogram, type Registry } from 'prom-client';

const SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60];
const FAST_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10];

/**
 * Per-tenant latency and volume of a turn's parts: turn duration, time to the first reply, model calls and
 * tokens, tool calls, Odoo calls and handoffs. Each method is a small seam the composition root wires to a hook.
 */
export class LatencyMetrics {
  private readonly turnSeconds: Histogram<'tenant' | 'outcome'>;
  private readonly firstReplySeconds: Histogram<'tenant'>;
  private readonly queueWaitSeconds: Histogram<'tenant'>;
  private readonly modelSeconds: Histogram<'tenant' | 'model' | 'outcome'>;
  private readonly modelTokens: Counter<'tenant' | 'model' | 'kind'>;
  private readonly toolCalls: Counter<'tenant' | 'tool' | 'outcome'>;
  private readonly toolSeconds: Histogram<'tenant' | 'tool'>;
  private readonly odooCalls: Counter<'tenant' | 'method' | 'outcome'>;
  private readonly odooSeconds: Histogram<'tenant' | 'method'>;
  private readonly handoffs: Counter<'tenant' | 'reason'>;
  private readonly budgetsSpent: Counter<'tenant'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.turnSeconds = new Histogram({
      name: 'mcp_crew_turn_duration_seconds',
      help: 'Time a worker spent on one turn attempt, by tenant and outcome (ok, failed).',
      labelNames: ['tenant', 'outcome'],
      buckets: SECONDS,
      registers,
    });
    this.firstReplySeconds = new Histogram({
      name: 'mcp_crew_time_to_first_reply_seconds',
      help: "From the webhook's acceptance of a turn's first message to the turn's first reply sent to Chatwoot, by tenant.",
      labelNames: ['tenant'],
      buckets: SECONDS,
      registers,
    });
    this.queueWaitSeconds = new Histogram({
      name: 'mcp_crew_turn_queue_wait_seconds',
      help: "From the webhook's acceptance of a turn's first message to the start of its first attempt, by tenant (includes COALESCE_WINDOW_MS): how long a tenant's customers wait for a worker; fair scheduling keeps a quiet tenant's low beside a noisy one.",
      labelNames: ['tenant'],
      buckets: SECONDS,
      registers,
    });
    this.modelSeconds = new Histogram({
      name: 'mcp_crew_model_call_duration_seconds',
      help: 'Language model call latency by tenant, model and outcome (ok, error).',
      labelNames: ['tenant', 'model', 'outcome'],
      buckets: SECONDS,
      registers,
    });
    this.modelTokens = new Counter({
      name: 'mcp_crew_model_tokens_total',
      help: 'Model tokens by tenant, model and kind (input, output).',
      labelNames: ['tenant', 'model', 'kind'],
      registers,
    });
    this.toolCalls = new Counter({
      name: 'mcp_crew_tool_calls_total',
      help: 'MCP tool calls by tenant, tool and outcome (ok, error).',
      labelNames: ['tenant', 'tool', 'outcome'],
      registers,
    });
    this.toolSeconds = new Histogram({
      name: 'mcp_crew_tool_call_duration_seconds',
      help: 'MCP tool call latency by tenant and tool.',
      labelNames: ['tenant', 'tool'],
      buckets: FAST_SECONDS,
      registers,
    });
    this.odooCalls = new Counter({
      name: 'mcp_crew_odoo_calls_total',
      help: 'Calls that reached Odoo (cache misses) by tenant, method and outcome (ok, error).',
      labelNames: ['tenant', 'method', 'outcome'],
      registers,
    });
    this.odooSeconds = new Histogram({
      name: 'mcp_crew_odoo_call_duration_seconds',
      help: 'Odoo call latency by tenant and method.',
      labelNames: ['tenant', 'method'],
      buckets: FAST_SECONDS,
      registers,
    });
    this.handoffs = new Counter({
      name: 'mcp_crew_handoffs_total',
      help: 'Conversations handed to a human, by tenant and reason.',
      labelNames: ['tenant', 'reason'],
      registers,
    });
    this.budgetsSpent = new Counter({
      name: 'mcp_crew_model_budget_spent_total',
      help: 'Conversations that spent their model token budget (the offline engine answers them from then on), by tenant.',
      labelNames: ['tenant'],
      registers,
    });
  }

  turnDuration(tenant: string, seconds: number, ok: boolean): void {
    this.turnSeconds.observe({ tenant, outcome: ok ? 'ok' : 'failed' }, seconds);
  }
  firstReply(tenant: string, seconds: number): void {
    this.firstReplySeconds.observe({ tenant }, seconds);
  }
  queueWait(tenant: string, seconds: number): void {
    this.queueWaitSeconds.observe({ tenant }, seconds);
  }
  modelCall(
    tenant: string,
    model: string,
    seconds: number,
    ok: boolean,
    tokens?: { input?: number; output?: number },
  ): void {
    this.modelSeconds.observe({ tenant, model, outcome: ok ? 'ok' : 'error' }, seconds);
    if (tokens?.input) this.modelTokens.inc({ tenant, model, kind: 'input' }, tokens.input);
    if (tokens?.output) this.modelTokens.inc({ tenant, model, kind: 'output' }, tokens.output);
  }
  toolCall(tenant: string, tool: string, seconds: number, ok: boolean): void {
    this.toolCalls.inc({ tenant, tool, outcome: ok ? 'ok' : 'error' });
    this.toolSeconds.observe({ tenant, tool }, seconds);
  }
  odooCall(tenant: string, method: string, seconds: number, ok: boolean): void {
    this.odooCalls.inc({ tenant, method, outcome: ok ? 'ok' : 'error' });
    this.odooSeconds.observe({ tenant, method }, seconds);
  }
  handoff(tenant: string, reason: string): void {
    this.handoffs.inc({ tenant, reason });
  }
  modelBudgetSpent(tenant: string): void {
    this.budgetsSpent.inc({ tenant });
  }
}
