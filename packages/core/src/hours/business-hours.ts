import {
  WEEKDAYS,
  type Holiday,
  type OpeningHoursMeta,
  type OpeningHoursRecord,
  type Weekday,
} from '../documents/business-datasets.js';
import type { TenantId } from '../tenant/tenant.js';

/** When people answer: weekly intervals and closed dates, in the business's time zone. */
export interface BusinessHours {
  timezone: string;
  /** Open intervals per weekday; a weekday without one is closed. */
  weekly: OpeningHoursRecord[];
  holidays: Holiday[];
}

/** A wall-clock moment in the business's time zone. */
export interface LocalMoment {
  /** `YYYY-MM-DD`. */
  date: string;
  day: Weekday;
  /** `HH:MM`, 24 h. */
  time: string;
}

/** The next time the business opens, and how many calendar days from today (0 = today, 1 = tomorrow). */
export interface NextOpening extends LocalMoment {
  daysAhead: number;
}

/** Where a tenant's business hours come from (its `opening_hours` business data). */
export interface BusinessHoursSource {
  /** Undefined when the tenant has no opening hours: then nothing depends on them. */
  forTenant(tenant: TenantId): Promise<BusinessHours | undefined>;
}

/** How far ahead an opening is looked for; a schedule closed for longer has no next opening. */
const HORIZON_DAYS = 62;

/** Business hours from the `opening_hours` dataset (its meta and records, already validated). */
export function businessHoursFromDataset(
  meta: Pick<OpeningHoursMeta, 'timezone'> & Partial<Pick<OpeningHoursMeta, 'holidays'>>,
  records: readonly OpeningHoursRecord[],
): BusinessHours {
  return { timezone: meta.timezone, weekly: [...records], holidays: [...(meta.holidays ?? [])] };
}

/** The wall-clock date, weekday and time at `epochMs` in `timeZone` (Intl, so daylight saving is the zone's). */
export function localMoment(epochMs: number, timeZone: string): LocalMoment {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(epochMs));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    day: part('weekday').toLowerCase().slice(0, 3) as Weekday,
    time: `${part('hour')}:${part('minute')}`,
  };
}

/** Whether people are at work at `epochMs`: inside a weekday interval and not on a closed date. */
export function isOpenAt(hours: BusinessHours, epochMs: number): boolean {
  const now = localMoment(epochMs, hours.timezone);
  if (isHoliday(hours, now.date)) return false;
  return hours.weekly.some((r) => r.day === now.day && r.opens <= now.time && now.time < r.closes);
}

/**
 * The start of the next open interval after `epochMs` (today's later interval, else the first open day
 * that is not a holiday); undefined when nothing opens within two months.
 */
export function nextOpening(hours: BusinessHours, epochMs: number): NextOpening | undefined {
  const now = localMoment(epochMs, hours.timezone);
  const [y, m, d] = now.date.split('-').map(Number) as [number, number, number];
  for (let ahead = 0; ahead <= HORIZON_DAYS; ahead++) {
    const day = new Date(Date.UTC(y, m - 1, d + ahead));
    const date = day.toISOString().slice(0, 10);
    if (isHoliday(hours, date)) continue;
    const weekday = WEEKDAYS[(day.getUTCDay() + 6) % 7]!;
    const opens = hours.weekly
      .filter((r) => r.day === weekday && (ahead > 0 || r.opens > now.time))
      .map((r) => r.opens)
      .sort();
    if (opens[0]) return { date, day: weekday, time: opens[0], daysAhead: ahead };
  }
  return undefined;
}

function isHoliday(hours: BusinessHours, date: string): boolean {
  return hours.holidays.some((h) => h.date === date);
}
