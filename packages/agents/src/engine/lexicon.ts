import { foldText } from '@mcp-crew/core';

/** Words that describe a defect in an applied or bought product: a ticket is opened for them. */
function defectWords(): string[] {
  return ['se pela', 'se pelo', 'pelando', 'pelada', 'descascara', 'descascaro', 'descascarando', 'descascarada', 'descascarado', 'burbuja', 'burbujas', 'ampolla', 'ampollas', 'hongo', 'hongos', 'moho', 'mancha', 'manchas', 'no seca', 'no cubre', 'quedo mal', 'defectuoso', 'defectuosa', 'danado', 'danada', 'vencido', 'grieta', 'grietas', 'color diferente', 'otro color', 'bolha', 'bolhas', 'descascando', 'mofo', 'peeling', 'bubbles', 'blistering', 'mold', 'defective', 'cracked', 'cracks'];
}

/** Phrases per intent, folded (lowercase, no accents), Spanish, Portuguese and English together. */
export const LEXICON = {
  human: ['persona', 'humano', 'asesor', 'asesora', 'acesor', 'acesora', 'agente', 'hablar con alguien', 'pessoa', 'atendente', 'human', 'person', 'agent', 'representative', 'someone real'],
  greeting: ['hola', 'buenas', 'buenos dias', 'buen dia', 'buenas tardes', 'buenas noches', 'como estas', 'como esta', 'como estan', 'que tal', 'que mas', 'saludos', 'ola', 'oi', 'bom dia', 'boa tarde', 'boa noite', 'tudo bem', 'hello', 'hi', 'hey', 'good morning', 'good afternoon', 'how are you'],
  thanks: ['gracias', 'muchas gracias', 'mil gracias', 'obrigado', 'obrigada', 'thanks', 'thank you', 'ok thanks', 'pela ajuda', 'por la ayuda', 'por todo'],
  bye: ['chao', 'chau', 'adios', 'hasta luego', 'hasta pronto', 'nos vemos', 'que esten bien', 'que este bien', 'feliz dia', 'bye', 'goodbye', 'see you', 'tchau', 'ate logo', 'ok', 'listo', 'vale', 'perfecto', 'okay', 'ok'],
  // An angry customer or a legal complaint: a person answers, whatever the request.
  angry: ['falta de respeto', 'incumplidos', 'incumplido', 'pesimo servicio', 'pesima atencion', 'estafa', 'estafadores', 'ladrones', 'superintendencia', 'abogado', 'demandar', 'denuncia', 'denunciar', 'vergonzoso', 'unacceptable', 'scam', 'lawyer', 'vergonha'],
  // "No, todavía no", "lo pienso", "después te confirmo": the draft stays as it is.
  later: ['todavia no', 'aun no', 'ahora no', 'no por ahora', 'lo pienso', 'lo voy a pensar', 'voy a pensarlo', 'te aviso', 'le aviso', 'despues te confirmo', 'despues le confirmo', 'luego te confirmo', 'mas tarde', 'despues', 'luego', 'mejor no', 'no gracias', 'not yet', 'later', 'think about it', 'let me think', 'ainda nao', 'depois', 'vou pensar', 'agora nao'],
  orderStatus: ['mi pedido', 'estado del pedido', 'estado de mi', 'como va', 'donde esta', 'seguimiento', 'ya enviaron', 'meu pedido', 'status do pedido', 'cade', 'my order', 'order status', 'where is', 'tracking'],
  rules: ['horario', 'hora de atencion', 'horas de atencion', 'abren', 'cierran', 'atienden', 'domicilio', 'envio', 'envios', 'entrega', 'entregas', 'domicilios', 'despacho', 'despachos', 'envian', 'horarios', 'pago', 'pagos', 'pagar', 'tarjeta', 'transferencia', 'descuento', 'descuentos', 'mayorista', 'zona', 'zonas', 'funcionamento', 'desconto', 'frete', 'pagamento', 'cartao', 'pix', 'opening hours', 'open', 'close', 'delivery', 'shipping', 'payment', 'pay', 'card', 'discount', 'discounts'],
  // Questions about warranty, returns and product problems: the support procedures answer them.
  support: ['garantia', 'devolucion', 'devoluciones', 'devolver', 'cambio', 'cambiar', 'reclamo', 'queja', 'problema', 'devolucao', 'devolver', 'trocar', 'reclamacao', 'warranty', 'refund', 'return', 'complaint', 'problem', ...defectWords()],
  defect: defectWords(),
  booking: ['visita', 'cita', 'agendar', 'agenda', 'marcar', 'appointment', 'book a', 'schedule'],
  add: ['agrega', 'agregale', 'agregar', 'anade', 'anadir', 'suma', 'tambien', 'adiciona', 'acrescenta', 'inclui', 'add', 'also', 'plus'],
  buy: ['necesito', 'quiero', 'quisiera', 'cotiza', 'cotizar', 'cotizacion', 'mandame', 'enviame', 'llevo', 'compro', 'comprar', 'preciso', 'quero', 'orcamento', 'need', 'want', 'quote', 'buy', 'order', 'agrega', 'agregale', 'anade', 'adiciona', 'add'],
  product: ['a como', 'me sale', 'colores', 'que colores', 'tienen', 'tiene', 'hay', 'venden', 'manejan', 'precio', 'cuanto', 'vale', 'cuesta', 'stock', 'disponible', 'existencia', 'tem', 'preco', 'quanto', 'estoque', 'disponivel', 'do you have', 'price', 'how much', 'available', 'sell', 'busco', 'procuro', 'looking for'],
} as const;

