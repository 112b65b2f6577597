import { z } from 'zod';
import {
  clockTimeSchema,
  holidaySchema,
  openingHoursMeta,
  overlappingIntervals,
  WEEKDAYS,
  type OpeningHoursMeta,
  type OpeningHoursRecord,
  type Weekday,
} from '../documents/business-datasets.js';

/** One open interval of a weekday. */
const intervalSchema = z
  .object({ opens: clockTimeSchema, closes: clockTimeSchema })
  .strict()
  // Compared only once both are valid times (a malformed one is reported by its own field).
  .refine((i) => !(isTime(i.opens) && isTime(i.closes)) || i.opens < i.closes, {
    path: ['closes'],
    message: 'expected a time after opens',
  });

function isTime(value: string): boolean {
  return clockTimeSchema.safeParse(value).success;
}

/** A weekday's open intervals; none (or the day left out) means closed that day. */
const dayIntervals = z.array(intervalSchema).superRefine((intervals, ctx) => {
  for (const { index, other } of overlappingIntervals(intervals)) {
    const [a, b] = [intervals[index]!, intervals[other]!];
    ctx.addIssue({
      code: 'custom',
      path: [index],
      message: `expected intervals that do not overlap: ${a.opens}–${a.closes} overlaps ${b.opens}–${b.closes}`,
    });
  }
});

/**
 * A tenant's business hours as the admin API reads and writes them: the time zone, the open intervals per
 * weekday and the closed dates. Stored as the tenant's `opening_hours` business data, which the out-of-hours
 * logic and the crew's opening-hours tool read.
 */
export const businessHoursDocumentSchema = z
  .object({
    timezone: openingHoursMeta.shape.timezone,
    weekly: z.partialRecord(z.enum(WEEKDAYS), dayIntervals),
    holidays: z
      .array(holidaySchema)
      .default([])
      .superRefine((holidays, ctx) => {
        const seen = new Set<string>();
        holidays.forEach((h, index) => {
          if (seen.has(h.date))
            ctx.addIssue({
              code: 'custom',
              path: [index, 'date'],
              message: `expected each date once: ${h.date}`,
            });
          seen.add(h.date);
        });
      }),
    /** Left out: the stored value stays (default true). */
    closedOnHolidays: z.boolean().optional(),
    /** Free text the crew may quote (address, dispatch rules); left out: the stored notes stay. */
    notes: z.array(z.string().min(1)).optional(),
  })
  .strict();

export type BusinessHoursDocument = z.input<typeof businessHoursDocumentSchema>;
export type ParsedBusinessHoursDocument = z.output<typeof businessHoursDocumentSchema>;

/** The admin view of an `opening_hours` dataset: every weekday listed, closed days with no intervals. */
export function businessHoursDocument(
  meta: OpeningHoursMeta,
  records: readonly OpeningHoursRecord[],
): Required<ParsedBusinessHoursDocument> & {
  weekly: Record<Weekday, Array<{ opens: string; closes: string }>>;
} {
  const weekly = Object.fromEntries(WEEKDAYS.map((day) => [day, intervalsOf(records, day)])) as Record<
    Weekday,
    Array<{ opens: string; closes: string }>
  >;
  return {
    timezone: meta.timezone,
    weekly,
    holidays: meta.holidays.map((h) => ({ ...h })),
    closedOnHolidays: meta.closedOnHolidays,
    notes: [...meta.notes],
  };
}

/** The `opening_hours` meta and records for a validated document; absent optional fields keep `previous`'s. */
export function openingHoursDataset(
  document: ParsedBusinessHoursDocument,
  previous?: Pick<OpeningHoursMeta, 'closedOnHolidays' | 'notes'>,
): { meta: OpeningHoursMeta; records: OpeningHoursRecord[] } {
  return {
    meta: {
      timezone: document.timezone,
      closedOnHolidays: document.closedOnHolidays ?? previous?.closedOnHolidays ?? true,
      holidays: [...document.holidays].sort((a, b) => (a.date < b.date ? -1 : 1)),
      notes: document.notes ?? previous?.notes ?? [],
    },
    records: WEEKDAYS.flatMap((day) =>
      [...(document.weekly[day] ?? [])]
        .sort((a, b) => (a.opens < b.opens ? -1 : 1))
        .map((i) => ({ day, opens: i.opens, closes: i.closes })),
    ),
  };
}

function intervalsOf(records: readonly OpeningHoursRecord[], day: Weekday) {
  return records
    .filter((r) => r.day === day)
    .map((r) => ({ opens: r.opens, closes: r.closes }))
    .sort((a, b) => (a.opens < b.opens ? -1 : 1));
}
