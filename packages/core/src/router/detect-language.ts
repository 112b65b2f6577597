import type { Language } from '../tenant/tenant.js';
import { tokenize } from './fold-text.js';

// Frequent words that mostly belong to one language (folded: no accents). Words shared by
// Spanish and Portuguese (que, para, de, a) are left out: they tell nothing apart.
const STOP_WORDS: Readonly<Record<Language, ReadonlySet<string>>> = {
  es: new Set(
    (
      'el la los las del y en un una por con es hola quiero quisiera tienen tiene cuanto cuesta gracias buenos buenas ' +
      'usted mi pero necesito hay donde cuando tambien muy bien si senor senora puedo precio pintura ' +
      // Time words Portuguese spells apart (já, agora, depois, logo, hoje, amanhã).
      'ya ahora despues luego hoy manana'
    ).split(' '),
  ),
  pt: new Set(
    (
      'o os as do da dos das e em um uma com nao voce ola obrigado obrigada bom boa quero tem quanto custa meu minha ' +
      'preciso pelo pela isso onde quando tambem muito sim senhor posso preco tinta gostaria valeu vlw obg voces vcs aceitam fazem entregam seu sua pra dois duas ninguem atendimento'
    ).split(' '),
  ),
  en: new Set(
    (
      'the an of and to in is are you i my do does have has hello hi thanks thank please want need how much what ' +
      'can could would price paint order where when yes it this that quote for your some any get gallon gallons ' +
      'or u guys take accept we us with which there just got pls plz thx'
    ).split(' '),
  ),
};

/**
 * Guesses the language of a customer's text from stop words and a few spellings (ñ ¿ ¡ for Spanish,
 * ã õ ç for Portuguese). `undefined` when the text is too short or mixed to tell.
 */
export function detectLanguage(text: string): Language | undefined {
  const score: Record<Language, number> = { es: 0, pt: 0, en: 0 };
  // An e-mail address or a link is not prose: "mateo@example.com" would count "com" (Portuguese "with").
  const prose = text.replace(/\S+@\S+|\bhttps?:\/\/\S+|\bwww\.\S+/gi, ' ');
  for (const token of tokenize(prose)) {
    for (const language of ['es', 'pt', 'en'] as const)
      if (STOP_WORDS[language].has(token)) score[language] += 1;
  }
  if (/[ñ¿¡]/i.test(prose)) score.es += 2;
  if (/[ãõç]|ções|ção/i.test(prose)) score.pt += 2;

  const ranked = (Object.entries(score) as Array<[Language, number]>).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] === 0 || (second && second[1] === first[1])) return undefined;
  return first[0];
}
