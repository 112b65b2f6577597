import type { Language } from '@mcp-crew/core';
import { mentionsAny, PAYMENT_METHODS, spaced } from './lexicon.js';

// "No aceptamos cheques", "não aceitamos", "we do not accept": a sentence that refuses what it names.
const REFUSES = /\b(no|nao|not|don t|do not|never|nunca|tampoco)\b/;

const LINES: Record<
  Language,
  { takes: (n: string) => string; refuses: (n: string) => string; unlisted: (n: string) => string }
> = {
  es: {
    takes: (n) => `Sí, recibimos ${n}.`,
    refuses: (n) => `No recibimos ${n}.`,
    unlisted: (n) => `${cap(n)} no está entre nuestros medios de pago.`,
  },
  pt: {
    takes: (n) => `Sim, aceitamos ${n}.`,
    refuses: (n) => `Não aceitamos ${n}.`,
    unlisted: (n) => `${cap(n)} não está entre as nossas formas de pagamento.`,
  },
  en: {
    takes: (n) => `Yes, we take ${n}.`,
    refuses: (n) => `We don't take ${n}.`,
    unlisted: (n) => `${cap(n)} isn't one of our payment methods.`,
  },
};

/**
 * A direct yes or no for each payment method the question names ("¿aceptan PayPal?", "e aceitam pix?"), read
 * from the business's payment text: named in a sentence that refuses it, named otherwise, or not named at all.
 */
export function paymentMethodAnswers(question: string, paymentText: string, language: Language): string[] {
  const sentences = paymentText.split(/(?<=[.!?\n])\s+/);
  return PAYMENT_METHODS.filter((m) => mentionsAny(question, m.words)).map((m) => {
    const where = sentences.find((s) => mentionsAny(s, m.words));
    const line = LINES[language];
    if (!where) return line.unlisted(m.name);
    return REFUSES.test(spaced(where)) ? line.refuses(m.name) : line.takes(m.name);
  });
}

function cap(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
