import type { Language } from '@mcp-crew/core';

/** Every sentence the offline engine says, per language. Figures are filled in from tool results only. */
export const TEXTS = {
  es: {
    askSeparately: (kind: 'booking' | 'other', said: string) =>
      kind === 'booking'
        ? 'Sobre la visita: escríbeme «quiero agendar una visita» y te muestro los horarios disponibles.'
        : `Sobre «${said}»: escríbemelo en un mensaje aparte y te ayudo enseguida.`,
    soldOutWithAlternatives: (name: string, others: string[]) =>
      `${name} está agotado en este momento${others.length ? `; de ese tipo tenemos disponible: ${others.join(', ')}` : ''}. ¿Te cotizo alguno de esos?`,
    writeFromRegistered: (n: string) =>
      `Veo a «${n}» registrado con otros datos de contacto. Para proteger esa cuenta, escríbenos desde el celular o el correo registrados, o dime y te paso con un asesor.`,
    askContact:
      'Para hacerte la cotización necesito un dato de contacto: ¿me compartes tu correo o tu celular?',
    notEditable: (ref: string) =>
      `La *${ref}* ya no es una cotización en borrador, así que no puedo cambiarla aquí. Si quieres, te preparo una nueva.`,
    whichChange: (ref: string, lines: string[]) =>
      `¿Qué cambio le hago a la cotización *${ref}*? Tiene:\n${lines.map((l) => `• ${l}`).join('\n')}\nPor ejemplo: «quita los rodillos» o «que sean 4 galones».`,
    outOfStockNamed: (name: string) => `${name} está agotado en este momento. ¿Te ofrezco otra referencia?`,
    whichProduct: (said: string, options: string[]) =>
      `Para «${said}» tengo varias opciones. ¿Cuál quieres?\n${options.map((o) => `• ${o}`).join('\n')}\n(precios antes de IVA)`,
    bye: '¡Con gusto! Que estés muy bien. Aquí estamos cuando nos necesites.',
    notUnderstood:
      'Perdona, no te entendí. Te puedo ayudar con precios y disponibilidad, cotizaciones y pedidos, domicilios, pagos, garantías o una visita técnica. ¿Qué necesitas?',
    nothingPending:
      '¡Listo! ¿En qué más te puedo ayudar? Puedo cotizarte productos, darte precios o resolver dudas de domicilios y pagos.',
    keepDraft: (ref: string, until?: string) =>
      `Claro, sin afán. La cotización *${ref}* queda guardada como borrador${until ? `; es válida hasta el ${until}` : ''}. Cuando quieras confirmarla, escríbeme *sí*.`,
    visitLater: 'Claro, no agendo nada por ahora. Cuando quieras, me escribes y buscamos otro horario.',
    thanks: '¡Con gusto! Aquí estoy si necesitas algo más.',
    greeting: (business: string) => `¡Hola! 👋 Soy el asistente de ${business}. ¿En qué te puedo ayudar hoy?`,
    found: 'Esto encontré:',
    beforeTax: 'antes de IVA',
    inStock: (n: string) => `${n} disponibles`,
    outOfStock: 'agotado',
    notEnough: (name: string, have: string, wanted: string) =>
      `De ${name} tenemos ${have} disponibles en este momento, no alcanzan los ${wanted} que necesitas. Puedo cotizarte esos ${have} y un asesor te confirma cuándo llega el resto, o te ofrezco otra referencia.`,
    noProduct: (q: string) =>
      `No manejamos «${q}»: no lo encuentro en nuestro catálogo. ¿Me lo describes con otras palabras (tipo, color, tamaño)?`,
    askCustomer: '¿A nombre de quién hago la cotización? Escríbeme tu nombre completo y tu correo o celular.',
    noCustomer: (n: string) =>
      `No encuentro un cliente registrado como «${n}». ¿Me compartes tu correo o tu número de documento?`,
    manyCustomers: (n: string) =>
      `Encontré varios clientes como «${n}». ¿Me das tu nombre completo o tu correo?`,
    quoteIntro: (who: string, ref: string) =>
      `Listo${who ? `, ${who}` : ''}. Te preparé la cotización *${ref}*:`,
    quoteUpdated: (ref: string) => `Actualicé la cotización *${ref}*:`,
    subtotal: 'Subtotal',
    tax: 'IVA',
    total: 'Total',
    askConfirm: '¿Te la confirmo como pedido? Responde *sí* para confirmar.',
    confirmed: (ref: string, total: string) =>
      `¡Hecho! Tu pedido *${ref}* quedó confirmado por ${total}. Te avisamos cuando esté listo para entrega.`,
    bigOrderTitle: (lines: string) => `Pedido grande por chat: ${lines}`,
    bigOrder: (lines: string[]) =>
      `¡Gracias por tu pedido! Por el volumen (${lines.join(', ')}), un asesor comercial te prepara la cotización con precio por volumen, disponibilidad y entrega. Ya le pasé tu solicitud y te escribe por este mismo chat.`,
    cancelled: (ref: string) =>
      `Listo, la cotización *${ref}* quedó cancelada. Si más adelante necesitas algo, aquí estoy.`,
    askCancel: () =>
      `¿Cancelo la cotización que te preparé? Responde *sí* para cancelarla, o dime qué quieres cambiarle.`,
    status: (ref: string, state: string, delivery: string, invoicing: string) =>
      `Tu pedido *${ref}* está: ${state}. Entrega: ${delivery}. Facturación: ${invoicing}.`,
    askOrderRef:
      '¿Me compartes el número de tu pedido (por ejemplo S00012)? Aparece en el correo de confirmación o en tu factura; con él reviso cómo va.',
    noOrders: 'No encuentro pedidos a tu nombre.',
    orderNotFound: (ref: string) =>
      `No encontré el pedido${ref ? ` *${ref}*` : ''} a tu nombre. ¿Me confirmas la referencia? Está en la cotización o en la factura.`,
    alternatives: (names: string) => `Si prefieres otra referencia, también tenemos: ${names}.`,
  },
  pt: {
    askSeparately: (kind: 'booking' | 'other', said: string) =>
      kind === 'booking'
        ? 'Sobre a visita: me escreva «quero agendar uma visita» e te mostro os horários disponíveis.'
        : `Sobre «${said}»: me escreva isso numa mensagem separada e te ajudo na hora.`,
    soldOutWithAlternatives: (name: string, others: string[]) =>
      `${name} está esgotado no momento${others.length ? `; desse tipo temos disponível: ${others.join(', ')}` : ''}. Quer que eu orce algum deles?`,
    writeFromRegistered: (n: string) =>
      `Vejo «${n}» cadastrado com outros dados de contato. Para proteger essa conta, escreva do celular ou e-mail cadastrados, ou me avise e passo para um atendente.`,
    askContact: 'Para fazer o orçamento preciso de um contato: pode me passar seu e-mail ou celular?',
    notEditable: (ref: string) =>
      `O *${ref}* já não é um orçamento em rascunho, então não posso alterá-lo aqui. Se quiser, preparo um novo.`,
    whichChange: (ref: string, lines: string[]) =>
      `Que alteração faço no orçamento *${ref}*? Ele tem:\n${lines.map((l) => `• ${l}`).join('\n')}\nPor exemplo: «tire os rolos» ou «melhor 4 galões».`,
    outOfStockNamed: (name: string) => `${name} está esgotado no momento. Posso oferecer outra referência?`,
    whichProduct: (said: string, options: string[]) =>
      `Para «${said}» tenho várias opções. Qual você quer?\n${options.map((o) => `• ${o}`).join('\n')}\n(preços sem impostos)`,
    bye: 'Por nada! Tenha um ótimo dia. Estamos aqui quando precisar.',
    notUnderstood:
      'Desculpe, não entendi. Posso ajudar com preços e disponibilidade, orçamentos e pedidos, entregas, pagamentos, garantias ou uma visita técnica. Do que você precisa?',
    nothingPending:
      'Certo! Em que mais posso ajudar? Posso fazer um orçamento, informar preços ou tirar dúvidas sobre entregas e pagamentos.',
    keepDraft: (ref: string, until?: string) =>
      `Claro, sem pressa. O orçamento *${ref}* fica guardado como rascunho${until ? `; é válido até ${until}` : ''}. Quando quiser confirmar, é só responder *sim*.`,
    visitLater: 'Claro, não agendo nada por enquanto. Quando quiser, me escreva e procuramos outro horário.',
    thanks: 'De nada! Obrigado pelo contato; estou aqui se você precisar de mais alguma coisa.',
    greeting: (business: string) => `Olá! 👋 Sou o assistente de ${business}. Como posso ajudar hoje?`,
    found: 'Encontrei isto:',
    beforeTax: 'sem impostos',
    inStock: (n: string) => `${n} disponíveis`,
    outOfStock: 'esgotado',
    notEnough: (name: string, have: string, wanted: string) =>
      `De ${name} temos ${have} disponíveis no momento, não chegam aos ${wanted} que você precisa. Posso orçar esses ${have} e um atendente confirma quando chega o resto, ou ofereço outra referência.`,
    noProduct: (q: string) =>
      `Não trabalhamos com «${q}»: não encontro no nosso catálogo. Pode descrever de outra forma (tipo, cor, tamanho)?`,
    askCustomer: 'Em nome de quem faço o orçamento? Escreva seu nome completo e seu e-mail ou celular.',
    noCustomer: (n: string) =>
      `Não encontro um cliente cadastrado como «${n}». Pode me passar seu e-mail ou documento?`,
    manyCustomers: (n: string) =>
      `Encontrei vários clientes como «${n}». Pode me dar seu nome completo ou e-mail?`,
    quoteIntro: (who: string, ref: string) =>
      `Pronto${who ? `, ${who}` : ''}. Preparei o orçamento *${ref}*:`,
    quoteUpdated: (ref: string) => `Atualizei o orçamento *${ref}*:`,
    subtotal: 'Subtotal',
    tax: 'Impostos',
    total: 'Total',
    askConfirm: 'Posso confirmar o pedido? Responda *sim* para confirmar.',
    confirmed: (ref: string, total: string) =>
      `Feito! Seu pedido *${ref}* foi confirmado no valor de ${total}.`,
    bigOrderTitle: (lines: string) => `Pedido grande pelo chat: ${lines}`,
    bigOrder: (lines: string[]) =>
      `Obrigado pelo pedido! Pelo volume (${lines.join(', ')}), um consultor comercial vai preparar o orçamento com preço por volume, disponibilidade e entrega. Já passei sua solicitação e ele escreve por este mesmo chat.`,
    cancelled: (ref: string) => `Pronto, o orçamento *${ref}* foi cancelado.`,
    askCancel: () =>
      `Cancelo o orçamento que preparei? Responda *sim* para cancelar, ou me diga o que quer mudar.`,
    status: (ref: string, state: string, delivery: string, invoicing: string) =>
      `O seu pedido *${ref}* está: ${state}. Entrega: ${delivery}. Faturamento: ${invoicing}.`,
    askOrderRef:
      'Pode me passar o número do seu pedido (por exemplo S00012)? Ele aparece no e-mail de confirmação ou na sua fatura; com ele eu verifico como está.',
    noOrders: 'Não encontro pedidos no seu nome.',
    orderNotFound: (ref: string) =>
      `Não encontro o pedido${ref ? ` *${ref}*` : ''} no seu nome. Pode confirmar a referência? Está no orçamento ou na fatura.`,
    alternatives: (names: string) => `Se preferir outra referência, também temos: ${names}.`,
  },
  en: {
    askSeparately: (kind: 'booking' | 'other', said: string) =>
      kind === 'booking'
        ? 'About the visit: write "I want to book a visit" and I\'ll show you the available times.'
        : `About "${said}": send it to me in a separate message and I'll help you right away.`,
    soldOutWithAlternatives: (name: string, others: string[]) =>
      `${name} is out of stock right now${others.length ? `; of that kind we have: ${others.join(', ')}` : ''}. Shall I quote one of those?`,
    writeFromRegistered: (n: string) =>
      `I see "${n}" on file with other contact details. To protect that account, please write from the registered phone or e-mail, or tell me and I'll pass you to a person.`,
    askContact:
      'To prepare the quotation I need a way to reach you: could you share your e-mail or phone number?',
    notEditable: (ref: string) =>
      `*${ref}* is no longer a draft quotation, so I can't change it here. I can prepare a new one if you like.`,
    whichChange: (ref: string, lines: string[]) =>
      `What should I change in quotation *${ref}*? It has:\n${lines.map((l) => `• ${l}`).join('\n')}\nFor example: "remove the rollers" or "make it 4 gallons".`,
    outOfStockNamed: (name: string) => `${name} is out of stock right now. Shall I offer you another one?`,
    whichProduct: (said: string, options: string[]) =>
      `For "${said}" I have several options. Which one would you like?\n${options.map((o) => `• ${o}`).join('\n')}\n(prices before tax)`,
    bye: "You're welcome! Have a great day. We're here whenever you need us.",
    notUnderstood:
      "Sorry, I didn't get that. I can help with prices and stock, quotations and orders, delivery, payments, warranties or a technical visit. What do you need?",
    nothingPending:
      'Sure! What else can I help you with? I can quote products, give you prices or answer questions about delivery and payments.',
    keepDraft: (ref: string, until?: string) =>
      `Of course, no rush. Quotation *${ref}* stays saved as a draft${until ? `; it is valid until ${until}` : ''}. Whenever you want to confirm it, just reply *yes*.`,
    visitLater:
      "Sure, I won't book anything for now. Message me whenever you like and we'll find another time.",
    thanks: "You're welcome! I'm here if you need anything else.",
    greeting: (business: string) => `Hi! 👋 I'm the assistant of ${business}. How can I help you today?`,
    found: 'Here is what I found:',
    beforeTax: 'before tax',
    inStock: (n: string) => `${n} in stock`,
    outOfStock: 'out of stock',
    notEnough: (name: string, have: string, wanted: string) =>
      `We have ${have} of ${name} in stock right now, not enough for the ${wanted} you need. I can quote those ${have} and a person will confirm when the rest arrives, or offer you another product.`,
    noProduct: (q: string) =>
      `We don't carry "${q}": I can't find it in our catalogue. Could you describe it differently (type, colour, size)?`,
    askCustomer: 'Who should the quotation be for? Tell me your full name and your e-mail or phone.',
    noCustomer: (n: string) =>
      `I can't find a customer registered as "${n}". Could you share your e-mail or ID number?`,
    manyCustomers: (n: string) =>
      `I found several customers named "${n}". Could you give me your full name or e-mail?`,
    quoteIntro: (who: string, ref: string) =>
      `Done${who ? `, ${who}` : ''}. Here is your quotation *${ref}*:`,
    quoteUpdated: (ref: string) => `I updated quotation *${ref}*:`,
    subtotal: 'Subtotal',
    tax: 'Tax',
    total: 'Total',
    askConfirm: 'Shall I confirm it as an order? Reply *yes* to confirm.',
    confirmed: (ref: string, total: string) => `Done! Your order *${ref}* is confirmed for ${total}.`,
    bigOrderTitle: (lines: string) => `Big order by chat: ${lines}`,
    bigOrder: (lines: string[]) =>
      `Thanks for your order! Given the volume (${lines.join(', ')}), a sales representative will prepare the quotation with volume pricing, stock and delivery. I've passed your request on and they will write to you here.`,
    cancelled: (ref: string) => `Done, quotation *${ref}* is cancelled.`,
    askCancel: () =>
      `Shall I cancel the quotation I prepared? Reply *yes* to cancel it, or tell me what to change.`,
    status: (ref: string, state: string, delivery: string, invoicing: string) =>
      `Your order *${ref}*: ${state}. Delivery: ${delivery}. Invoicing: ${invoicing}.`,
    askOrderRef:
      'Could you share your order number (for example S00012)? It is on the confirmation e-mail or your invoice; with it I can check how it is going.',
    noOrders: "I can't find any orders in your name.",
    orderNotFound: (ref: string) =>
      `I can't find order${ref ? ` *${ref}*` : ''} under your name. Could you check the reference? It is on the quotation or the invoice.`,
    alternatives: (names: string) => `If you prefer another one, we also have: ${names}.`,
  },
} satisfies Record<Language, unknown>;

export type Texts = (typeof TEXTS)['es'];

export function textsFor(language: Language): Texts {
  return TEXTS[language];
}
