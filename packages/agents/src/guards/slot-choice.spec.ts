import { describe, expect, it } from '@jest/globals';
import { onlyTime, timeIn, yesToSlot } from './slot-choice.js';

describe('yesToSlot', () => {
  it.each([
    ['sí', {}],
    ['sí, el de las 9', { time: { hour: 9, minute: 0 } }],
    ['Sí, a las 10:30 por favor', { time: { hour: 10, minute: 30 } }],
    ['dale, las 3', { time: { hour: 15, minute: 0 } }],
    ['sí, las 2 de la tarde', { time: { hour: 14, minute: 0 } }],
    ['yes, the 9 am one', { time: { hour: 9, minute: 0 } }],
    ['sim, às 11', { time: { hour: 11, minute: 0 } }],
  ])('"%s" is a yes picking %j', (text, expected) => {
    expect(yesToSlot(text)).toEqual(expected);
  });

  it.each(['el de las 9', '¿sí, a las 9?', 'sí, pero a las 9 y cancelen lo demás', 'no', 'ok'])(
    '"%s" is not a yes',
    (text) => {
      expect(yesToSlot(text)).toBeUndefined();
    },
  );
});

describe('times of day', () => {
  it('tells a time named alone from a request that names a time', () => {
    expect(onlyTime('mejor a las 10 de la mañana')).toEqual({ hour: 10, minute: 0 });
    expect(onlyTime('confirm the visit at 3 pm and also cancel my other orders')).toBeUndefined();
  });

  it('finds the time a request names, not any number', () => {
    expect(timeIn('posso agendar pra sexta às 3 da tarde?')).toEqual({ hour: 15, minute: 0 });
    expect(timeIn('next monday at 9am')).toEqual({ hour: 9, minute: 0 });
    expect(timeIn('necesito 2 galones para el jueves')).toBeUndefined();
  });
});
