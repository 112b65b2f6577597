import type { Env } from '../orm/types.js';
import { ean13, put } from './helpers.js';

interface Family {
  name: string;
  code: string;
  categ: number;
  description: string;
  /** [size label, size code, price in COP before IVA] */
  sizes: Record<string, [string, string, number]>;
  /** [colour, colour code, sizes it comes in] */
  variants: [string, string, string[]][];
}

const CUARTO = 'cuarto';
const GALON = 'galon';
const CUNETE = 'cunete';

const PAINTS: Family[] = [
  {
    name: 'Vinilo Tipo 1',
    code: 'VT1',
    categ: 2,
    description:
      'Pintura vinílica tipo 1 lavable para interiores y exteriores, acabado mate. Rinde 35 a 40 m² por galón a dos manos.',
    sizes: {
      cuarto: ['1/4 de galón', 'CT', 18900],
      galon: ['Galón', 'GL', 62900],
      cunete: ['Cuñete 5 galones', 'CN', 269900],
    },
    variants: [
      ['Blanco', 'BLA', [CUARTO, GALON, CUNETE]],
      ['Negro', 'NEG', [GALON]],
      ['Rojo', 'ROJ', [GALON]],
      ['Azul', 'AZU', [GALON]],
      ['Gris', 'GRI', [GALON, CUNETE]],
      ['Verde', 'VER', [GALON]],
      ['Amarillo', 'AMA', [GALON]],
    ],
  },
  {
    name: 'Vinilo Tipo 2',
    code: 'VT2',
    categ: 2,
    description:
      'Pintura vinílica tipo 2 para interiores, acabado mate, económica. Rinde 25 a 30 m² por galón.',
    sizes: { galon: ['Galón', 'GL', 39900], cunete: ['Cuñete 5 galones', 'CN', 169900] },
    variants: [
      ['Blanco', 'BLA', [GALON, CUNETE]],
      ['Gris', 'GRI', [GALON]],
      ['Marfil', 'MAR', [GALON]],
    ],
  },
  {
    name: 'Esmalte Sintético',
    code: 'ESM',
    categ: 2,
    description:
      'Esmalte sintético brillante para metal y madera, alta resistencia a la intemperie. Secado al tacto en 4 horas.',
    sizes: { cuarto: ['1/4 de galón', 'CT', 32900], galon: ['Galón', 'GL', 109900] },
    variants: [
      ['Blanco', 'BLA', [CUARTO, GALON]],
      ['Negro', 'NEG', [CUARTO, GALON]],
      ['Rojo', 'ROJ', [CUARTO]],
      ['Azul', 'AZU', [CUARTO]],
      ['Verde', 'VER', [CUARTO]],
      ['Amarillo', 'AMA', [CUARTO]],
    ],
  },
  {
    name: 'Anticorrosivo',
    code: 'ANT',
    categ: 2,
    description:
      'Pintura anticorrosiva base alquídica para proteger superficies metálicas antes del esmalte.',
    sizes: { cuarto: ['1/4 de galón', 'CT', 28900], galon: ['Galón', 'GL', 94900] },
    variants: [
      ['Gris', 'GRI', [CUARTO, GALON]],
      ['Rojo óxido', 'ROX', [GALON]],
    ],
  },
  {
    name: 'Impermeabilizante para Techos',
    code: 'IMP',
    categ: 2,
    description:
      'Impermeabilizante acrílico elastomérico para techos y terrazas. Aplicar tres manos, rinde 4 m² por galón.',
    sizes: { galon: ['Galón', 'GL', 89900], cunete: ['Cuñete 5 galones', 'CN', 389900] },
    variants: [['Blanco', 'BLA', [GALON, CUNETE]]],
  },
  {
    name: 'Laca Catalizada',
    code: 'LAC',
    categ: 2,
    description: 'Laca catalizada para muebles y madera interior, acabado semimate. Requiere catalizador.',
    sizes: { cuarto: ['1/4 de galón', 'CT', 36900], galon: ['Galón', 'GL', 119900] },
    variants: [
      ['Transparente', 'TRA', [CUARTO, GALON]],
      ['Negra', 'NEG', [CUARTO]],
    ],
  },
];

