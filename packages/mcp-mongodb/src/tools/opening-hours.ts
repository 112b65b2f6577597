import { z } from 'zod';
import { WEEKDAYS, type OpeningHoursRecord, type Weekday } from '@mcp-crew/core';
import { datasetMissing } from './not-configured.js';
import { defineTool } from './tool.js';

const interval = z.object({ day: z.enum(WEEKDAYS), opens: z.string(), closes: z.string() });

export const getOpeningHours = defineTool({
  name: 'business_get_opening_hours',
  title: 'Opening hours',
  description:
    "The shop's opening hours per weekday (days not listed are closed), whether it is open right now in the shop's timezone, and notes such as holidays.",
  input: {},
  output: {
    timezone: z.string(),
    hours: z.array(interval),
    open_now: z.boolean(),
    local_time: z.string().describe('Now in the shop timezone, e.g. "mon 14:05"'),
    closed_on_holidays: z.boolean(),
    notes: z.array(z.string()),
  },
  async run(_args, ctx) {
    const data = await ctx.business.getKnown(ctx.tenant, 'opening_hours');
    if (!data) throw datasetMissing('opening_hours');
    const { day, time } = localTime(ctx.now(), data.meta.timezone);
    const open = data.records.some(
      (r: OpeningHoursRecord) => r.day === day && r.opens <= time && time < r.closes,
    );
    const lines = data.records.map((r) => `${r.day} ${r.opens}-${r.closes}`).join(', ');
    return {
      result: {
        timezone: data.meta.timezone,
        hours: data.records,
        open_now: open,
        local_time: `${day} ${time}`,
        closed_on_holidays: data.meta.closedOnHolidays,
        notes: data.meta.notes,
      },
      text: `${open ? 'Open now' : 'Closed now'} (${day} ${time} ${data.meta.timezone}). Hours: ${lines}.`,
    };
  },
});

/** Weekday and HH:MM at `epochMs` in `timeZone`. */
export function localTime(epochMs: number, timeZone: string): { day: Weekday; time: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(epochMs));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    day: part('weekday').toLowerCase().slice(0, 3) as Weekday,
    time: `${part('hour')}:${part('minute')}`,
  };
}
