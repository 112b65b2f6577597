import { OdooClient } from '@mcp-crew/odoo-client';
import { serveHttp, serveStdio, staticBearerToken } from '@mcp-crew/mcp-kit';
import { DEFAULT_ODOO_TOOL_SETTINGS } from './defaults.js';
import { readOdooMcpEnv, type OdooMcpEnv } from './env.js';
import type { OdooApi } from './odoo/odoo-api.js';
import { OdooSchema } from './odoo/odoo-schema.js';
import { buildOdooMcpServer } from './server.js';
import { LogWriteAudit } from './write-audit.js';

export type OdooMcpMode = { mode: 'stdio' } | { mode: 'http'; port: number; host?: string };

/** Writes go to stderr as JSON lines: on stdio, stdout is the protocol. */
const stderrAudit = new LogWriteAudit({
  info: (obj, msg) => process.stderr.write(`${JSON.stringify({ msg, ...obj })}\n`),
});

/** Builds the server for one Odoo from a validated environment. */
export function odooServerFromEnv(
  config: OdooMcpEnv,
  api: OdooApi = clientFor(config),
  schema = new OdooSchema(api),
) {
  return buildOdooMcpServer({
    api,
    schema,
    tenantId: config.tenantId,
    audit: stderrAudit,
    settings: {
      ...DEFAULT_ODOO_TOOL_SETTINGS,
      allowWrites: config.allowWrites,
      baseUrl: config.url,
      timezone: config.timezone,
    },
  });
}

function clientFor(config: OdooMcpEnv): OdooClient {
  return new OdooClient({
    url: config.url,
    db: config.db,
    user: config.user,
    apiKey: config.apiKey,
    protocol: config.protocol,
    tenant: config.tenantId,
  });
}

/**
 * `crew mcp odoo`: MCP-Odoo for the Odoo given by ODOO_URL, ODOO_DB, ODOO_USER, ODOO_API_KEY, over stdio
 * (desktop clients, the MCP Inspector) or Streamable HTTP with MCP_HTTP_TOKEN as the bearer token.
 */
export async function runOdooMcp(
  mode: OdooMcpMode,
  env: Record<string, string | undefined> = process.env,
): Promise<{ url?: string; close(): Promise<void> }> {
  const config = readOdooMcpEnv(env, mode.mode);
  // One client per process: its uid and fields_get answers are reused by every request.
  const api = clientFor(config);
  const schema = new OdooSchema(api);
  if (mode.mode === 'stdio') return serveStdio(odooServerFromEnv(config, api, schema));
  const endpoint = await serveHttp({
    realm: 'mcp-odoo',
    port: mode.port,
    ...(mode.host ? { host: mode.host } : {}),
    authenticate: staticBearerToken(config.httpToken!, config),
    buildServer: () => odooServerFromEnv(config, api, schema),
    onError: (error) =>
      process.stderr.write(`[mcp-odoo] ${error instanceof Error ? error.message : String(error)}\n`),
  });
  process.stderr.write(
    `[mcp-odoo] listening on ${endpoint.url} (writes ${config.allowWrites ? 'ENABLED' : 'disabled'})\n`,
  );
  return endpoint;
}
