import { markdownToPlain } from './markdown-to-plain.js';
import { markdownToWhatsapp } from './markdown-to-whatsapp.js';

describe('markdownToWhatsapp', () => {
  it.each([
    ['El **Vinilo Tipo 1** cuesta', 'El *Vinilo Tipo 1* cuesta'],
    ['El __Vinilo__ cuesta', 'El *Vinilo* cuesta'],
    ['un color _mate_ y *brillante*', 'un color _mate_ y *brillante*'],
    ['## Opciones de **pago**', '*Opciones de pago*'],
    ['# Resumen #', '*Resumen*'],
    ['precio ~~$ 90.000~~ $ 85.000', 'precio ~$ 90.000~ $ 85.000'],
    [
      'Mira el [catálogo](https://tienda.com.co/catalogo)',
      'Mira el catálogo: https://tienda.com.co/catalogo',
    ],
    ['[https://tienda.com.co](https://tienda.com.co)', 'https://tienda.com.co'],
    ['![foto](https://x.co/a.png)', 'foto: https://x.co/a.png'],
    ['```\nS00012  $ 85.000\n```', 'S00012  $ 85.000'],
    ['usa `SKU-1020`', 'usa SKU-1020'],
    ['* uno\n+ dos\n• tres', '- uno\n- dos\n- tres'],
    ['arriba\n\n---\n\n\n\nabajo', 'arriba\n\nabajo'],
    ['snake_case_name y 5*3*2', 'snake_case_name y 5*3*2'],
  ])('%j -> %j', (input, expected) => {
    expect(markdownToWhatsapp(input)).toBe(expected);
  });
});

describe('markdownToPlain', () => {
  it.each([
    ['El **Vinilo Tipo 1** cuesta', 'El Vinilo Tipo 1 cuesta'],
    ['un color _mate_ y *brillante*', 'un color mate y brillante'],
    ['__negrita__ y ~~tachado~~ y ~tachado~', 'negrita y tachado y tachado'],
    ['### Horario\nLunes a sábado', 'Horario\nLunes a sábado'],
    ['* uno\n* **dos**\n1. tres', '- uno\n- dos\n1. tres'],
    ['> cita del cliente', 'cita del cliente'],
    ['Mira el [catálogo](https://tienda.com.co)', 'Mira el catálogo: https://tienda.com.co'],
    ['```js\nconst a = 1;\n```', 'const a = 1;'],
    ['ref_producto_1 y 2*3 y juan_perez@correo.com', 'ref_producto_1 y 2*3 y juan_perez@correo.com'],
    ['https://tienda.com.co/pinturas_interior_', 'https://tienda.com.co/pinturas_interior_'],
  ])('%j -> %j', (input, expected) => {
    expect(markdownToPlain(input)).toBe(expected);
  });
});
