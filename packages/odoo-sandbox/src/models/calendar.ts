import { formatDatetime, parseDatetime } from '../rpc/py.js';
import { boolean, char, date, datetime, float, html, many2many, many2one, selection } from '../orm/fields.js';
import type { Env, ModelDef, Row } from '../orm/types.js';

const hoursBetween = (start: unknown, stop: unknown) =>
  typeof start === 'string' && typeof stop === 'string'
    ? (parseDatetime(stop).getTime() - parseDatetime(start).getTime()) / 3_600_000
    : 0;

/** Keeps start, stop, duration and the all-day dates consistent, as Odoo's calendar does. */
function normalise(env: Env, row: Row): void {
  const patch: Record<string, unknown> = {};
  if (typeof row['start'] === 'string' && row['stop'] === false) {
    const hours = Number(row['duration'] || 1);
    patch['stop'] = formatDatetime(new Date(parseDatetime(row['start']).getTime() + hours * 3_600_000));
  }
  const stop = patch['stop'] ?? row['stop'];
  patch['duration'] = Math.round(hoursBetween(row['start'], stop) * 100) / 100;
  patch['start_date'] = row['allday'] && typeof row['start'] === 'string' ? row['start'].slice(0, 10) : false;
  patch['stop_date'] = row['allday'] && typeof stop === 'string' ? stop.slice(0, 10) : false;
  env.db.update(row, patch);
}

export const CALENDAR_MODELS: ModelDef[] = [
  {
    name: 'calendar.event',
    description: 'Calendar Event',
    order: 'start desc',
    writeGroup: 'Technical/Calendar',
    fields: {
      name: char('Meeting Subject', { required: true }),
      start: datetime('Start', {
        required: true,
        help: 'Start date of an event, without time for full days events',
      }),
      stop: datetime('Stop', {
        required: true,
        help: 'Stop date of an event, without time for full days events',
      }),
      allday: boolean('All Day', { default: false }),
      start_date: date('Start Date'),
      stop_date: date('End Date'),
      duration: float('Duration'),
      partner_ids: many2many('res.partner', 'Attendees', {
        default: (env: Env) => {
          const u = env.db.row('res.users', env.uid);
          return typeof u?.['partner_id'] === 'number' ? [u['partner_id']] : [];
        },
      }),
      user_id: many2one('res.users', 'Organizer', { default: (env: Env) => env.uid }),
      description: html('Description'),
      location: char('Location'),
      videocall_location: char('Meeting URL'),
      privacy: selection('Privacy', [
        ['public', 'Public'],
        ['private', 'Private'],
        ['confidential', 'Only internal users'],
      ]),
      show_as: selection(
        'Show as',
        [
          ['free', 'Available'],
          ['busy', 'Busy'],
        ],
        { required: true, default: 'busy' },
      ),
      res_model: char('Document Model Name'),
      res_id: float('Document ID'),
      opportunity_id: many2one('crm.lead', 'Opportunity'),
      active: boolean('Active', { default: true }),
    },
    prepareCreate: (_env, row) => {
      // `stop` may be left out when a duration is given; it is filled in before the required check.
      if (typeof row['start'] === 'string' && row['stop'] === false) {
        row['stop'] = formatDatetime(
          new Date(parseDatetime(row['start']).getTime() + Number(row['duration'] || 1) * 3_600_000),
        );
      }
    },
    validate: (env, row) => normalise(env, row),
  },
];
