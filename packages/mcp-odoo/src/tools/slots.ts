import type { WorkingHours } from './tool.js';

export interface Interval {
  start: Date;
  end: Date;
}

/** Offset in minutes of a time zone at an instant (e.g. America/Bogota → -300). */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
    .formatToParts(at)
    .reduce<Record<string, number>>(
      (acc, p) => (p.type !== 'literal' ? { ...acc, [p.type]: Number(p.value) } : acc),
      {},
    );
  const asUtc = Date.UTC(
    parts['year']!,
    parts['month']! - 1,
    parts['day']!,
    parts['hour']!,
    parts['minute']!,
    parts['second']!,
  );
  return Math.round((asUtc - at.getTime()) / 60_000);
}

/** The instant of a local wall-clock time in a zone. */
export function localToUtc(date: string, time: string, timeZone: string): Date {
  const naive = new Date(`${date}T${time}:00Z`);
  return new Date(naive.getTime() - zoneOffsetMinutes(timeZone, naive) * 60_000);
}

/**
 * Free slots of `durationMinutes` inside the working hours of each day in [from, to], minus busy
 * intervals. Slots start on the hour or half hour; the calendar's events are the busy intervals.
 */
export function freeSlots(opts: {
  from: Date;
  to: Date;
  durationMinutes: number;
  hours: WorkingHours;
  timeZone: string;
  busy: Interval[];
  now: Date;
  max: number;
}): Interval[] {
  const slots: Interval[] = [];
  const step = 30 * 60_000;
  const duration = opts.durationMinutes * 60_000;
  for (
    let day = startOfLocalDay(opts.from, opts.timeZone);
    day <= opts.to && slots.length < opts.max;
    day = addDays(day, 1)
  ) {
    const date = day.toISOString().slice(0, 10);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    for (const [open, close] of opts.hours[weekday] ?? []) {
      const closeAt = localToUtc(date, close, opts.timeZone).getTime();
      for (
        let t = localToUtc(date, open, opts.timeZone).getTime();
        t + duration <= closeAt && slots.length < opts.max;
        t += step
      ) {
        const slot = { start: new Date(t), end: new Date(t + duration) };
        if (slot.start < opts.from || slot.start < opts.now || slot.end > opts.to) continue;
        if (!opts.busy.some((b) => b.start < slot.end && b.end > slot.start)) slots.push(slot);
      }
    }
  }
  return slots;
}

function startOfLocalDay(at: Date, timeZone: string): Date {
  const local = new Date(at.getTime() + zoneOffsetMinutes(timeZone, at) * 60_000);
  return new Date(`${local.toISOString().slice(0, 10)}T00:00:00Z`);
}

function addDays(day: Date, n: number): Date {
  return new Date(day.getTime() + n * 86_400_000);
}

/** Odoo stores datetimes as "YYYY-MM-DD HH:MM:SS" in UTC. */
export function toOdooDatetime(d: Date): string {
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

export function fromOdooDatetime(s: string): Date {
  return new Date(`${s.replace(' ', 'T')}Z`);
}

/** A wall-clock rendering in the tenant's zone, for people and models. */
export function formatLocal(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}
