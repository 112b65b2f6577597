// Model tokens benchmark: what each call to a hosted model really carries. One conversation (a product
// question, a quotation of three products, its confirmation, a business-rules question, then the same again
// in a second conversation for a new customer) runs through the hosted-model path (TenantModels → the AI
// SDK's OpenAI provider → HTTP) against the local OpenAI-compatible stand-in, which records every request.
// The stand-in answers as the offline engine decides for the same prompt, so the conversation goes where a
// model would take it. Per call it prints the specialist, the tools sent, and the tokens of the tools, the
// system prompt, the earlier turns (history) and this turn's messages; per turn, the prompt tokens of every
// call (the selector's included) and what the conversation's budget counts (the specialist's calls, prompt and
// completion, as the stand-in reports them in `usage`). Tokens are counted with o200k_base (gpt-4o's encoding) over
// the JSON the provider sent, so the tools' figure is close to, not exactly, what OpenAI bills for them.
// Run after `node scripts/build.mjs`. Env: BENCH_SHOW_TOOLS=1 lists the tool names of every call.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getEncoding } from 'js-tiktoken';
import {
  createDefaultSpecialists,
  createOfflineEngine,
  TenantModels,
  TenantSelector,
} from '@mcp-crew/agents';
import { ConsoleChatwootGateway } from '@mcp-crew/chatwoot-client';
import { Secret } from '@mcp-crew/core';
import { loadCrews } from '@mcp-crew/crews';
import { loadSettings } from '@mcp-crew/config';
import { createLogger, openKnowledge } from '@mcp-crew/orchestrator';
import { TurnProcessor } from '@mcp-crew/pipeline';
import { MemoryConversationStateStore } from '@mcp-crew/state-memory';
// The stand-in's own module: the package's index also loads the Jest contract suites.
import { startModelEndpointStandIn } from '../packages/testing/dist/model-endpoint-stand-in.js';
import { benchTenant, startBenchSandbox } from './servers/bench-sandbox.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const SHOW_TOOLS = process.env.BENCH_SHOW_TOOLS === '1';
const encoding = getEncoding('o200k_base');
// OpenAI's chat format adds about 3 tokens per message and 3 to prime the answer.
const tokens = (value) =>
  value === undefined ? 0 : encoding.encode(typeof value === 'string' ? value : JSON.stringify(value)).length;
const messageTokens = (messages) =>
  messages.reduce((sum, m) => sum + 3 + tokens(m.content ?? '') + tokens(m.tool_calls), 0);

// The offline engine decides each hosted call's answer; the stand-in replays it over HTTP.
const engine = createOfflineEngine();
const decisions = [];
// What the stand-in answered to each call, in the order of its `calls`.
const answers = [];
const selectorChoice = { next: 'sales' };
const isSelectorCall = (call) =>
  call.messages?.some(
    (m) => m.role === 'system' && String(m.content).startsWith('You route a customer message'),
  );
const answer = (call) => {
  if (isSelectorCall(call)) return JSON.stringify({ specialist: selectorChoice.next, why: 'bench' });
  const content = decisions.shift() ?? [];
  const calls = content.filter((c) => c.type === 'tool-call');
  if (calls.length > 0) return { toolCalls: calls.map((c) => ({ name: c.toolName, arguments: c.input })) };
  return content.map((c) => (c.type === 'text' ? c.text : '')).join('');
};
const standIn = await startModelEndpointStandIn({
  chat: (call) => {
    answers.push(answer(call));
    return answers.at(-1);
  },
  usage: (call, answer) => ({
    promptTokens: messageTokens(call.messages ?? []) + tokens(call.tools) + 3,
    completionTokens: tokens(answer),
  }),
});

