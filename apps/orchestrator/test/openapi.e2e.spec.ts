import { startFakeChatwoot, type FakeChatwoot } from '@mcp-crew/testing';
import { startApp, writeTenantsFile } from './support.js';

interface Operation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string; type?: string } }> }>;
}

describe('/docs-json', () => {
  let chatwoot: FakeChatwoot;
  let app: Awaited<ReturnType<typeof startApp>>;
  let document: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, unknown> };
  };

  beforeAll(async () => {
    chatwoot = await startFakeChatwoot();
    app = await startApp({ tenantsFile: writeTenantsFile(chatwoot.url) });
    const response = await fetch(`${app.url}/docs-json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as typeof document;
    expect((await fetch(`${app.url}/docs`)).status).toBe(200);
  }, 30_000);
  afterAll(async () => {
    await app.close();
    await chatwoot.close();
  });

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
    );

  it('gives every operation a success answer with a schema and error answers with the error shape', () => {
    expect(operations().length).toBeGreaterThanOrEqual(20);
    for (const { name, op } of operations()) {
      const responses = Object.entries(op.responses ?? {});
      const success = responses.filter(([status]) => status.startsWith('2'));
      const errors = responses.filter(([status]) => /^[45]/.test(status));
      expect({ name, success: success.length > 0, errors: errors.length > 0 }).toEqual({
        name,
        success: true,
        errors: true,
      });
      for (const [status, response] of success) {
        const schemas = Object.values(response.content ?? {}).map((c) => c.schema);
        expect({ name, status, schema: schemas.length > 0 && schemas.every(Boolean) }).toEqual({
          name,
          status,
          schema: true,
        });
      }
      const errorRefs = errors.map(([, r]) => r.content?.['application/json']?.schema?.$ref);
      expect({ name, errorShape: errorRefs.includes('#/components/schemas/Error') }).toEqual({
        name,
        errorShape: true,
      });
    }
  });

  it('resolves every schema reference', () => {
    const refs = [...JSON.stringify(document.paths).matchAll(/"#\/components\/schemas\/([A-Za-z]+)"/g)].map(
      (m) => m[1]!,
    );
    for (const name of new Set(refs))
      expect({ name, defined: name in document.components.schemas }).toEqual({ name, defined: true });
  });

  it('documents the webhook body and the copilot as 200 or 202, never 201', () => {
    const webhook = document.paths['/webhooks/chatwoot/{tenantId}']!['post']!;
    expect(webhook.requestBody?.content?.['application/json']?.schema).toBeDefined();
    expect(Object.keys(webhook.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '401', '500']),
    );
    const copilot = document.paths['/odoo/{tenantId}/copilot']!['post']!;
    expect(Object.keys(copilot.responses ?? {})).toEqual(expect.arrayContaining(['200', '202', '500']));
    expect(copilot.responses?.['201']).toBeUndefined();
  });
});
