import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { OPERATION_RESPONSES, responsesFor } from './openapi-responses.js';
import { OPENAPI_SCHEMAS } from './openapi-schemas.js';

/** OpenAPI (Swagger) for every endpoint: the UI at /docs, the JSON at /docs-json. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('MCP-Crew')
    .setDescription(
      "Chatwoot webhooks, health and metrics, the tenant admin API (operator key) and the HTTP API a tenant's Odoo calls (per-tenant API key or HMAC signature). Every error answers with the Error schema.",
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'OPERATOR_API_KEY' }, 'operator')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: "The tenant's Odoo API key" },
      'odoo-api-key',
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-Crew-Signature',
        description: 'sha256=<hex HMAC-SHA256 of "{X-Crew-Timestamp}.{raw body}">',
      },
      'odoo-signature',
    )
    .build();
  const document = describeResponses(SwaggerModule.createDocument(app, config));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

/** Replaces each operation's generated responses with its documented answers and the shared schemas. */
export function describeResponses(document: OpenAPIObject): OpenAPIObject {
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...(OPENAPI_SCHEMAS as Record<string, object>) },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(
      item as Record<string, { responses?: object; tags?: string[] }>,
    )) {
      const answers = OPERATION_RESPONSES[`${method.toUpperCase()} ${path}`];
      if (!answers) continue; // openapi.spec fails on an undocumented operation
      operation.responses = responsesFor(answers);
      if (!operation.tags?.length) operation.tags = [path.split('/')[1] ?? 'app'];
    }
  }
  return document;
}
