import type { Env } from '../orm/types.js';
import { put } from './helpers.js';

/** Company, currency, countries, units, categories, taxes, pricelists, stages, locations, working hours. */
export function seedReference(env: Env): void {
  put(env, 'res.currency', 1, { name: 'COP', symbol: '$', rounding: 0.01, position: 'before' });
  put(env, 'res.currency', 2, { name: 'USD', symbol: '$', rounding: 0.01, position: 'before' });
  put(env, 'res.country', 49, { name: 'Colombia', code: 'CO', phone_code: 57 });
  put(env, 'res.country', 233, { name: 'United States', code: 'US', phone_code: 1 });
  const states: [number, string, string][] = [
    [1, 'Antioquia', 'ANT'],
    [2, 'Cundinamarca', 'CUN'],
    [3, 'Valle del Cauca', 'VAC'],
    [4, 'D.C.', 'DC'],
  ];
  for (const [id, name, code] of states) put(env, 'res.country.state', id, { name, code, country_id: 49 });
  put(env, 'res.partner.category', 1, { name: 'Mayorista' });
  put(env, 'res.partner.category', 2, { name: 'Constructora' });
  put(env, 'res.partner.title', 1, { name: 'Señor', shortcut: 'Sr.' });
  put(env, 'res.partner.title', 2, { name: 'Señora', shortcut: 'Sra.' });
  put(env, 'uom.category', 1, { name: 'Unidad' });
  put(env, 'uom.category', 2, { name: 'Volumen' });
  put(env, 'uom.uom', 1, { name: 'Unidades', category_id: 1, factor: 1, uom_type: 'reference' });
  put(env, 'uom.uom', 2, { name: 'Docenas', category_id: 1, factor: 1 / 12, uom_type: 'bigger' });
  put(env, 'uom.uom', 3, { name: 'L', category_id: 2, factor: 1, uom_type: 'reference' });
  put(env, 'uom.uom', 4, { name: 'gal (US)', category_id: 2, factor: 0.264172, uom_type: 'bigger' });
  const categories: [number, string, number | false][] = [
    [1, 'Todos', false],
    [2, 'Pinturas', 1],
    [3, 'Imprimantes y selladores', 1],
    [4, 'Brochas y rodillos', 1],
    [5, 'Solventes', 1],
    [6, 'Abrasivos y cintas', 1],
  ];
  for (const [id, name, parent_id] of categories) put(env, 'product.category', id, { name, parent_id });
  put(env, 'account.tax', 1, {
    name: 'IVA 19%',
    description: 'IVA 19%',
    amount: 19,
    type_tax_use: 'sale',
    price_include_override: 'tax_excluded',
    sequence: 1,
  });
  put(env, 'account.tax', 2, {
    name: 'IVA 19% incluido',
    description: 'IVA 19% (incluido en el precio)',
    amount: 19,
    type_tax_use: 'sale',
    price_include_override: 'tax_included',
    sequence: 2,
  });
  put(env, 'account.tax', 3, {
    name: 'IVA Compras 19%',
    amount: 19,
    type_tax_use: 'purchase',
    price_include_override: 'tax_excluded',
    sequence: 3,
  });
  put(env, 'product.pricelist', 1, { name: 'Precio público (COP)', sequence: 1, currency_id: 1 });
  put(env, 'product.pricelist', 2, { name: 'Mayorista (COP)', sequence: 2, currency_id: 1 });
  put(env, 'crm.team', 1, { name: 'Ventas' });
  const stages: [number, string, boolean][] = [
    [1, 'Nuevo', false],
    [2, 'Calificado', false],
    [3, 'Propuesta', false],
    [4, 'Ganado', true],
  ];
  for (const [id, name, is_won] of stages) put(env, 'crm.stage', id, { name, sequence: id, is_won });
  put(env, 'crm.tag', 1, { name: 'Mayorista' });
  put(env, 'crm.tag', 2, { name: 'Obra' });
  put(env, 'crm.tag', 3, { name: 'Garantía' });
  const taskStages: [number, string, boolean][] = [
    [1, 'Nuevo', false],
    [2, 'En progreso', false],
    [3, 'Esperando al cliente', false],
    [4, 'Resuelto', true],
  ];
  for (const [id, name, fold] of taskStages) put(env, 'project.task.type', id, { name, sequence: id, fold });
  const locations: [number, string, number | false, string][] = [
    [1, 'Physical Locations', false, 'view'],
    [2, 'Partners', false, 'view'],
    [4, 'Vendors', 2, 'supplier'],
    [5, 'Customers', 2, 'customer'],
    [7, 'WH', 1, 'view'],
    [8, 'Stock', 7, 'internal'],
    [14, 'Inventory adjustment', false, 'inventory'],
  ];
  for (const [id, name, location_id, usage] of locations)
    put(env, 'stock.location', id, { name, location_id, usage });
  // Shop hours in America/Bogota (UTC-5): Monday-Friday 7:00-12:00 and 13:00-17:00, Saturday 8:00-13:00.
  put(env, 'resource.calendar', 1, {
    name: 'Horario Pinturas El Arcoíris',
    tz: 'America/Bogota',
    hours_per_day: 9,
  });
  const days = ['Lunes', 'Martes', 'Miércoles', 'Jueves', 'Viernes'];
  let id = 1;
  days.forEach((day, i) => {
    put(env, 'resource.calendar.attendance', id++, {
      name: `${day} mañana`,
      calendar_id: 1,
      dayofweek: String(i),
      hour_from: 7,
      hour_to: 12,
      day_period: 'morning',
    });
    put(env, 'resource.calendar.attendance', id++, {
      name: `${day} tarde`,
      calendar_id: 1,
      dayofweek: String(i),
      hour_from: 13,
      hour_to: 17,
      day_period: 'afternoon',
    });
  });
  put(env, 'resource.calendar.attendance', id, {
    name: 'Sábado mañana',
    calendar_id: 1,
    dayofweek: '5',
    hour_from: 8,
    hour_to: 13,
    day_period: 'morning',
  });
}
