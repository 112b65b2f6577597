import { describeOpening, WEEKDAYS, type Language, type Weekday } from '@mcp-crew/core';
import type { OpeningHoursOutput } from '@mcp-crew/mcp-mongodb';
import { addDays, describeDay, wantedTime, weekdayName } from '../when.js';

const TEXTS: Record<
  Language,
  {
    openNow: (today: string) => string;
    closedNow: string;
    opensNext: (when: string) => string;
    on: (day: string, hours: string) => string;
    closedOn: (day: string, why?: string) => string;
    tomorrow: string;
    from: (opens: string, closes: string) => string;
    and: string;
    week: string;
    closed: string;
    to: string;
    holidays: string;
  }
> = {
  es: {
    openNow: (hours) => `Ahora estamos abiertos: hoy atendemos ${hours}.`,
    closedNow: 'Ahora estamos cerrados.',
    opensNext: (when) => `Abrimos ${when}.`,
    on: (day, hours) => `${day} atendemos ${hours}.`,
    closedOn: (day, why) => `${day} no abrimos${why ? ` (${why})` : ''}.`,
    tomorrow: 'Mañana',
    from: (o, c) => `de ${o} a ${c}`,
    and: 'y',
    week: 'Nuestro horario',
    closed: 'cerrado',
    to: 'a',
    holidays: 'Cerramos los festivos',
  },
  pt: {
    openNow: (hours) => `Estamos abertos agora: hoje atendemos ${hours}.`,
    closedNow: 'Estamos fechados agora.',
    opensNext: (when) => `Abrimos ${when}.`,
    on: (day, hours) => `${day} atendemos ${hours}.`,
    closedOn: (day, why) => `${day} não abrimos${why ? ` (${why})` : ''}.`,
    tomorrow: 'Amanhã',
    from: (o, c) => `das ${o} às ${c}`,
    and: 'e',
    week: 'Nosso horário',
    closed: 'fechado',
    to: 'a',
    holidays: 'Fechamos nos feriados',
  },
  en: {
    openNow: (hours) => `We are open now: today we are open ${hours}.`,
    closedNow: 'We are closed right now.',
    opensNext: (when) => `We open ${when}.`,
    on: (day, hours) => `${day} we are open ${hours}.`,
    closedOn: (day, why) => `${day} we are closed${why ? ` (${why})` : ''}.`,
    tomorrow: 'Tomorrow',
    from: (o, c) => `from ${o} to ${c}`,
    and: 'and',
    week: 'Our hours',
    closed: 'closed',
    to: 'to',
    holidays: 'We close on public holidays',
  },
};

/** How many closed dates ahead the answer names. */
const HOLIDAYS_SHOWN = 3;

/**
 * An opening-hours question answered from the tenant's `opening_hours` data (MCP-MongoDB's
 * `business_get_opening_hours`, computed by core's hours): whether it is open now and when it opens next, or
 * the day asked about ("mañana", "el sábado"), then the week and the closed dates ahead. Times are quoted as
 * the data writes them, so the figures check finds them in the tool's result.
 */
export function hoursAnswer(hours: OpeningHoursOutput, text: string, language: Language): string {
  const t = TEXTS[language];
  const today = hours.local_date;
  const asked = wantedTime(text, today).date;
  const lines: string[] = [];
  if (!asked || asked === today) {
    const now = intervalsOn(hours, today, language);
    if (hours.open_now) lines.push(t.openNow(now));
    else {
      const next = hours.next_opening_at;
      lines.push(
        `${t.closedNow} ${t.opensNext(
          describeOpening(
            language,
            next && { date: next.date, day: next.day, time: next.time, daysAhead: next.days_ahead },
            hours.timezone,
          ),
        )}`,
      );
    }
  } else {
    const day = asked === addDays(today, 1) ? t.tomorrow : capital(weekdayName(weekdayOf(asked), language));
    const holiday = hours.holidays.find((h) => h.date === asked);
    const open = intervalsOn(hours, asked, language);
    if (holiday) lines.push(t.closedOn(day, holiday.name ?? describeDay(asked, language)));
    else lines.push(open ? t.on(day, open) : t.closedOn(day));
  }
  lines.push(`${t.week}: ${week(hours, language)}.`);
  const ahead = hours.holidays.filter((h) => h.date >= today).slice(0, HOLIDAYS_SHOWN);
  if (ahead.length > 0)
    lines.push(
      `${t.holidays}: ${ahead.map((h) => describeDay(h.date, language) + (h.name ? ` (${h.name})` : '')).join(', ')}.`,
    );
  return lines.join('\n');
}

/** "de 07:30 a 12:00 y de 14:00 a 18:00" for a date's weekday; empty when closed that weekday. */
function intervalsOn(hours: OpeningHoursOutput, date: string, language: Language): string {
  const t = TEXTS[language];
  const day = weekdayOf(date);
  return hours.hours
    .filter((h) => h.day === day)
    .sort((a, b) => (a.opens < b.opens ? -1 : 1))
    .map((h) => t.from(h.opens, h.closes))
    .join(` ${t.and} `);
}

/** The week, consecutive days with the same hours together: "lunes a viernes 07:30–18:00, domingo cerrado". */
function week(hours: OpeningHoursOutput, language: Language): string {
  const t = TEXTS[language];
  const spans = WEEKDAYS.map((day) => ({
    day,
    text: hours.hours
      .filter((h) => h.day === day)
      .sort((a, b) => (a.opens < b.opens ? -1 : 1))
      .map((h) => `${h.opens}–${h.closes}`)
      .join(` ${t.and} `),
  }));
  const groups: Array<{ first: Weekday; last: Weekday; text: string }> = [];
  for (const { day, text } of spans) {
    const last = groups.at(-1);
    if (last && last.text === text) last.last = day;
    else groups.push({ first: day, last: day, text });
  }
  return groups
    .map(({ first, last, text }) => {
      const days =
        first === last
          ? weekdayName(first, language)
          : `${weekdayName(first, language)} ${t.to} ${weekdayName(last, language)}`;
      return `${days} ${text || t.closed}`;
    })
    .join(', ');
}

function weekdayOf(date: string): Weekday {
  return WEEKDAYS[(new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7]!;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
