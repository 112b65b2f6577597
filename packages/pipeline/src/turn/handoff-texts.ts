import type { Language } from '@mcp-crew/core';

/** What the customer reads when a person takes over. Short and honest, in the crew's language. */
export const HANDOFF_MESSAGE: Record<Language, string> = {
  es: 'Te comunico con una persona de nuestro equipo. Te responderá en breve.',
  pt: 'Vou transferir você para uma pessoa da nossa equipe. Ela responderá em breve.',
  en: "I'm passing you to a person on our team. They'll reply shortly.",
};

/** What the customer reads when processing failed past its retries. */
export const FAILURE_MESSAGE: Record<Language, string> = {
  es: 'Disculpa, tuvimos un problema al procesar tu mensaje. Una persona de nuestro equipo te responderá en breve.',
  pt: 'Desculpe, tivemos um problema ao processar sua mensagem. Uma pessoa da nossa equipe responderá em breve.',
  en: 'Sorry, we had a problem processing your message. A person on our team will reply shortly.',
};

/** What the customer reads when the turn ran out of time (Odoo or the model too slow or down). */
export const DEADLINE_MESSAGE: Record<Language, string> = {
  es: 'Disculpa la demora: no pudimos completar tu solicitud en este momento. Una persona de nuestro equipo te responderá en breve.',
  pt: 'Desculpe a demora: não conseguimos concluir seu pedido agora. Uma pessoa da nossa equipe responderá em breve.',
  en: "Sorry for the wait: we couldn't complete your request right now. A person on our team will reply shortly.",
};

/**
 * Out of business hours, what a person taking over means for the customer: not "shortly", but when
 * (`when` comes from describeOpening: "mañana, martes, 1 de diciembre, a las 7:30 (hora estándar de Colombia)").
 */
export const OUT_OF_HOURS_NOTICE: Record<Language, (when: string) => string> = {
  es: (when) =>
    `Ahora estamos fuera del horario de atención: una persona de nuestro equipo te responderá ${when}.`,
  pt: (when) =>
    `Agora estamos fora do horário de atendimento: uma pessoa da nossa equipe responderá ${when}.`,
  en: (when) => `We're outside business hours right now: a person on our team will reply ${when}.`,
};

/** The first sentence of each hand-over message, before the out-of-hours notice replaces "shortly". */
const OPENINGS: Record<'handoff' | 'failure' | 'deadline', Record<Language, string>> = {
  handoff: {
    es: 'Te comunico con una persona de nuestro equipo.',
    pt: 'Vou transferir você para uma pessoa da nossa equipe.',
    en: "I'm passing you to a person on our team.",
  },
  failure: {
    es: 'Disculpa, tuvimos un problema al procesar tu mensaje.',
    pt: 'Desculpe, tivemos um problema ao processar sua mensagem.',
    en: 'Sorry, we had a problem processing your message.',
  },
  deadline: {
    es: 'Disculpa la demora: no pudimos completar tu solicitud en este momento.',
    pt: 'Desculpe a demora: não conseguimos concluir seu pedido agora.',
    en: "Sorry for the wait: we couldn't complete your request right now.",
  },
};

const IN_HOURS: Record<'handoff' | 'failure' | 'deadline', Record<Language, string>> = {
  handoff: HANDOFF_MESSAGE,
  failure: FAILURE_MESSAGE,
  deadline: DEADLINE_MESSAGE,
};

/**
 * The customer's message for a hand-over of this kind: in business hours (or without hours) the usual one;
 * outside them, its first sentence and when a person will answer. `answered`: the bot already replied this
 * turn, so only the out-of-hours notice is added (in hours nothing is).
 */
export function handoffMessage(
  kind: 'handoff' | 'failure' | 'deadline',
  language: Language,
  outOfHoursWhen: string | undefined,
  answered = false,
): string | undefined {
  if (outOfHoursWhen === undefined) return answered ? undefined : IN_HOURS[kind][language];
  const notice = OUT_OF_HOURS_NOTICE[language](outOfHoursWhen);
  return answered ? notice : `${OPENINGS[kind][language]} ${notice}`;
}
