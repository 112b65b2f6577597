import { Controller, Get, Header, Inject } from '@nestjs/common';
import { RUNTIME, type Runtime } from '../runtime/runtime.js';

/** Prometheus scrape endpoint. */
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  metrics(): Promise<string> {
    return this.runtime.metrics.registry.metrics();
  }
}
