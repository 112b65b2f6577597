import { foldText } from '@mcp-crew/core';

/** Words that describe a defect in an applied or bought product: a ticket is opened for them. */
function defectWords(): string[] {
  return ['se pela', 'se pelo', 'pelando', 'pelada', 'descascara', 'descascaro', 'descascarando', 'descascarada', 'descascarado', 'burbuja', 'burbujas', 'ampolla', 'ampollas', 'hongo', 'hongos', 'moho', 'mancha', 'manchas', 'no seca', 'no cubre', 'quedo mal', 'defectuoso', 'defectuosa', 'danado', 'danada', 'vencido', 'grieta', 'grietas', 'color diferente', 'otro color', 'bolha', 'bolhas', 'descascando', 'mofo', 'peeling', 'bubbles', 'blistering', 'mold', 'defective', 'cracked', 'cracks'];
}

/** Phrases per intent, folded (lowercase, no accents), Spanish, Portuguese and English together. */
export const LEXICON = {
  human: ['persona', 'humano', 'asesor', 'asesora', 'agente', 'hablar con alguien', 'pessoa', 'atendente', 'human', 'person', 'agent', 'representative', 'someone real'],
  greeting: ['hola', 'buenas', 'buenos dias', 'buenas tardes', 'buenas noches', 'ola', 'oi', 'bom dia', 'boa tarde', 'boa noite', 'hello', 'hi', 'hey', 'good morning', 'good afternoon'],
  thanks: ['gracias', 'muchas gracias', 'mil gracias', 'obrigado', 'obrigada', 'thanks', 'thank you'],
  orderStatus: ['mi pedido', 'estado del pedido', 'estado de mi', 'como va', 'donde esta', 'seguimiento', 'ya enviaron', 'meu pedido', 'status do pedido', 'cade', 'my order', 'order status', 'where is', 'tracking'],
  rules: ['horario', 'hora de atencion', 'horas de atencion', 'abren', 'cierran', 'atienden', 'domicilio', 'envio', 'envios', 'entrega', 'entregas', 'domicilios', 'despacho', 'despachos', 'envian', 'horarios', 'pago', 'pagos', 'pagar', 'tarjeta', 'transferencia', 'descuento', 'descuentos', 'mayorista', 'zona', 'zonas', 'funcionamento', 'desconto', 'frete', 'pagamento', 'cartao', 'pix', 'opening hours', 'open', 'close', 'delivery', 'shipping', 'payment', 'pay', 'card', 'discount', 'discounts'],
  // Questions about warranty, returns and product problems: the support procedures answer them.
  support: ['garantia', 'devolucion', 'devoluciones', 'devolver', 'cambio', 'cambiar', 'reclamo', 'queja', 'problema', 'devolucao', 'devolver', 'trocar', 'reclamacao', 'warranty', 'refund', 'return', 'complaint', 'problem', ...defectWords()],
  defect: defectWords(),
  booking: ['visita', 'cita', 'agendar', 'agenda', 'marcar', 'appointment', 'book a', 'schedule'],
  add: ['agrega', 'agregale', 'agregar', 'anade', 'anadir', 'suma', 'tambien', 'adiciona', 'acrescenta', 'inclui', 'add', 'also', 'plus'],
  buy: ['necesito', 'quiero', 'quisiera', 'cotiza', 'cotizar', 'cotizacion', 'mandame', 'enviame', 'llevo', 'compro', 'comprar', 'preciso', 'quero', 'orcamento', 'need', 'want', 'quote', 'buy', 'order', 'agrega', 'agregale', 'anade', 'adiciona', 'add'],
  product: ['tienen', 'tiene', 'hay', 'venden', 'manejan', 'precio', 'cuanto', 'vale', 'cuesta', 'stock', 'disponible', 'existencia', 'tem', 'preco', 'quanto', 'estoque', 'disponivel', 'do you have', 'price', 'how much', 'available', 'sell', 'busco', 'procuro', 'looking for'],
} as const;

export type LexiconEntry = keyof typeof LEXICON;

/** Whether the folded text holds one of the entry's phrases as whole words. */
export function mentions(text: string, entry: LexiconEntry): boolean {
  const folded = ` ${foldText(text).replace(/[^a-z0-9]+/g, ' ')} `;
  return LEXICON[entry].some((phrase) => folded.includes(` ${phrase} `));
}

/** Whether the text is made only of greeting or thanks words (plus punctuation and emoji). */
export function onlyPleasantries(text: string): 'greeting' | 'thanks' | undefined {
  let rest = ` ${foldText(text).replace(/[^a-z0-9]+/g, ' ')} `;
  let kind: 'greeting' | 'thanks' | undefined;
  for (const entry of ['thanks', 'greeting'] as const) {
    for (const phrase of [...LEXICON[entry]].sort((a, b) => b.length - a.length)) {
      if (rest.includes(` ${phrase} `)) {
        rest = rest.split(` ${phrase} `).join(' ');
        kind ??= entry;
      }
    }
  }
  return rest.trim() === '' ? kind : undefined;
}

/** An Odoo sales order reference in the text (S00012), upper-cased. */
export function orderReference(text: string): string | undefined {
  return /\b(S\d{4,})\b/i.exec(text)?.[1]?.toUpperCase();
}
