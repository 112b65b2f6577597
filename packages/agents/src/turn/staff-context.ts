import { COPILOT_CHANNEL, isStaffCrew, type CrewDefinition, type Language, type Turn } from '@mcp-crew/core';

/** Odoo operations a user's access rights allow on a model (ir.model.access). */
export type OdooPermissions = Record<string, ReadonlyArray<'read' | 'create' | 'write' | 'unlink'>>;

/** The Odoo user a copilot turn comes from, as the connector module sent it (channel attribute `odoo_user`). */
export interface StaffContext {
  name: string;
  /** From the user's Odoo language (es_CO → es); the language of the message itself still wins. */
  language?: Language;
  /** Absent: the request did not say, and only Odoo's own checks apply. */
  permissions?: OdooPermissions;
  /** The record open on the user's screen. */
  record?: { model: string; id: number };
}

const OPERATIONS = new Set(['read', 'create', 'write', 'unlink']);

/**
 * The staff member behind a turn: only for a staff crew (built in code for the copilot) and a message of the
 * copilot's channel, so a customer channel never runs with staff powers.
 */
export function staffContext(turn: Turn, crew: CrewDefinition): StaffContext | undefined {
  const message = turn.messages.at(-1);
  if (!message || !isStaffCrew(crew) || message.channel !== COPILOT_CHANNEL) return undefined;
  const attrs = message.channelAttributes ?? {};
  const user = (attrs['odoo_user'] ?? {}) as { lang?: unknown; permissions?: unknown };
  const context: StaffContext = { name: message.sender.name || 'Odoo user' };
  const language = languageOf(user.lang);
  if (language) context.language = language;
  const permissions = permissionsOf(user.permissions);
  if (permissions) context.permissions = permissions;
  const record = attrs['odoo_record'] as { model?: unknown; id?: unknown } | undefined;
  if (record && typeof record.model === 'string' && Number.isInteger(record.id))
    context.record = { model: record.model, id: record.id as number };
  return context;
}

function languageOf(lang: unknown): Language | undefined {
  const prefix = typeof lang === 'string' ? lang.slice(0, 2).toLowerCase() : '';
  return prefix === 'es' || prefix === 'pt' || prefix === 'en' ? prefix : undefined;
}

function permissionsOf(value: unknown): OdooPermissions | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: Record<string, Array<'read' | 'create' | 'write' | 'unlink'>> = {};
  for (const [model, ops] of Object.entries(value as Record<string, unknown>)) {
    if (Array.isArray(ops))
      out[model] = ops.filter((op): op is 'read' | 'create' | 'write' | 'unlink' =>
        OPERATIONS.has(op as string),
      );
  }
  return out;
}
