// `npm run bench`: every benchmark in turn (each also runs alone: node bench/<name>.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const only = process.argv.slice(2);
const all = ['webhook', 'fairness', 'odoo', 'retrieval', 'cache', 'agents', 'model-tokens'];
for (const name of only.length ? only : all) {
  const file = new URL(`./${name}.mjs`, import.meta.url).pathname;
  if (!existsSync(file)) continue;
  console.log(`\n=== ${name} ===`);
  const { status } = spawnSync(process.execPath, [file], { stdio: 'inherit' });
  if (status !== 0) process.exitCode = status ?? 1;
}
