import {
  startFakeChatwoot,
  startModelEndpointStandIn,
  type FakeChatwoot,
  type ModelEndpointStandIn,
} from '@mcp-crew/testing';
import { eventually, sendText, startApp, writeTenantsFile } from './support.js';

/**
 * The environment's model endpoint (every tenant without its own model) answering 503: one tenant's turn
 * opens its shared breaker, and the other tenant's next turn is answered by the offline engine without a
 * single call to it.
 */
describe("the environment's model endpoint down: webhook → turn → shared endpoint breaker", () => {
  let chatwoot: FakeChatwoot;
  let endpoint: ModelEndpointStandIn;
  let app: Awaited<ReturnType<typeof startApp>>;

  beforeEach(async () => {
    chatwoot = await startFakeChatwoot();
    endpoint = await startModelEndpointStandIn({ failWith: 503 });
    const beta = `  - id: beta
    name: Ferretería Beta
    chatwootAccountId: 4
    chatwoot: {baseUrl: "${chatwoot.url}", botToken: bot-token-beta-123, webhookSecret: whsec_test_secret}
`;
    app = await startApp({
      tenantsFile: writeTenantsFile(chatwoot.url, beta),
      env: {
        OPENAI_API_KEY: 'sk-environment-e2e-key',
        OPENAI_BASE_URL: endpoint.url,
        OPENAI_MAX_RETRIES: '0',
        EMBEDDINGS_PROVIDER: 'local',
        BREAKER_FAILURES: '2',
      },
    });
  }, 60_000);
  afterEach(async () => {
    await app.close();
    await Promise.all([endpoint.close(), chatwoot.close()]);
  });

  const replies = (account: number) =>
    chatwoot.requests.filter(
      (r) => r.method === 'POST' && r.path === `/api/v1/accounts/${account}/conversations/1532/messages`,
    );

  it("after the demo tenant's failures, beta's turn is answered without calling the endpoint", async () => {
    expect((await sendText(app.url, 99_001, 'Hola, ¿qué horario tienen?')).status).toBe(200);
    await eventually(() => replies(3).length >= 1, 20_000);
    // The selector's call and the specialist's first step failed: the breaker opened (threshold 2).
    const demoCalls = endpoint.calls.length;
    expect(demoCalls).toBe(2);

    const account = { id: 4, name: 'Ferretería Beta' };
    expect((await sendText(app.url, 99_002, 'Hola, ¿qué horario tienen?', 'beta', account)).status).toBe(200);
    await eventually(() => replies(4).length >= 1, 20_000);
    expect(endpoint.calls).toHaveLength(demoCalls);

    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toMatch(
      /mcp_crew_model_endpoint_open\{endpoint="http:\/\/127\.0\.0\.1:\d+\/v1 gpt-4o key:[0-9a-f]{8}"\} 1/,
    );
    expect(metrics).toMatch(
      /mcp_crew_model_endpoint_breaker_events_total\{[^}]*event="refused"[^}]*\} [1-9]/,
    );
    expect(metrics).not.toContain('sk-environment-e2e-key');
  }, 60_000);
});
