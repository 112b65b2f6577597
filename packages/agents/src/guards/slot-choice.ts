import { foldText } from '@mcp-crew/core';
import { isExplicitYes } from './explicit-yes.js';

/** A time of day the customer picked ("las 9", "10:30", "2 pm"), in 24-hour form. */
export interface PickedTime {
  hour: number;
  minute: number;
}

const TIME =
  /\b(\d{1,2})(?:[:.h](\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|de la manana|de la tarde|da manha|da tarde|in the morning|in the afternoon)?(?=\W|$)/;
// Words around a picked time that do not change the yes ("sí, el de las 9", "yes, the 9 am one").
const AROUND_TIME = new Set([
  'el',
  'la',
  'las',
  'de',
  'a',
  'o',
  'hora',
  'horas',
  'do',
  'das',
  'as',
  'the',
  'one',
  'at',
  'slot',
]);

/**
 * Reads a yes that may pick one of the offered times: "sí" → `{}` (the proposed slot), "sí, el de las 9"
 * → `{ time: 09:00 }`; anything that is not an explicit yes → undefined. A time from 1 to 6 without
 * a.m./p.m. is read as the afternoon (nobody books a visit at 3 in the night).
 */
export function yesToSlot(text: string): { time?: PickedTime } | undefined {
  if (text.includes('?')) return undefined;
  const folded = foldText(text);
  const match = TIME.exec(folded);
  if (!match) return isExplicitYes(text) ? {} : undefined;
  const rest = `${folded.slice(0, match.index)} ${folded.slice(match.index + match[0].length)}`
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !AROUND_TIME.has(w))
    .join(' ');
  if (!isExplicitYes(rest)) return undefined;
  const time = toTime(match);
  return time && { time };
}

// Words that may go with a time named instead of the one proposed ("mejor a las 10", "better at 9").
const PREFERRING = new Set([
  'mejor',
  'prefiero',
  'mas',
  'bien',
  'entonces',
  'better',
  'rather',
  'melhor',
  'prefiro',
]);

/** "Mejor a las 10 de la mañana": a time of day and nothing else, said after an offer without a yes. */
export function onlyTime(text: string): PickedTime | undefined {
  if (text.includes('?')) return undefined;
  const folded = foldText(text);
  const match = TIME.exec(folded);
  if (!match) return undefined;
  const rest = `${folded.slice(0, match.index)} ${folded.slice(match.index + match[0].length)}`
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !AROUND_TIME.has(w) && !PREFERRING.has(w));
  return rest.length === 0 ? toTime(match) : undefined;
}

/** The 24-hour time of a TIME match; 1 to 6 without a.m./p.m. is the afternoon. */
function toTime(match: RegExpExecArray): PickedTime | undefined {
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? '0');
  const marker = match[3] ?? '';
  const afternoon = /^p|tarde|afternoon/.test(marker);
  if (afternoon && hour < 12) hour += 12;
  else if (!marker && hour >= 1 && hour <= 6) hour += 12;
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute };
}

// A number is a time of day only beside a word that says so ("a las 10", "às 3", "at 9", "10:30", "9 am").
const TIME_LEAD = /\b(?:a las|las|a la|as|at|para las|pras)\s+$/;

/** The time of day a request names ("el jueves a las 10", "sexta às 3 da tarde", "monday at 9am"), if any. */
export function timeIn(text: string): PickedTime | undefined {
  const folded = foldText(text);
  const pattern = new RegExp(TIME.source, 'g');
  for (const match of folded.matchAll(pattern)) {
    const said =
      match[2] !== undefined || match[3] !== undefined || TIME_LEAD.test(folded.slice(0, match.index));
    if (said) return toTime(match as RegExpExecArray);
  }
  return undefined;
}
