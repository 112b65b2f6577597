import { afterEach, describe, expect, it } from '@jest/globals';
import { Secret, tenantId, type TenantConfig } from '@mcp-crew/core';
import { EndpointBreakers, newTurnScope, runInTurnScope, TenantBreakers } from '@mcp-crew/reliability';
import {
  startModelEndpointStandIn,
  type ModelEndpointStandIn,
  type ModelEndpointStandInOptions,
} from '@mcp-crew/testing';
import {
  AgentSpecialist,
  createStepModel,
  isModelEndpointFailure,
  TenantModels,
  withFallback,
} from '../src/index.js';
import { crew, demoTenant, turnOf } from './support.js';

const offline = createStepModel({
  provider: 'offline',
  modelId: 'offline-engine',
  step: async () => [{ type: 'text', text: 'Te responde el motor local.' }],
});

/** A tenant with no model settings of its own: it uses the environment's endpoint. */
const tenant = (id: string): TenantConfig => ({ ...demoTenant('http://127.0.0.1:9'), id: tenantId(id) });

/**
 * Two tenants on the environment's endpoint (a local OpenAI-compatible stand-in over HTTP), each turn through
 * a Mastra agent inside its turn scope, as the pipeline runs it.
 */
async function twoTenantsOn(failure: ModelEndpointStandInOptions) {
  const endpoint = await startModelEndpointStandIn(failure);
  const models = new TenantModels({
    defaults: {
      apiKey: new Secret('sk-environment-key'),
      baseUrl: endpoint.url,
      model: 'gpt-4o',
      timeoutMs: 300,
      maxRetries: 0,
      tokenBudget: 0,
      vision: false,
    },
    breakers: new TenantBreakers({ consecutiveFailures: 3 }),
    endpoints: new EndpointBreakers({ counts: isModelEndpointFailure, consecutiveFailures: 3 }),
  });
  const loaded = await crew('whatsapp');
  const turn = async (of: TenantConfig, said: string) => {
    const hosted = models.chat(of, 'sales')!.model;
    const specialist = new AgentSpecialist({
      tools: [],
      model: withFallback(hosted, offline),
      offline,
      id: `${of.id}-whatsapp-sales`,
      name: 'sales',
      instructions: 'Eres el asesor de ventas.',
    });
    const scope = newTurnScope({
      tenantId: of.id,
      turnKey: `${of.id}:9001:${said}`,
      deadlineAt: Date.now() + 10_000,
      signal: new AbortController().signal,
    });
    const result = await runInTurnScope(scope, () =>
      specialist.handle(turnOf(said), {
        tenant: of,
        crew: loaded,
        specialist: 'sales',
        state: { history: [] },
      }),
    );
    return { replies: result.replies, failures: scope.failures };
  };
  return { endpoint, turn };
}

describe("the environment's model endpoint failing under two tenants", () => {
  let endpoint: ModelEndpointStandIn | undefined;
  afterEach(() => endpoint?.close());

  it.each([
    ['answering 503', { failWith: 503 }],
    ['hung', { hang: true }],
  ])(
    "when it is %s, tenant A's failures open it and tenant B's turn never calls it",
    async (_how, failure) => {
      const setup = await twoTenantsOn(failure);
      endpoint = setup.endpoint;
      const alpha = tenant('alpha');
      const beta = tenant('beta');

      for (const said of ['hola', 'quiero pintura', 'blanca']) {
        expect((await setup.turn(alpha, said)).replies).toEqual(['Te responde el motor local.']);
      }
      expect(endpoint.calls).toHaveLength(3);
      expect(endpoint.calls.every((c) => c.apiKey === 'sk-environment-key')).toBe(true);

      const answered = await setup.turn(beta, 'hola, ¿tienen vinilo blanco?');
      expect(answered.replies).toEqual(['Te responde el motor local.']);
      expect(endpoint.calls).toHaveLength(3);
      expect(answered.failures.join('\n')).toContain('MODEL_ENDPOINT_UNAVAILABLE');
    },
    30_000,
  );
});
