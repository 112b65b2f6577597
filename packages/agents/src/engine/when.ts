import { foldText, WEEKDAYS as WEEKDAYS_FROM_MONDAY, type Language, type Weekday } from '@mcp-crew/core';
import { timeIn, type PickedTime } from '../guards/slot-choice.js';

/** The day and part of the day a customer asks for ("el martes en la mañana", "tomorrow afternoon"). */
export interface WantedTime {
  /** A local date (YYYY-MM-DD), or undefined for "the next days". */
  date?: string;
  part?: 'morning' | 'afternoon';
  /** "A las 10", "às 3 da tarde": the hour asked for, 24-hour. */
  time?: PickedTime;
}

const WEEKDAYS: Record<string, number> = {
  domingo: 0,
  lunes: 1,
  martes: 2,
  miercoles: 3,
  jueves: 4,
  viernes: 5,
  sabado: 6,
  segunda: 1,
  terca: 2,
  quarta: 3,
  quinta: 4,
  sexta: 5,
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  // "¿abren los sábados?": the next one.
  domingos: 0,
  sabados: 6,
  sundays: 0,
  saturdays: 6,
};

/** Adds days to a local date (YYYY-MM-DD) without time-zone surprises: the date is handled as UTC noon. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function weekday(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/**
 * Reads when the customer wants the visit, relative to `today` (the business's local date). A weekday is
 * the next one after today; "mañana" alone is tomorrow, "en/por la mañana" is the morning.
 */
export function wantedTime(text: string, today: string): WantedTime {
  const words = foldText(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const joined = ` ${words.join(' ')} `;
  const morning = /\b(?:en|por|de) la manana\b|\bmanha\b|\bmorning\b/.test(joined);
  const afternoon = /\btarde\b|\bafternoon\b/.test(joined);
  const part = morning ? 'morning' : afternoon ? 'afternoon' : undefined;
  let date: string | undefined;
  if (/\bpasado manana\b|\bdepois de amanha\b|\bday after tomorrow\b/.test(joined)) date = addDays(today, 2);
  else if (/\bhoy\b|\bhoje\b|\btoday\b/.test(joined)) date = today;
  else if (
    /\bamanha\b|\btomorrow\b/.test(joined) ||
    /\bmanana\b/.test(joined.replace(/\b(?:en|por|de) la manana\b/g, ''))
  )
    date = addDays(today, 1);
  else {
    const day = words.map((w) => WEEKDAYS[w]).find((d) => d !== undefined);
    if (day !== undefined) date = addDays(today, (day - weekday(today) + 7) % 7 || 7);
  }
  const time = timeIn(text);
  return { ...(date ? { date } : {}), ...(part ? { part } : {}), ...(time ? { time } : {}) };
}

const DAY_NAMES: Record<Language, string[]> = {
  es: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
  pt: ['domingo', 'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const MONTHS: Record<Language, string[]> = {
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
  pt: [
    'janeiro',
    'fevereiro',
    'março',
    'abril',
    'maio',
    'junho',
    'julho',
    'agosto',
    'setembro',
    'outubro',
    'novembro',
    'dezembro',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** The name of a weekday ("martes", "terça-feira", "Tuesday"). */
export function weekdayName(day: Weekday, language: Language): string {
  return DAY_NAMES[language][(WEEKDAYS_FROM_MONDAY.indexOf(day) + 1) % 7] ?? day;
}

/** "martes 24 de noviembre" / "terça-feira, 24 de novembro" / "Tuesday, November 24" for a local date. */
export function describeDay(date: string, language: Language): string {
  const day = Number(date.slice(8, 10));
  const month = MONTHS[language][Number(date.slice(5, 7)) - 1] ?? '';
  const name = DAY_NAMES[language][weekday(date)] ?? '';
  if (language === 'en') return `${name}, ${month} ${day}`;
  return `${name}${language === 'pt' ? ',' : ''} ${day} de ${month}`;
}
