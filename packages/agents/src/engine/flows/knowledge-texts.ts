import type { Language } from '@mcp-crew/core';

const LANGUAGE_NAMES = {
  es: { es: 'español', pt: 'portugués', en: 'inglés' },
  pt: { es: 'espanhol', pt: 'português', en: 'inglês' },
  en: { es: 'Spanish', pt: 'Portuguese', en: 'English' },
} satisfies Record<Language, Record<Language, string>>;

/**
 * What the knowledge flows add around a quoted text. A collection holds its texts per language (`horarios.pt.md`
 * beside `horarios.md`); when a tenant's knowledge has no text in the customer's language, the text is quoted as it
 * is with a line that says so (no machine translation offline).
 */
export const KNOWLEDGE_TEXTS = {
  es: {
    untranslated: (other: Language) =>
      `Te comparto nuestra información (está en ${LANGUAGE_NAMES.es[other]}):`,
    ticketOpened: (id: number) =>
      `Abrí el caso #${id} con tu reporte; un asesor de soporte lo revisa y te contacta por este mismo chat.`,
    offerTicket: 'Si el problema sigue después de esto, cuéntame qué pasó y abro un caso con soporte.',
    ticketSubject: (what: string) => `Reporte de cliente: ${what}`,
    platformPayment:
      'El pago se hace únicamente dentro de la plataforma donde realizaste la compra (por ejemplo, Mercado Pago en Mercado Libre), con los medios que ella ofrece; no recibimos pagos por fuera de ella. Cuando la compra aparece aprobada, despachamos el pedido.',
  },
  pt: {
    untranslated: (other: Language) => `Segue a nossa informação (em ${LANGUAGE_NAMES.pt[other]}):`,
    ticketOpened: (id: number) =>
      `Abri o chamado #${id} com o seu relato; o suporte vai analisar e entrar em contato por aqui.`,
    offerTicket: 'Se o problema continuar, me conte o que aconteceu e abro um chamado com o suporte.',
    ticketSubject: (what: string) => `Relato de cliente: ${what}`,
    platformPayment:
      'O pagamento é feito somente dentro da plataforma onde você fez a compra (por exemplo, o Mercado Pago no Mercado Livre), com os meios que ela oferece; não recebemos pagamentos por fora dela. Quando a compra aparece aprovada, despachamos o pedido.',
  },
  en: {
    untranslated: (other: Language) => `Here is our information (in ${LANGUAGE_NAMES.en[other]}):`,
    ticketOpened: (id: number) =>
      `I opened case #${id} with your report; our support team will review it and reply here.`,
    offerTicket: 'If the problem continues, tell me what happened and I will open a case with support.',
    ticketSubject: (what: string) => `Customer report: ${what}`,
    platformPayment:
      'Payment is made only inside the platform where you bought (for example, Mercado Pago on Mercado Libre), with the methods it offers; we do not take payments outside it. Once the purchase shows as approved, we ship the order.',
  },
} satisfies Record<Language, unknown>;
