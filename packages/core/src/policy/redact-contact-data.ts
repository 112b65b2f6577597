import type { ChannelPolicy } from '../crew/crew.js';
import type { Language } from '../tenant/tenant.js';

export type ForbidRules = Pick<ChannelPolicy['forbid'], 'phoneNumbers' | 'emails' | 'links'>;

/** What the customer reads where contact data or a link was taken out. */
export const REDACTED_TEXT: Readonly<Record<Language, { contact: string; link: string }>> = {
  es: { contact: '[dato de contacto omitido]', link: '[enlace omitido]' },
  pt: { contact: '[dado de contato omitido]', link: '[link omitido]' },
  en: { contact: '[contact details removed]', link: '[link removed]' },
};

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const MARKDOWN_LINK = /\[([^\]\n]+)\]\([^)\s]+(?:\s+"[^"\n]*")?\)/g;
const URL = /(?<![\p{L}\p{N}@._-])(?:https?:\/\/|www\.)[^\s<>()[\]]+/giu;
// Lowercase TLDs only: "gracias.Me avisas" is a missing space, "tienda.com.co" is a domain.
const TLDS =
  'com|net|org|co|br|info|biz|store|shop|online|site|app|io|me|ly|gl|link|ar|mx|cl|pe|ec|uy|ve|es|pt|us|tv|xyz|lat|tienda';
const BARE_DOMAIN = new RegExp(
  `(?<![\\p{L}\\p{N}@._/-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+(?:${TLDS})(?![\\p{L}\\p{N}_-])(?:/[^\\s<>()]*)?`,
  'gu',
);
// Digits with single spaces, dots or dashes between them, an optional +country code and (area code).
const PHONE =
  /(?<![\p{L}\p{N}$€£#/.,_-])(?:\+[ ]?\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d(?:[ .-]?\d){5,13}(?![\p{L}\p{N}]|[.,]\d)/gu;
// Words right before a number that make it a price, a code or an order, not a phone.
const NOT_A_PHONE_BEFORE =
  /(?:[$€£]|\b(?:cop|usd|brl|r\$|precio|valor|total|subtotal|ref|referencia|c[oó]d|c[oó]digo|sku|nit|cc|pedido|orden|order|factura|n[°º]|no))[\s.:]*$/iu;
const NOT_A_PHONE_AFTER = /^\s*(?:pesos|cop|usd|reales|mil|millones|unidades|und|galones|%)/iu;

function trimTrailingPunctuation(match: string): [string, string] {
  const core = match.replace(/[.,;:!?'")\]]+$/, '');
  return [core, match.slice(core.length)];
}

function looksLikePhone(candidate: string, before: string, after: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  const international = candidate.startsWith('+') || candidate.includes('(');
  if (!international && /^\d{1,3}(?:[.,]\d{3})+$/.test(candidate)) return false; // 1.250.000
  if (/^\d{4}[-.]\d{1,2}[-.]\d{1,2}$|^\d{1,2}[-.]\d{1,2}[-.]\d{2,4}$/.test(candidate)) return false; // dates
  if (!international && (NOT_A_PHONE_BEFORE.test(before.slice(-16)) || NOT_A_PHONE_AFTER.test(after)))
    return false;
  return true;
}

/**
 * Takes phone numbers, e-mail addresses and links out of a reply when the channel forbids them
 * (Mercado Livre bans contact data in messages), replacing each with a short neutral phrase.
 * Prices ("$ 85.000"), quantities, dates, order names (S00012) and product codes are left alone.
 */
export function redactContactData(text: string, forbid: ForbidRules, language: Language): string {
  const say = REDACTED_TEXT[language];
  let out = text;
  if (forbid.links) out = out.replace(MARKDOWN_LINK, '$1');
  if (forbid.emails) out = out.replace(EMAIL, say.contact);
  if (forbid.links) {
    const replaceLink = (match: string) => {
      const [, trailing] = trimTrailingPunctuation(match);
      return say.link + trailing;
    };
    out = out.replace(URL, replaceLink).replace(BARE_DOMAIN, replaceLink);
  }
  if (forbid.phoneNumbers) {
    out = out.replace(PHONE, (match: string, offset: number, whole: string) =>
      looksLikePhone(match, whole.slice(0, offset), whole.slice(offset + match.length)) ? say.contact : match,
    );
  }
  return out;
}
