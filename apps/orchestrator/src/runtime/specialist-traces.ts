import type { SpecialistTrace } from '@mcp-crew/agents';

type Listener = (trace: SpecialistTrace) => void;

/**
 * Fans the specialists' turn traces out to whoever waits for one conversation's (the copilot collects the
 * tool calls of its own turn to report the records touched). Keyed by tenant and conversation.
 */
export class SpecialistTraces {
  readonly #listeners = new Map<string, Set<Listener>>();

  publish(trace: SpecialistTrace): void {
    for (const listener of this.#listeners.get(key(trace.tenant, trace.conversationId)) ?? []) listener(trace);
  }

  /** Calls `listener` with every trace of this conversation until the returned function is called. */
  subscribe(tenant: string, conversationId: number, listener: Listener): () => void {
    const k = key(tenant, conversationId);
    const set = this.#listeners.get(k) ?? new Set<Listener>();
    set.add(listener);
    this.#listeners.set(k, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(k);
    };
  }
}

function key(tenant: string, conversationId: number): string {
  return `${tenant}\u0000${conversationId}`;
}
