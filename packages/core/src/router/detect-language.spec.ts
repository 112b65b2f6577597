import { detectLanguage } from './detect-language.js';

describe('detectLanguage', () => {
  it.each([
    ['Hola, ¿cuánto cuesta el galón de vinilo blanco?', 'es'],
    ['Buenas tardes, necesito una cotización', 'es'],
    ['Olá, quanto custa a tinta branca? Obrigado', 'pt'],
    ['Preciso de uma cotação para o meu pedido', 'pt'],
    ['Hi, how much is the white paint?', 'en'],
    ['I want to check my order please', 'en'],
    ['hey do u guys take paypal? or nequi?', 'en'],
  ])('"%s" is %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('does not read an e-mail address as words ("com" is Portuguese)', () => {
    expect(detectLanguage('Mateo Giraldo, mateo.giraldo@example.com')).toBeUndefined();
    expect(detectLanguage('soy Mateo, mi correo es mateo@example.com')).toBe('es');
  });

  it('reads "vocês aceitam…" as Portuguese', () => {
    expect(detectLanguage('vocês aceitam cheque?')).toBe('pt');
  });

  it('reads short requests without the commonest words', () => {
    expect(detectLanguage('quote me 2 foam rollers')).toBe('en');
    expect(detectLanguage('que absurdo, ninguém me responde há dois dias')).toBe('pt');
  });

  it('does not read Spain\'s "os" as Portuguese beside Spanish time words', () => {
    expect(detectLanguage('de momento no, ya os digo algo')).not.toBe('pt');
    expect(detectLanguage('luego te confirmo, hoy no')).toBe('es');
  });

  it('knows Brazilian thanks in slang', () => {
    expect(detectLanguage('valeu, tmj')).toBe('pt');
  });

  it.each(['', '2', 'ok', '👍', 'S00012'])('cannot tell from "%s"', (text) => {
    expect(detectLanguage(text)).toBeUndefined();
  });
});
