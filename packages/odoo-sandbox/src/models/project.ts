import {
  boolean,
  char,
  datetime,
  float,
  html,
  integer,
  many2many,
  many2one,
  one2many,
  selection,
} from '../orm/fields.js';
import { search } from '../orm/search.js';
import type { Env, ModelDef } from '../orm/types.js';

export const PROJECT_MODELS: ModelDef[] = [
  {
    name: 'project.project',
    description: 'Project',
    order: 'sequence, name, id',
    writeGroup: 'Project/Administrator',
    fields: {
      name: char('Name', { required: true }),
      sequence: integer('Sequence', { default: 10 }),
      active: boolean('Active', { default: true }),
      partner_id: many2one('res.partner', 'Customer'),
      user_id: many2one('res.users', 'Project Manager', { default: (env: Env) => env.uid }),
      description: html('Description'),
      label_tasks: char('Use Tasks as', { default: 'Tasks' }),
      privacy_visibility: selection(
        'Visibility',
        [
          ['followers', 'Invited internal users'],
          ['employees', 'All internal users'],
          ['portal', 'Invited portal users and all internal users'],
        ],
        { required: true, default: 'portal' },
      ),
      task_ids: one2many('project.task', 'project_id', 'Tasks'),
      task_count: integer('Task Count', {
        compute: (env, r) => search(env, 'project.task', [['project_id', '=', r.id]]).length,
      }),
      type_ids: many2many('project.task.type', 'Tasks Stages'),
      company_id: many2one('res.company', 'Company', { default: () => 1 }),
    },
  },
  {
    name: 'project.task',
    description: 'Task',
    order: 'priority desc, sequence, date_deadline asc, id desc',
    writeGroup: 'Project/User',
    fields: {
      name: char('Title', { required: true }),
      project_id: many2one('project.project', 'Project'),
      partner_id: many2one('res.partner', 'Customer'),
      email_from: char('Email From'),
      user_ids: many2many('res.users', 'Assignees'),
      stage_id: many2one('project.task.type', 'Stage', { default: () => 1 }),
      description: html('Description'),
      priority: selection(
        'Priority',
        [
          ['0', 'Low priority'],
          ['1', 'High priority'],
        ],
        { default: '0' },
      ),
      sequence: integer('Sequence', { default: 10 }),
      state: selection(
        'State',
        [
          ['01_in_progress', 'In Progress'],
          ['02_changes_requested', 'Changes Requested'],
          ['03_approved', 'Approved'],
          ['1_done', 'Done'],
          ['1_canceled', 'Cancelled'],
          ['04_waiting_normal', 'Waiting'],
        ],
        { required: true, default: '01_in_progress' },
      ),
      date_deadline: datetime('Deadline'),
      tag_ids: many2many('crm.tag', 'Tags'),
      allocated_hours: float('Allocated Time'),
      active: boolean('Active', { default: true }),
      color: integer('Color Index'),
      company_id: many2one('res.company', 'Company', { default: () => 1 }),
    },
  },
];
