import type { Command } from 'commander';
import { serve } from '@mcp-crew/orchestrator';
import { onShutdown } from '../shutdown.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'Start the orchestrator: Chatwoot webhooks, queue workers, health and metrics (the main job).',
    )
    .option('--worker-only', 'consume the queue without serving HTTP (scale-out workers; needs REDIS_URL)')
    .option('--no-worker', 'serve HTTP only; other processes consume the queue (needs REDIS_URL)')
    .action(async (opts: { workerOnly?: boolean; worker: boolean }) => {
      const running = await serve({
        http: !opts.workerOnly,
        worker: opts.workerOnly === true || opts.worker,
      });
      onShutdown(running.stop);
    });
}
