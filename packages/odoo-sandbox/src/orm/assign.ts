import { valueError } from '../rpc/faults.js';
import { formatDate, formatDatetime, pyRepr } from '../rpc/py.js';
import type { FieldDef } from './types.js';

/**
 * Converts a value written by a client into the stored form of a non-x2many field, as Odoo's
 * `convert_to_cache` would: ids for many2one, trimmed date strings, `<p>` around plain-text html.
 */
export function toStored(model: string, name: string, field: FieldDef, value: unknown): unknown {
  if (value === null || value === undefined) value = false;
  switch (field.type) {
    case 'many2one':
      if (Array.isArray(value)) return typeof value[0] === 'number' ? value[0] : false;
      return typeof value === 'number' && value > 0 ? value : false;
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : value === true ? 1 : 0;
    case 'float':
    case 'monetary':
      return typeof value === 'number' ? value : Number(value) || 0;
    case 'boolean':
      return Boolean(value);
    case 'date':
      if (value instanceof Date) return formatDate(value);
      return typeof value === 'string' && value ? value.slice(0, 10) : false;
    case 'datetime':
      if (value instanceof Date) return formatDatetime(value);
      if (typeof value === 'string' && value)
        return value.length === 10 ? `${value} 00:00:00` : value.slice(0, 19).replace('T', ' ');
      return false;
    case 'html':
      if (typeof value !== 'string' || value === '') return false;
      return value.trimStart().startsWith('<') ? value : `<p>${escapeHtml(value)}</p>`;
    case 'selection':
      if (value === false) return false;
      if (field.selection && !field.selection.some(([key]) => key === value)) {
        throw valueError(`Wrong value for ${model}.${name}: ${pyRepr(value)}`);
      }
      return value;
    case 'char':
    case 'text':
      return typeof value === 'string' ? value : value === false ? false : String(value);
    default:
      return value;
  }
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
