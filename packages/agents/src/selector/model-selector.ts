import type { LanguageModelV3 } from '@ai-sdk/provider';
import { Agent } from '@mastra/core/agent';
import type { Mastra } from '@mastra/core/mastra';
import { RequestContext } from '@mastra/core/request-context';
import { z } from 'zod';
import { createCrewMastra } from '../mastra/crew-mastra.js';
import {
  DeterministicSelector,
  oneLine,
  turnText,
  type Selection,
  type SelectorInput,
  type SpecialistKind,
  type SpecialistSelector,
} from '@mcp-crew/core';

const ROLES: Record<SpecialistKind, string> = {
  sales: 'products, prices, stock, quotations, orders and their status',
  scheduling: 'booking, moving or cancelling technical visits and appointments',
  business_rules: 'opening hours, delivery zones and costs, payment methods, discounts, policies',
  support: 'problems with a product or its application, warranty, returns, complaints',
};

export interface ModelSelectorOptions {
  model: LanguageModelV3;
  /** Answers when the model fails or gives an unusable choice. Default: the deterministic selector. */
  fallback?: SpecialistSelector;
  onFallback?: (error: unknown) => void;
  /** The process's Mastra instance, to own the selector's agent and log for it. Default: a silent one. */
  mastra?: Mastra;
  /** The agent's id in Mastra (one selector per tenant). Default: `specialist-selector`. */
  id?: string;
}

type SelectorContext = { input: SelectorInput; enabled: SpecialistKind[] };

/** Earlier messages (customer and bot) the selector sees before the one it routes. */
export const SELECTOR_HISTORY_MESSAGES = 6;
/** The start of each: a bot's product list is long, and what it offered comes first. */
const HISTORY_MESSAGE_CHARS = 400;

/**
 * Picks the specialist with a language model's structured output (a Mastra agent, one call, no tools):
 * `{ specialist, why }` constrained to the crew's enabled members. Any error or unusable answer falls
 * back to the deterministic selector, so routing never fails because a model did.
 */
export class ModelSelector implements SpecialistSelector {
  readonly #fallback: SpecialistSelector;
  // One agent for every turn; the crew's members and the current specialist come in the request context.
  readonly #agent: Agent;

  constructor(private readonly options: ModelSelectorOptions) {
    this.#fallback = options.fallback ?? new DeterministicSelector();
    this.#agent = new Agent({
      id: options.id ?? 'specialist-selector',
      name: 'Specialist selector',
      instructions: ({ requestContext }) => {
        const { input, enabled } = contextOf(requestContext as RequestContext<SelectorContext>);
        return input ? instructions(input, enabled) : '';
      },
      model: options.model,
    });
    (options.mastra ?? createCrewMastra()).addAgent(this.#agent, this.#agent.id);
  }

  async select(input: SelectorInput): Promise<Selection> {
    const enabled = [...input.enabled];
    // One member or none: nothing to choose (the fallback also raises the "no specialist" error).
    if (enabled.length <= 1) return this.#fallback.select(input);
    try {
      const schema = z.object({
        specialist: z.enum(enabled as [SpecialistKind, ...SpecialistKind[]]),
        why: z.string().max(300),
      });
      const requestContext = new RequestContext<SelectorContext>([
        ['input', input],
        ['enabled', enabled],
      ]);
      const output = await this.#agent.generate([{ role: 'user', content: routedText(input) }], {
        structuredOutput: { schema },
        requestContext,
      });
      const choice = schema.parse(output.object);
      return {
        specialist: choice.specialist,
        reason: choice.specialist === input.current ? 'kept' : 'matched',
        evidence: [`model: ${choice.why}`],
      };
    } catch (error) {
      this.options.onFallback?.(error);
      return this.#fallback.select(input);
    }
  }
}

function contextOf(
  context: RequestContext<SelectorContext>,
): Partial<SelectorContext> & { enabled: SpecialistKind[] } {
  return { input: context.get('input'), enabled: context.get('enabled') ?? [] };
}

/** The message to route, after the last few of the conversation so a follow-up is read in its context. */
function routedText(input: SelectorInput): string {
  const message = turnText(input.turn);
  const earlier = (input.history ?? []).slice(-SELECTOR_HISTORY_MESSAGES);
  if (earlier.length === 0) return message;
  return [
    'Earlier in the conversation (oldest first):',
    ...earlier.map(({ role, text }) => `${role}: ${oneLine(text, HISTORY_MESSAGE_CHARS)}`),
    '',
    'Message to route:',
    message,
  ].join('\n');
}

function instructions(input: SelectorInput, enabled: SpecialistKind[]): string {
  return [
    'You route a customer message of a paint shop to one specialist. Answer only with the JSON object asked for.',
    ...enabled.map((kind) => `- ${kind}: ${ROLES[kind]}`),
    ...(input.history?.length
      ? [
          'Read the message as the next line of the earlier conversation: a short reply ("sí, esa", "la 2", "ok") answers what the bot asked or offered last and goes to the specialist for that.',
        ]
      : []),
    input.current
      ? `The conversation is with ${input.current}; keep it there for follow-ups ("sí", "2", "gracias") unless the message clearly asks for another specialist.`
      : `When the message gives no signal, choose ${input.defaultSpecialist && enabled.includes(input.defaultSpecialist) ? input.defaultSpecialist : enabled[0]}.`,
  ].join('\n');
}
