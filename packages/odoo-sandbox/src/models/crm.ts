import {
  boolean,
  char,
  date,
  datetime,
  float,
  html,
  integer,
  many2many,
  many2one,
  selection,
} from '../orm/fields.js';
import type { Env, ModelDef } from '../orm/types.js';

export const CRM_MODELS: ModelDef[] = [
  {
    name: 'crm.lead',
    description: 'Lead/Opportunity',
    order: 'priority desc, id desc',
    writeGroup: 'Sales/User: Own Documents Only',
    fields: {
      name: char('Opportunity', { required: true }),
      type: selection(
        'Type',
        [
          ['lead', 'Lead'],
          ['opportunity', 'Opportunity'],
        ],
        { required: true, default: 'opportunity' },
      ),
      active: boolean('Active', { default: true }),
      partner_id: many2one('res.partner', 'Customer'),
      contact_name: char('Contact Name'),
      partner_name: char('Company Name'),
      email_from: char('Email'),
      phone: char('Phone'),
      description: html('Notes'),
      stage_id: many2one('crm.stage', 'Stage', { default: () => 1 }),
      user_id: many2one('res.users', 'Salesperson', { default: (env: Env) => env.uid }),
      team_id: many2one('crm.team', 'Sales Team', { default: () => 1 }),
      expected_revenue: float('Expected Revenue'),
      probability: float('Probability', { default: 10 }),
      priority: selection(
        'Priority',
        [
          ['0', 'Low'],
          ['1', 'Medium'],
          ['2', 'High'],
          ['3', 'Very High'],
        ],
        { default: '0' },
      ),
      date_deadline: date('Expected Closing'),
      date_closed: datetime('Closed Date', { readonly: true }),
      tag_ids: many2many('crm.tag', 'Tags'),
      referred: char('Referred By'),
      company_id: many2one('res.company', 'Company', { default: () => 1 }),
      color: integer('Color Index'),
    },
  },
];
