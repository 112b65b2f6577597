import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import {
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { TenantSnapshot } from '../tenants/tenant-snapshot.js';
import { DependencyChecks } from './dependency-checks.js';
import type { DependencyState } from './dependency-checks.js';

/**
 * Liveness (`/health/live`: the process answers), readiness (`/health`, `/health/ready`: queue, Redis, document
 * and vector stores, each with its state and reason; 503 when one is down) and the tenants' systems
 * (`/health/tenants`: each tenant's Odoo and Chatwoot, 503 when one is unreachable).
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(DependencyChecks) private readonly checks: DependencyChecks,
    @Inject(TenantSnapshot) private readonly tenantList: TenantSnapshot,
  ) {}

  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get()
  ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    return this.run(reply, async () => this.checks.check());
  }

  @Get('ready')
  readyAlias(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    return this.ready(reply);
  }

  @Get('tenants')
  tenants(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    return this.run(reply, async () => {
      const rows = await this.checks.tenants(await this.tenantList.list());
      return Object.fromEntries(
        Object.entries(rows).flatMap(([tenant, r]) => [
          [`${tenant}.odoo`, r.odoo],
          [`${tenant}.chatwoot`, r.chatwoot],
        ]),
      );
    });
  }

  /** Terminus's check, answered with its full body (not a bare "Service Unavailable") and 503 when anything is down. */
  private async run(
    reply: FastifyReply,
    states: () => Promise<Record<string, DependencyState>>,
  ): Promise<HealthCheckResult> {
    const found = await states();
    const indicators = Object.entries(found).map(
      ([name, state]) =>
        async (): Promise<HealthIndicatorResult> => {
          const check = this.indicator.check(name);
          const { status, ...details } = state;
          return status === 'up' ? check.up(details) : check.down(details);
        },
    );
    try {
      return await this.health.check(indicators);
    } catch (error) {
      const body = (error as { getResponse?: () => unknown }).getResponse?.();
      if (!body || typeof body !== 'object') throw error;
      reply.status(503);
      return body as HealthCheckResult;
    }
  }
}
