import { validateBusinessDataset } from '../documents/business-datasets.js';
import {
  businessHoursDocument,
  businessHoursDocumentSchema,
  openingHoursDataset,
} from './business-hours-document.js';
import { businessHoursFromDataset, isOpenAt } from './business-hours.js';

/** Each problem as "path: message", the way the admin API reports it. */
function problems(body: unknown): string[] {
  const parsed = businessHoursDocumentSchema.safeParse(body);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const SPLIT_MONDAY = {
  timezone: 'America/Bogota',
  weekly: {
    mon: [
      { opens: '14:00', closes: '18:00' },
      { opens: '07:30', closes: '12:00' },
    ],
    sat: [{ opens: '08:00', closes: '14:00' }],
  },
  holidays: [{ date: '2026-12-25', name: 'Navidad' }, { date: '2026-12-08' }],
};

describe('business hours document (admin API)', () => {
  it('accepts several intervals a day and stores them as the opening_hours dataset, sorted', () => {
    const document = businessHoursDocumentSchema.parse(SPLIT_MONDAY);
    const dataset = openingHoursDataset(document, { closedOnHolidays: false, notes: ['Carrera 43A'] });
    expect(dataset.records).toEqual([
      { day: 'mon', opens: '07:30', closes: '12:00' },
      { day: 'mon', opens: '14:00', closes: '18:00' },
      { day: 'sat', opens: '08:00', closes: '14:00' },
    ]);
    // Notes and closedOnHolidays were not given: the stored ones stay.
    expect(dataset.meta).toEqual({
      timezone: 'America/Bogota',
      closedOnHolidays: false,
      holidays: [{ date: '2026-12-08' }, { date: '2026-12-25', name: 'Navidad' }],
      notes: ['Carrera 43A'],
    });
    // The stored form is a valid dataset, and the out-of-hours logic reads the lunch break as closed.
    expect(() => validateBusinessDataset('opening_hours', dataset.meta, dataset.records)).not.toThrow();
    const hours = businessHoursFromDataset(dataset.meta, dataset.records);
    expect(isOpenAt(hours, Date.parse('2026-11-30T11:00:00-05:00'))).toBe(true);
    expect(isOpenAt(hours, Date.parse('2026-11-30T13:00:00-05:00'))).toBe(false);
    expect(isOpenAt(hours, Date.parse('2026-11-30T15:00:00-05:00'))).toBe(true);
  });

  it('reads a dataset back with every weekday listed, closed days empty', () => {
    const { meta, records } = openingHoursDataset(businessHoursDocumentSchema.parse(SPLIT_MONDAY));
    const document = businessHoursDocument(meta, records);
    expect(document.weekly).toEqual({
      mon: [
        { opens: '07:30', closes: '12:00' },
        { opens: '14:00', closes: '18:00' },
      ],
      tue: [],
      wed: [],
      thu: [],
      fri: [],
      sat: [{ opens: '08:00', closes: '14:00' }],
      sun: [],
    });
    expect(businessHoursDocumentSchema.parse(document)).toEqual(document);
  });

  it('names the field of an overlapping or inverted interval and what was expected', () => {
    expect(
      problems({
        timezone: 'America/Bogota',
        weekly: {
          mon: [
            { opens: '07:30', closes: '12:00' },
            { opens: '11:00', closes: '18:00' },
          ],
          tue: [{ opens: '18:00', closes: '07:30' }],
          wed: [{ opens: '7:30', closes: '24:00' }],
        },
      }),
    ).toEqual([
      'weekly.mon.1: expected intervals that do not overlap: 11:00–18:00 overlaps 07:30–12:00',
      'weekly.tue.0.closes: expected a time after opens',
      'weekly.wed.0.opens: expected HH:MM (24 h)',
      'weekly.wed.0.closes: expected HH:MM (24 h)',
    ]);
  });

  it('rejects an unknown time zone, weekday or field, a malformed or repeated date', () => {
    expect(
      problems({
        timezone: 'Mars/Olympus_Mons',
        weekly: { monday: [] },
        holidays: [{ date: '2026-12-25' }, { date: '2026-12-25' }, { date: '2026-13-01' }],
        opensEarly: true,
      }),
    ).toEqual([
      'timezone: expected an IANA time zone such as America/Bogota',
      'weekly: Unrecognized key: "monday"',
      'holidays.2.date: expected YYYY-MM-DD',
      'holidays.1.date: expected each date once: 2026-12-25',
      expect.stringMatching(/^: Unrecognized key: "opensEarly"/),
    ]);
  });

  it('checks overlaps in opening_hours business data written any other way (files, document store)', () => {
    expect(() =>
      validateBusinessDataset('opening_hours', { timezone: 'America/Bogota' }, [
        { day: 'mon', opens: '07:30', closes: '12:00' },
        { day: 'tue', opens: '08:00', closes: '09:00' },
        { day: 'mon', opens: '09:00', closes: '10:00' },
      ]),
    ).toThrow('records.2: expected intervals that do not overlap: mon 09:00–10:00 overlaps mon 07:30–12:00');
  });
});
