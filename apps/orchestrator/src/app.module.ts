import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health/health.controller.js';
import { MetricsController } from './metrics/metrics.controller.js';
import type { Runtime } from './runtime/runtime.js';
import { runtimeProviders } from './runtime/providers.js';
import { ChatwootWebhookController } from './webhooks/chatwoot-webhook.controller.js';
import { OperatorAuthGuard } from './admin/operator-auth.guard.js';
import { TenantAdminController } from './admin/tenant-admin.controller.js';
import { TenantAdminService } from './admin/tenant-admin.service.js';
import { BusinessAdminController } from './admin/business-admin.controller.js';
import { BusinessAdminService } from './admin/business-admin.service.js';
import { CrewSettingsAdminService } from './admin/crew-settings-admin.service.js';
import { CopilotJobs } from './odoo-api/copilot-jobs.js';
import { CopilotService } from './odoo-api/copilot.service.js';
import { OdooApiController } from './odoo-api/odoo-api.controller.js';
import { OdooAuthGuard } from './odoo-api/odoo-auth.guard.js';
import { OdooEventsService } from './odoo-api/odoo-events.service.js';
import { TenantRateLimit } from './odoo-api/tenant-rate-limit.js';
import { redisTarget } from './runtime/adapters/index.js';

/** The HTTP surface over an already composed runtime; controllers stay thin. */
@Module({})
export class AppModule {
  static forRuntime(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [
        ChatwootWebhookController,
        HealthController,
        MetricsController,
        TenantAdminController,
        BusinessAdminController,
        OdooApiController,
      ],
      providers: [
        // One provider per concern: nothing injects the whole runtime.
        ...runtimeProviders(runtime),
        TenantAdminService,
        BusinessAdminService,
        CrewSettingsAdminService,
        OperatorAuthGuard,
        CopilotService,
        OdooEventsService,
        OdooAuthGuard,
        {
          provide: CopilotJobs,
          useFactory: () =>
            new CopilotJobs({
              store: runtime.copilotJobs,
              leaseMs: runtime.odooApi.jobLeaseMs,
              onStoreError: (error) =>
                runtime.logger.warn(
                  { err: error instanceof Error ? error.message : String(error) },
                  'copilot job progress not saved',
                ),
            }),
        },
        {
          provide: TenantRateLimit,
          useFactory: () =>
            new TenantRateLimit({
              perMinute: runtime.odooApi.ratePerMinute,
              ...(runtime.settings.adapters.shared === 'redis'
                ? { redis: redisTarget(runtime.settings) }
                : {}),
              prefix: runtime.settings.QUEUE_PREFIX,
            }),
        },
      ],
    };
  }
}
