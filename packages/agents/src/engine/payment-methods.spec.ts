import { describe, expect, it } from '@jest/globals';
import { paymentMethodAnswers } from './payment-methods.js';

const SHOP =
  'Aceptamos efectivo, Nequi, Daviplata y transferencia bancaria.\n- Empresas con crédito pagan a 30 días.\n- No aceptamos cheques.';

describe('paymentMethodAnswers', () => {
  it('says yes to a method the text lists, no to one it refuses, and not ours to one it never names', () => {
    expect(paymentMethodAnswers('¿reciben nequi o cheque?', SHOP, 'es')).toEqual([
      'No recibimos cheque.',
      'Sí, recibimos Nequi.',
    ]);
    expect(paymentMethodAnswers('e aceitam pix?', SHOP, 'pt')).toEqual([
      'Pix não está entre as nossas formas de pagamento.',
    ]);
    expect(paymentMethodAnswers('do you take paypal or amex?', SHOP, 'en')).toEqual([
      "PayPal isn't one of our payment methods.",
    ]);
  });

  it('names nothing when the question names no method', () => {
    expect(paymentMethodAnswers('¿cuáles son los medios de pago?', SHOP, 'es')).toEqual([]);
  });
});
