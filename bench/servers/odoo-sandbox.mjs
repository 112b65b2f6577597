// The Odoo sandbox in its own process for benchmarks: its CPU work must not count as the orchestrator's.
import { startOdooSandbox } from '@mcp-crew/odoo-sandbox';

const sandbox = await startOdooSandbox({
  port: 0,
  latencyMs: Number(process.env.BENCH_ODOO_LATENCY_MS ?? 50),
});
process.send({ url: sandbox.url, db: sandbox.db, login: sandbox.login, apiKey: sandbox.apiKey });
process.on('message', async (m) => {
  if (m !== 'stop') return;
  await sandbox.close();
  process.exit(0);
});
// The benchmark died without saying stop: go with it, so no orphan holds its output pipe open.
process.on('disconnect', () => process.exit(0));
