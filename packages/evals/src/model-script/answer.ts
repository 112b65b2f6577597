import { CrewError, foldText } from '@mcp-crew/core';
import type { ModelScript, ModelScriptRule, ModelScriptStep } from './schema.js';

/** A chat call as an OpenAI-compatible endpoint receives it (the parts a script reads). */
export interface ScriptedCall {
  messages?: Array<{
    role: string;
    content: unknown;
    tool_calls?: Array<{ id: string; function: { name: string } }>;
    tool_call_id?: string;
  }>;
  responseFormat?: { type: string; json_schema?: { schema?: Record<string, unknown> } };
}

/** What the scripted model answers: the reply text, or tool calls. */
export type ScriptedAnswer = string | { toolCalls: Array<{ name: string; arguments: Record<string, unknown> }> };

/** A script with no answer for a call; its message says which turn and what was missing. */
export class ModelScriptError extends CrewError {
  constructor(message: string) {
    super('EVAL_MODEL_SCRIPT', message, { domain: 'evals', category: 'user' });
  }
}

interface TurnView {
  said: string;
  system: string;
  called: Set<string>;
  /** Latest successful result per tool this turn (what the model read: JSON, or the values its text states). */
  results: Map<string, Record<string, unknown>>;
  failed: Set<string>;
  /** Results read in earlier calls of the conversation (a model remembers what it was shown). */
  earlier: ReadonlyMap<string, Record<string, unknown>>;
}

/**
 * One conversation with the scripted model. The selector's structured call (`response_format:
 * json_schema`) gets `{ specialist, why }`; a specialist's call gets the first applicable step of the first
 * rule matching the customer's latest message: tool calls first, then the reply.
 */
export class ScriptedConversation {
  readonly #seen = new Map<string, Record<string, unknown>>();

  constructor(private readonly script: ModelScript) {}

  answer(call: ScriptedCall): ScriptedAnswer {
    const turn = viewOf(call, this.#seen);
    for (const [tool, result] of turn.results) this.#seen.set(tool, result);
    const said = foldText(turn.said);
    const rule = this.script.rules.find((r) => !r.when || r.when.some((w) => said.includes(foldText(w))));
    if (call.responseFormat?.type === 'json_schema') return selectorAnswer(this.script, rule, call);
    if (!rule) throw new ModelScriptError(`model script: no rule for "${clip(turn.said)}"`);
    const step = rule.steps.find((s) => applies(s, turn));
    if (!step) throw new ModelScriptError(`model script: no step applies to "${clip(turn.said)}" any more`);
    if (step.say !== undefined) return String(render(step.say, turn));
    const calls = step.calls ?? [{ call: step.call!, args: step.args }];
    return {
      toolCalls: calls.map((c) => ({ name: c.call, arguments: render(c.args, turn) as Record<string, unknown> })),
    };
  }
}

function applies(step: ModelScriptStep, turn: TurnView): boolean {
  if (step.after && !turn.results.has(step.after)) return false;
  if (step.failed && !turn.failed.has(step.failed)) return false;
  if (step.calls) return !step.calls.every((c) => turn.called.has(c.call));
  return !step.call || !turn.called.has(step.call);
}

function selectorAnswer(script: ModelScript, rule: ModelScriptRule | undefined, call: ScriptedCall): string {
  const properties = call.responseFormat?.json_schema?.schema?.['properties'] as
    | { specialist?: { enum?: string[] } }
    | undefined;
  const offered = properties?.specialist?.enum ?? [];
  const wanted = rule?.specialist ?? script.specialist ?? (offered.includes('sales') ? 'sales' : offered[0]);
  if (!wanted || !offered.includes(wanted))
    throw new ModelScriptError(`model script: specialist "${wanted}" is not offered (${offered.join(', ')})`);
  return JSON.stringify({ specialist: wanted, why: 'model script' });
}

/** This turn as the model sees it: the latest customer message and the tool calls and results after it. */
function viewOf(call: ScriptedCall, earlier: ReadonlyMap<string, Record<string, unknown>>): TurnView {
  const messages = call.messages ?? [];
  const last = messages.findLastIndex((m) => m.role === 'user');
  const names = new Map<string, string>();
  const view: TurnView = {
    said: textOf(messages[last]?.content),
    system: messages
      .filter((m) => m.role === 'system')
      .map((m) => textOf(m.content))
      .join('\n'),
    called: new Set(),
    results: new Map(),
    failed: new Set(),
    earlier,
  };
  for (const m of messages.slice(last + 1)) {
    for (const c of m.tool_calls ?? []) {
      names.set(c.id, c.function.name);
      view.called.add(c.function.name);
    }
    const name = m.role === 'tool' && m.tool_call_id ? names.get(m.tool_call_id) : undefined;
    if (!name) continue;
    const content = textOf(m.content);
    // A hosted model is handed each tool's text (model/text-tool-results.ts); refusals and errors stay JSON.
    // A tool the step was not given comes back as Mastra's plain "not found" text: a failure, like a refusal.
    const result = parseJson(content) ?? (UNAVAILABLE.test(content) ? { error: content } : readToolText(content));
    if (!('error' in result)) view.results.set(name, result);
    else view.failed.add(name);
  }
  return view;
}

const UNAVAILABLE = /^Tool "[^"]+" not found\b/;
const WHOLE = /^\{\{\s*([^{}]+?)\s*\}\}$/;
const ANY = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** Strings with `{{ref}}` filled in; a string that is one reference keeps the value's type (an id stays a number). */
function render(value: unknown, turn: TurnView): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole) return resolve(whole[1]!, turn);
    return value.replace(ANY, (_m, ref: string) => String(resolve(ref, turn)));
  }
  if (Array.isArray(value)) return value.map((v) => render(v, turn));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, render(v, turn)]));
  return value;
}

