import { describe, expect, it } from '@jest/globals';
import { bestHit, type KnowledgeHitView } from './knowledge-answer.js';

const hit = (source: string, title: string, text: string): KnowledgeHitView => ({
  source,
  title,
  text: `# ${title}\n\n${text}`,
  score: 0.5,
});

const PROCEDURES = [
  hit('garantia.md', 'Garantía de los productos', '12 meses desde la compra; fotos del galón y la factura.'),
  hit('calculo.md', 'Cuánta pintura necesito (cálculo de galones)', 'Vinilo: 35 m² por galón a dos manos.'),
  hit('pelada.md', 'Pintura que se descascara o se pela', 'Raspar y lijar la pintura suelta.'),
  hit('devoluciones.md', 'Devoluciones y cambios', 'Dentro de 30 días; el envase sin abrir.'),
  hit('domicilios.md', 'Domicilios: zonas y costos de envío', 'Fuera del área: transportadora.'),
  hit('factura.md', 'Factura electrónica', 'Enviada al correo del cliente.'),
];

describe('bestHit (the procedure or rule that answers the question)', () => {
  it('matches the symptom the customer describes, in the forms they write it', () => {
    expect(
      bestHit(PROCEDURES, 'la pintura de la fachada se esta pelando, la compre hace 2 meses')?.source,
    ).toBe('pelada.md');
    expect(bestHit(PROCEDURES, 'puedo devolver un galon que no abri?')?.source).toBe('devoluciones.md');
    expect(bestHit(PROCEDURES, 'ustedes envian a Pereira?')?.source).toBe('domicilios.md');
  });

  it('keeps the search order when no word tells the hits apart', () => {
    expect(bestHit(PROCEDURES, 'hola')?.source).toBe('garantia.md');
    expect(bestHit([], 'hola')).toBeUndefined();
  });
});

describe('bestHit with the words customers use for a topic', () => {
  it('reads "¿dónde quedan ubicados?" as the address', () => {
    const rules = [
      hit('domicilios.md', 'Domicilios: zonas y costos de envío', 'Hacemos domicilios en Medellín.'),
      hit('horarios.md', 'Horario de atención', 'Dirección de la tienda: Carrera 43A # 12-34.'),
    ];
    expect(bestHit(rules, 'donde quedan ubicados?')?.source).toBe('horarios.md');
  });

  it('does not let a request for advice pick a text', () => {
    const procedures = [
      hit('devoluciones.md', 'Devoluciones', 'Un asesor confirma si aplica.'),
      hit('hongos.md', 'Hongos en paredes', 'Manchas negras en baños y cocinas.'),
    ];
    expect(bestHit(procedures, 'me asesoras? que pintura me sirve para el baño')?.source).toBe('hongos.md');
  });
});

describe('bestHit: the same topic in another language', () => {
  it('"where\'s your shop located?" is the store address', () => {
    const rules = [
      hit(
        'facturacion.en.yaml',
        'Electronic invoice',
        'We need the company name, the billing e-mail and the address.',
      ),
      hit('horarios.en.md', 'Opening hours', 'Store: Monday to Friday. Store address: Carrera 43A.'),
    ];
    expect(bestHit(rules, "where's your shop located?")?.source).toBe('horarios.en.md');
  });
});

describe('bestHit: question words are not topics', () => {
  it('"¿cuánto tiempo de garantía…?" is the warranty, not "Cuánta pintura necesito"', () => {
    expect(bestHit(PROCEDURES, 'cuanto tiempo de garantia tiene el impermeabilizante?')?.source).toBe(
      'garantia.md',
    );
  });
});

describe('bestHit: short topic words', () => {
  it('"are your prices VAT inclusive?" finds the VAT text', () => {
    const rules = [
      hit('descuentos.en.md', 'Volume discounts and wholesale price list', 'Wholesale price list: 12 % off.'),
      hit('facturacion.en.yaml', 'VAT', 'List prices do not include VAT (19 %).'),
    ];
    expect(bestHit(rules, 'are your prices VAT inclusive?')?.source).toBe('facturacion.en.yaml');
  });
});

describe('bestHit: a payment device is a payment question', () => {
  it('"¿el domiciliario lleva datáfono?" finds the payment methods', () => {
    const rules = [
      hit('domicilios.md', 'Domicilios: zonas y costos de envío', 'Hacemos domicilios en Medellín.'),
      hit('medios-de-pago.md', 'Medios de pago', 'Tarjeta con datáfono en el domicilio.'),
    ];
    expect(bestHit(rules, 'el domiciliario lleva datafono?')?.source).toBe('medios-de-pago.md');
  });
});
