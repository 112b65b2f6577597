import { describe, expect, it } from '@jest/globals';
import { addDays, describeDay, wantedTime } from './when.js';

// 2026-11-22 is a Sunday.
const TODAY = '2026-11-22';

describe('wantedTime', () => {
  it.each([
    [
      '¿me pueden agendar una visita técnica el martes en la mañana?',
      { date: '2026-11-24', part: 'morning' },
    ],
    ['quiero una cita mañana', { date: '2026-11-23' }],
    ['pasado mañana en la tarde', { date: '2026-11-24', part: 'afternoon' }],
    ['hoy por la mañana', { date: TODAY, part: 'morning' }],
    ['can you come on Friday afternoon?', { date: '2026-11-27', part: 'afternoon' }],
    ['pode ser na segunda de manhã?', { date: '2026-11-23', part: 'morning' }],
    ['quiero agendar una visita', {}],
    ['el domingo', { date: '2026-11-29' }],
  ])('"%s" → %j', (text, expected) => {
    expect(wantedTime(text, TODAY)).toEqual(expected);
  });

  it("describes a day in the customer's language", () => {
    expect(describeDay('2026-11-24', 'es')).toBe('martes 24 de noviembre');
    expect(describeDay('2026-11-24', 'pt')).toBe('terça-feira, 24 de novembro');
    expect(describeDay('2026-11-24', 'en')).toBe('Tuesday, November 24');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('wantedTime with an hour', () => {
  it('keeps the hour the customer asked for', () => {
    expect(wantedTime('sexta às 3 da tarde', '2026-11-30')).toEqual({
      date: '2026-12-04',
      part: 'afternoon',
      time: { hour: 15, minute: 0 },
    });
  });
});
