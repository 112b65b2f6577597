import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Put,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CrewError } from '@mcp-crew/core';
import { ApiZodBody } from '../http/openapi-body.js';
import { tenantParam } from '../http/tenant-param.js';
import { ZodBodyPipe } from '../http/zod-body.pipe.js';
import {
  chatwootCredentialsBody,
  createTenantBody,
  inboxesBody,
  MODEL_PROVIDER,
  modelCredentialsBody,
  modelSettingsBody,
  odooApiCredentialsBody,
  odooConnectionBody,
  specialistsBody,
  updateTenantBody,
  writeToolsBody,
  type ChatwootCredentialsBody,
  type InboxesBody,
  type ModelCredentialsBody,
  type ModelSettingsBody,
  type OdooApiCredentialsBody,
  type OdooConnectionBody,
  type UpdateTenantBody,
} from './admin-schemas.js';
import { OperatorAuthGuard } from './operator-auth.guard.js';
import { TenantAdminService } from './tenant-admin.service.js';

/** The tenant admin API (`Authorization: Bearer <OPERATOR_API_KEY>`). Secrets go in; only "is set" comes out. */
@ApiTags('admin')
@ApiBearerAuth('operator')
@UseGuards(OperatorAuthGuard)
@Controller('admin/tenants')
export class TenantAdminController {
  constructor(@Inject(TenantAdminService) private readonly admin: TenantAdminService) {}

  @Get()
  @ApiOperation({ summary: 'List tenants (secrets shown only as set / not set)' })
  list() {
    return this.admin.list();
  }

  @Post()
  @ApiOperation({ summary: 'Create a tenant (same fields as a tenants-file entry, plus models and odooApi)' })
  @ApiZodBody(createTenantBody)
  create(@Body(new ZodBodyPipe(createTenantBody)) body: Record<string, unknown>) {
    return this.admin.create(body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a tenant' })
  read(@Param('id') id: string) {
    return this.admin.read(tenantParam(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update non-secret settings (JSON merge patch)' })
  @ApiZodBody(updateTenantBody)
  update(@Param('id') id: string, @Body(new ZodBodyPipe(updateTenantBody)) body: UpdateTenantBody) {
    return this.admin.update(tenantParam(id), body);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable a tenant: its webhooks and Odoo calls are refused' })
  disable(@Param('id') id: string) {
    return this.admin.setEnabled(tenantParam(id), false);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled tenant' })
  enable(@Param('id') id: string) {
    return this.admin.setEnabled(tenantParam(id), true);
  }

  @Put(':id/chatwoot')
  @ApiOperation({ summary: 'Set Chatwoot URL, bot token and webhook secret (null removes)' })
  @ApiZodBody(chatwootCredentialsBody)
  chatwoot(
    @Param('id') id: string,
    @Body(new ZodBodyPipe(chatwootCredentialsBody)) body: ChatwootCredentialsBody,
  ) {
    return this.admin.setChatwoot(tenantParam(id), body);
  }

  @Put(':id/odoo')
  @ApiOperation({ summary: "Set the tenant's Odoo connection" })
  @ApiZodBody(odooConnectionBody)
  odoo(@Param('id') id: string, @Body(new ZodBodyPipe(odooConnectionBody)) body: OdooConnectionBody) {
    return this.admin.setOdoo(tenantParam(id), body);
  }

  @Put(':id/models/:provider')
  @ApiOperation({ summary: "Set a model provider's credentials" })
  @ApiZodBody(modelCredentialsBody)
  setModel(
    @Param('id') id: string,
    @Param('provider') provider: string,
    @Body(new ZodBodyPipe(modelCredentialsBody)) body: ModelCredentialsBody,
  ) {
    return this.admin.setModel(tenantParam(id), providerParam(provider), body);
  }

  @Delete(':id/models/:provider')
  @ApiOperation({ summary: "Remove a model provider's credentials" })
  removeModel(@Param('id') id: string, @Param('provider') provider: string) {
    return this.admin.setModel(tenantParam(id), providerParam(provider), null);
  }

  @Put(':id/model')
  @ApiOperation({
    summary:
      "Choose the tenant's model per specialist: provider, model, timeout, token budget, vision, transcription (merge patch)",
  })
  @ApiZodBody(modelSettingsBody)
  modelSettings(@Param('id') id: string, @Body(new ZodBodyPipe(modelSettingsBody)) body: ModelSettingsBody) {
    return this.admin.setModelSettings(tenantParam(id), body);
  }

  @Put(':id/inboxes')
  @ApiOperation({ summary: 'Map Chatwoot inboxes to crews (null = by channel type)' })
  @ApiZodBody(inboxesBody)
  inboxes(@Param('id') id: string, @Body(new ZodBodyPipe(inboxesBody)) body: InboxesBody) {
    return this.admin.mapInboxes(tenantParam(id), body);
  }

  @Put(':id/specialists')
  @ApiOperation({ summary: 'Choose the enabled specialists' })
  @ApiZodBody(specialistsBody)
  specialists(
    @Param('id') id: string,
    @Body(new ZodBodyPipe(specialistsBody))
    body: { specialists: Parameters<TenantAdminService['setSpecialists']>[1] },
  ) {
    return this.admin.setSpecialists(tenantParam(id), body.specialists);
  }

  @Put(':id/write-tools')
  @ApiOperation({ summary: 'Turn Odoo write tools on or off' })
  @ApiZodBody(writeToolsBody)
  writeTools(@Param('id') id: string, @Body(new ZodBodyPipe(writeToolsBody)) body: { enabled: boolean }) {
    return this.admin.setWriteTools(tenantParam(id), body.enabled);
  }

  @Put(':id/odoo-api')
  @ApiOperation({ summary: "Set the API key / signing secret the tenant's Odoo uses to call /odoo/{tenant}" })
  @ApiZodBody(odooApiCredentialsBody)
  odooApi(
    @Param('id') id: string,
    @Body(new ZodBodyPipe(odooApiCredentialsBody)) body: OdooApiCredentialsBody,
  ) {
    return this.admin.setOdooApi(tenantParam(id), body);
  }

  @Post(':id/test-connections')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check Chatwoot (token accepted) and Odoo (login works); reports each check' })
  testConnections(@Param('id') id: string) {
    return this.admin.testConnections(tenantParam(id));
  }
}

function providerParam(value: string): string {
  if (MODEL_PROVIDER.test(value)) return value;
  throw new CrewError('REQUEST_INVALID', 'provider: expected a provider name such as openai', {
    domain: 'admin',
    category: 'user',
    details: { problems: [{ path: 'provider', message: 'expected a provider name such as openai' }] },
  });
}
