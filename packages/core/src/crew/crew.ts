import { z } from 'zod';
import { CREW_NAMES, SPECIALIST_KINDS } from '../tenant/tenant.js';
import { crewHoursSchema, handoffRoutingSchema, mediaSchema } from './crew-routing.js';
import { crewVocabularySchema } from './vocabulary.js';

/** How a channel's final text must look. Enforced in code on every outgoing message. */
export const channelPolicySchema = z
  .object({
    /** Longest message the channel accepts; longer replies are split at clean boundaries. */
    maxLength: z.number().int().min(100).max(150_000),
    /** `whatsapp`: *bold*, _italic_; `email`: greeting + body + signature; `plain`: no markup at all. */
    format: z.enum(['whatsapp', 'email', 'plain']),
    /** Content the channel forbids (Mercado Livre: no phone numbers, e-mail addresses or links). */
    forbid: z
      .object({
        phoneNumbers: z.boolean().default(false),
        emails: z.boolean().default(false),
        links: z.boolean().default(false),
        /**
         * Payment happens inside the platform (a marketplace): words that name another way to pay (a bank
         * transfer, a wallet, "send the receipt here"). A sentence holding one is taken out of every reply.
         */
        offPlatformPayment: z.array(z.string().min(2)).default([]),
      })
      .strict()
      .default({ phoneNumbers: false, emails: false, links: false, offPlatformPayment: [] }),
    /** E-mail only: first line, `{name}` is the customer's first name. */
    emailGreeting: z.string().optional(),
    /** E-mail only: appended after the body. `{business}` is the tenant's name. */
    emailSignature: z.string().optional(),
  })
  .strict();

export const escalationSchema = z
  .object({
    /** Phrases that mean "I want a person" (any language the crew speaks). */
    keywords: z.array(z.string().min(2)).default([]),
    /** Consecutive turns without progress before a human takes over. */
    maxFailedTurns: z.number().int().min(1).max(10).default(2),
    /** Labels added to the conversation on handoff. */
    labels: z.array(z.string().regex(/^[a-z0-9_-]+$/)).default(['bot-handoff']),
    /** An agent's private note starting with this command gives an `open` conversation back to the bot (`pending`). */
    handbackCommand: z
      .string()
      .regex(/^\/[a-z0-9_-]+$/, 'a slash and a lower-case word, e.g. /bot')
      .default('/bot'),
  })
  .strict();

export const crewDefinitionSchema = z
  .object({
    name: z.enum(CREW_NAMES),
    description: z.string().min(1),
    language: z.enum(['es', 'pt', 'en']),
    tone: z.string().min(1),
    greeting: z.string().min(1),
    members: z.array(z.enum(SPECIALIST_KINDS)).min(1),
    defaultSpecialist: z.enum(SPECIALIST_KINDS),
    escalation: escalationSchema,
    /** Business hours: answer at every hour or only outside them (night shift), and the out-of-hours labels. */
    hours: crewHoursSchema.prefault({}),
    /** Who gets a handed-over conversation in Chatwoot, and whether a sales hand-over makes a CRM lead. */
    handoff: handoffRoutingSchema.prefault({}),
    policy: channelPolicySchema,
    media: mediaSchema.default({ voiceFallback: 'ask_to_write', imageFallback: 'ask_to_describe' }),
    /** Specialist prompt files, relative to the crews folder. */
    prompts: z.partialRecord(z.enum(SPECIALIST_KINDS), z.string()).default({}),
    /**
     * The business's words (routing keywords, product defects): a file of the crews folder, which the loader
     * reads and validates in its place. Without one, every message goes to the default specialist.
     */
    vocabulary: crewVocabularySchema.optional(),
  })
  .strict()
  .refine((crew) => crew.members.includes(crew.defaultSpecialist), {
    message: 'defaultSpecialist must be one of members',
    path: ['defaultSpecialist'],
  });

export type ChannelPolicy = z.infer<typeof channelPolicySchema>;
export type CrewDefinition = z.infer<typeof crewDefinitionSchema>;

/**
 * A crew that serves the business's own staff (the Odoo copilot's internal-operations crew), built in code.
 * Crew files cannot declare it (their schema is strict), so no Chatwoot inbox ever gets staff powers.
 */
export type StaffCrewDefinition = CrewDefinition & { audience: 'staff' };

export function isStaffCrew(crew: CrewDefinition): crew is StaffCrewDefinition {
  return (crew as { audience?: unknown }).audience === 'staff';
}
