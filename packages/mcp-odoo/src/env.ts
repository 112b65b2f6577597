import { z } from 'zod';
import { CrewError, Secret } from '@mcp-crew/core';

const schema = z.object({
  ODOO_URL: z.url({ message: 'expected the Odoo base URL, e.g. http://127.0.0.1:8169' }),
  ODOO_DB: z.string().min(1, 'expected the database name'),
  ODOO_USER: z.string().min(1, 'expected the login of the API user'),
  ODOO_API_KEY: z.string().min(1, 'expected an API key (or password)'),
  ODOO_PROTOCOL: z.enum(['auto', 'jsonrpc', 'xmlrpc', 'json2']).default('auto'),
  ODOO_ALLOW_WRITES: z.enum(['true', 'false']).default('false'),
  ODOO_TIMEZONE: z.string().default('America/Bogota'),
  MCP_TENANT_ID: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/).default('default'),
  MCP_HTTP_TOKEN: z.string().min(16, 'expected at least 16 characters').optional(),
});

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

/** Validates MCP-Odoo's environment; errors name each variable and never echo its value. */
export function readOdooMcpEnv(env: Record<string, string | undefined>, mode: 'stdio' | 'http'): OdooMcpEnv {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(clean);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  if (mode === 'http' && !clean['MCP_HTTP_TOKEN']) problems.push('MCP_HTTP_TOKEN: required with --http (clients send it as a bearer token)');
  if (!parsed.success || problems.length > 0) {
    throw new CrewError('CONFIG_INVALID', `MCP-Odoo configuration: ${problems.join('; ')}`, { domain: 'config', category: 'user', details: { problems } });
  }
  const e = parsed.data;
  return {
    url: e.ODOO_URL.replace(/\/+$/, ''),
    db: e.ODOO_DB,
    user: e.ODOO_USER,
    apiKey: new Secret(e.ODOO_API_KEY),
    protocol: e.ODOO_PROTOCOL,
    allowWrites: e.ODOO_ALLOW_WRITES === 'true',
    timezone: e.ODOO_TIMEZONE,
    tenantId: e.MCP_TENANT_ID,
    httpToken: e.MCP_HTTP_TOKEN ? new Secret(e.MCP_HTTP_TOKEN) : undefined,
  };
}
