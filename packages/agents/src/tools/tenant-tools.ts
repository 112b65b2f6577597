import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { connectInProcess } from '@mcp-crew/mcp-kit';
import {
  buildOdooMcpServer,
  DEFAULT_ODOO_TOOL_SETTINGS,
  LogWriteAudit,
  OdooSchema,
  type OdooApi,
  type WriteAudit,
} from '@mcp-crew/mcp-odoo';
import { OdooClient } from '@mcp-crew/odoo-client';
import { configFingerprint, type IdempotencyStore, type TenantConfig, type TenantId } from '@mcp-crew/core';
import { listMcpTools, type McpToolSource } from './mcp-tools.js';

/** Gives a tenant's MCP tools (every server it uses), connected once and reused by every turn. */
export interface TenantTools {
  forTenant(tenant: TenantConfig): Promise<McpToolSource[]>;
  /** Closes a tenant's clients now (its configuration changed or it is gone); the next turn connects anew. */
  forget?(tenant: TenantId): Promise<void>;
  close(): Promise<void>;
}

export interface TenantToolsOptions {
  /** Where Odoo writes are recorded. Default: nowhere but the result (use a log audit in production). */
  audit?: WriteAudit;
  /** More MCP clients for a tenant (knowledge search, MongoDB, ...), connected by the composition root. */
  extraClients?: (tenant: TenantConfig) => Promise<Client[]>;
  /** Where MCP-Odoo records the results of writes under their idempotency keys (Redis in production). */
  idempotency?: IdempotencyStore;
  /** Wraps a tenant's Odoo client (the composition root puts the tenant cache in front of reads). */
  wrapOdoo?: (tenant: TenantConfig, api: OdooApi) => OdooApi;
}

const SILENT_AUDIT = new LogWriteAudit({ info: () => undefined });

interface Connected {
  /** The clients this class opened (closed on reconnect); extra clients belong to whoever made them. */
  own: Client[];
  clients: Client[];
  tools: McpToolSource[];
}

/**
 * MCP-Odoo in-process for each tenant's Odoo: one OdooClient, one server and one MCP client per tenant,
 * cached until the tenant's Odoo connection changes. A tenant without a usable Odoo gets no Odoo tools (its
 * specialists hand over instead).
 */
export class InProcessTenantTools implements TenantTools {
  readonly #tenants = new Map<TenantId, { config: string; entry: Promise<Connected> }>();

  constructor(private readonly options: TenantToolsOptions = {}) {}

  async forTenant(tenant: TenantConfig): Promise<McpToolSource[]> {
    const config = connectionOf(tenant);
    const found = this.#tenants.get(tenant.id);
    if (found?.config === config) return (await found.entry).tools;
    // A changed connection (admin API) gets new clients; the old ones close once connected.
    if (found)
      void found.entry.then(
        (old) => closeAll(old.own),
        () => undefined,
      );
    const entry = this.connect(tenant);
    this.#tenants.set(tenant.id, { config, entry });
    // A failed connection is not cached: the next turn tries again.
    entry.catch(() => {
      if (this.#tenants.get(tenant.id)?.entry === entry) this.#tenants.delete(tenant.id);
    });
    return (await entry).tools;
  }

  async forget(tenant: TenantId): Promise<void> {
    const found = this.#tenants.get(tenant);
    if (!found) return;
    this.#tenants.delete(tenant);
    const old = await found.entry.catch(() => undefined);
    if (old) await closeAll(old.own);
  }

  async close(): Promise<void> {
    const entries = [...this.#tenants.values()];
    this.#tenants.clear();
    for (const { entry } of entries) {
      const { clients } = await entry.catch(() => ({ clients: [] as Client[] }));
      await closeAll(clients);
    }
  }

  private async connect(tenant: TenantConfig): Promise<Connected> {
    const clients: Client[] = [];
    const odoo = tenant.odoo;
    if (odoo && /^https?:\/\//.test(odoo.url)) {
      const client = new OdooClient({
        url: odoo.url,
        db: odoo.db,
        user: odoo.user,
        apiKey: odoo.apiKey,
        protocol: odoo.protocol,
        tenant: tenant.id,
      });
      const api = this.options.wrapOdoo?.(tenant, client) ?? client;
      const server = buildOdooMcpServer({
        api,
        schema: new OdooSchema(api),
        tenantId: tenant.id,
        audit: this.options.audit ?? SILENT_AUDIT,
        ...(this.options.idempotency ? { idempotency: this.options.idempotency } : {}),
        settings: {
          ...DEFAULT_ODOO_TOOL_SETTINGS,
          allowWrites: odoo.allowWrites,
          baseUrl: odoo.url,
          timezone: tenant.timezone,
        },
      });
      // Our own in-process bridge, not @mastra/mcp's MCPClient: MCPClient connects stdio and HTTP servers by
      // configuration, while this server lives in the process (per-tenant Odoo client, cache and write audit
      // built around it) and is reached through the SDK's linked in-memory transport, with no process or port.
      clients.push(await connectInProcess(server));
    }
    const own = [...clients];
    clients.push(...((await this.options.extraClients?.(tenant)) ?? []));
    const tools = (await Promise.all(clients.map((c) => listMcpTools(c)))).flat();
    return { own, clients, tools };
  }
}

// Tenant configurations are immutable objects replaced on change: each one's connection digest is taken once,
// not hashed again on every turn.
const CONNECTIONS = new WeakMap<TenantConfig, string>();

/** The part of a tenant's configuration its MCP connection is built from, as a digest. */
function connectionOf(tenant: TenantConfig): string {
  let found = CONNECTIONS.get(tenant);
  if (found === undefined) {
    found = configFingerprint({ odoo: tenant.odoo ?? null, timezone: tenant.timezone ?? null });
    CONNECTIONS.set(tenant, found);
  }
  return found;
}

async function closeAll(clients: Client[]): Promise<void> {
  await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
}
