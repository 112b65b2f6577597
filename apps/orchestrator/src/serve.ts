import { loadSettings } from '@mcp-crew/config';
import { startHttp, type HttpApp } from './bootstrap.js';
import { createLogger } from './logger.js';
import { announceWhenReady } from './health/announce-ready.js';
import { startTracing } from './observability/start-tracing.js';
import { createRuntime } from './runtime/create-runtime.js';
import { startSandboxIfUsed } from './runtime/start-sandbox.js';
import { assertServeMode } from './serve-mode.js';
import type { Runtime } from './runtime/runtime.js';

export interface ServeOptions {
  /** Start HTTP (webhooks, health, metrics). */
  http: boolean;
  /** Consume the queue in this process. */
  worker: boolean;
  env?: NodeJS.ProcessEnv;
}

/** `crew serve`: the main job. Embedded defaults need no service; REDIS_URL etc. switch adapters. */
export async function serve(
  options: ServeOptions,
): Promise<{ runtime: Runtime; http?: HttpApp; stop(): Promise<void> }> {
  const env = options.env ?? process.env;
  const settings = loadSettings(env);
  // Before anything starts: a split process without a shared queue would accept messages and drop them.
  assertServeMode(options, settings);
  const logger = createLogger(settings.LOG_LEVEL);
  // Before anything that makes spans; off (no-op, no cost) without OTEL_EXPORTER_OTLP_ENDPOINT.
  const tracing = startTracing(settings);
  if (tracing)
    logger.info(
      { endpoint: settings.OTEL_EXPORTER_OTLP_ENDPOINT },
      'OpenTelemetry traces exported over OTLP/HTTP',
    );
  const sandbox = await startSandboxIfUsed(settings, env);
  if (sandbox) logger.info({ url: sandbox.url }, 'Odoo sandbox started for the tenants that use it');
  const runtime = await createRuntime({ settings, logger, env, sandboxUrl: sandbox?.url });
  const http = options.http ? await startHttp(runtime) : undefined;
  if (options.worker) {
    // Not awaited: a worker waits for Redis, and the HTTP side must answer meanwhile (500 to Chatwoot, 503 on /health).
    void runtime.startWorker().then(
      () => logger.info({ queue: runtime.queueKind }, 'worker consuming the queue'),
      (error: unknown) => logger.error({ err: error }, 'worker failed to start'),
    );
  }
  // "ready" only once the queue, Redis and the stores answer; until then a warning names what is down and why.
  const stopAnnouncing = announceWhenReady(runtime.health, logger, {
    url: http?.url,
    queue: runtime.queueKind,
    worker: options.worker,
    tenants: runtime.describeTenants(),
  });
  const stop = async () => {
    stopAnnouncing();
    await http?.close();
    await runtime.close();
    await sandbox?.close();
    await tracing?.shutdown();
  };
  return { runtime, http, stop };
}
