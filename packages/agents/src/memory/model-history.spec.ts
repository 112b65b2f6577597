import { describe, expect, it } from '@jest/globals';
import { modelHistory } from './model-history.js';

const at = '2026-11-30T10:00:00.000Z';
const turn = (n: number) => [
  { role: 'customer' as const, text: `pregunta ${n}`, at },
  { role: 'bot' as const, text: `respuesta ${n} ${'larga '.repeat(50)}`, at },
];

describe('modelHistory (what a hosted model is shown of the conversation)', () => {
  it('keeps a short conversation verbatim, with nothing to summarise', () => {
    const history = modelHistory([...turn(1), ...turn(2)], 4);
    expect(history.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(history.earlier).toEqual([]);
  });

  it('bounds a long one: the last messages verbatim, the earlier customer requests in brief', () => {
    const long = Array.from({ length: 12 }, (_, n) => turn(n + 1)).flat();
    long[0] = {
      role: 'customer',
      text: `Soy Camila,   camila@example.com. ${'quiero pintura '.repeat(20)}`,
      at,
    };
    const history = modelHistory(long, 4);
    expect(history.messages).toEqual([
      { role: 'user', content: 'pregunta 11' },
      { role: 'assistant', content: long[21]!.text },
      { role: 'user', content: 'pregunta 12' },
      { role: 'assistant', content: long[23]!.text },
    ]);
    // The six requests before the window, newest last; bot replies are not repeated.
    expect(history.earlier).toEqual([
      'pregunta 5',
      'pregunta 6',
      'pregunta 7',
      'pregunta 8',
      'pregunta 9',
      'pregunta 10',
    ]);
    const first = modelHistory(long.slice(0, 6), 2).earlier[0]!;
    expect(first.startsWith('Soy Camila, camila@example.com.')).toBe(true);
    expect(first.length).toBeLessThanOrEqual(160);
  });
});
