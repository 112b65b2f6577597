import { z } from 'zod';
import { TENANT_ID_PATTERN } from '@mcp-crew/core';
import { flag, secret, setting, url } from './env/fields.js';

// The MCP servers run as their own processes (`crew mcp …`, a desktop client), so each has its own small
// catalog; they live here with the main job's so that every variable is validated and documented in one place.

const tenant = (fallback: string) =>
  z
    .string()
    .regex(TENANT_ID_PATTERN, { message: 'expected a tenant id (lowercase letters, digits, "-", "_")' })
    .default(fallback);

/** `crew mcp odoo`: one Odoo, reached over JSON-RPC, XML-RPC or JSON-2. */
export const odooMcpCatalog = {
  ODOO_URL: setting(url(['http', 'https']), 'the Odoo base URL (required)', '—', 'http://127.0.0.1:8069'),
  ODOO_DB: setting(
    z.string({ message: 'expected the database name' }),
    'the Odoo database (required)',
    '—',
    'odoo_ref',
  ),
  ODOO_USER: setting(
    z.string({ message: 'expected the login of the API user' }),
    'login of the API user (required)',
    '—',
    'admin',
  ),
  ODOO_API_KEY: setting(secret(), 'API key (or password) of that user (required)', '—', 'a1b2c3…'),
  ODOO_PROTOCOL: setting(
    z
      .enum(['auto', 'jsonrpc', 'xmlrpc', 'json2'], { message: 'expected auto, jsonrpc, xmlrpc or json2' })
      .default('auto'),
    'RPC protocol; `auto` picks JSON-2 on Odoo 19+, else JSON-RPC',
    '`auto`',
    'xmlrpc',
  ),
  ODOO_ALLOW_WRITES: setting(flag(false), 'expose the write tools (quotations, bookings)', '`false`', 'true'),
  ODOO_TIMEZONE: setting(
    z.string().default('America/Bogota'),
    'time zone of dates the tools read and write',
    '`America/Bogota`',
    'America/Sao_Paulo',
  ),
  MCP_TENANT_ID: setting(tenant('default'), 'tenant name on log lines and cache keys', '`default`', 'demo'),
  MCP_HTTP_TOKEN: setting(
    secret(16).optional(),
    'bearer token clients send over HTTP (required with `--http`)',
    'unset',
    '32+ random chars',
  ),
};

/** `crew mcp chatwoot`: one Chatwoot account. */
export const chatwootMcpCatalog = {
  CHATWOOT_URL: setting(
    url(['http', 'https']).optional(),
    "Chatwoot's base URL",
    'unset: actions printed to stderr (demo)',
    'https://chat.example.com',
  ),
  CHATWOOT_BOT_TOKEN: setting(
    secret().optional(),
    "the Agent Bot's access token (required with `CHATWOOT_URL`)",
    'unset',
    'bot-token',
  ),
  CHATWOOT_ACCOUNT_ID: setting(
    z.coerce
      .number({ message: 'expected a positive whole number' })
      .int({ message: 'expected a positive whole number' })
      .positive({ message: 'expected a positive whole number' }),
    'the Chatwoot account the tools act in (required)',
    '—',
    '3',
  ),
  MCP_HTTP_TOKEN: setting(
    secret(16).optional(),
    'bearer token clients send over HTTP (required with `--http`)',
    'unset',
    '32+ random chars',
  ),
  MCP_TENANT_ID: setting(tenant('demo'), 'tenant name shown in console lines', '`demo`', 'demo'),
};

/** `crew mcp mongodb`: a tenant's business data and interaction record. */
export const mongoMcpCatalog = {
  MONGODB_URL: setting(
    url(['mongodb', 'mongodb+srv']).optional(),
    'MongoDB URL',
    'unset: embedded store in `DATA_DIR`',
    'mongodb://127.0.0.1:27017/crew',
  ),
  MONGODB_DB: setting(z.string().optional(), 'database name', 'the one in `MONGODB_URL`', 'crew'),
  DATA_DIR: setting(
    z.string().default('./.data'),
    'folder of the embedded store',
    '`./.data`',
    '/var/lib/crew',
  ),
  MCP_TENANT_ID: setting(tenant('demo'), 'the tenant served over stdio', '`demo`', 'demo'),
  MCP_HTTP_TOKENS: setting(
    z.string().optional(),
    'over HTTP: comma-separated `tenant:token` pairs; each token reads only its tenant',
    'unset',
    'demo:0123456789abcdef',
  ),
};
