import { OdooClient } from '@mcp-crew/odoo-client';
import { startOdooSandbox, type OdooSandbox, type OdooSandboxOptions } from './sandbox.js';

/** A started sandbox and an admin client on it, for tests that act through agents and then check Odoo itself. */
export interface SandboxWithClient {
  sandbox: OdooSandbox;
  /** The sandbox's admin over JSON-RPC, to read what the code under test left in Odoo. */
  odoo: OdooClient;
}

/**
 * Starts the sandbox (on a free port unless `options` says otherwise) and connects its admin client. A separate
 * entry point (`@mcp-crew/odoo-sandbox/testing`) so the sandbox's own entry does not pull in the client.
 */
export async function startSandboxWithClient(options: OdooSandboxOptions = {}): Promise<SandboxWithClient> {
  const sandbox = await startOdooSandbox({ port: 0, ...options });
  const odoo = new OdooClient({
    url: sandbox.url,
    db: sandbox.db,
    user: sandbox.login,
    apiKey: sandbox.apiKey,
    protocol: 'jsonrpc',
  });
  return { sandbox, odoo };
}
