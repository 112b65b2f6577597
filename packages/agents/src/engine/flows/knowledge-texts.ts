import type { Language } from '@mcp-crew/core';

/**
 * What the knowledge flows add around a quoted text. The demo knowledge is Spanish; Portuguese and English
 * customers get the Spanish text quoted as it is, with a line that says so (no machine translation offline).
 */
export const KNOWLEDGE_TEXTS = {
  es: {
    intro: '',
    ticketOpened: (id: number) =>
      `Abrí el caso #${id} con tu reporte; un asesor de soporte lo revisa y te contacta por este mismo chat.`,
    offerTicket: 'Si el problema sigue después de esto, cuéntame qué pasó y abro un caso con soporte.',
    ticketSubject: (what: string) => `Reporte de cliente: ${what}`,
  },
  pt: {
    intro: 'Segue a nossa informação (em espanhol):',
    ticketOpened: (id: number) =>
      `Abri o chamado #${id} com o seu relato; o suporte vai analisar e entrar em contato por aqui.`,
    offerTicket: 'Se o problema continuar, me conte o que aconteceu e abro um chamado com o suporte.',
    ticketSubject: (what: string) => `Relato de cliente: ${what}`,
  },
  en: {
    intro: 'Here is our information (in Spanish):',
    ticketOpened: (id: number) =>
      `I opened case #${id} with your report; our support team will review it and reply here.`,
    offerTicket: 'If the problem continues, tell me what happened and I will open a case with support.',
    ticketSubject: (what: string) => `Customer report: ${what}`,
  },
} satisfies Record<Language, unknown>;
