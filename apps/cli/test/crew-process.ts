import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from '@mcp-crew/testing';

export const CREW_MAIN = join(REPO_ROOT, 'apps/cli/dist/main.js');

export interface CrewResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment a spawned `crew` gets: only PATH and what the test sets, nothing of the developer's. */
export function crewEnv(extra: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? '', ...extra };
}

/** Runs the real CLI to completion. */
export function crew(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<CrewResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CREW_MAIN, ...args], { cwd: REPO_ROOT, env: crewEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** `crew serve` running until `stop()` (SIGTERM, as an operator or a container runtime stops it). */
export interface RunningCrew {
  child: ChildProcess;
  output(): string;
  stop(): Promise<number | null>;
}

/** Starts `crew serve` and resolves once GET /health answers 200. */
export async function startServe(
  port: number,
  env: Record<string, string>,
  timeoutMs = 90_000,
): Promise<RunningCrew> {
  const child = spawn(process.execPath, [CREW_MAIN, 'serve'], {
    cwd: REPO_ROOT,
    env: crewEnv({ ...env, PORT: String(port), HOST: '127.0.0.1' }),
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    return exited;
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`crew serve exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { child, output: () => output, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`crew serve did not become healthy in ${timeoutMs} ms:\n${output}`);
}
