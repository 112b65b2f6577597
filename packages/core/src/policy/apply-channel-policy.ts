import type { ChannelPolicy } from '../crew/crew.js';
import { detectLanguage } from '../router/detect-language.js';
import type { Language } from '../tenant/tenant.js';
import { wrapEmail } from './email-envelope.js';
import { markdownToPlain } from './markdown-to-plain.js';
import { markdownToWhatsapp } from './markdown-to-whatsapp.js';
import { redactContactData } from './redact-contact-data.js';
import { removeOffPlatformPayment } from './off-platform-payment.js';
import { splitMessage } from './split-message.js';

export interface PolicyContext {
  customerName?: string;
  businessName: string;
  /** Language of the neutral phrases that replace forbidden data; detected from the text when absent. */
  language?: Language;
}

/**
 * Shapes a specialist's reply for its channel, in code, whatever the model wrote: off-platform payment and
 * forbidden contact data out, markup converted (WhatsApp / plain / e-mail envelope), then split to the channel's length.
 * Returns the messages to send, in order; none is empty.
 */
export function applyChannelPolicy(text: string, policy: ChannelPolicy, ctx: PolicyContext): string[] {
  const language = ctx.language ?? detectLanguage(text) ?? 'es';
  const onPlatform = removeOffPlatformPayment(text, policy.forbid.offPlatformPayment, language);
  const allowed = redactContactData(onPlatform, policy.forbid, language);
  let shaped = policy.format === 'whatsapp' ? markdownToWhatsapp(allowed) : markdownToPlain(allowed);
  if (shaped === '') return [];
  if (policy.format === 'email') shaped = wrapEmail(shaped, policy, ctx);
  return splitMessage(shaped, policy.maxLength);
}
