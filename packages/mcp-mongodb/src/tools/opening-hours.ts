import { z } from 'zod';
import { businessHoursFromDataset, isOpenAt, localMoment, nextOpening, WEEKDAYS } from '@mcp-crew/core';
import { datasetMissing } from './not-configured.js';
import { defineTool } from './tool.js';

const interval = z.object({ day: z.enum(WEEKDAYS), opens: z.string(), closes: z.string() });
const holiday = z.object({ date: z.string(), name: z.string().optional() });

/** The tool the crew's specialists call for the tenant's opening hours. */
export const OPENING_HOURS_TOOL = 'business_get_opening_hours' as const;

export const getOpeningHours = defineTool({
  name: OPENING_HOURS_TOOL,
  title: 'Opening hours',
  description:
    "The shop's opening hours per weekday (unlisted days closed), its closed dates (holidays), whether it is open now (shop's time zone) and when it next opens.",
  input: {},
  output: {
    timezone: z.string(),
    hours: z.array(interval),
    holidays: z.array(holiday),
    open_now: z.boolean(),
    local_time: z.string().describe('Now in the shop timezone, e.g. "mon 14:05"'),
    local_date: z.string().describe('Today in the shop timezone, YYYY-MM-DD'),
    next_opening: z
      .string()
      .optional()
      .describe('When closed: the next opening in the shop timezone, e.g. "tue 2026-12-01 07:30"'),
    next_opening_at: z
      .object({ date: z.string(), day: z.enum(WEEKDAYS), time: z.string(), days_ahead: z.number() })
      .optional()
      .describe('The same as next_opening, structured (days_ahead: 0 today, 1 tomorrow)'),
    closed_on_holidays: z.boolean(),
    notes: z.array(z.string()),
  },
  async run(_args, ctx) {
    const data = await ctx.business.getKnown(ctx.tenant, 'opening_hours');
    if (!data) throw datasetMissing('opening_hours');
    const hours = businessHoursFromDataset(data.meta, data.records);
    const now = ctx.now();
    const { date, day, time } = localMoment(now, data.meta.timezone);
    const open = isOpenAt(hours, now);
    const next = open ? undefined : nextOpening(hours, now);
    const nextText = next ? `${next.day} ${next.date} ${next.time}` : undefined;
    const lines = data.records.map((r) => `${r.day} ${r.opens}-${r.closes}`).join(', ');
    const closedDates = data.meta.holidays.map((h) => h.date).join(', ');
    return {
      result: {
        timezone: data.meta.timezone,
        hours: data.records,
        holidays: data.meta.holidays,
        open_now: open,
        local_time: `${day} ${time}`,
        local_date: date,
        ...(next
          ? {
              next_opening: nextText,
              next_opening_at: {
                date: next.date,
                day: next.day,
                time: next.time,
                days_ahead: next.daysAhead,
              },
            }
          : {}),
        closed_on_holidays: data.meta.closedOnHolidays,
        notes: data.meta.notes,
      },
      text:
        `${open ? 'Open now' : 'Closed now'} (${day} ${time} ${data.meta.timezone}).` +
        (nextText ? ` Opens next ${nextText}.` : '') +
        ` Hours: ${lines}.` +
        (closedDates ? ` Closed on: ${closedDates}.` : '') +
        (data.meta.closedOnHolidays ? ' Closed on public holidays.' : '') +
        // The text is all a hosted model reads of the result: the business's notes belong in it.
        (data.meta.notes.length ? ` Notes: ${data.meta.notes.join(' ')}` : ''),
    };
  },
});

/** What `business_get_opening_hours` returns as its structured result. */
export type OpeningHoursOutput = z.infer<z.ZodObject<(typeof getOpeningHours)['output']>>;
