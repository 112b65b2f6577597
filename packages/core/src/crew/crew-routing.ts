import { z } from 'zod';

const label = z
  .string()
  .regex(/^[a-z0-9_-]+$/, 'expected a Chatwoot label: lower-case letters, digits, - or _');

const hoursShape = {
  /**
   * `always`: the bot answers at every hour. `night_shift`: it answers only outside business hours; in hours it
   * leaves each new conversation to people (private note, status `open`, routed like a hand-over).
   */
  mode: z.enum(['always', 'night_shift']),
  /** Labels added to a hand-over made outside business hours: the queue people work through when they open. */
  outOfHoursLabels: z.array(label),
};

const handoffShape = {
  /**
   * Assign handed-over conversations in Chatwoot: a sales hand-over to the customer's Odoo salesperson (matched
   * to a Chatwoot agent by e-mail), else to the least-loaded member of `teamId` (by open conversations).
   */
  assign: z.boolean(),
  /** The crew's Chatwoot team id. Team ids belong to one Chatwoot account, so it is usually set per tenant. */
  teamId: z.number().int().positive(),
  /** On a sales hand-over, create or update a CRM lead in Odoo with the conversation's summary. */
  salesLead: z.boolean(),
};

/** A crew's behaviour around business hours (crew file `hours:`). */
export const crewHoursSchema = z
  .object({
    mode: hoursShape.mode.default('always'),
    outOfHoursLabels: hoursShape.outOfHoursLabels.default(['out-of-hours']),
  })
  .strict();

/** Who gets a conversation the crew hands over (crew file `handoff:`). */
export const handoffRoutingSchema = z
  .object({
    assign: handoffShape.assign.default(true),
    teamId: handoffShape.teamId.optional(),
    salesLead: handoffShape.salesLead.default(true),
  })
  .strict();

/** A tenant's changes to one crew's hours and hand-over routing (tenants file `crewSettings.<crew>`). */
export const crewSettingsOverrideSchema = z
  .object({
    hours: z.object(hoursShape).partial().strict().optional(),
    handoff: z.object(handoffShape).partial().strict().optional(),
  })
  .strict();

export type CrewHours = z.infer<typeof crewHoursSchema>;
export type HandoffRouting = z.infer<typeof handoffRoutingSchema>;
export type CrewSettingsOverride = z.infer<typeof crewSettingsOverrideSchema>;

/** The crew file's hours and routing with the tenant's changes applied. */
export function effectiveCrewSettings(
  crew: { hours?: CrewHours; handoff?: HandoffRouting },
  override: CrewSettingsOverride | undefined,
): { hours: CrewHours; handoff: HandoffRouting } {
  return {
    hours: { ...crewHoursSchema.parse(crew.hours ?? {}), ...override?.hours },
    handoff: { ...handoffRoutingSchema.parse(crew.handoff ?? {}), ...override?.handoff },
  };
}
