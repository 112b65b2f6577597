import { resolve } from 'node:path';
import { FileTenantDirectory, type Settings } from '@mcp-crew/config';
import { startOdooSandbox } from '@mcp-crew/odoo-sandbox';

export interface SandboxHandle {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the Odoo sandbox on ODOO_SANDBOX_PORT when an enabled tenant points at it (`odoo.url: sandbox`),
 * so the embedded default works with no Odoo installed. Undefined when no tenant uses it. When a sandbox
 * already answers on that port (`npm start` in one terminal, `crew chat` in another), it is shared, so
 * both see the same quotations; anything else on the port is an error.
 */
export async function startSandboxIfUsed(
  settings: Settings,
  env: NodeJS.ProcessEnv,
): Promise<SandboxHandle | undefined> {
  const tenants = await FileTenantDirectory.load(resolve(settings.TENANTS_FILE), { env });
  if (!(await tenants.list()).some((t) => t.enabled && t.odoo?.sandbox)) return undefined;
  try {
    return await startOdooSandbox({ port: settings.ODOO_SANDBOX_PORT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    const url = `http://127.0.0.1:${settings.ODOO_SANDBOX_PORT}`;
    if (await isSandbox(url)) return { url, close: async () => undefined };
    throw new Error(
      `port ${settings.ODOO_SANDBOX_PORT} is taken by something that is not the Odoo sandbox; set ODOO_SANDBOX_PORT`,
    );
  }
}

async function isSandbox(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/web/version`, { signal: AbortSignal.timeout(2000) });
    return response.headers.get('x-odoo-sandbox') === '1';
  } catch {
    return false;
  }
}
