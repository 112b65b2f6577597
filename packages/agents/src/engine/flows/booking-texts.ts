import type { Language } from '@mcp-crew/core';

/** What the scheduling flow says, per language. Days and times come from `odoo_free_slots` / `odoo_book_appointment`. */
export const BOOKING_TEXTS = {
  es: {
    askName:
      'Con gusto te agendo la visita técnica. ¿A nombre de quién? Escríbeme tu nombre completo (por ejemplo: «agéndame la visita el martes, soy Ana Gómez»).',
    noSlots: (day?: string) =>
      `No tengo horarios libres ${day ? `el ${day}` : 'en los próximos días'}. ¿Te sirve otro día?`,
    offer: (day: string, times: string[], first: string) =>
      `Para la visita técnica tengo libre el ${day} a las ${list(times, 'o')}.\n¿Te la agendo a las ${first}? Responde *sí*, o por ejemplo «sí, el de las ${times[1] ?? first}» para otro horario.`,
    notOffered: (times: string[]) =>
      `Ese horario no está entre los que te ofrecí (${list(times, 'o')}). ¿Cuál de ellos te sirve?`,
    booked: (day: string, time: string) =>
      `¡Listo! Tu visita técnica quedó agendada para el ${day} a las ${time}. Te esperamos.`,
    title: (who: string) => `Visita técnica — ${who}`,
  },
  pt: {
    askName:
      'Com prazer agendo a visita técnica. Em nome de quem? Escreva seu nome completo (por exemplo: «agende a visita na terça, sou Ana Gómez»).',
    noSlots: (day?: string) =>
      `Não tenho horários livres ${day ? `na ${day}` : 'nos próximos dias'}. Outro dia serve?`,
    offer: (day: string, times: string[], first: string) =>
      `Para a visita técnica tenho livre ${day} às ${list(times, 'ou')}.\nPosso agendar às ${first}? Responda *sim*, ou por exemplo «sim, o das ${times[1] ?? first}» para outro horário.`,
    notOffered: (times: string[]) =>
      `Esse horário não está entre os que ofereci (${list(times, 'ou')}). Qual deles serve?`,
    booked: (day: string, time: string) =>
      `Pronto! Sua visita técnica ficou agendada para ${day} às ${time}.`,
    title: (who: string) => `Visita técnica — ${who}`,
  },
  en: {
    askName:
      'Happy to book the technical visit. Who is it for? Tell me your full name (for example: "book the visit on Tuesday, I\'m Ana Gómez").',
    noSlots: (day?: string) =>
      `I have no free slots ${day ? `on ${day}` : 'in the next days'}. Would another day work?`,
    offer: (day: string, times: string[], first: string) =>
      `For the technical visit I have ${day} at ${list(times, 'or')}.\nShall I book ${first}? Reply *yes*, or for example "yes, the ${times[1] ?? first} one" for another time.`,
    notOffered: (times: string[]) =>
      `That time is not one of those I offered (${list(times, 'or')}). Which of them works for you?`,
    booked: (day: string, time: string) => `Done! Your technical visit is booked for ${day} at ${time}.`,
    title: (who: string) => `Technical visit — ${who}`,
  },
} satisfies Record<Language, unknown>;

function list(items: string[], or: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${or} ${items.at(-1)!}`;
}
