import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { Mastra } from '@mastra/core/mastra';
import {
  DeterministicSelector,
  type Selection,
  type SelectorInput,
  type SpecialistSelector,
  type TenantConfig,
} from '@mcp-crew/core';
import { ModelSelector } from './model-selector.js';

export interface TenantSelectorOptions {
  /** The tenant's selector model (its settings over the environment's); undefined = no key: deterministic. */
  model(tenant: TenantConfig): LanguageModelV3 | undefined;
  onFallback?: (error: unknown) => void;
  mastra?: Mastra;
}

/**
 * The specialist selector of each tenant on that tenant's own model: built once per tenant and rebuilt when the
 * model object changes (the tenant's model settings changed; the models are kept while they do not). A turn
 * without a tenant, or a tenant with no key anywhere, is routed by the deterministic selector.
 */
export class TenantSelector implements SpecialistSelector {
  readonly #deterministic = new DeterministicSelector();
  readonly #built = new Map<string, { model: LanguageModelV3; selector: ModelSelector }>();

  constructor(private readonly options: TenantSelectorOptions) {}

  select(input: SelectorInput): Promise<Selection> {
    const tenant = input.tenant;
    const model = tenant ? this.options.model(tenant) : undefined;
    if (!tenant || !model) return this.#deterministic.select(input);
    let built = this.#built.get(tenant.id);
    if (built?.model !== model) {
      const selector = new ModelSelector({
        model,
        fallback: this.#deterministic,
        id: `specialist-selector-${tenant.id}`,
        ...(this.options.onFallback ? { onFallback: this.options.onFallback } : {}),
        ...(this.options.mastra ? { mastra: this.options.mastra } : {}),
      });
      built = { model, selector };
      this.#built.set(tenant.id, built);
    }
    return built.selector.select(input);
  }

  /** How many tenant selectors were built so far (tests and metrics). */
  get size(): number {
    return this.#built.size;
  }
}
