import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A throwaway Redis Cluster of local `redis-server` processes (masters only), for the cluster contract suites. */
export interface LocalRedisCluster {
  nodes: Array<{ host: string; port: number }>;
  /** The nodes as `REDIS_CLUSTER_NODES` takes them. */
  nodesSetting: string;
  stop(): Promise<void>;
}

/** Why a local cluster cannot run here (no `redis-server` or `redis-cli` on PATH), or undefined when it can. */
export function redisClusterUnavailable(): string | undefined {
  for (const binary of ['redis-server', 'redis-cli']) {
    const probe = spawnSync(binary, ['--version'], { stdio: 'ignore' });
    if (probe.error || probe.status !== 0) return `${binary} is not installed`;
  }
  return undefined;
}

/**
 * Starts `masters` `redis-server --cluster-enabled yes` on free loopback ports (each with its cluster bus port,
 * +10000, free too) in a temp dir, without persistence, and joins them with `redis-cli --cluster create`. The
 * shared Redis on 6379 is never touched.
 */
export async function startRedisCluster(masters = 3): Promise<LocalRedisCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-crew-redis-cluster-'));
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopProcess));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const ports: number[] = [];
    for (let i = 0; i < masters; i++) ports.push(await freeClusterPort(ports));
    for (const port of ports) {
      children.push(
        spawn(
          'redis-server',
          [
            ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir],
            ...['--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`],
            ...['--cluster-node-timeout', '5000', '--save', '', '--appendonly', 'no'],
            ...['--logfile', join(dir, `${port}.log`)],
          ],
          { stdio: 'ignore' },
        ),
      );
    }
    await Promise.all(ports.map((port) => waitForPing(port, 10_000)));
    const addresses = ports.map((port) => `127.0.0.1:${port}`);
    await run(
      'redis-cli',
      ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes'],
      {
        timeout: 30_000,
      },
    );
    await Promise.all(ports.map((port) => waitForClusterOk(port, 15_000)));
    return {
      nodes: ports.map((port) => ({ host: '127.0.0.1', port })),
      nodesSetting: addresses.map((a) => `redis://${a}`).join(','),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL'); // nothing to keep: no persistence, the dir is removed
  await exited;
}

/** A loopback port that is free, below 55536 (its cluster bus port is +10000), with that bus port free too. */
async function freeClusterPort(taken: number[]): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 30_000);
    if (taken.includes(port) || taken.includes(port + 10_000) || taken.includes(port - 10_000)) continue;
    if ((await canListen(port)) && (await canListen(port + 10_000))) return port;
  }
  throw new Error('no free loopback port pair for a Redis Cluster node');
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Sends one inline command and resolves with the first reply chunk (or undefined when nothing answers). */
function ask(port: number, command: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    let reply = '';
    const done = (value: string | undefined) => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(1000, () => done(undefined));
    socket.once('error', () => done(undefined));
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      // A bulk reply is complete when it holds its announced length; a simple one at its first line.
      const bulk = /^\$(\d+)\r\n/.exec(reply);
      if (!bulk || reply.length >= bulk[0].length + Number(bulk[1]) + 2) done(reply);
    });
    socket.once('connect', () => socket.write(`${command}\r\n`));
  });
}

async function waitForPing(port: number, timeoutMs: number): Promise<void> {
  await poll(
    async () => (await ask(port, 'PING'))?.startsWith('+PONG') ?? false,
    timeoutMs,
    `PING on ${port}`,
  );
}

async function waitForClusterOk(port: number, timeoutMs: number): Promise<void> {
  await poll(
    async () => (await ask(port, 'CLUSTER INFO'))?.includes('cluster_state:ok') ?? false,
    timeoutMs,
    `cluster_state:ok on ${port}`,
  );
}

async function poll(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Redis Cluster: no ${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
