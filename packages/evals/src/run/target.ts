import type { LoadedScenario } from '../scenario/schema.js';

/** What one customer message got back from the crew, as Chatwoot would have received it. */
export interface EvalTurnOutcome {
  /** Public replies, after the channel's policy shaped them. */
  replies: string[];
  /** Whether the turn handed the conversation to a person (status set to `open`). */
  handoff: boolean;
  /** Private notes left for the agents (handoff notes). */
  notes: string[];
  /** What went wrong around the crew this turn (a model script with no answer for a call). */
  problems?: string[];
}

/** One scenario's conversation with the crew. */
export interface EvalConversation {
  send(text: string): Promise<EvalTurnOutcome>;
}

/** Reads the tenant's ERP to check a scenario's end state (Odoo's `search_read`). */
export interface EvalErpReader {
  searchRead(
    model: string,
    domain: unknown[],
    fields: string[],
    options?: { order?: string; limit?: number },
  ): Promise<Array<Record<string, unknown>>>;
}

/**
 * Where scenarios run: a tenant's crew answering through the same turn use case Chatwoot's webhooks reach,
 * and that tenant's ERP. Implementations decide how scenarios are isolated (a sandbox reset per scenario, or
 * a real Odoo where the runner only looks at records created after the scenario's mark).
 */
export interface EvalTarget {
  /** A line for the report: tenant, engine, ERP and how scenarios are isolated. */
  readonly description: string;
  readonly erp: EvalErpReader;
  /** Starts a fresh conversation for one run of a scenario (resetting the ERP first when the target can). */
  begin(scenario: LoadedScenario, run: number): Promise<EvalConversation>;
}
