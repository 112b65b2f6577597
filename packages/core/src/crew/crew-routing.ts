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

const mediaShape = {
  /** `ask_to_write`: a short reply asking the customer to write; `handoff`: a person takes over. */
  voiceFallback: z.enum(['ask_to_write', 'handoff']),
  /** `ask_to_describe`: a short reply asking what the photo shows; `handoff`: a person takes over. */
  imageFallback: z.enum(['ask_to_describe', 'handoff']),
};

/** What the crew does with a voice note or a photo it cannot read (no transcription, no vision model). */
export const mediaSchema = z
  .object({
    voiceFallback: mediaShape.voiceFallback.default('ask_to_write'),
    imageFallback: mediaShape.imageFallback.default('ask_to_describe'),
  })
  .strict();

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

/**
 * A tenant's changes to one crew's hours, hand-over routing and media fallbacks (tenants file
 * `crewSettings.<crew>`, admin API `.../crews/{crew}/settings`).
 */
export const crewSettingsOverrideSchema = z
  .object({
    hours: z.object(hoursShape).partial().strict().optional(),
    handoff: z.object(handoffShape).partial().strict().optional(),
    media: z.object(mediaShape).partial().strict().optional(),
  })
  .strict();

/** Every field of a shape optional and nullable: a JSON merge patch where `null` goes back to the crew file. */
function patchOf<T extends Record<string, z.ZodType>>(shape: T) {
  const fields = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.nullable().optional()]));
  return z
    .object(fields as { [K in keyof T]: z.ZodOptional<z.ZodNullable<T[K]>> })
    .strict()
    .nullable()
    .optional();
}

/** A JSON merge patch over a tenant's `crewSettings.<crew>` (same fields as the override; `null` removes). */
export const crewSettingsPatchSchema = z
  .object({ hours: patchOf(hoursShape), handoff: patchOf(handoffShape), media: patchOf(mediaShape) })
  .strict();

export type CrewHours = z.infer<typeof crewHoursSchema>;
export type HandoffRouting = z.infer<typeof handoffRoutingSchema>;
export type CrewMediaSettings = z.infer<typeof mediaSchema>;
export type CrewSettingsOverride = z.infer<typeof crewSettingsOverrideSchema>;
export type CrewSettingsPatch = z.infer<typeof crewSettingsPatchSchema>;

/** A crew's settings a tenant may change: business hours, hand-over routing, media fallbacks. */
export interface CrewSettings {
  hours: CrewHours;
  handoff: HandoffRouting;
  media: CrewMediaSettings;
}

/** The crew file's hours, routing and media fallbacks with the tenant's changes applied. */
export function effectiveCrewSettings(
  crew: { hours?: CrewHours; handoff?: HandoffRouting; media?: CrewMediaSettings },
  override: CrewSettingsOverride | undefined,
): CrewSettings {
  return {
    hours: { ...crewHoursSchema.parse(crew.hours ?? {}), ...override?.hours },
    handoff: { ...handoffRoutingSchema.parse(crew.handoff ?? {}), ...override?.handoff },
    media: { ...mediaSchema.parse(crew.media ?? {}), ...override?.media },
  };
}
