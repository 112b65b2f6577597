import { z } from 'zod';
import { CrewError } from '@mcp-crew/core';
import { formUrl } from './orders.js';
import {
  formatLocal,
  freeSlots,
  fromOdooDatetime,
  localToUtc,
  toOdooDatetime,
  type Interval,
} from './slots.js';
import { defineTool, type ToolContext } from './tool.js';

const slotShape = z.object({
  start: z.string().describe('ISO-8601 UTC'),
  end: z.string(),
  local: z.string().describe("wall-clock time in the business's zone"),
});

async function busyBetween(ctx: ToolContext, from: Date, to: Date): Promise<Interval[]> {
  const events = await ctx.api.searchRead(
    'calendar.event',
    [
      ['start', '<', toOdooDatetime(to)],
      ['stop', '>', toOdooDatetime(from)],
    ],
    { fields: ['start', 'stop'] },
  );
  return events.map((e) => ({
    start: fromOdooDatetime(String(e['start'])),
    end: fromOdooDatetime(String(e['stop'])),
  }));
}

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const findFreeSlots = defineTool({
  name: 'odoo_free_slots',
  title: 'Free appointment slots',
  description:
    'Free appointment slots between two dates (business time zone): within opening hours, clear of calendar events.',
  kind: 'read',
  input: {
    date_from: localDate,
    date_to: localDate,
    duration_minutes: z.number().int().min(15).max(480).default(60),
    limit: z.number().int().min(1).max(30).default(8),
  },
  output: { slots: z.array(slotShape), time_zone: z.string() },
  async run({ date_from, date_to, duration_minutes, limit }, ctx) {
    const tz = ctx.settings.timezone;
    const from = localToUtc(date_from, '00:00', tz);
    const to = localToUtc(date_to, '23:59', tz);
    if (to <= from)
      throw new CrewError('ODOO_VALIDATION_ERROR', 'date_to must not be before date_from', {
        domain: 'odoo',
        category: 'user',
      });
    const busy = await busyBetween(ctx, from, to);
    const slots = freeSlots({
      from,
      to,
      durationMinutes: duration_minutes,
      hours: ctx.settings.workingHours,
      timeZone: tz,
      busy,
      now: new Date(),
      max: limit,
    });
    const result = slots.map((s) => ({
      start: s.start.toISOString(),
      end: s.end.toISOString(),
      local: formatLocal(s.start, tz),
    }));
    return {
      result: { slots: result, time_zone: tz },
      text: result.length
        ? `Free slots (${tz}): ${result.map((s) => s.local).join(', ')}`
        : 'No free slot in that range.',
    };
  },
});

export const bookAppointment = defineTool({
  name: 'odoo_book_appointment',
  title: 'Book an appointment',
  description:
    'Book a visit (calendar event, customer as attendee) in a free slot within opening hours. Commits the business: only after the customer accepted the slot.',
  kind: 'destructive',
  input: {
    start_local: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, 'expected "YYYY-MM-DD HH:MM" in the business\'s time zone'),
    duration_minutes: z.number().int().min(15).max(480).default(60),
    title: z.string().min(3),
    customer_id: z.number().int().positive(),
    description: z.string().max(2000).optional(),
  },
  output: {
    event_id: z.number().int(),
    title: z.string(),
    start: z.string(),
    end: z.string(),
    local: z.string(),
    form_url: z.string(),
  },
  async run({ start_local, duration_minutes, title, customer_id, description }, ctx) {
    const tz = ctx.settings.timezone;
    const [date, time] = start_local.split(' ') as [string, string];
    const start = localToUtc(date, time, tz);
    const end = new Date(start.getTime() + duration_minutes * 60_000);
    const dayEnd = localToUtc(date, '23:59', tz);
    const free = freeSlots({
      from: start,
      to: dayEnd,
      durationMinutes: duration_minutes,
      hours: ctx.settings.workingHours,
      timeZone: tz,
      busy: await busyBetween(ctx, start, end),
      now: new Date(),
      max: 1,
    });
    if (free[0]?.start.getTime() !== start.getTime()) {
      throw new CrewError(
        'ODOO_SLOT_UNAVAILABLE',
        `${start_local} is outside opening hours, in the past, or already taken`,
        { domain: 'odoo', category: 'user' },
      );
    }
    const values: Record<string, unknown> = {
      name: title,
      start: toOdooDatetime(start),
      stop: toOdooDatetime(end),
      partner_ids: [[6, 0, [customer_id]]],
    };
    if (description) values['description'] = description;
    const id = await ctx.api.create('calendar.event', values);
    const local = formatLocal(start, tz);
    return {
      result: {
        event_id: id,
        title,
        start: start.toISOString(),
        end: end.toISOString(),
        local,
        form_url: formUrl(ctx, 'calendar.event', id),
      },
      text: `Booked "${title}" on ${local} (${tz}), event #${id}.`,
    };
  },
});
