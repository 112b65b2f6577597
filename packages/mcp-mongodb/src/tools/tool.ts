import type { AuditLogRepository, TenantId } from '@mcp-crew/core';
import type { BusinessDataService } from '@mcp-crew/tenant-store';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import type { McpTool } from '@mcp-crew/mcp-kit';

export interface MongoToolContext {
  /** The one tenant this server reads; a model can never name another. */
  tenant: TenantId;
  business: BusinessDataService;
  auditLog: AuditLogRepository;
  now: () => number;
}

export type MongoTool<
  I extends z.ZodRawShape = z.ZodRawShape,
  O extends z.ZodRawShape = z.ZodRawShape,
> = McpTool<MongoToolContext, I, O>;

/** Every MCP-MongoDB tool only reads, and only the calling tenant's documents. */
export const READ_ONLY: ToolAnnotations = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
};

export function defineTool<I extends z.ZodRawShape, O extends z.ZodRawShape>(
  tool: MongoTool<I, O>,
): MongoTool<I, O> {
  return tool;
}

/** Lower case without accents, so "itagui" finds "Itagüí". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}
