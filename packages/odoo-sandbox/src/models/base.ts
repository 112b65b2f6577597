import { boolean, char, float, integer, many2one, one2many, selection } from '../orm/fields.js';
import type { ModelDef } from '../orm/types.js';

const company = () => 1;

/** Small reference models the business models point at (company, currency, countries, units, stages). */
export const BASE_MODELS: ModelDef[] = [
  {
    name: 'res.company',
    description: 'Companies',
    order: 'sequence, name',
    fields: {
      name: char('Company Name', { required: true }),
      partner_id: many2one('res.partner', 'Partner', { required: true }),
      currency_id: many2one('res.currency', 'Currency', { required: true }),
      sequence: integer('Sequence', { default: 10 }),
      vat: char('Tax ID'),
      email: char('Email'),
      phone: char('Phone'),
      resource_calendar_id: many2one('resource.calendar', 'Default Working Hours'),
    },
  },
  {
    name: 'res.currency',
    description: 'Currency',
    order: 'active desc, name',
    fields: {
      name: char('Currency', { required: true }),
      symbol: char('Symbol', { required: true }),
      rounding: float('Rounding Factor', { default: 0.01 }),
      decimal_places: integer('Decimal Places', {
        compute: (env, row) => (Number(row['rounding']) >= 1 ? 0 : 2),
      }),
      position: selection(
        'Symbol Position',
        [
          ['after', 'After Amount'],
          ['before', 'Before Amount'],
        ],
        { default: 'before' },
      ),
      active: boolean('Active', { default: true }),
    },
  },
  {
    name: 'res.country',
    description: 'Country',
    order: 'name',
    fields: {
      name: char('Country Name', { required: true }),
      code: char('Country Code'),
      phone_code: integer('Country Calling Code'),
    },
  },
  {
    name: 'res.country.state',
    description: 'Country state',
    order: 'code',
    fields: {
      name: char('State Name', { required: true }),
      code: char('State Code', { required: true }),
      country_id: many2one('res.country', 'Country', { required: true }),
    },
  },
  {
    name: 'res.partner.category',
    description: 'Partner Tags',
    order: 'name',
    fields: { name: char('Tag Name', { required: true }), active: boolean('Active', { default: true }) },
  },
  {
    name: 'res.partner.title',
    description: 'Partner Title',
    order: 'name',
    fields: { name: char('Title', { required: true }), shortcut: char('Abbreviation') },
  },
  {
    name: 'uom.category',
    description: 'Product UoM Categories',
    order: 'name',
    fields: { name: char('Unit of Measure Category', { required: true }) },
  },
  {
    name: 'uom.uom',
    description: 'Product Unit of Measure',
    order: 'factor DESC, id',
    fields: {
      name: char('Unit of Measure', { required: true }),
      category_id: many2one('uom.category', 'Category', { required: true }),
      factor: float('Ratio', { default: 1 }),
      rounding: float('Rounding Precision', { default: 0.01 }),
      uom_type: selection(
        'Type',
        [
          ['bigger', 'Bigger than the reference Unit of Measure'],
          ['reference', 'Reference Unit of Measure for this category'],
          ['smaller', 'Smaller than the reference Unit of Measure'],
        ],
        { default: 'reference' },
      ),
      active: boolean('Active', { default: true }),
    },
  },
  {
    name: 'product.category',
    description: 'Product Category',
    order: 'complete_name',
    parentField: 'parent_id',
    displayName: (env, row) => completeName(env, row),
    fields: {
      name: char('Name', { required: true }),
      parent_id: many2one('product.category', 'Parent Category', { ondelete: 'cascade' }),
      complete_name: char('Complete Name', { compute: (env, row) => completeName(env, row) }),
    },
  },
  {
    name: 'crm.stage',
    description: 'CRM Stages',
    order: 'sequence, name, id',
    fields: {
      name: char('Stage Name', { required: true }),
      sequence: integer('Sequence', { default: 1 }),
      is_won: boolean('Is Won Stage?'),
    },
  },
  {
    name: 'crm.tag',
    description: 'CRM Tag',
    order: 'name',
    fields: { name: char('Tag Name', { required: true }), color: integer('Color') },
  },
  {
    name: 'crm.team',
    description: 'Sales Team',
    order: 'sequence ASC, create_date DESC, id DESC',
    fields: {
      name: char('Sales Team', { required: true }),
      sequence: integer('Sequence', { default: 10 }),
      active: boolean('Active', { default: true }),
      company_id: many2one('res.company', 'Company', { default: company }),
    },
  },
  {
    name: 'project.task.type',
    description: 'Task Stage',
    order: 'sequence, id',
    fields: {
      name: char('Name', { required: true }),
      sequence: integer('Sequence', { default: 1 }),
      fold: boolean('Folded in Kanban'),
      active: boolean('Active', { default: true }),
    },
  },
  {
    name: 'resource.calendar',
    description: 'Resource Working Time',
    order: 'name',
    fields: {
      name: char('Name', { required: true }),
      tz: char('Timezone', { default: 'America/Bogota' }),
      hours_per_day: float('Average Hour per Day', { default: 8 }),
      attendance_ids: one2many('resource.calendar.attendance', 'calendar_id', 'Working Time'),
      company_id: many2one('res.company', 'Company', { default: company }),
      active: boolean('Active', { default: true }),
    },
  },
  {
    name: 'resource.calendar.attendance',
    description: 'Work Detail',
    order: 'sequence, week_type, dayofweek, hour_from',
    fields: {
      name: char('Name', { required: true }),
      calendar_id: many2one('resource.calendar', "Resource's Calendar", {
        required: true,
        ondelete: 'cascade',
      }),
      dayofweek: selection(
        'Day of Week',
        [
          ['0', 'Monday'],
          ['1', 'Tuesday'],
          ['2', 'Wednesday'],
          ['3', 'Thursday'],
          ['4', 'Friday'],
          ['5', 'Saturday'],
          ['6', 'Sunday'],
        ],
        { required: true },
      ),
      hour_from: float('Work from', {
        required: true,
        help: 'Start and End time of working, in the calendar timezone.',
      }),
      hour_to: float('Work to', { required: true }),
      day_period: selection(
        'Day Period',
        [
          ['morning', 'Morning'],
          ['lunch', 'Break'],
          ['afternoon', 'Afternoon'],
        ],
        { default: 'morning' },
      ),
      week_type: selection('Week Number', [
        ['1', 'Second'],
        ['0', 'First'],
      ]),
      sequence: integer('Sequence', { default: 10 }),
    },
  },
];

function completeName(env: import('../orm/types.js').Env, row: import('../orm/types.js').Row): string {
  const parent = row['parent_id'];
  const own = String(row['name'] ?? '');
  if (typeof parent !== 'number') return own;
  const p = env.db.row('product.category', parent);
  return p ? `${completeName(env, p)} / ${own}` : own;
}
