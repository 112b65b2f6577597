import { CrewError } from '@mcp-crew/core';
import type { Settings } from '@mcp-crew/config';

/** Which halves of the main job one process runs. */
export interface ServeMode {
  http: boolean;
  worker: boolean;
}

/**
 * A process that serves HTTP without a worker (or a worker without HTTP) only makes sense when another
 * process shares its queue. The in-process queue would accept messages nothing consumes (or consume
 * nothing), so such a split refuses to start rather than drop what Chatwoot was told is queued.
 */
export function assertServeMode(
  mode: ServeMode,
  settings: Pick<Settings, 'REDIS_URL' | 'REDIS_CLUSTER_NODES'>,
): void {
  if (!mode.http && !mode.worker) {
    throw new CrewError('SERVE_MODE_EMPTY', 'crew serve: nothing to run (neither HTTP nor a worker)', {
      domain: 'config',
      category: 'user',
    });
  }
  if (settings.REDIS_URL || settings.REDIS_CLUSTER_NODES || (mode.http && mode.worker)) return;
  const flag = mode.http ? '--no-worker' : '--worker-only';
  const why = mode.http
    ? 'messages accepted over HTTP would never be consumed'
    : 'the worker would have nothing feeding it';
  throw new CrewError(
    'QUEUE_NOT_SHARED',
    `crew serve ${flag} needs a shared queue: set REDIS_URL (e.g. redis://127.0.0.1:6379) or REDIS_CLUSTER_NODES. Without it ${why}; ` +
      'run "crew serve" without the flag to serve and consume in one process.',
    { domain: 'config', category: 'user', details: { variable: 'REDIS_URL', flag } },
  );
}
