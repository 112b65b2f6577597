import { connectInProcess } from '@mcp-crew/mcp-kit';
import { buildMongoMcpServer } from '@mcp-crew/mcp-mongodb';
import type { AuditLogRepository, TenantConfig, TenantId } from '@mcp-crew/core';
import type { BusinessDataService } from '@mcp-crew/tenant-store';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';

/** MCP-MongoDB in-process per tenant, so the specialists read the business data the admin API edits. */
export interface BusinessTools {
  clientFor(tenant: TenantConfig): Promise<Client>;
  close(): Promise<void>;
}

export function openBusinessTools(options: {
  business: BusinessDataService;
  auditLog: AuditLogRepository;
  /** The clock "open now" is read with (tests fix it; the turn processor's hours use the same). */
  now?: () => number;
}): BusinessTools {
  const clients = new Map<TenantId, Promise<Client>>();
  const now = options.now ?? Date.now;
  return {
    clientFor(tenant) {
      let client = clients.get(tenant.id);
      if (!client) {
        // Datasets are read on every call: one server per tenant serves every edit.
        client = connectInProcess(
          buildMongoMcpServer({
            tenant: tenant.id,
            business: options.business,
            auditLog: options.auditLog,
            now,
          }),
        );
        clients.set(tenant.id, client);
      }
      return client;
    },
    async close() {
      for (const client of clients.values()) await (await client).close().catch(() => undefined);
      clients.clear();
    },
  };
}
