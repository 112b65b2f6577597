import type { OdooToolSettings } from './tools/tool.js';

/** Sensible defaults for a shop: Monday–Friday 8:00–17:00 with a lunch break, Saturday morning. */
export const DEFAULT_ODOO_TOOL_SETTINGS: Omit<OdooToolSettings, 'baseUrl' | 'allowWrites'> = {
  readAllowlist: {
    'res.partner': ['name', 'email', 'phone', 'city', 'vat', 'customer_rank'],
    'product.product': [
      'name',
      'default_code',
      'list_price',
      'qty_available',
      'virtual_available',
      'categ_id',
    ],
    'sale.order': ['name', 'partner_id', 'state', 'date_order', 'amount_total', 'invoice_status'],
    'product.category': ['name', 'parent_id'],
  },
  supportProjectName: 'Soporte',
  workingHours: {
    1: [
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ],
    2: [
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ],
    3: [
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ],
    4: [
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ],
    5: [
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ],
    6: [['08:00', '12:00']],
  },
  timezone: 'America/Bogota',
  maxResults: 20,
};
