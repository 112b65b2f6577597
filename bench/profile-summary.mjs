// Summarises a V8 CPU profile (node --cpu-prof): self time by package / area and the top functions.
// Usage: node bench/profile-summary.mjs <file.cpuprofile> [top]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [top]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
// Sample counts weighted by the time delta of each sample.
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
// Idle time, and the in-process profiler's own frames (node:inspector), are not work of the server.
const isIdle = (node) =>
  node.callFrame.functionName === '(idle)' || /^node:inspector/.test(node.callFrame.url ?? '');
let sampled = 0;
let idle = 0;
for (const [id, time] of self) {
  sampled += time;
  if (isIdle(byId.get(id))) idle += time;
}
const total = sampled - idle;

function area(node) {
  const { url, functionName } = node.callFrame;
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(idle)' || functionName === '(program)') return functionName;
  if (!url) return 'V8 / native';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const own = /\/(packages|apps)\/([^/]+)\//.exec(url);
  if (own) return `@mcp-crew/${own[2]}`;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  return url;
}

const areas = new Map();
const functions = new Map();
for (const [id, time] of self) {
  const node = byId.get(id);
  if (isIdle(node)) continue;
  const a = area(node);
  areas.set(a, (areas.get(a) ?? 0) + time);
  const name = `${node.callFrame.functionName || '(anonymous)'} ${a}`;
  functions.set(name, (functions.get(name) ?? 0) + time);
}
const pct = (t) => `${((t / total) * 100).toFixed(1).padStart(5)}%`;
console.log(
  `${file}: ${(sampled / 1e6).toFixed(1)} s sampled, ${((idle / sampled) * 100).toFixed(0)}% idle\n\nbusy time by area`,
);
for (const [a, t] of [...areas].sort((x, y) => y[1] - x[1]).slice(0, 14)) console.log(`${pct(t)}  ${a}`);
console.log('\ntop functions (self time)');
for (const [f, t] of [...functions].sort((x, y) => y[1] - x[1]).slice(0, Number(topArg ?? 15)))
  console.log(`${pct(t)}  ${f}`);