/** [name, code, category, price COP before IVA, description] */
const SUPPLIES: [string, string, number, number, string][] = [
  [
    'Sellador para Madera Galón',
    'SEL-MAD-GL',
    3,
    74900,
    'Sellador nitrocelulósico para madera, prepara la superficie antes de la laca.',
  ],
  [
    'Imprimante para Muros Galón',
    'IMP-MUR-GL',
    3,
    45900,
    'Imprimante acrílico para muros nuevos de pañete o drywall; mejora la adherencia del vinilo.',
  ],
  [
    'Imprimante para Muros Cuñete 5 galones',
    'IMP-MUR-CN',
    3,
    189900,
    'Imprimante acrílico para muros, presentación de obra.',
  ],
  [
    'Sellador Acrílico Galón',
    'SEL-ACR-GL',
    3,
    52900,
    'Sellador acrílico para muros con alcalinidad o manchas de humedad.',
  ],
  ['Brocha 1"', 'BRO-1', 4, 4500, 'Brocha de cerda natural de 1 pulgada, mango de madera.'],
  ['Brocha 2"', 'BRO-2', 4, 7900, 'Brocha de cerda natural de 2 pulgadas, mango de madera.'],
  ['Brocha 3"', 'BRO-3', 4, 11900, 'Brocha de cerda natural de 3 pulgadas, mango de madera.'],
  ['Brocha 4"', 'BRO-4', 4, 15900, 'Brocha de cerda natural de 4 pulgadas, mango de madera.'],
  [
    'Rodillo de Felpa 9"',
    'ROD-FEL-9',
    4,
    18900,
    'Rodillo de felpa de 9 pulgadas para vinilos en superficies lisas y semirrugosas.',
  ],
  ['Rodillo de Espuma 4"', 'ROD-ESP-4', 4, 6900, 'Rodillo de espuma de 4 pulgadas para esmaltes y lacas.'],
  ['Bandeja para Rodillo', 'BAN-ROD', 4, 9900, 'Bandeja plástica para rodillo de hasta 9 pulgadas.'],
  [
    'Thinner Galón',
    'THI-GL',
    5,
    32900,
    'Thinner corriente para diluir esmaltes y lacas y limpiar herramientas.',
  ],
  ['Thinner Botella 750 ml', 'THI-750', 5, 9900, 'Thinner corriente en botella de 750 ml.'],
  ['Varsol Galón', 'VAR-GL', 5, 24900, 'Varsol para diluir esmaltes sintéticos y limpiar brochas.'],
  ['Cinta de Enmascarar 1"', 'CIN-1', 6, 5900, 'Cinta de enmascarar de 1 pulgada por 40 metros.'],
  ['Cinta de Enmascarar 2"', 'CIN-2', 6, 10900, 'Cinta de enmascarar de 2 pulgadas por 40 metros.'],
  ['Lija de Agua #150', 'LIJ-150', 6, 1800, 'Pliego de lija de agua grano 150 para desbaste.'],
  ['Lija de Agua #220', 'LIJ-220', 6, 1800, 'Pliego de lija de agua grano 220 para acabado entre manos.'],
  ['Lija de Agua #400', 'LIJ-400', 6, 2100, 'Pliego de lija de agua grano 400 para acabado fino.'],
];

/** Codes sold out in the shop (no stock at all), so agents meet "agotado" in the demo. */
export const OUT_OF_STOCK = new Set(['VT1-AMA-GL', 'ESM-VER-CT', 'LAC-NEG-CT', 'IMP-BLA-CN', 'BRO-1']);

/** Seeds the catalogue (49 products, ids 1..49), stock in WH/Stock and the wholesale pricelist rules. */
export function seedProducts(env: Env): void {
  let id = 1;
  const add = (name: string, code: string, categ: number, price: number, description: string) => {
    put(env, 'product.template', id, {
      name,
      default_code: code,
      categ_id: categ,
      list_price: price,
      standard_price: Math.round(price * 0.6),
      barcode: ean13(`770${String(7100000 + id).padStart(9, '0')}`),
      type: 'consu',
      is_storable: true,
      description_sale: description,
      taxes_id: [[6, 0, [1]]],
      uom_id: 1,
      uom_po_id: 1,
    });
    if (!OUT_OF_STOCK.has(code)) {
      // Deterministic quantities between 3 and 60.
      put(env, 'stock.quant', id, {
        product_id: id,
        location_id: 8,
        quantity: 3 + ((id * 17) % 58),
        reserved_quantity: 0,
        in_date: '2026-01-02 12:00:00',
      });
    }
    id++;
  };
  for (const family of PAINTS) {
    for (const [colour, colourCode, sizes] of family.variants) {
      for (const size of sizes) {
        const [label, sizeCode, price] = family.sizes[size]!;
        add(
          `${family.name} ${colour} ${label}`,
          `${family.code}-${colourCode}-${sizeCode}`,
          family.categ,
          price,
          family.description,
        );
      }
    }
  }
  for (const [name, code, categ, price, description] of SUPPLIES) add(name, code, categ, price, description);

  // Wholesale: 12% off everything, and a fixed price for white Vinilo Tipo 1 by the cuñete from 2 units.
  put(env, 'product.pricelist.item', 1, {
    pricelist_id: 2,
    applied_on: '3_global',
    compute_price: 'percentage',
    percent_price: 12,
  });
  put(env, 'product.pricelist.item', 2, {
    pricelist_id: 2,
    applied_on: '1_product',
    product_tmpl_id: 3,
    compute_price: 'fixed',
    fixed_price: 229900,
    min_quantity: 2,
  });
}
