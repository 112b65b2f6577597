import { businessHoursFromDataset, isOpenAt, localMoment, nextOpening } from './business-hours.js';

const WEEKDAY = (day: 'mon' | 'tue' | 'wed' | 'thu' | 'fri') => ({ day, opens: '07:30', closes: '18:00' });
// The demo shop: Monday to Friday 7:30–18:00, Saturday 8:00–14:00, Bogotá (UTC−5, no daylight saving).
const SHOP = businessHoursFromDataset(
  {
    timezone: 'America/Bogota',
    holidays: [
      { date: '2026-12-08', name: 'Inmaculada Concepción' },
      { date: '2026-12-25', name: 'Navidad' },
    ],
  },
  [
    WEEKDAY('mon'),
    WEEKDAY('tue'),
    WEEKDAY('wed'),
    WEEKDAY('thu'),
    WEEKDAY('fri'),
    { day: 'sat', opens: '08:00', closes: '14:00' },
  ],
);
/** A Bogotá wall-clock time as epoch ms. */
const bogota = (iso: string) => Date.parse(`${iso}-05:00`);

describe('business hours', () => {
  it('reads the local date, weekday and time in the zone', () => {
    expect(localMoment(bogota('2026-11-30T23:10:00'), 'America/Bogota')).toEqual({
      date: '2026-11-30',
      day: 'mon',
      time: '23:10',
    });
    // The same instant is already Tuesday in UTC.
    expect(localMoment(bogota('2026-11-30T23:10:00'), 'UTC')).toEqual({
      date: '2026-12-01',
      day: 'tue',
      time: '04:10',
    });
  });

  it('is open inside an interval, closed at its end, at night, on Sunday and on a holiday', () => {
    expect(isOpenAt(SHOP, bogota('2026-11-30T07:30:00'))).toBe(true);
    expect(isOpenAt(SHOP, bogota('2026-11-30T17:59:00'))).toBe(true);
    expect(isOpenAt(SHOP, bogota('2026-11-30T18:00:00'))).toBe(false);
    expect(isOpenAt(SHOP, bogota('2026-11-30T23:10:00'))).toBe(false);
    expect(isOpenAt(SHOP, bogota('2026-12-06T11:00:00'))).toBe(false); // Sunday
    expect(isOpenAt(SHOP, bogota('2026-12-08T11:00:00'))).toBe(false); // Tuesday, a holiday
    expect(isOpenAt(SHOP, bogota('2026-12-09T11:00:00'))).toBe(true);
  });

  it('finds the next opening: later today, tomorrow, after a weekend, after a holiday', () => {
    expect(nextOpening(SHOP, bogota('2026-11-30T05:00:00'))).toEqual({
      date: '2026-11-30',
      day: 'mon',
      time: '07:30',
      daysAhead: 0,
    });
    expect(nextOpening(SHOP, bogota('2026-11-30T23:10:00'))).toMatchObject({
      date: '2026-12-01',
      time: '07:30',
      daysAhead: 1,
    });
    // Saturday after closing → Monday.
    expect(nextOpening(SHOP, bogota('2026-12-05T15:00:00'))).toMatchObject({
      date: '2026-12-07',
      day: 'mon',
      daysAhead: 2,
    });
    // Monday night before the Tuesday holiday → Wednesday.
    expect(nextOpening(SHOP, bogota('2026-12-07T20:00:00'))).toMatchObject({
      date: '2026-12-09',
      day: 'wed',
      daysAhead: 2,
    });
  });

  it('has no next opening for a schedule without intervals', () => {
    const closed = businessHoursFromDataset({ timezone: 'America/Bogota' }, []);
    expect(nextOpening(closed, bogota('2026-11-30T12:00:00'))).toBeUndefined();
    expect(isOpenAt(closed, bogota('2026-11-30T12:00:00'))).toBe(false);
  });

  it('follows daylight saving of the zone (São Paulo has none since 2019; Madrid does)', () => {
    const madrid = businessHoursFromDataset({ timezone: 'Europe/Madrid' }, [
      { day: 'sun', opens: '09:00', closes: '10:00' },
    ]);
    // 2026-03-29 is the Sunday Madrid moves to UTC+2: 07:30 UTC is 09:30 local.
    expect(isOpenAt(madrid, Date.parse('2026-03-29T07:30:00Z'))).toBe(true);
    expect(isOpenAt(madrid, Date.parse('2026-03-22T07:30:00Z'))).toBe(false); // 08:30 local, UTC+1
  });
});
