import type { ChannelPolicy } from '../crew/crew.js';

export interface EnvelopeContext {
  customerName?: string;
  businessName: string;
}

// A short first line that is only a greeting: the policy's own greeting replaces it.
const LEADING_GREETING =
  /^(?:hola|hello|hi|ol[aá]|oi|buen[oa]s?(?: d[ií]as| tardes| noches)?|bom dia|boa tarde|boa noite|estimad[oa]|dear)\b[^\n]{0,40}\n+/iu;

/** The customer's first name, or undefined when the "name" is an e-mail address or empty. */
export function customerFirstName(name: string | undefined): string | undefined {
  const first = name?.trim().split(/\s+/)[0];
  return first && !first.includes('@') ? first : undefined;
}

/**
 * Wraps a plain-text body as an e-mail: `emailGreeting` (`{name}` = first name; dropped with its
 * leading space when unknown), a blank line, the body, a blank line, `emailSignature` (`{business}`).
 */
export function wrapEmail(body: string, policy: ChannelPolicy, ctx: EnvelopeContext): string {
  const name = customerFirstName(ctx.customerName);
  const greeting = policy.emailGreeting?.replace(/\s*\{name\}/g, name ? ` ${name}` : '').trim();
  const signature = policy.emailSignature?.replace(/\{business\}/g, ctx.businessName).trim();
  const text = greeting ? body.replace(LEADING_GREETING, '') : body;
  return [greeting, text.trim(), signature].filter((part): part is string => !!part).join('\n\n');
}
