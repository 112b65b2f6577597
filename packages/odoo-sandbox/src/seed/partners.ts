import type { Env } from '../orm/types.js';
import { put } from './helpers.js';

type P = Record<string, unknown>;

const MED = { city: 'Medellín', state_id: 1, country_id: 49 };
const BOG = { city: 'Bogotá', state_id: 4, country_id: 49 };
const CAL = { city: 'Cali', state_id: 3, country_id: 49 };

/** The shop, its users and its customers. Ids are fixed: tests, fixtures and demos rely on them. */
export const PARTNERS: [number, P][] = [
  [
    1,
    {
      name: 'Pinturas El Arcoíris S.A.S.',
      is_company: true,
      vat: '901234567-8',
      email: 'ventas@pinturaselarcoiris.example.com',
      phone: '+57 604 444 1234',
      street: 'Carrera 52 # 45-20',
      ...MED,
    },
  ],
  [2, { name: 'OdooBot', email: 'odoobot@example.com', active: false }],
  [
    3,
    {
      name: 'Carolina Restrepo',
      email: 'carolina.restrepo@pinturaselarcoiris.example.com',
      phone: '+57 310 555 0101',
      parent_id: false,
      ...MED,
    },
  ],
  [4, { name: 'Usuario Demo', email: 'demo@pinturaselarcoiris.example.com', ...MED }],
  [
    5,
    {
      name: 'Ana Gómez',
      email: 'ana.gomez@example.com',
      phone: '+57 300 123 4567',
      mobile: '+57 300 123 4567',
      vat: '43123456',
      customer_rank: 3,
      street: 'Calle 10 # 43-12',
      title: 2,
      ...MED,
    },
  ],
  [
    6,
    {
      name: 'Carlos Pérez',
      email: 'carlos.perez@example.com',
      phone: '+57 311 234 5678',
      vat: '71234567',
      customer_rank: 1,
      street: 'Carrera 70 # 1-20',
      title: 1,
      ...MED,
    },
  ],
  [
    7,
    {
      name: 'María Fernanda López',
      email: 'mafe.lopez@example.com',
      phone: '+57 315 987 6543',
      vat: '52345678',
      customer_rank: 2,
      street: 'Calle 127 # 15-30',
      ...BOG,
    },
  ],
  [
    8,
    {
      name: 'Jorge Ramírez',
      email: 'jorge.ramirez@example.com',
      phone: '+57 320 456 7890',
      vat: '80123456',
      customer_rank: 1,
      ...CAL,
    },
  ],
  [
    9,
    {
      name: 'Luisa Martínez',
      email: 'luisa.martinez@example.com',
      phone: '+57 301 765 4321',
      customer_rank: 1,
      ...MED,
    },
  ],
  [
    10,
    {
      name: 'Ferretería El Sol S.A.S.',
      is_company: true,
      email: 'compras@ferreteriaelsol.example.com',
      phone: '+57 604 322 9090',
      vat: '900123456-1',
      customer_rank: 8,
      street: 'Carrera 50 # 30-15',
      property_product_pricelist: 2,
      category_id: [[6, 0, [1]]],
      ...MED,
    },
  ],
  [
    11,
    {
      name: 'Hotel Casa Blanca S.A.S.',
      is_company: true,
      email: 'mantenimiento@hotelcasablanca.example.com',
      phone: '+57 605 660 1122',
      vat: '890456789-2',
      customer_rank: 1,
      city: 'Cartagena',
      country_id: 49,
    },
  ],
  [
    12,
    {
      name: 'Colegio San José',
      is_company: true,
      email: 'administracion@colegiosanjose.example.com',
      phone: '+57 604 250 3344',
      vat: '811987654-3',
      customer_rank: 1,
      ...MED,
    },
  ],
  [
    13,
    {
      name: 'Inmobiliaria Horizonte Ltda.',
      is_company: true,
      email: 'arrendamientos@horizonte.example.com',
      phone: '+57 601 745 8800',
      vat: '830111222-4',
      customer_rank: 2,
      ...BOG,
    },
  ],
  [
    14,
    {
      name: 'Andrés Castillo',
      email: 'andres.castillo@example.com',
      phone: '+57 312 111 2233',
      vat: '1037456789',
      customer_rank: 1,
      ...MED,
    },
  ],
  [
    15,
    {
      name: 'Construcciones Andinas S.A.S.',
      is_company: true,
      email: 'obras@construccionesandinas.example.com',
      phone: '+57 604 366 7788',
      vat: '900765432-5',
      customer_rank: 3,
      street: 'Avenida El Poblado # 5-50',
      category_id: [[6, 0, [2]]],
      ...MED,
    },
  ],
  [
    16,
    {
      name: 'Pedro Suárez',
      parent_id: 10,
      function: 'Jefe de compras',
      email: 'pedro.suarez@ferreteriaelsol.example.com',
      phone: '+57 314 222 3344',
      ...MED,
    },
  ],
  [
    17,
    {
      name: 'Diana Torres',
      parent_id: 10,
      function: 'Contabilidad',
      email: 'diana.torres@ferreteriaelsol.example.com',
      ...MED,
    },
  ],
  [
    18,
    {
      name: 'Sofía Herrera',
      parent_id: 15,
      function: 'Residente de obra',
      email: 'sofia.herrera@construccionesandinas.example.com',
      phone: '+57 318 444 5566',
      ...MED,
    },
  ],
  [
    19,
    {
      name: 'Ricardo Mejía',
      parent_id: 15,
      function: 'Director de proyectos',
      email: 'ricardo.mejia@construccionesandinas.example.com',
      ...MED,
    },
  ],
  [
    20,
    {
      name: 'Químicos del Valle S.A.S.',
      is_company: true,
      email: 'ventas@quimicosdelvalle.example.com',
      vat: '805333444-6',
      supplier_rank: 1,
      ...CAL,
    },
  ],
];

export function seedPartners(env: Env): void {
  for (const [id, vals] of PARTNERS) put(env, 'res.partner', id, { property_product_pricelist: 1, ...vals });
  put(env, 'res.company', 1, {
    name: 'Pinturas El Arcoíris S.A.S.',
    partner_id: 1,
    currency_id: 1,
    vat: '901234567-8',
    resource_calendar_id: 1,
  });
  put(env, 'res.users', 1, { login: '__system__', partner_id: 2, active: false });
  put(env, 'res.users', 2, { login: 'admin', partner_id: 3 });
  put(env, 'res.users', 6, { login: 'demo', partner_id: 4 });
  for (const [id] of PARTNERS)
    if (id !== 2)
      env.db.update(env.db.row('res.partner', id)!, {
        company_id: id <= 4 ? 1 : false,
        user_id: id >= 5 || id === 3 ? 2 : false,
      });
}
