import { redactContactData, REDACTED_TEXT } from './redact-contact-data.js';

const ALL = { phoneNumbers: true, emails: true, links: true };
const NONE = { phoneNumbers: false, emails: false, links: false };
const { contact: C, link: L } = REDACTED_TEXT.es;
const redact = (text: string) => redactContactData(text, ALL, 'es');

describe('redactContactData: phone numbers', () => {
  it.each([
    'Llámanos al +57 300 123 4567.',
    'Llámanos al +573001234567.',
    'Llámanos al 300 123 4567.',
    'Llámanos al 300-123-4567.',
    'Llámanos al 300.123.4567.',
    'Llámanos al 3001234567.',
    'Llámanos al (601) 234 5678.',
    'Llámanos al 601 2345678.',
    'Llámanos al 234 5678.',
    'Llámanos al +55 (11) 91234-5678.',
    'Llámanos al +1 (555) 123-4567.',
    'Llámanos al 57 300 1234567.',
  ])('replaces the number in "%s"', (text) => {
    expect(redact(text)).toBe(`Llámanos al ${C}.`);
  });

  it.each([
    'El galón cuesta $ 85.000 y la caneca $ 1.250.000.',
    'Total: $1250000 con IVA',
    'Son 1250000 pesos',
    'Total 1.250.000',
    'Tu pedido S00012 va en camino',
    'Pedido 1234567 confirmado',
    'Referencia VIN-1020-B, código 7701234567890',
    'Ref. 77012345',
    'Llevas 12 galones y 4 cuñetes de 5 galones',
    'Entrega el 2025-03-14 o el 14-03-2025',
    'Abrimos de 8:00 a 18:00, lunes a sábado',
    'Cobertura en 3 ciudades, 10% de descuento',
    'El SO-2024-00012 está listo',
    'Pintura 1/4 de galón, 3.5 litros',
  ])('leaves "%s" alone', (text) => {
    expect(redact(text)).toBe(text);
  });
});

describe('redactContactData: e-mail addresses and links', () => {
  it.each([
    ['Escríbenos a ventas@pinturas.com.co.', `Escríbenos a ${C}.`],
    ['Correo: juan.perez+pedidos@mail.co', `Correo: ${C}`],
    ['Mira https://tienda.com.co/vinilo?x=1.', `Mira ${L}.`],
    ['Mira http://pinturas.co', `Mira ${L}`],
    ['Mira www.pinturas.com (catálogo)', `Mira ${L} (catálogo)`],
    ['Mira tienda.com.co o pinturas.store/ofertas', `Mira ${L} o ${L}`],
    ['Escríbenos por wa.me/573001234567', `Escríbenos por ${L}`],
    ['Acorta bit.ly/abc123!', `Acorta ${L}!`],
    ['Mira el [catálogo](https://tienda.com.co)', 'Mira el catálogo'],
  ])('"%s" -> "%s"', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it.each([
    'Gracias.Me avisas si necesitas algo',
    'Pinturas S.A.S. te atiende',
    'El archivo catalogo.pdf y la versión 2.0',
    'Precio: $ 85.000. Cantidad: 2.',
  ])('leaves "%s" alone', (text) => {
    expect(redact(text)).toBe(text);
  });

  it('keeps the e-mail domain out of the link rule when only links are forbidden', () => {
    const out = redactContactData('ventas@pinturas.com y pinturas.com', { ...NONE, links: true }, 'es');
    expect(out).toBe(`ventas@pinturas.com y ${L}`);
  });

  it('changes nothing when nothing is forbidden', () => {
    const text = 'Llama al 300 123 4567, escribe a a@b.co o entra a https://x.co';
    expect(redactContactData(text, NONE, 'es')).toBe(text);
  });

  it('speaks the crew language', () => {
    expect(redactContactData('Ligue para (11) 91234-5678', ALL, 'pt')).toBe(
      `Ligue para ${REDACTED_TEXT.pt.contact}`,
    );
    expect(redactContactData('See https://x.co', ALL, 'en')).toBe(`See ${REDACTED_TEXT.en.link}`);
  });
});
