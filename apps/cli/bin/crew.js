#!/usr/bin/env node
// `crew`: the project's CLI. It needs Node >= 22; on an older Node (the system's, as `npx crew` may pick) it
// re-runs itself with the project's Node 24 (the `node` package in node_modules), with the same stdio, so
// stdout stays the command's own (for `crew mcp ... --stdio`, nothing but JSON-RPC).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const projectNode = fileURLToPath(new URL('../../../node_modules/node/bin/node', import.meta.url));

if (major >= 22 || !existsSync(projectNode)) {
  await import(main);
} else {
  const child = spawn(projectNode, [main, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => (signal ? process.kill(process.pid, signal) : process.exit(code ?? 1)));
}
