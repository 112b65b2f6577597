import { foldText, type Language } from '@mcp-crew/core';

/**
 * Payment methods customers name, by the words they use for them. Generic language, not the business's:
 * which ones the business takes is read from its own payment text. Card brands are left out on purpose: a text
 * saying "debit or credit card" does not say which brands, so no yes or no is given for them.
 */
const METHODS: ReadonlyArray<{ name: string; words: readonly string[] }> = [
  { name: 'PayPal', words: ['paypal'] },
  { name: 'Pix', words: ['pix'] },
  { name: 'Zelle', words: ['zelle'] },
  { name: 'Venmo', words: ['venmo'] },
  { name: 'Western Union', words: ['western union'] },
  {
    name: 'Bitcoin',
    words: ['bitcoin', 'bitcoins', 'cripto', 'criptomonedas', 'criptomoedas', 'crypto', 'usdt'],
  },
  { name: 'cheque', words: ['cheque', 'cheques'] },
  { name: 'Nequi', words: ['nequi'] },
  { name: 'Daviplata', words: ['daviplata'] },
  { name: 'Efecty', words: ['efecty'] },
  { name: 'PSE', words: ['pse'] },
  { name: 'boleto', words: ['boleto'] },
  { name: 'Mercado Pago', words: ['mercado pago', 'mercadopago'] },
  { name: 'Apple Pay', words: ['apple pay'] },
  { name: 'Google Pay', words: ['google pay'] },
];

/** Every word that names a payment method: a message naming one asks about paying. */
export const PAYMENT_METHOD_WORDS: readonly string[] = METHODS.flatMap((m) => m.words);

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
  const asked = words(question);
  const sentences = paymentText.split(/(?<=[.!?\n])\s+/).map(words);
  return METHODS.filter((m) => m.words.some((w) => asked.includes(` ${w} `))).map((m) => {
    const where = sentences.find((s) => m.words.some((w) => s.includes(` ${w} `)));
    const line = LINES[language];
    if (!where) return line.unlisted(m.name);
    return REFUSES.test(where) ? line.refuses(m.name) : line.takes(m.name);
  });
}

function words(text: string): string {
  return ` ${foldText(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

function cap(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
