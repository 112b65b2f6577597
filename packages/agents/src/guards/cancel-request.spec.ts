import { describe, expect, it } from '@jest/globals';
import { asksToCancel } from './cancel-request.js';

describe('asksToCancel', () => {
  it.each([
    'sabes qué, cancela esa cotización, ya no la necesito',
    'anúlala porfa',
    'ya no la necesito',
    'olvida la cotización',
    'pode cancelar o orçamento',
    'please cancel it',
    'never mind, cancel the order',
  ])('reads "%s" as a cancel request', (text) => expect(asksToCancel(text)).toBe(true));

  it.each(['quiero cancelar la cita del martes', 'no la cancele, la confirmo mañana', 'necesito 2 galones'])(
    'does not read "%s" as cancelling the quotation',
    (text) => expect(asksToCancel(text)).toBe(false),
  );
});