const sandbox = await startBenchSandbox(0);
const dataDir = mkdtempSync(join(tmpdir(), 'bench-tokens-'));
const logger = createLogger('silent');
const tenant = benchTenant(sandbox);
const settings = loadSettings({ DATA_DIR: dataDir, COLLECTIONS_DIR: join(root, 'collections') });
const knowledge = await openKnowledge({ settings, tenants: [tenant], logger });
const models = new TenantModels({
  defaults: {
    apiKey: new Secret('sk-bench-stand-in'),
    baseUrl: standIn.url,
    model: 'gpt-4o',
    timeoutMs: 30_000,
    maxRetries: 0,
    tokenBudget: 0, // measured, not limited
    vision: false,
  },
});
const specialists = createDefaultSpecialists({
  models,
  tokenBudget: 0,
  logger,
  extraClients: async (t) => [await knowledge.clientFor(t)],
  // The hosted model's calls: the engine decides first (same prompt, same tools), then the request goes out.
  wrapModel: (model) =>
    model.provider === 'mcp-crew'
      ? model
      : {
          ...model,
          doGenerate: async (options) => {
            decisions.push((await engine.doGenerate(options)).content);
            return model.doGenerate(options);
          },
        },
});
const replies = [];
const states = new MemoryConversationStateStore();
const processor = new TurnProcessor({
  tenants: { get: async (id) => (id === tenant.id ? tenant : undefined), list: async () => [tenant] },
  crews: await loadCrews(join(root, 'crews')),
  selector: new TenantSelector({ model: (t) => models.selector(t) }),
  specialists,
  gateway: () => gateway,
  state: states,
  logger,
});
const gateway = new ConsoleChatwootGateway({ tenantId: tenant.id, write: (line) => replies.push(line) });

let messageId = 0;
function message(conversationId, content, sender) {
  messageId++;
  return {
    tenantId: tenant.id,
    deliveryId: `bench-tokens-${messageId}`,
    accountId: 1,
    conversationId,
    inboxId: 1,
    messageId,
    channel: 'Channel::WebWidget',
    channelAttributes: {},
    content,
    contentType: 'text',
    sender,
    createdAt: new Date().toISOString(),
    receivedAt: Date.now(),
  };
}

const callRows = [];
const turnRows = [];
const SPECIALIST_HEADINGS = [
  ['# Sales specialist', 'sales'],
  ['# Scheduling specialist', 'scheduling'],
  ['# Business rules specialist', 'business_rules'],
  ['# Support specialist', 'support'],
];
const specialistOf = (call) => {
  if (isSelectorCall(call)) return 'selector';
  const system = String(call.messages?.find((m) => m.role === 'system')?.content ?? '');
  return SPECIALIST_HEADINGS.find(([heading]) => system.includes(heading))?.[1] ?? '?';
};

async function turn(label, conversationId, sender, content, specialist) {
  selectorChoice.next = specialist;
  const from = standIn.calls.length;
  const said = replies.length;
  const before = (await states.load(tenant.id, conversationId)).modelTokens ?? 0;
  await processor.handle(
    { tenantId: tenant.id, conversationId, messages: [message(conversationId, content, sender)] },
    { attempt: 1, maxAttempts: 1 },
  );
  const calls = standIn.calls.slice(from);
  let prompt = 0;
  let counted = 0;
  let step = 0;
  for (const [n, call] of calls.entries()) {
    const messages = call.messages ?? [];
    const lastUser = messages.findLastIndex((m) => m.role === 'user');
    const system = messages.filter((m) => m.role === 'system');
    const history = messages.slice(0, lastUser).filter((m) => m.role !== 'system');
    const current = messages.slice(lastUser).filter((m) => m.role !== 'system');
    const who = specialistOf(call);
    const callPrompt = messageTokens(messages) + tokens(call.tools) + 3;
    prompt += callPrompt;
    // The budget counts the specialist's calls (prompt and completion), not the selector's.
    if (who !== 'selector') counted += callPrompt + tokens(answers[from + n]);
    callRows.push({
      turn: label,
      call: who === 'selector' ? 'selector' : `${who} step ${step++}`,
      tools: call.tools?.length ?? 0,
      'tools tok': tokens(call.tools),
      'system tok': messageTokens(system),
      'history msgs': history.length,
      'history tok': messageTokens(history),
      'this turn tok': messageTokens(current),
      'prompt tok': callPrompt,
      ...(SHOW_TOOLS
        ? { 'tool names': (call.tools ?? []).map((t) => t.name.replace(/^odoo_/, '')).join(' ') }
        : {}),
    });
  }
  turnRows.push({
    turn: label,
    'model calls': calls.length,
    'prompt tok': prompt,
    'budget counts': counted,
    // What the specialist added to the conversation's spend (Mastra's totalUsage of the provider's usage).
    'state +tokens': ((await states.load(tenant.id, conversationId)).modelTokens ?? 0) - before,
    'reply chars': replies
      .slice(said)
      .filter((l) => l.includes('<- reply'))
      .reduce((n, l) => n + l.length, 0),
  });
  return replies.slice(said);
}

