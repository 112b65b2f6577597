import { checkEnv, configError, odooMcpCatalog } from '@mcp-crew/config';
import type { Secret } from '@mcp-crew/core';

export interface OdooMcpEnv {
  url: string;
  db: string;
  user: string;
  apiKey: Secret;
  protocol: 'auto' | 'jsonrpc' | 'xmlrpc' | 'json2';
  allowWrites: boolean;
  timezone: string;
  tenantId: string;
  httpToken?: Secret;
}

/** Validates MCP-Odoo's environment (catalog in @mcp-crew/config); errors name each variable and never echo its value. */
export function readOdooMcpEnv(env: Record<string, string | undefined>, mode: 'stdio' | 'http'): OdooMcpEnv {
  const { values: e, problems } = checkEnv(odooMcpCatalog, env);
  if (mode === 'http' && !e?.MCP_HTTP_TOKEN && !problems.some((p) => p.startsWith('MCP_HTTP_TOKEN')))
    problems.push('MCP_HTTP_TOKEN: required with --http (clients send it as a bearer token)');
  if (!e || problems.length > 0) throw configError('MCP-Odoo configuration', problems);
  return {
    url: e.ODOO_URL.replace(/\/+$/, ''),
    db: e.ODOO_DB,
    user: e.ODOO_USER,
    apiKey: e.ODOO_API_KEY,
    protocol: e.ODOO_PROTOCOL,
    allowWrites: e.ODOO_ALLOW_WRITES,
    timezone: e.ODOO_TIMEZONE,
    tenantId: e.MCP_TENANT_ID,
    httpToken: e.MCP_HTTP_TOKEN,
  };
}
