import { Command, InvalidArgumentError } from 'commander';
import type { OdooSandboxOptions } from '@mcp-crew/odoo-sandbox';

const nonNegativeInt = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number >= 0');
  return n;
};

/** Parses `--port`, `--latency-ms`, `--seed` (argv as in process.argv). */
export function parseSandboxArgs(argv: string[]): OdooSandboxOptions {
  const program = new Command('odoo-sandbox')
    .description(
      'Odoo SANDBOX for development and tests: speaks Odoo 18 XML-RPC/JSON-RPC and Odoo 19 JSON-2. Not a real Odoo.',
    )
    .option('--port <port>', 'TCP port on 127.0.0.1', nonNegativeInt, 8169)
    .option('--latency-ms <ms>', 'delay added to every RPC call', nonNegativeInt, 0)
    .option('--seed <name>', 'demo (paint shop) or empty', 'demo')
    .exitOverride();
  program.parse(argv);
  const opts = program.opts<{ port: number; latencyMs: number; seed: string }>();
  if (opts.seed !== 'demo' && opts.seed !== 'empty')
    throw new InvalidArgumentError(`unknown seed "${opts.seed}"`);
  return { port: opts.port, latencyMs: opts.latencyMs, seed: opts.seed };
}
