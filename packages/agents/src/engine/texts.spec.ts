import { describe, expect, it } from '@jest/globals';
import { textsFor } from './texts.js';

describe("textsFor: a greeting in the customer's language", () => {
  it.each([
    ['es', '¡Hola!'],
    ['pt', 'Olá!'],
    ['en', 'Hi!'],
  ] as const)('%s greets with the business name', (language, hello) => {
    const text = textsFor(language).greeting('Pinturas El Arcoíris');
    expect(text).toContain(hello);
    expect(text).toContain('Pinturas El Arcoíris');
  });
});