export type LexiconEntry = keyof typeof LEXICON;

/** Whether the folded text holds one of the entry's phrases as whole words. */
export function mentions(text: string, entry: LexiconEntry): boolean {
  const folded = ` ${foldText(text).replace(/[^a-z0-9]+/g, ' ')} `;
  return LEXICON[entry].some((phrase) => folded.includes(` ${phrase} `));
}

export type Pleasantry = 'greeting' | 'thanks' | 'bye';

// Words that go with a pleasantry without making it a request ("muchas gracias por todo", "ok, que estén muy bien").
const SOFT = new Set(['y', 'e', 'and', 'muy', 'bien', 'todo', 'todos', 'usted', 'ustedes', 'senor', 'senora', 'amigo', 'amiga', 'veci', 'vecino', 'oye', 'pues', 'a', 'ya', 'bueno', 'so', 'very', 'much', 'so', 'you', 'all']);

/** Repeated letters squeezed ("holaaa" → "hola", "graciaaas" → "gracias"), so stretched words still match. */
const squeeze = (text: string) => text.replace(/([a-z])\1+/g, '$1');

/**
 * The kind of a message made only of pleasantries (greeting, thanks, goodbye, plus punctuation and emoji),
 * "thanks" for an emoji alone ("👍"), or undefined when it asks for something.
 */
export function onlyPleasantries(text: string): Pleasantry | undefined {
  const folded = foldText(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (folded === '') return text.trim() === '' ? undefined : 'thanks';
  let rest = ` ${squeeze(folded)} `;
  let kind: Pleasantry | undefined;
  for (const entry of ['thanks', 'bye', 'greeting'] as const) {
    for (const phrase of [...LEXICON[entry]].map(squeeze).sort((a, b) => b.length - a.length)) {
      if (rest.includes(` ${phrase} `)) {
        rest = rest.split(` ${phrase} `).join(' ');
        kind ??= entry;
      }
    }
  }
  return kind && rest.split(' ').every((w) => w === '' || SOFT.has(w)) ? kind : undefined;
}

/** An Odoo sales order reference in the text (S00012), upper-cased. */
export function orderReference(text: string): string | undefined {
  return /\b(S\d{4,})\b/i.exec(text)?.[1]?.toUpperCase();
}
