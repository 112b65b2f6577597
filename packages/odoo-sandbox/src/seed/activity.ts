import type { Env } from '../orm/types.js';
import { put } from './helpers.js';

/** Existing orders, leads, appointments and support tickets, at fixed dates. */
export function seedActivity(env: Env): void {
  const order = (id: number, partner: number, date: string, lines: [number, number][]) =>
    put(env, 'sale.order', id, {
      partner_id: partner,
      date_order: date,
      order_line: lines.map(([product_id, qty]) => [0, 0, { product_id, product_uom_qty: qty }]),
    });
  // Product ids follow seed/products.ts: 2 Vinilo T1 blanco galón, 3 ... cuñete, 37 brocha 3", 39 rodillo,
  // 42 thinner galón, 26 impermeabilizante galón, 33 imprimante cuñete, 22 esmalte amarillo 1/4, 46 cinta 2".
  order(1, 5, '2026-01-05 14:10:00', [
    [2, 2],
    [37, 1],
    [39, 1],
  ]);
  order(2, 10, '2026-01-06 15:30:00', [
    [3, 4],
    [42, 6],
  ]);
  order(3, 15, '2026-01-07 16:45:00', [
    [26, 10],
    [33, 3],
  ]);
  order(4, 6, '2026-01-08 13:20:00', [
    [22, 1],
    [46, 2],
  ]);
  env.db.update(env.db.row('sale.order', 2)!, { state: 'sale' });
  env.db.update(env.db.row('sale.order', 3)!, { state: 'sent' });
  env.db.update(env.db.row('sale.order', 4)!, { state: 'cancel' });

  put(env, 'crm.lead', 1, {
    name: 'Pintura fachada edificio Torres del Río',
    partner_id: 15,
    contact_name: 'Sofía Herrera',
    email_from: 'sofia.herrera@construccionesandinas.example.com',
    expected_revenue: 12500000,
    stage_id: 2,
    tag_ids: [[6, 0, [2]]],
    priority: '2',
  });
  put(env, 'crm.lead', 2, {
    name: 'Reposición mensual de vinilos',
    partner_id: 10,
    contact_name: 'Pedro Suárez',
    email_from: 'pedro.suarez@ferreteriaelsol.example.com',
    expected_revenue: 4800000,
    stage_id: 1,
    tag_ids: [[6, 0, [1]]],
  });

  put(env, 'calendar.event', 1, {
    name: 'Visita técnica: medición de fachada',
    start: '2026-01-12 14:00:00',
    stop: '2026-01-12 15:00:00',
    partner_ids: [[6, 0, [3, 18]]],
    location: 'Avenida El Poblado # 5-50, Medellín',
  });
  put(env, 'calendar.event', 2, {
    name: 'Asesoría de color: Ana Gómez',
    start: '2026-01-13 15:00:00',
    stop: '2026-01-13 15:30:00',
    partner_ids: [[6, 0, [3, 5]]],
    location: 'Tienda Carrera 52',
  });

  put(env, 'project.project', 1, {
    name: 'Soporte',
    label_tasks: 'Tickets',
    description: '<p>Reclamos, garantías y asesoría técnica de clientes.</p>',
    type_ids: [[6, 0, [1, 2, 3, 4]]],
  });
  put(env, 'project.task', 1, {
    name: 'La pintura de la fachada se está descascarando',
    project_id: 1,
    partner_id: 14,
    email_from: 'andres.castillo@example.com',
    stage_id: 2,
    user_ids: [[6, 0, [2]]],
    description: '<p>El cliente aplicó Vinilo Tipo 2 en exterior hace 3 meses.</p>',
  });
  put(env, 'project.task', 2, {
    name: 'Solicitud de ficha técnica del impermeabilizante',
    project_id: 1,
    partner_id: 15,
    stage_id: 1,
    priority: '1',
  });
}
