import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health/health.controller.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { RUNTIME, type Runtime } from './runtime/runtime.js';
import { ChatwootWebhookController } from './webhooks/chatwoot-webhook.controller.js';

/** The HTTP surface over an already composed runtime; controllers stay thin. */
@Module({})
export class AppModule {
  static forRuntime(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [ChatwootWebhookController, HealthController, MetricsController],
      providers: [{ provide: RUNTIME, useValue: runtime }],
    };
  }
}