const known = { id: 1, name: 'Ana Gómez', phone: '+57 300 123 4567' };
const stranger = { id: 2, name: 'Camila Rojas', email: 'camila.rojas@example.com' };
const conversation = [
  ['product question', '¿Tienen esmalte blanco? ¿Qué precio tiene el galón?', 'sales'],
  ['quotation (3 products)', 'Necesito 2 galones de esmalte blanco, 3 rodillos y 1 brocha', 'sales'],
  ['confirmation', 'sí, confírmala', 'sales'],
  ['rules question', '¿Cuál es el horario de atención?', 'business_rules'],
];
const printed = [];
for (const [label, content, specialist] of conversation)
  printed.push(...(await turn(`A: ${label}`, 501, known, content, specialist)));
const newCustomer = [
  ['product question', '¿Tienen vinilo blanco para interior?', 'sales'],
  [
    'quotation (3 products), new customer',
    'Soy Camila Rojas, camila.rojas@example.com. Cotízame 2 galones de vinilo blanco, 2 rodillos y 1 brocha',
    'sales',
  ],
  ['confirmation', 'sí, confírmala', 'sales'],
  ['rules question', '¿Hacen domicilio a Envigado?', 'business_rules'],
  ['product question', '¿Tienen lija?', 'sales'],
  ['product question', '¿y thinner?', 'sales'],
];
for (const [label, content, specialist] of newCustomer)
  printed.push(...(await turn(`B: ${label}`, 502, stranger, content, specialist)));

console.log(
  'Per call: tools sent and the tokens (o200k_base) of the tools, the system prompt, the earlier turns and this turn.',
);
console.table(callRows);
console.log('Per turn (prompt tokens of every call, selector included):');
console.table(turnRows);
const specialistCalls = callRows.filter((r) => r.call !== 'selector');
const avg = (rows, key) => Math.round(rows.reduce((n, r) => n + r[key], 0) / Math.max(1, rows.length));
console.log(
  `Specialist calls: ${specialistCalls.length}; mean tools ${avg(specialistCalls, 'tools tok')} tok, system ${avg(specialistCalls, 'system tok')} tok, history ${avg(specialistCalls, 'history tok')} tok, prompt ${avg(specialistCalls, 'prompt tok')} tok.`,
);
const total = turnRows.reduce((n, r) => n + r['prompt tok'], 0);
const budgeted = turnRows.reduce((n, r) => n + r['budget counts'], 0);
console.log(
  `All ${turnRows.length} turns: ${total} prompt tokens, ${Math.round(total / turnRows.length)} per turn; the budget counts ${budgeted}, ${Math.round(budgeted / turnRows.length)} per turn.`,
);
if (process.env.BENCH_SHOW_REPLIES === '1') console.log(printed.join('\n'));
// The tools of the widest call, one by one: what each description and schema costs.
const widest = standIn.calls.reduce(
  (a, c) => ((c.tools?.length ?? 0) > (a?.tools?.length ?? 0) ? c : a),
  undefined,
);
console.log(`Tools of the widest call (${specialistOf(widest)}), tokens each:`);
console.table(
  (widest?.tools ?? []).map((t) => ({
    tool: t.name,
    'description tok': tokens(t.description),
    'schema tok': tokens(t.parameters),
    total: tokens(t),
  })),
);
// BENCH_DUMP_TOOL=<name>: that tool as the widest call sent it.
if (process.env.BENCH_DUMP_TOOL)
  console.log(JSON.stringify(widest?.tools?.find((t) => t.name === process.env.BENCH_DUMP_TOOL)));
// BENCH_DUMP_CALL=<n>: the messages of the n-th call (the row index above), as sent.
const dump = process.env.BENCH_DUMP_CALL;
if (dump !== undefined) console.log(JSON.stringify(standIn.calls[Number(dump)]?.messages, null, 1));

await specialists.close();
await knowledge.close();
await standIn.close();
await sandbox.stop();
rmSync(dataDir, { recursive: true, force: true });
