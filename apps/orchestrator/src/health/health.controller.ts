import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { RUNTIME, type Runtime } from '../runtime/runtime.js';

/** 200 once the app can take webhooks (the queue accepts messages); 503 otherwise. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      async () => {
        const queue = this.indicator.check('queue');
        return (await this.runtime.queue.isReady()) ? queue.up({ kind: this.runtime.queueKind }) : queue.down();
      },
    ]);
  }
}
