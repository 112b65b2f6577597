import type { LanguageModelV3 } from '@ai-sdk/provider';
import { Agent } from '@mastra/core/agent';
import {
  EMPTY_CONVERSATION_STATE,
  modelBudgetExceeded,
  lastMessage,
  turnText,
  type Handoff,
  type Specialist,
  type SpecialistContext,
  type SpecialistResult,
  type SpecialistTrace,
  type Turn,
  COPILOT_CHANNEL,
  DEFAULT_SALES_SETTINGS,
} from '@mcp-crew/core';
import { ConversationGuard } from '../guards/conversation-guard.js';
import { StaffGuard } from '../guards/staff-guard.js';
import { checkFigures, collectFigures, mergeFigures } from '../guards/figures.js';
import { learn } from '../memory/learn.js';
import { modelHistory } from '../memory/model-history.js';
import { spendAfterTurn } from '../model/token-budget.js';
import { offeredSlots } from '../memory/offered-slots.js';
import { touchedRecords } from '../memory/touched-records.js';
import { handoffTool } from '../tools/handoff-tool.js';
import { HANDOFF_TOOL } from '../tools/tool-names.js';
import { toMastraTools, type McpToolSource } from '../tools/mcp-tools.js';
import type { ToolCallRecord } from '../tools/tool-call-record.js';
import { newTurnContext, turnValues } from '../turn/turn-context.js';
import { staffContext } from '../turn/staff-context.js';
import { factsAsProviderOptions, type TurnFacts } from '../turn/turn-facts.js';
import { identifyCustomer } from './identify-customer.js';
import { describeFacts } from './instructions.js';
import { stepTools } from './step-tools.js';

export interface AgentSpecialistDeps {
  /** Unique per tenant, crew and specialist: the agent's id in Mastra. */
  id: string;
  name: string;
  tools: McpToolSource[];
  model: LanguageModelV3;
  /** The fixed instructions (prompt file, channel, rules); the conversation's facts are added per turn. */
  instructions: string;
  maxSteps?: number;
  /** How many earlier messages the model sees verbatim (default: 10 for the offline engine, 4 for a hosted model). */
  historyTurns?: number;
  /** Model tokens one conversation may spend; past it, `offline` answers (0 or unset: no limit). */
  tokenBudget?: number;
  /** The model used once the conversation's budget is spent (the offline engine). */
  offline?: LanguageModelV3;
}

/**
 * A specialist as a Mastra agent, built once per tenant, crew and specialist: instructions from the crew and
 * its prompt file, the tenant's MCP tools. Each turn brings its own guard, facts, tool-call records and
 * handoff requests in the request context. Its reply is checked for invented figures before anyone sees it.
 */
export class AgentSpecialist implements Specialist {
  /** The Mastra agent, the same instance for every turn until the tenant's configuration changes. */
  readonly agent: Agent;
  readonly #toolNames: string[];

  constructor(private readonly deps: AgentSpecialistDeps) {
    this.#toolNames = [...deps.tools.map((t) => t.name), HANDOFF_TOOL];
    const { model, offline } = deps;
    this.agent = new Agent({
      id: deps.id,
      name: deps.name,
      instructions: ({ requestContext }) =>
        `${deps.instructions}\n\n${describeFacts(turnValues(requestContext).facts)}`,
      model: ({ requestContext }) => (offline && requestContext.get('offline') === true ? offline : model),
      tools: { ...toMastraTools(deps.tools), handoff_to_human: handoffTool },
    });
  }

