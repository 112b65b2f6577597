import { Body, Controller, Get, Inject, Param, Patch, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CrewSettingsPatch, ParsedBusinessHoursDocument } from '@mcp-crew/core';
import { ApiZodBody } from '../http/openapi-body.js';
import { tenantParam } from '../http/tenant-param.js';
import { ZodBodyPipe } from '../http/zod-body.pipe.js';
import {
  businessDataBody,
  businessHoursBody,
  crewSettingsBody,
  type BusinessDataBody,
} from './admin-schemas.js';
import { BusinessAdminService } from './business-admin.service.js';
import { CrewSettingsAdminService } from './crew-settings-admin.service.js';
import { OperatorAuthGuard } from './operator-auth.guard.js';

/** A tenant's business hours, business data and per-crew settings (admin API, operator key). */
@ApiTags('admin')
@ApiBearerAuth('operator')
@UseGuards(OperatorAuthGuard)
@Controller('admin/tenants')
export class BusinessAdminController {
  constructor(
    @Inject(BusinessAdminService) private readonly business: BusinessAdminService,
    @Inject(CrewSettingsAdminService) private readonly crews: CrewSettingsAdminService,
  ) {}

  @Get(':id/business-hours')
  @ApiOperation({ summary: 'Read the business hours: time zone, weekly intervals, holidays' })
  hours(@Param('id') id: string) {
    return this.business.hours(tenantParam(id));
  }

  @Put(':id/business-hours')
  @ApiOperation({
    summary: 'Set the business hours (the opening_hours business data): applies from the next turn',
  })
  @ApiZodBody(businessHoursBody)
  setHours(
    @Param('id') id: string,
    @Body(new ZodBodyPipe(businessHoursBody)) body: ParsedBusinessHoursDocument,
  ) {
    return this.business.setHours(tenantParam(id), body);
  }

  @Get(':id/business-data')
  @ApiOperation({ summary: 'Read every business dataset (description, meta, records)' })
  data(@Param('id') id: string) {
    return this.business.data(tenantParam(id));
  }

  @Put(':id/business-data')
  @ApiOperation({ summary: 'Replace the named business datasets (null removes one; others stay)' })
  @ApiZodBody(businessDataBody)
  setData(@Param('id') id: string, @Body(new ZodBodyPipe(businessDataBody)) body: BusinessDataBody) {
    return this.business.setData(tenantParam(id), body);
  }

  @Get(':id/crews/:crew/settings')
  @ApiOperation({
    summary: "Read a crew's settings: the crew file's, the tenant's changes, the effective ones",
  })
  crewSettings(@Param('id') id: string, @Param('crew') crew: string) {
    return this.crews.read(tenantParam(id), crew);
  }

  @Patch(':id/crews/:crew/settings')
  @ApiOperation({
    summary:
      "Change a crew's hours mode, hand-over routing or media fallbacks for the tenant (merge patch; null = crew file)",
  })
  @ApiZodBody(crewSettingsBody)
  setCrewSettings(
    @Param('id') id: string,
    @Param('crew') crew: string,
    @Body(new ZodBodyPipe(crewSettingsBody)) body: CrewSettingsPatch,
  ) {
    return this.crews.update(tenantParam(id), crew, body);
  }
}
