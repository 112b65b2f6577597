import type { Command } from 'commander';
import { onShutdown } from '../shutdown.js';

export function registerSandbox(program: Command): void {
  const sandbox = program
    .command('sandbox')
    .description('Development servers that stand in for outside systems.');
  sandbox
    .command('odoo')
    .description(
      'Start the Odoo sandbox (JSON-RPC, XML-RPC, JSON-2; a seeded paint shop). A sandbox for development and tests, not an Odoo.',
    )
    .option('--port <port>', 'port to listen on', '8169')
    .option('--host <host>', 'interface to bind (default HOST, else 127.0.0.1; 0.0.0.0 in a container)')
    .option('--latency-ms <ms>', 'simulated latency per call', '0')
    .action(async (opts: { port: string; latencyMs: string; host?: string }) => {
      const { startOdooSandbox } = await import('@mcp-crew/odoo-sandbox');
      const { parseEnv, settingsCatalog } = await import('@mcp-crew/config');
      // Only HOST is read, validated like every setting: the sandbox must not fail on a main-job setting.
      const host =
        opts.host ?? parseEnv({ HOST: settingsCatalog.HOST }, process.env, 'invalid environment').HOST;
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`--port expects a port number, got "${opts.port}"`);
      const running = await startOdooSandbox({
        port,
        latencyMs: Number(opts.latencyMs),
        host,
      });
      process.stdout.write(
        `Odoo SANDBOX (not a real Odoo) at ${running.url}\n  database: ${running.db}\n  login: ${running.login}\n  API key: ${running.apiKey}\n`,
      );
      onShutdown(() => running.close());
    });
}
