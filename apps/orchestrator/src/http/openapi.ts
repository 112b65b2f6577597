import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI (Swagger) for the admin and Odoo APIs: the UI at /docs, the JSON at /docs-json. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('MCP-Crew')
    .setDescription('Tenant admin API (operator key) and the HTTP API a tenant\'s Odoo calls (per-tenant API key or HMAC signature).')
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'OPERATOR_API_KEY' }, 'operator')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: "The tenant's Odoo API key" }, 'odoo-api-key')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Crew-Signature', description: 'sha256=<hex HMAC-SHA256 of "{X-Crew-Timestamp}.{raw body}">' }, 'odoo-signature')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
