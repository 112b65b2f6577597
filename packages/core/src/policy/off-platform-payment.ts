import { foldText } from '../router/fold-text.js';
import type { Language } from '../tenant/tenant.js';

/** What the customer reads when every sentence of a reply offered a way to pay outside the platform. */
export const PLATFORM_PAYMENT_TEXT: Readonly<Record<Language, string>> = {
  es: 'El pago se hace únicamente dentro de la plataforma donde realizaste la compra, con los medios que ella ofrece.',
  pt: 'O pagamento é feito somente dentro da plataforma onde você fez a compra, com os meios que ela oferece.',
  en: 'Payment is made only inside the platform where you bought, with the methods it offers.',
};

// Sentence ends inside a line: ". ", "? ", "! " (a list item or a line is a sentence of its own).
const SENTENCE = /(?<=[.!?])\s+(?=\S)/;

/**
 * Takes out of a reply every sentence that names a way to pay outside the platform (`terms`, from the crew's
 * `policy.forbid.offPlatformPayment`: "Nequi", "transferencia", "comprobante"…), whole words, without case or
 * accents. Headings and lists keep their other lines; when nothing is left, the platform's own rule is said.
 */
export function removeOffPlatformPayment(text: string, terms: readonly string[], language: Language): string {
  if (terms.length === 0) return text;
  const folded = terms.map(
    (t) =>
      ` ${foldText(t)
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()} `,
  );
  const offers = (sentence: string) => {
    const words = ` ${foldText(sentence).replace(/[^a-z0-9]+/g, ' ')} `;
    return folded.some((term) => words.includes(term));
  };
  let removed = false;
  const lines = text.split('\n').map((line) => {
    const sentences = line.split(SENTENCE);
    const kept = sentences.filter((s) => !offers(s));
    if (kept.length === sentences.length) return line;
    removed = true;
    return kept.length === 0 ? undefined : kept.join(' ');
  });
  if (!removed) return text;
  const out = lines
    .filter((line): line is string => line !== undefined)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  // Only headings or nothing left: the answer was about paying, and the platform's rule is the answer.
  const substance = out
    .split('\n')
    .filter((l) => l.trim() && !/^\s*(?:#|\*[^*]+\*\s*$|[^.!?]*:\s*$)/.test(l));
  return substance.length === 0
    ? PLATFORM_PAYMENT_TEXT[language]
    : `${out}\n\n${PLATFORM_PAYMENT_TEXT[language]}`;
}
