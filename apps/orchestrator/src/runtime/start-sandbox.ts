import { resolve } from 'node:path';
import { FileTenantDirectory, type Settings } from '@mcp-crew/config';
import { startOdooSandbox, type OdooSandbox } from '@mcp-crew/odoo-sandbox';

/**
 * Starts the Odoo sandbox on ODOO_SANDBOX_PORT when an enabled tenant points at it (`odoo.url: sandbox`),
 * so the embedded default works with no Odoo installed. Undefined when no tenant uses it.
 */
export async function startSandboxIfUsed(settings: Settings, env: NodeJS.ProcessEnv): Promise<OdooSandbox | undefined> {
  const tenants = await FileTenantDirectory.load(resolve(settings.TENANTS_FILE), { env });
  const used = (await tenants.list()).some((t) => t.enabled && t.odoo?.sandbox);
  return used ? startOdooSandbox({ port: settings.ODOO_SANDBOX_PORT }) : undefined;
}
