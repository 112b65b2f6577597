import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { TenantConfig } from '@mcp-crew/core';
import { ApiZodBody } from '../http/openapi-body.js';
import { ZodBodyPipe } from '../http/zod-body.pipe.js';
import { ODOO_API_SETTINGS } from '../runtime/providers.js';
import type { Runtime } from '../runtime/runtime.js';
import { CopilotJobs } from './copilot-jobs.js';
import { z } from 'zod';
import {
  copilotRequestBody,
  odooEventBatchBody,
  odooEventBody,
  type CopilotRequest,
} from './copilot-schemas.js';
import { CopilotService } from './copilot.service.js';
import { OdooAuthGuard, type OdooApiRequest } from './odoo-auth.guard.js';
import { OdooEventsPipe, type OdooEventsRequest } from './odoo-events.pipe.js';
import { OdooEventsService } from './odoo-events.service.js';

/** The API a tenant's Odoo calls: the copilot (sync or tracked) and change events. */
@ApiTags('odoo')
@ApiBearerAuth('odoo-api-key')
@ApiSecurity('odoo-signature')
@UseGuards(OdooAuthGuard)
@Controller('odoo/:tenantId')
export class OdooApiController {
  constructor(
    @Inject(ODOO_API_SETTINGS) private readonly settings: Runtime['odooApi'],
    @Inject(CopilotService) private readonly copilot: CopilotService,
    @Inject(CopilotJobs) private readonly jobs: CopilotJobs,
    @Inject(OdooEventsService) private readonly events: OdooEventsService,
  ) {}

  @Post('copilot')
  @ApiOperation({
    summary:
      'Ask the internal-operations crew; 200 with the answer, or 202 with a tracking id for long work (or ?async=1)',
  })
  @ApiQuery({ name: 'async', required: false, description: '1 = return a tracking id at once' })
  @ApiZodBody(copilotRequestBody)
  async ask(
    @Req() request: OdooApiRequest,
    @Body(new ZodBodyPipe(copilotRequestBody)) body: CopilotRequest,
    @Query('async') asyncFlag: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const tenant = tenantOf(request);
    const job = await this.jobs.start(tenant.id, (trackingId) => this.copilot.ask(tenant, body, trackingId));
    const tracked = asyncFlag === '1' || asyncFlag === 'true';
    const done = tracked ? job : await this.jobs.wait(tenant.id, job.tracking_id, this.settings.syncBudgetMs);
    // The status is chosen here (200 answered, 202 still running, 500 failed), so the reply is sent by hand.
    if (done.status === 'completed' && done.output) await reply.status(200).send(done.output);
    else if (done.status === 'failed') await reply.status(500).send(done);
    else await reply.status(202).send({ tracking_id: job.tracking_id, status: done.status });
  }

  @Get('copilot/jobs/:trackingId')
  @ApiOperation({
    summary: 'Status of a tracked copilot request: queued, processing, completed (with output) or failed',
  })
  async job(@Req() request: OdooApiRequest, @Param('trackingId') trackingId: string) {
    return this.jobs.get(tenantOf(request).id, trackingId);
  }

  @Post('events')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Odoo reports changed records (one event, or a batch {events: [...]}): cache entries dropped, products re-synced',
  })
  @ApiZodBody(z.union([odooEventBody, odooEventBatchBody]))
  async event(@Req() request: OdooApiRequest, @Body(new OdooEventsPipe()) body: OdooEventsRequest) {
    const tenant = tenantOf(request);
    const results = [];
    // In order: a batch may hold a create and later a write of the same records.
    for (const event of body.events) results.push(await this.events.apply(tenant, event));
    return body.batched ? { results } : results[0];
  }
}

function tenantOf(request: OdooApiRequest): TenantConfig {
  // Set by OdooAuthGuard, which runs before every handler here.
  return request.odooTenant!;
}