function resolve(ref: string, turn: TurnView): unknown {
  const [path = '', filter] = ref.split('|').map((s) => s.trim());
  const [head = '', ...rest] = path.split('.');
  const root = factOf(head, turn.system) ?? turn.results.get(head) ?? turn.earlier.get(head);
  // A tool's JSON is `{ text, result }`: `{{tool.name}}` reads the result, `{{tool.text}}` the text.
  const found =
    root === undefined
      ? undefined
      : (dig(root['result'], rest) ?? dig(root, rest));
  if (found === undefined || found === null)
    throw new ModelScriptError(`model script: {{${ref}}} has no value in "${clip(turn.said)}"`);
  if (filter === 'pesos') return pesos(Number(found));
  if (filter === 'json') return typeof found === 'object' && 'text' in found ? String(found.text) : JSON.stringify(found);
  if (filter) throw new ModelScriptError(`model script: unknown filter "${filter}" in {{${ref}}}`);
  return found;
}

/** The conversation's facts as the system prompt states them to any model (specialists/instructions.ts). */
function factOf(head: string, system: string): Record<string, unknown> | undefined {
  if (head === 'customer') {
    const m = /Customer in Odoo: (.+?) \(id (\d+)/.exec(system);
    return m ? { id: Number(m[2]), name: m[1] } : undefined;
  }
  if (head === 'quotation') {
    const m = /Working quotation: (\S+) \(order id (\d+)\)/.exec(system);
    return m ? { id: Number(m[2]), name: m[1] } : undefined;
  }
  return undefined;
}

/**
 * The values a tool's text states, read the way a model reads them: an order's reference, id, customer and total
 * (`describeOrder` in MCP-Odoo) and a product list's `#id name` lines; `{{tool.text}}` is the text itself.
 */
function readToolText(text: string): Record<string, unknown> {
  const read: Record<string, unknown> = { text };
  const order = /(\S+) \(order id (\d+)\)/.exec(text);
  if (order) {
    read['name'] = order[1];
    read['order_id'] = Number(order[2]);
    const customer = /\(customer (\d+)\)/.exec(text);
    if (customer) read['customer_id'] = Number(customer[1]);
    const total = /\btotal (\d+(?:\.\d+)?)/.exec(text);
    if (total) read['amount_total'] = Number(total[1]);
  }
  const products = [...text.matchAll(/^#(\d+) (.+?)(?: \[[^\]]*\])?: /gm)].map((m) => ({ id: Number(m[1]), name: m[2] }));
  if (products.length > 0) read['products'] = products;
  return read;
}

function dig(value: unknown, path: string[]): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** "$286.195" (and "$1.234,5" with cents), the way the shop writes pesos. */
function pesos(n: number): string {
  return `$${new Intl.NumberFormat('es-CO', { maximumFractionDigits: 2 }).format(n)}`;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content.map((p: { type?: string; text?: string }) => (p.type === 'text' ? (p.text ?? '') : '')).join('');
  return '';
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
