import { formatLocal, freeSlots, localToUtc, zoneOffsetMinutes } from './slots.js';

const hours = {
  1: [
    ['08:00', '12:00'],
    ['13:00', '17:00'],
  ] as Array<[string, string]>,
  6: [['08:00', '12:00']] as Array<[string, string]>,
};
const tz = 'America/Bogota';

describe('appointment slots', () => {
  it('converts Bogotá wall-clock time to UTC (UTC-5, no DST)', () => {
    expect(zoneOffsetMinutes(tz, new Date('2026-12-07T12:00:00Z'))).toBe(-300);
    expect(localToUtc('2026-12-07', '08:00', tz).toISOString()).toBe('2026-12-07T13:00:00.000Z');
    expect(formatLocal(new Date('2026-12-07T13:00:00Z'), tz)).toBe('2026-12-07 08:00');
  });

  it('offers half-hour starts inside opening hours, skipping busy events and the lunch break', () => {
    const from = localToUtc('2026-12-07', '00:00', tz); // a Monday
    const to = localToUtc('2026-12-07', '23:59', tz);
    const busy = [
      { start: localToUtc('2026-12-07', '09:00', tz), end: localToUtc('2026-12-07', '10:00', tz) },
    ];
    const slots = freeSlots({
      from,
      to,
      durationMinutes: 60,
      hours,
      timeZone: tz,
      busy,
      now: new Date('2026-12-01T00:00:00Z'),
      max: 50,
    });
    const local = slots.map((s) => formatLocal(s.start, tz).slice(11));
    expect(local).toEqual([
      '08:00',
      '10:00',
      '10:30',
      '11:00',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
    ]);
  });

  it('offers nothing on closed days or in the past', () => {
    const sunday = { from: localToUtc('2026-12-06', '00:00', tz), to: localToUtc('2026-12-06', '23:59', tz) };
    expect(
      freeSlots({ ...sunday, durationMinutes: 30, hours, timeZone: tz, busy: [], now: new Date(0), max: 10 }),
    ).toEqual([]);
    const monday = { from: localToUtc('2026-12-07', '00:00', tz), to: localToUtc('2026-12-07', '23:59', tz) };
    expect(
      freeSlots({
        ...monday,
        durationMinutes: 30,
        hours,
        timeZone: tz,
        busy: [],
        now: new Date('2026-12-08T00:00:00Z'),
        max: 10,
      }),
    ).toEqual([]);
  });
});
