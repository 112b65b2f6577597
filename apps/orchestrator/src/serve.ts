import { loadSettings } from '@mcp-crew/config';
import { startHttp, type HttpApp } from './bootstrap.js';
import { createLogger } from './logger.js';
import { createRuntime } from './runtime/create-runtime.js';
import type { Runtime } from './runtime/runtime.js';

export interface ServeOptions {
  /** Start HTTP (webhooks, health, metrics). */
  http: boolean;
  /** Consume the queue in this process. */
  worker: boolean;
  env?: NodeJS.ProcessEnv;
}

/** `crew serve`: the main job. Embedded defaults need no service; REDIS_URL etc. switch adapters. */
export async function serve(options: ServeOptions): Promise<{ runtime: Runtime; http?: HttpApp; stop(): Promise<void> }> {
  const env = options.env ?? process.env;
  const settings = loadSettings(env);
  const logger = createLogger(settings.LOG_LEVEL);
  const runtime = await createRuntime({ settings, logger, env });
  if (options.worker) await runtime.startWorker();
  const http = options.http ? await startHttp(runtime) : undefined;
  logger.info(
    { url: http?.url, queue: runtime.queueKind, worker: options.worker, tenants: runtime.describeTenants() },
    'MCP-Crew is ready',
  );
  const stop = async () => {
    await http?.close();
    await runtime.close();
  };
  return { runtime, http, stop };
}
