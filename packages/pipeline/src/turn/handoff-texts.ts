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
