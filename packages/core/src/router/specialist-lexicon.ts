import type { SpecialistKind } from '../tenant/tenant.js';

/**
 * Words and phrases (es / pt / en) that point at a specialist, grouped by weight:
 * 3 = a clear intent on its own, 2 = a strong hint, 1 = context (a product noun, a weekday).
 * Spelling does not matter (accents, case, plurals and common misspellings are folded away);
 * a trailing `*` matches any word that starts with it (`compr*`: comprar, compro, compraria).
 * Longer phrases win over the words inside them ("horario de visita" is scheduling, not "horario").
 */
export const SPECIALIST_LEXICON: Readonly<Record<SpecialistKind, Readonly<Record<1 | 2 | 3, readonly string[]>>>> = {
  sales: {
    3: [
      'precio', 'que precio', 'cuanto cuesta', 'cuanto vale', 'cuanto sale', 'cuanto valen', 'cuanto cuestan',
      'cotiz*', 'presupuesto', 'cotac*', 'orcamento', 'quanto custa', 'preco', 'quote', 'quotation', 'how much',
      // Not "compr*": "la pintura que compré se peló" is a support case, the past purchase is context.
      'price', 'comprar', 'compro', 'comprarl*', 'quiero compra*', 'buy', 'purchase', 'stock', 'inventario', 'disponib*', 'available', 'availability',
      'en existencia', 'estado de mi pedido', 'estado del pedido', 'mi pedido', 'mi orden', 'meu pedido',
      'my order', 'order status', 'hacer un pedido', 'quiero pedir', 'quisiera pedir', 'separar',
    ],
    2: [
      'compra', 'pedido', 'orden', 'order', 'costo', 'cuesta', 'valor', 'cost', 'venden', 'vende', 'manejan', 'sell',
      'tienen disponible', 'hay disponible', 'llevar', 'encargar',
    ],
    1: [
      'cuanto', 'quanto', 'hay', 'tienen', 'tiene', 'tem', 'have', 'pintura', 'tinta', 'paint', 'vinilo', 'esmalte',
      'laca', 'anticorrosivo', 'impermeabiliz*', 'estuco', 'sellador', 'thinner', 'rodillo', 'brocha', 'galon',
      'cunete', 'caneca', 'cuarto', 'litro', 'balde', 'lata', 'gallon', 'producto', 'referencia', 'color',
    ],
  },
  scheduling: {
    3: [
      'cita', 'agend*', 'reagend*', 'reprogram*', 'appointment', 'visita tecnica', 'horario de visita',
      'horarios de visita', 'marcar uma visita', 'marcar una visita', 'book a visit', 'schedule a visit',
      'programar una visita', 'programar la visita', 'cuando pueden venir', 'cuando pueden visitar',
      'asesoria en sitio', 'tomar medidas', 'cancelar la cita', 'cambiar la cita', 'visita',
    ],
    2: ['visitar', 'visit', 'schedul*', 'booking', 'reservar', 'calendario', 'medicion'],
    1: [
      // Not "dia", "tarde", "manana": "buenos dias" / "buenas tardes" are greetings, not scheduling.
      'fecha', 'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado',
      'semana', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
    ],
  },
  business_rules: {
    3: [
      'horario de atencion', 'horarios de atencion', 'horario de funcionamento', 'opening hours', 'a que hora abren',
      'a que hora cierran', 'abren', 'cierran', 'abierto', 'abiertos', 'festivos', 'envio', 'domicilio', 'entrega',
      'despacho', 'despachan', 'shipping', 'delivery', 'frete', 'cuanto cuesta el envio', 'cuanto vale el envio',
      'cuanto cuesta el domicilio', 'cuanto vale el domicilio', 'costo del envio', 'valor del envio', 'zonas',
      'zona de cobertura', 'cobertura', 'hasta donde llegan', 'formas de pago', 'forma de pago', 'medios de pago',
      'metodos de pago', 'forma de pagamento', 'formas de pagamento', 'payment methods', 'pagar con', 'nequi',
      'daviplata', 'transferencia', 'pix', 'contraentrega', 'contra entrega', 'efectivo', 'pse', 'tarjeta',
      'boleto', 'descuento', 'desconto', 'discount', 'promocion', 'promo*', 'politica*', 'politica de garantia',
      'que garantia', 'cuanto dura la garantia', 'cuanto tiempo de garantia', 'tienen garantia', 'tiene garantia',
      'warranty policy', 'return policy', 'politica de devolucion', 'donde quedan', 'donde estan ubicados',
      'ubicacion', 'sedes', 'tienda fisica', 'factura electronica', 'credito', 'cuotas',
    ],
    2: ['horario', 'hours', 'pago', 'pagar', 'payment', 'pagamento', 'envian', 'mandan', 'llevan', 'factura'],
    1: ['garantia', 'llega', 'llegan'],
  },
  support: {
    3: [
      'problema', 'se pela', 'se pelo', 'se pelaron', 'se esta pelando', 'pelando', 'descascar*', 'despega*',
      'se cae', 'burbuja*', 'ampolla*', 'bolha*', 'mancha*', 'hongo*', 'moho', 'humedad', 'salitre', 'grieta*',
      'agrieta*', 'cuarte*', 'no seca', 'no se seca', 'no cubre', 'quedo mal', 'defectuos*', 'defeito', 'defect*',
      'danado', 'roto', 'vencido', 'devolucion', 'devolver', 'devolucao', 'reembolso', 'refund', 'reclamo',
      'reclamacion', 'reclamacao', 'queja', 'complaint', 'garantia del producto', 'hacer valer la garantia',
      'aplicar la garantia', 'reclamar la garantia', 'usar la garantia', 'ticket', 'soporte', 'suporte', 'support',
      'falla', 'fallo', 'no funciona', 'not working', 'broken', 'peeling', 'bubbl*', 'blister*', 'crack*',
    ],
    2: ['mal', 'malo', 'error', 'issue', 'return', 'help', 'cambio', 'cambiar el producto'],
    1: ['ayuda', 'ajuda', 'garantia'],
  },
};
