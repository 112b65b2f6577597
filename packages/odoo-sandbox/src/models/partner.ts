import { validationError } from '../rpc/faults.js';
import {
  boolean,
  char,
  float,
  html,
  integer,
  many2many,
  many2one,
  one2many,
  selection,
} from '../orm/fields.js';
import { search } from '../orm/search.js';
import type { Env, ModelDef, Row } from '../orm/types.js';

/** "Company, Contact" for a contact person, like Odoo's `complete_name`. */
function partnerName(env: Env, row: Row): string {
  const own = typeof row['name'] === 'string' ? row['name'] : '';
  const parent = row['parent_id'];
  if (typeof parent === 'number' && !row['is_company']) {
    const p = env.db.row('res.partner', parent);
    if (p) return own ? `${partnerName(env, p)}, ${own}` : partnerName(env, p);
  }
  return own;
}

export const PARTNER_MODELS: ModelDef[] = [
  {
    name: 'res.partner',
    description: 'Contact',
    order: 'complete_name ASC, id DESC',
    parentField: 'parent_id',
    writeGroup: 'Extra Rights/Contact Creation',
    displayName: partnerName,
    fields: {
      name: char('Name'),
      complete_name: char('Complete Name', { compute: partnerName }),
      is_company: boolean('Is a Company', { default: false }),
      company_type: selection(
        'Company Type',
        [
          ['person', 'Individual'],
          ['company', 'Company'],
        ],
        { compute: (_e, r) => (r['is_company'] ? 'company' : 'person') },
      ),
      parent_id: many2one('res.partner', 'Related Company'),
      child_ids: one2many('res.partner', 'parent_id', 'Contact'),
      type: selection(
        'Address Type',
        [
          ['contact', 'Contact'],
          ['invoice', 'Invoice Address'],
          ['delivery', 'Delivery Address'],
          ['other', 'Other Address'],
        ],
        { default: 'contact' },
      ),
      function: char('Job Position'),
      street: char('Street'),
      street2: char('Street2'),
      city: char('City'),
      zip: char('Zip'),
      state_id: many2one('res.country.state', 'State'),
      country_id: many2one('res.country', 'Country'),
      email: char('Email'),
      phone: char('Phone'),
      mobile: char('Mobile'),
      website: char('Website Link'),
      vat: char('Tax ID', { help: 'The Tax Identification Number (NIT in Colombia).' }),
      ref: char('Reference'),
      lang: selection(
        'Language',
        [
          ['es_CO', 'Spanish (CO) / Español (CO)'],
          ['en_US', 'English (US)'],
        ],
        { default: 'es_CO' },
      ),
      tz: char('Timezone', { default: 'America/Bogota' }),
      comment: html('Notes'),
      active: boolean('Active', { default: true }),
      employee: boolean('Employee'),
      barcode: char('Barcode'),
      color: integer('Color Index'),
      title: many2one('res.partner.title', 'Title'),
      category_id: many2many('res.partner.category', 'Tags'),
      user_id: many2one('res.users', 'Salesperson'),
      company_id: many2one('res.company', 'Company'),
      customer_rank: integer('Customer Rank', { default: 0 }),
      supplier_rank: integer('Supplier Rank', { default: 0 }),
      credit_limit: float('Credit Limit'),
      partner_latitude: float('Geo Latitude'),
      partner_longitude: float('Geo Longitude'),
      property_product_pricelist: many2one('product.pricelist', 'Pricelist', {
        help: 'Used for sales to the current partner.',
      }),
      sale_order_ids: one2many('sale.order', 'partner_id', 'Sales Order'),
      sale_order_count: integer('Sale Order Count', {
        compute: (env, r) => search(env, 'sale.order', [['partner_id', 'child_of', r.id]]).length,
      }),
      user_ids: one2many('res.users', 'partner_id', 'Users'),
    },
    validate: (_env, row) => {
      // Odoo's SQL check `res_partner_check_name`, surfaced as a ValidationError.
      if (!row['name'] && row['type'] === 'contact')
        throw validationError('The operation cannot be completed: Contacts require a name');
    },
  },
  {
    name: 'res.users',
    description: 'User',
    order: 'name, login',
    writeGroup: 'Administration/Access Rights',
    methods: {
      // Public @api.model method: the caller's language, time zone and uid (JSON-2 clients learn their uid here).
      context_get: {
        recordset: false,
        params: [],
        run: (env) => {
          const user = env.db.row('res.users', env.uid);
          return { lang: user?.['lang'] ?? 'en_US', tz: user?.['tz'] ?? false, uid: env.uid };
        },
      },
    },
    displayName: (env, row) => {
      const partner =
        typeof row['partner_id'] === 'number' ? env.db.row('res.partner', row['partner_id']) : undefined;
      return String(partner?.['name'] ?? row['login']);
    },
    fields: {
      name: char('Name', {
        compute: (env, row) =>
          (typeof row['partner_id'] === 'number'
            ? env.db.row('res.partner', row['partner_id'])?.['name']
            : false) ?? false,
      }),
      login: char('Login', { required: true }),
      partner_id: many2one('res.partner', 'Related Partner', { required: true, ondelete: 'restrict' }),
      email: char('Email', {
        compute: (env, row) =>
          (typeof row['partner_id'] === 'number'
            ? env.db.row('res.partner', row['partner_id'])?.['email']
            : false) ?? false,
      }),
      active: boolean('Active', { default: true }),
      share: boolean('Share User', { default: false }),
      company_id: many2one('res.company', 'Company', { default: () => 1 }),
      tz: char('Timezone', { default: 'America/Bogota' }),
      lang: char('Language', { default: 'es_CO' }),
    },
    prepareCreate: (env, row, vals) => {
      // Odoo creates the user's partner from the `name` given to res.users.create.
      if (row['partner_id'] === false || row['partner_id'] === undefined) {
        const id = env.db.newId('res.partner');
        const stamp = row['create_date'];
        env.db.insert('res.partner', {
          id,
          name: String(vals['name'] ?? row['login']),
          email: vals['email'] ?? false,
          type: 'contact',
          active: true,
          is_company: false,
          create_date: stamp,
          write_date: stamp,
          category_id: [],
        });
        row['partner_id'] = id;
      }
    },
  },
];
