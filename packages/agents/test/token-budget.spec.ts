import { describe, expect, it } from '@jest/globals';
import type { LanguageModelV3, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import type { ConversationState, SpecialistTrace } from '@mcp-crew/core';
import { AgentSpecialist, createStepModel } from '../src/index.js';
import { crew, demoTenant, nextState, turnOf } from './support.js';

const USAGE = {
  inputTokens: { total: 900, noCache: 900, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 100, text: 100, reasoning: 0 },
};

/** A scripted "hosted" model that reports 1000 tokens per call, like a provider would. */
function hostedModel(): LanguageModelV3 {
  const base = createStepModel({
    provider: 'openai.chat',
    modelId: 'gpt-scripted',
    step: async () => [{ type: 'text', text: 'Claro, con gusto te ayudo.' }],
  });
  return {
    ...base,
    doGenerate: async (options) => ({ ...(await base.doGenerate(options)), usage: USAGE }),
    async doStream(options) {
      const { stream } = await base.doStream(options);
      const withUsage = stream.pipeThrough(
        new TransformStream<LanguageModelV3StreamPart, LanguageModelV3StreamPart>({
          transform: (part, out) => out.enqueue(part.type === 'finish' ? { ...part, usage: USAGE } : part),
        }),
      );
      return { stream: withUsage };
    },
  };
}

const offline = createStepModel({
  provider: 'offline',
  modelId: 'offline-engine',
  step: async () => [{ type: 'text', text: 'Te ayudo con el motor local.' }],
});

describe('per-conversation token budget', () => {
  it("counts the model's tokens in the conversation state and switches to the offline engine once the budget is spent", async () => {
    const traces: SpecialistTrace[] = [];
    const specialist = new AgentSpecialist({
      tools: [],
      model: hostedModel(),
      offline,
      tokenBudget: 1500,
      id: 'demo-whatsapp-sales',
      name: 'sales',
      instructions: 'Eres el asesor de ventas.',
    });
    const context = {
      tenant: demoTenant('http://127.0.0.1:9'),
      crew: await crew('whatsapp'),
      specialist: 'sales' as const,
    };

    let state: ConversationState = { history: [] };
    for (const said of ['hola', 'quiero pintura', 'blanca']) {
      const result = await specialist.handle(turnOf(said), { ...context, state });
      traces.push(result.trace!);
      state = nextState(state, said, result);
    }

    expect(traces.map((t) => [t.model, t.tokens, t.budgetExceeded ?? false])).toEqual([
      ['gpt-scripted', 1000, false],
      ['gpt-scripted', 1000, false],
      // 2000 tokens spent ≥ 1500: the third turn is the offline engine's, and the trace says why.
      ['offline-engine', 0, true],
    ]);
    expect(state.modelTokens).toBe(2000);
    expect(state.history.at(-1)).toMatchObject({ role: 'bot', text: 'Te ayudo con el motor local.' });
  });

  it('does not limit a conversation when no budget is set', async () => {
    const specialist = new AgentSpecialist({
      tools: [],
      model: hostedModel(),
      offline,
      id: 'demo-whatsapp-sales',
      name: 'sales',
      instructions: 'Eres el asesor de ventas.',
    });
    const context = {
      tenant: demoTenant('http://127.0.0.1:9'),
      crew: await crew('whatsapp'),
      specialist: 'sales' as const,
    };
    const result = await specialist.handle(turnOf('hola'), {
      ...context,
      state: { history: [], modelTokens: 1_000_000 },
    });
    expect(result.trace).toMatchObject({ model: 'gpt-scripted', tokens: 1000 });
  });
});
