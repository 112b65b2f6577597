import type { z } from 'zod';
import type { McpTool } from '@mcp-crew/mcp-kit';
import type { OdooApi } from '../odoo/odoo-api.js';
import type { OdooSchema } from '../odoo/odoo-schema.js';
import type { WriteAudit } from '../write-audit.js';

/** Per-tenant settings of MCP-Odoo. */
export interface OdooToolSettings {
  /** Writes (create, confirm, cancel, book, ...) are refused unless enabled for the tenant. */
  allowWrites: boolean;
  /** Base URL of the Odoo web client, for form and portal links. */
  baseUrl: string;
  /** Models and fields the generic `odoo_search_read` may touch. */
  readAllowlist: Record<string, readonly string[]>;
  /** Project for support tickets when the helpdesk module is not installed. */
  supportProjectName: string;
  /** Opening hours for appointment slots, in the tenant's time zone. */
  workingHours: WorkingHours;
  timezone: string;
  /** Longest list a tool returns; more is reported as truncated with a hint. */
  maxResults: number;
}

/** Weekday (0 = Sunday) → list of [start, end] in "HH:MM". */
export type WorkingHours = Record<number, Array<[string, string]>>;

export interface ToolContext {
  api: OdooApi;
  schema: OdooSchema;
  tenantId: string;
  settings: OdooToolSettings;
  audit: WriteAudit;
}

/** `read` tools change nothing; `write` tools create or update; `destructive` ones commit or cancel. */
export type ToolKind = 'read' | 'write' | 'destructive';

export interface ToolOutput<O> {
  result: O;
  /** A short text a model can read (names, totals, states), beside the structured result. */
  text: string;
}

/** An Odoo tool; its kind decides its annotations and whether the write guard and audit apply. */
export type OdooTool<
  I extends z.ZodRawShape = z.ZodRawShape,
  O extends z.ZodRawShape = z.ZodRawShape,
> = McpTool<ToolContext, I, O> & {
  kind: ToolKind;
};

/** Keeps each tool's name (as a literal type), input and output types tied to its definition. */
export function defineTool<N extends string, I extends z.ZodRawShape, O extends z.ZodRawShape>(
  tool: OdooTool<I, O> & { name: N },
): OdooTool<I, O> & { name: N } {
  return tool;
}
