import type { LanguageModelV3CallOptions, SharedV3ProviderOptions } from '@ai-sdk/provider';
import type { CrewVocabulary, Language, PendingConfirmation, SalesSettings } from '@mcp-crew/core';

/**
 * The conversation facts a turn runs with: the crew's language and greeting, the contact the channel gave,
 * what earlier turns learned. Tools and instructions read them from the request context; the offline
 * engine receives them as typed provider options (never as text in the prompt).
 */
export interface TurnFacts {
  /** The crew's language; the customer's own language wins when it can be told. */
  language: Language;
  business: string;
  greeting: string;
  contact: { name?: string; phone?: string; email?: string };
  partner?: {
    id: number;
    name: string;
    verified: boolean;
    /** The company the contact buys for (Odoo's parent): its orders are the contact's orders too. */
    companyId?: number;
  };
  quotation?: { id: number; name: string };
  pendingConfirmation?: Pick<PendingConfirmation, 'tool' | 'target'>;
  /** The local times ("YYYY-MM-DD HH:MM") of the visit slots the customer was just offered. */
  offeredSlots?: string[];
  /** The channel takes payment only inside its platform (a marketplace): no other way to pay may be offered. */
  paymentOnPlatform?: boolean;
  /** Above these an order goes to a salesperson as a CRM lead (the tenant's settings). */
  bigOrder?: SalesSettings;
  /** Today's date in the business's time zone (YYYY-MM-DD), for "el martes", "mañana". */
  today?: string;
  /**
   * Set when a staff member asks through the Odoo copilot: replies go to them (not to a customer), any
   * customer may be named per request, and the record open on their screen comes along.
   */
  staff?: { name: string; record?: { model: string; id: number } };
  /**
   * What the customer asked before the messages a hosted model is shown verbatim, in brief (its history is
   * bounded); unset for the offline engine, which reads the whole history it is given.
   */
  earlier?: string[];
  /** The business's words the offline engine reads (product defects, using the products), from the crew. */
  words?: Pick<CrewVocabulary, 'defects' | 'productCare'>;
}

/** The provider-options namespace the facts travel under; hosted providers ignore namespaces not theirs. */
export const FACTS_NAMESPACE = 'mcpCrew';

/** Provider options that carry the turn's facts to every model call of the turn. */
export function factsAsProviderOptions(facts: TurnFacts): SharedV3ProviderOptions {
  // TurnFacts is plain JSON data (strings, numbers, booleans, arrays): the cast only widens the type.
  return { [FACTS_NAMESPACE]: { facts: facts as unknown as Record<string, never> } };
}

/** The facts a model call carries, or undefined when the caller gave none (a bare model call). */
export function factsOf(options: Pick<LanguageModelV3CallOptions, 'providerOptions'>): TurnFacts | undefined {
  const facts = options.providerOptions?.[FACTS_NAMESPACE]?.['facts'];
  return facts !== null &&
    typeof facts === 'object' &&
    !Array.isArray(facts) &&
    typeof (facts as { language?: unknown }).language === 'string'
    ? (facts as unknown as TurnFacts)
    : undefined;
}