  async handle(turn: Turn, ctx: SpecialistContext): Promise<SpecialistResult> {
    const state = ctx.state ?? EMPTY_CONVERSATION_STATE;
    const text = turnText(turn);
    const contact = lastMessage(turn).sender;
    const records: ToolCallRecord[] = [];
    // A copilot turn comes from a staff member: their contact data is not a customer's.
    const staff = staffContext(turn, ctx.crew);
    const partner =
      state.partner ?? (staff ? undefined : await identifyCustomer(contact, this.deps.tools, records));
    const known = {
      partner,
      quotation: state.quotation,
      orderIds: state.orderIds,
      pendingConfirmation: state.pendingConfirmation,
    };

    const budgetExceeded =
      this.deps.offline !== undefined && modelBudgetExceeded(state.modelTokens, this.deps.tokenBudget ?? 0);
    const model = budgetExceeded && this.deps.offline ? this.deps.offline : this.deps.model;
    // A hosted model pays for every tool, instruction and message of every call: it is shown a bounded
    // history and, per step, only the tools that step can use. The offline engine reads all it is given.
    const hosted = this.deps.offline !== undefined && model !== this.deps.offline;
    const history = modelHistory(state.history, this.deps.historyTurns ?? (hosted ? 4 : 10));
    const facts: TurnFacts = {
      language: staff?.language ?? ctx.crew.language,
      business: ctx.tenant.name,
      greeting: ctx.crew.greeting,
      contact: { name: contact.name || undefined, phone: contact.phone, email: contact.email },
      ...(partner ? { partner } : {}),
      ...(state.quotation ? { quotation: state.quotation } : {}),
      ...(state.pendingConfirmation
        ? {
            pendingConfirmation: {
              tool: state.pendingConfirmation.tool,
              target: state.pendingConfirmation.target,
            },
          }
        : {}),
      ...(state.pendingConfirmation?.tool === 'odoo_book_appointment'
        ? { offeredSlots: offeredSlots(state.pendingConfirmation) }
        : {}),
      ...(ctx.crew.policy.forbid.offPlatformPayment.length > 0 ? { paymentOnPlatform: true } : {}),
      today: localDate(ctx.tenant.timezone),
      bigOrder: ctx.tenant.sales ?? DEFAULT_SALES_SETTINGS,
      ...(staff ? { staff: { name: staff.name, ...(staff.record ? { record: staff.record } : {}) } } : {}),
      ...(ctx.crew.vocabulary
        ? { words: { defects: ctx.crew.vocabulary.defects, productCare: ctx.crew.vocabulary.productCare } }
        : {}),
      ...(hosted && history.earlier.length > 0 ? { earlier: history.earlier } : {}),
    };
    const handoffs: Handoff[] = [];
    const requestContext = newTurnContext({
      facts,
      guard: staff
        ? new StaffGuard(known, lastMessage(turn).content, staff.permissions)
        : new ConversationGuard(known, lastMessage(turn).content, {
            staff: lastMessage(turn).channel === COPILOT_CHANNEL,
          }),
      records,
      handoffs,
      offline: budgetExceeded,
    });

    let reply = '';
    let tokens = 0;
    try {
      const output = await this.agent.generate(
        [...history.messages, { role: 'user' as const, content: text }],
        {
          maxSteps: this.deps.maxSteps ?? 8,
          requestContext,
          providerOptions: factsAsProviderOptions(facts),
          ...(hosted
            ? { prepareStep: () => ({ activeTools: stepTools(this.#toolNames, facts, records) }) }
            : {}),
        },
      );
      reply = output.text.trim();
      tokens = usedTokens(output.totalUsage);
    } catch (error) {
      handoffs.push({
        reason: 'processing_failed',
        note: `The agent failed: ${error instanceof Error ? error.message : 'unknown error'}.`,
      });
    }

    const touched = touchedRecords(records);
    const spend = spendAfterTurn(
      state,
      tokens,
      this.deps.offline ? (this.deps.tokenBudget ?? 0) : 0,
      new Date(),
    );
    const trace = (outcome: SpecialistTrace['outcome']): SpecialistTrace => ({
      model: model.modelId,
      tools: records,
      outcome,
      tokens,
      ...(budgetExceeded ? { budgetExceeded } : {}),
      ...(spend.budgetSpent ? { budgetSpent: spend.budgetSpent } : {}),
    });
    // What the tools returned this turn stays citable in later turns ("¿confirmo los $286.195?").
    const sources = records.filter((r) => r.ok).flatMap((r) => [r.text, r.result ?? {}]);
    // Read once: the figures check below takes them as known, without reading the sources again.
    const turnFigures = sources.length > 0 ? collectFigures(sources) : undefined;
    const knownFigures = turnFigures ? mergeFigures(state.knownFigures, turnFigures) : state.knownFigures;
    // The spend is remembered with the conversation, so the budget holds across turns and processes.
    const learned = {
      ...learn(known, records, reply, new Date(), text),
      ...spend.state,
      ...(knownFigures ? { knownFigures } : {}),
    };
    // The customer's own numbers (this turn and before) and the facts the system gave (today, the contact).
    const said = [...state.history.filter((h) => h.role === 'customer').map((h) => h.text), text];
    const given = [facts.today ?? '', facts.contact.phone ?? '', ...(facts.offeredSlots ?? [])];
    const figures = reply
      ? checkFigures(
          reply,
          given,
          said.join('\n'),
          turnFigures ? mergeFigures(state.knownFigures, turnFigures, Infinity) : state.knownFigures,
        )
      : undefined;
    const requested = handoffs[0];
    // A handoff with words of its own ("por el volumen, un asesor comercial te contacta"): said, then handed over.
    if (requested && reply && figures?.ok) {
      return {
        replies: [reply],
        handoff: { reason: requested.reason, note: withRecords(requested.note, records) },
        state: { ...learned, pendingConfirmation: undefined },
        touched,
        trace: trace('handoff'),
      };
    }
    if (requested || !reply || !figures) {
      const handoff = requested ?? {
        reason: 'processing_failed' as const,
        note: 'The agent gave no answer.',
      };
      return {
        replies: [],
        handoff: { reason: handoff.reason, note: withRecords(handoff.note, records) },
        state: { ...learned, pendingConfirmation: undefined },
        touched,
        trace: trace('handoff'),
      };
    }
    if (!figures.ok) {
      const note = `The drafted reply quoted figures that no tool returned (${figures.unknown.join(', ')}), so it was not sent.`;
      return {
        replies: [],
        handoff: { reason: 'processing_failed', note: withRecords(note, records) },
        state: { ...learned, pendingConfirmation: undefined },
        touched,
        trace: trace('refused_figures'),
      };
    }
    return { replies: [reply], state: learned, touched, trace: trace('answered') };
  }
}

/** Input plus output tokens of a generate call, whatever the provider reported. */
function usedTokens(
  usage: { inputTokens?: number; outputTokens?: number; totalTokens?: number } | undefined,
): number {
  if (!usage) return 0;
  return usage.totalTokens ?? (usage.inputTokens ?? 0) + (usage.outputTokens ?? 0);
}

/** Today in the business's time zone (YYYY-MM-DD); UTC when the zone is unknown. */
function localDate(timeZone: string | undefined): string {
  const zone = timeZone || 'UTC';
  let format = DAY_FORMATS.get(zone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('sv-SE', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      return new Date().toISOString().slice(0, 10);
    }
    DAY_FORMATS.set(zone, format);
  }
  return format.format(new Date());
}

// Building a DateTimeFormat costs about a millisecond; one per time zone is kept.
const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** The handoff note says what was done in Odoo, so the person does not ask again. */
function withRecords(note: string, records: ToolCallRecord[]): string {
  if (records.length === 0) return note;
  const lines = records.map(
    (r) => `- ${r.tool}: ${r.ok ? 'ok' : 'failed'} — ${r.text.split('\n')[0]?.slice(0, 160) ?? ''}`,
  );
  return `${note}\n\nWhat MCP-Crew did this turn:\n${lines.join('\n')}`;
}
