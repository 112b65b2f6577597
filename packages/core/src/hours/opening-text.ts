import type { Language } from '../tenant/tenant.js';
import type { NextOpening } from './business-hours.js';

const LOCALE: Record<Language, string> = { es: 'es-CO', pt: 'pt-BR', en: 'en-US' };

const WORDS: Record<Language, { today: string; tomorrow: string; on: string; at: (time: string) => string }> =
  {
    es: {
      today: 'hoy',
      tomorrow: 'mañana',
      on: 'el',
      at: (t) => (t.startsWith('1:') ? `a la ${t}` : `a las ${t}`),
    },
    pt: {
      today: 'hoje',
      tomorrow: 'amanhã',
      on: 'na',
      at: (t) => (t.startsWith('1:') ? `à ${t}` : `às ${t}`),
    },
    en: { today: 'today', tomorrow: 'tomorrow', on: 'on', at: (t) => `at ${t}` },
  };

/** When no opening is known (no hours in the next two months). */
const SOON_AS_OPEN: Record<Language, string> = {
  es: 'en cuanto volvamos a abrir',
  pt: 'assim que reabrirmos',
  en: 'as soon as we reopen',
};

/**
 * The next opening as a customer reads it, in their language and the business's time zone: "mañana, martes,
 * 1 de diciembre, a las 7:30 (hora estándar de Colombia)". Dates are formatted from the local calendar date
 * (as UTC, so no zone arithmetic is involved); the zone's name tells a customer elsewhere whose clock it is.
 */
export function describeOpening(language: Language, next: NextOpening | undefined, timeZone: string): string {
  if (!next) return SOON_AS_OPEN[language];
  const words = WORDS[language];
  const locale = LOCALE[language];
  const [y, m, d] = next.date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = next.time.split(':').map(Number) as [number, number];
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(Date.UTC(y, m - 1, d, hh, mm)));
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(new Date(Date.UTC(y, m - 1, d)));
  const zone = zoneName(locale, timeZone);
  const when =
    next.daysAhead === 0
      ? `${words.today} ${words.at(time)}`
      : next.daysAhead === 1
        ? `${words.tomorrow}, ${date}, ${words.at(time)}`
        : `${words.on} ${date}, ${words.at(time)}`;
  // Intl puts no-break spaces inside "7:30 a. m."; plain ones read the same on every channel and ICU version.
  return (zone ? `${when} (${zone})` : when).replace(/[\u00a0\u202f]/g, ' ');
}

function zoneName(locale: string, timeZone: string): string | undefined {
  return new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(new Date())
    .find((p) => p.type === 'timeZoneName')?.value;
}
