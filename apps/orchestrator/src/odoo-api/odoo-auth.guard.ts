import {
  Inject,
  Injectable,
  type CanActivate,
  type ExecutionContext,
  type RawBodyRequest,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { TENANT_ID_PATTERN, type TenantConfig, type TenantId } from '@mcp-crew/core';
import { TenantSnapshot } from '../tenants/tenant-snapshot.js';
import { authenticateOdooCall } from './odoo-auth.js';
import { TenantRateLimit } from './tenant-rate-limit.js';

/** The authenticated tenant, set on the request by `OdooAuthGuard`. */
export type OdooApiRequest = RawBodyRequest<FastifyRequest> & { odooTenant?: TenantConfig };

/** Per-tenant authentication, then the tenant's rate limit, before any handler of `/odoo/:tenantId/...` runs. */
@Injectable()
export class OdooAuthGuard implements CanActivate {
  constructor(
    @Inject(TenantSnapshot) private readonly tenants: TenantSnapshot,
    @Inject(TenantRateLimit) private readonly limit: TenantRateLimit,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<OdooApiRequest>();
    const tenantId = String((request.params as Record<string, string>)['tenantId'] ?? '');
    const known = TENANT_ID_PATTERN.test(tenantId) ? await this.tenants.get(tenantId as TenantId) : undefined;
    const tenant = authenticateOdooCall(known, tenantId, {
      headers: request.headers,
      rawBody: request.rawBody ?? Buffer.alloc(0),
      nowMs: Date.now(),
    });
    // Counted after authentication: failed attempts must not spend a tenant's budget.
    await this.limit.consume(tenant.id);
    request.odooTenant = tenant;
    return true;
  }
}
