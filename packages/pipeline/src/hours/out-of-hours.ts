import { describeOpening, type CrewHours, type Language } from '@mcp-crew/core';
import type { HoursNow } from './hours-now.js';

/** A hand-over's out-of-hours parts: what the customer is told, the labels, the line in the note. */
export interface OutOfHours {
  /** When a person answers, in the customer's language ("mañana, martes, …, a las 7:30 (…)"). */
  when: string;
  labels: string[];
  noteLine: string;
}

/** Undefined in business hours or without hours; else what an out-of-hours hand-over adds. */
export function outOfHours(
  hours: HoursNow | undefined,
  settings: CrewHours,
  language: Language,
): OutOfHours | undefined {
  if (!hours || hours.open) return undefined;
  const next = hours.next
    ? `${hours.next.day} ${hours.next.date} ${hours.next.time}`
    : 'none in the next two months';
  return {
    when: describeOpening(language, hours.next, hours.timezone),
    labels: [...settings.outOfHoursLabels],
    noteLine: `Outside business hours (${hours.local.day} ${hours.local.date} ${hours.local.time} ${hours.timezone}); next opening: ${next}.`,
  };
}
