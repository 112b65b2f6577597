// The Odoo sandbox in its own process for a benchmark, and the demo tenant pointed at it: what
// bench/agents.mjs and bench/model-tokens.mjs both start from.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Secret, tenantId } from '@mcp-crew/core';

/** Forks the sandbox (`latencyMs` per Odoo call); `stop()` ends the process. */
export async function startBenchSandbox(latencyMs) {
  const child = fork(fileURLToPath(new URL('./odoo-sandbox.mjs', import.meta.url)), {
    env: { ...process.env, BENCH_ODOO_LATENCY_MS: String(latencyMs) },
  });
  const [sandbox] = await once(child, 'message');
  return {
    ...sandbox,
    stop: async () => {
      child.send('stop');
      await once(child, 'exit');
    },
  };
}

/** The demo tenant (the paint shop) on the bench sandbox, with `extra` settings over it. */
export function benchTenant(sandbox, extra = {}) {
  return {
    id: tenantId('demo'),
    name: 'Pinturas El Arcoíris',
    language: 'es',
    timezone: 'America/Bogota',
    enabled: true,
    chatwoot: { allowUnsignedWebhooks: false },
    odoo: {
      url: sandbox.url,
      db: sandbox.db,
      user: sandbox.login,
      apiKey: new Secret(sandbox.apiKey),
      protocol: 'jsonrpc',
      allowWrites: true,
      sandbox: true,
    },
    inboxCrews: {},
    defaultCrew: 'webchat',
    enabledSpecialists: ['sales', 'scheduling', 'business_rules', 'support'],
    ...extra,
  };
}
