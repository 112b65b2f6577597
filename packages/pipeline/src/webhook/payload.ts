import { z } from 'zod';

const nullableString = z.string().nullish();

const contactSchema = z.looseObject({
  id: z.number().int(),
  name: nullableString,
  email: nullableString,
  phone_number: nullableString,
});

/**
 * One of a message's `attachments[]` (Chatwoot's Attachment#push_event_data): `file_type` is `image`, `audio`,
 * `video`, `file`, `location`, `fallback`, `share`, `story_mention`, `contact`, `ig_reel`, `embed`...;
 * audio adds `transcribed_text` ('' until Chatwoot's transcription lands).
 */
const attachmentSchema = z.looseObject({
  id: z.number().int(),
  file_type: z.string().nullish(),
  data_url: nullableString,
  content_type: nullableString,
  extension: nullableString,
  transcribed_text: nullableString,
});

/** Every webhook has an event name; the rest depends on the event. */
export const webhookEnvelopeSchema = z.looseObject({ event: z.string().min(1) });

/**
 * The fields of a `message_created` / `message_updated` delivery that the pipeline relies on. Loose:
 * Chatwoot adds fields between versions and the bot must not break on them.
 */
export const messageEventSchema = z.looseObject({
  event: z.enum(['message_created', 'message_updated']),
  id: z.number().int().positive(),
  content: nullableString,
  content_type: z.string().default('text'),
  content_attributes: z.record(z.string(), z.unknown()).nullish(),
  attachments: z.array(attachmentSchema).nullish(),
  message_type: z.enum(['incoming', 'outgoing', 'activity', 'template']),
  private: z.boolean(),
  created_at: z.string(),
  account: z.looseObject({ id: z.number().int().positive() }),
  inbox: z.looseObject({ id: z.number().int().positive(), name: nullableString }),
  sender: z.looseObject({ id: z.number().int().optional(), name: nullableString }).nullish(),
  conversation: z.looseObject({
    /** The display id: what Chatwoot's API paths take. */
    id: z.number().int().positive(),
    status: z.enum(['open', 'pending', 'resolved', 'snoozed']),
    channel: z.string().min(1),
    inbox_id: z.number().int().positive(),
    additional_attributes: z.record(z.string(), z.unknown()).nullish(),
    meta: z.looseObject({ sender: contactSchema }),
  }),
});

export type MessageEvent = z.infer<typeof messageEventSchema>;

/** Turns zod issues into `field.path: what was expected` lines for the 400 response. */
export function describeIssues(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
}
