import { startOdooSandbox } from '@mcp-crew/odoo-sandbox';
import { parseSandboxArgs } from './options.js';

// Thin entry point: `node apps/odoo-sandbox/dist/main.js --port 8169 --latency-ms 50`.
const sandbox = await startOdooSandbox(parseSandboxArgs(process.argv));
process.stdout.write(
  `[odoo-sandbox] Odoo SANDBOX (not a real Odoo) at ${sandbox.url}\n` +
    `[odoo-sandbox] db=${sandbox.db} login=${sandbox.login} api key=${sandbox.apiKey} (sandbox-only credentials)\n` +
    `[odoo-sandbox] read-only user: login=${sandbox.demo.login} api key=${sandbox.demo.apiKey}\n`,
);
const stop = () => {
  sandbox.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
