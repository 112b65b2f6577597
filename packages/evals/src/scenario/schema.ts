import { z } from 'zod';
import { modelScriptSchema } from '../model-script/schema.js';

/** The channels a scenario can arrive on; each maps to the Chatwoot inbox kind that carries it. */
export const EVAL_CHANNELS = [
  'whatsapp',
  'instagram',
  'facebook',
  'email',
  'webchat',
  'mercadolivre',
] as const;
export type EvalChannel = (typeof EVAL_CHANNELS)[number];

/** The kinds of conversation the report groups pass rates by. */
export const EVAL_CATEGORIES = [
  'quotation',
  'quotation_edit',
  'confirmation',
  'price_stock',
  'knowledge',
  'order_status',
  'support',
  'booking',
  'handoff',
  'injection_privacy',
  'channel_rules',
  'languages',
  'robustness',
  'small_talk',
  'multi_intent',
  'new_customer',
] as const;
export type EvalCategory = (typeof EVAL_CATEGORIES)[number];

const language = z.enum(['es', 'pt', 'en']);
const phrases = z.array(z.string().min(1)).min(1);

/** The contact as Chatwoot gives it: what the channel knows, not what the customer types. */
const contact = z.strictObject({
  name: z.string().default(''),
  phone: z.string().min(5).optional(),
  email: z.email().optional(),
});

/** Expectations on the replies of one turn (all of them together, after channel shaping). */
const replyExpect = z.strictObject({
  /** Each phrase must appear (case- and accent-insensitive). */
  contains: phrases.optional(),
  /** At least one of the phrases must appear. */
  containsAny: phrases.optional(),
  /** None of the phrases may appear. */
  notContains: phrases.optional(),
  /** Each regular expression (case-insensitive) must match. */
  matches: phrases.optional(),
  /** None of the regular expressions may match. */
  notMatches: phrases.optional(),
  /** The language the reply is written in. */
  language: language.optional(),
  /** The amount_total of the scenario's latest order, as Odoo has it after the turn, appears in the reply. */
  showsOrderTotal: z.boolean().optional(),
  /** Whether this turn handed the conversation to a person. */
  handoff: z.boolean().optional(),
  /** Whether the bot said anything at all (false: silence is expected, e.g. after a handoff). */
  answered: z.boolean().optional(),
});
export type ReplyExpectation = z.infer<typeof replyExpect>;

const turn = z.strictObject({
  say: z.string().min(1),
  expect: replyExpect.optional(),
});

const orderLine = z.strictObject({
  /** Text the product's display name (or internal reference) must contain, accent- and case-insensitively. */
  product: z.string().min(1),
  qty: z.number().positive().optional(),
});

/** An order the scenario created (id above the ERP's mark at the start) or a named existing one. */
const orderExpect = z.strictObject({
  /** An existing order's reference (S00002); without it, an order created during the scenario. */
  name: z.string().optional(),
  /** Text the customer's name must contain. */
  partner: z.string().optional(),
  /** The customer's Odoo id (an existing customer), or `new`: a customer created during the scenario. */
  partnerId: z.union([z.number().int().positive(), z.literal('new')]).optional(),
  state: z.enum(['draft', 'sent', 'sale', 'done', 'cancel']).optional(),
  /** Lines that must be on the order. */
  lines: z.array(orderLine).optional(),
  /** When true, the order has exactly `lines` (no other product). */
  exactLines: z.boolean().default(false),
  /** Products that must not be on the order. */
  withoutProducts: z.array(z.string().min(1)).optional(),
});

const partnerExpect = z.strictObject({
  name: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
});

const namedRecord = z.strictObject({ name: z.string().min(1) });

/** The ERP's end state: what the scenario created, counted from the mark taken when it started. */
const erpExpect = z.strictObject({
  orders: z.array(orderExpect).optional(),
  /** How many orders the scenario created (0: nothing may be quoted). */
  newOrders: z.number().int().min(0).optional(),
  /** Existing customers (Odoo ids) the conversation must not create orders for: a typed name is not an identity. */
  noOrdersFor: z.array(z.number().int().positive()).optional(),
  partners: z.array(partnerExpect).optional(),
  newPartners: z.number().int().min(0).optional(),
  leads: z.array(namedRecord.partial()).optional(),
  newLeads: z.number().int().min(0).optional(),
  events: z.array(namedRecord.partial()).optional(),
  newEvents: z.number().int().min(0).optional(),
  tickets: z.array(namedRecord.partial()).optional(),
  newTickets: z.number().int().min(0).optional(),
});
export type ErpExpectation = z.infer<typeof erpExpect>;

const scenarioFields = {
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, ".", "_" or "-"'),
  title: z.string().min(1),
  category: z.enum(EVAL_CATEGORIES),
  channel: z.enum(EVAL_CHANNELS),
  contact: contact.default({ name: '' }),
  /** Expected language of every reply unless a turn says otherwise. */
  language: language.optional(),
  turns: z.array(turn).min(1),
  /** The ERP's end state and the conversation's outcome after the last turn. */
  expect: z
    .strictObject({
      erp: erpExpect.optional(),
      /** Whether the conversation ended with a person (any turn handed it over). */
      handoff: z.boolean().optional(),
    })
    .default({}),
  tags: z.array(z.string()).default([]),
  /**
   * The scenario's scripted model: `crew eval` then answers every model call from a local OpenAI-compatible
   * stand-in following it (the model path without a hosted model). A set uses scripts in all its scenarios or none.
   */
  modelScript: modelScriptSchema.optional(),
};

export const scenarioSchema = z.strictObject(scenarioFields);
export type Scenario = z.infer<typeof scenarioSchema>;

/**
 * A scenario file: one scenario, or `defaults` (any scenario field but id/title/turns) applied to each of
 * `scenarios`, so a file can hold a family of conversations sharing a channel or a category.
 */
export const scenarioFileSchema = z.union([
  scenarioSchema,
  z.strictObject({
    defaults: z.record(z.string(), z.unknown()).default({}),
    scenarios: z.array(z.record(z.string(), z.unknown())).min(1),
  }),
]);

/** A scenario with where it came from, for reports and errors. */
export interface LoadedScenario extends Scenario {
  file: string;
  /** Which ERP data set it is written against: the tenant's own (sandbox) or a real Odoo's demo data. */
  suite: string;
}
