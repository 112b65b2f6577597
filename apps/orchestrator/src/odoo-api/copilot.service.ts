import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ToolCallRecord } from '@mcp-crew/agents';
import {
  applyChannelPolicy, CrewError, DeterministicSelector, type ConversationState, type InboundMessage, type SpecialistResult, type TenantConfig, type Turn,
} from '@mcp-crew/core';
import { RUNTIME, type Runtime } from '../runtime/runtime.js';
import type { CopilotAnswer, CopilotRequest } from './copilot-schemas.js';
import { copilotConversationId, internalCrew } from './copilot-session.js';
import { touchedRecords } from './touched-records.js';

const HISTORY_LIMIT = 30;

/**
 * Runs an Odoo user's request through the internal-operations crew: the same specialists and MCP tools as
 * the customer crews, memory per Odoo user session, the records written reported back. The specialists'
 * guards stay on (a committing action still needs an explicit "sí" to a summary): they live in the agents,
 * and a back-office user can also confirm in Odoo directly.
 */
@Injectable()
export class CopilotService {
  readonly #selector = new DeterministicSelector();

  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  async ask(tenant: TenantConfig, request: CopilotRequest): Promise<CopilotAnswer> {
    const crew = internalCrew(this.runtime.crews, tenant);
    if (!crew) throw new CrewError('COPILOT_UNAVAILABLE', 'no crew is loaded', { domain: 'copilot', category: 'system' });
    const sessionId = request.session_id ?? randomUUID();
    const conversationId = copilotConversationId(request.user.id, sessionId);
    const turn = toTurn(tenant, conversationId, request);
    const state = await this.runtime.state.load(tenant.id, conversationId);
    const selection = await this.#selector.select({
      turn,
      current: state.specialist,
      enabled: crew.members.filter((m) => tenant.enabledSpecialists.includes(m)),
      defaultSpecialist: crew.defaultSpecialist,
      language: crew.language,
    });
    const specialist = this.runtime.specialists.get(tenant, selection.specialist);
    const calls: ToolCallRecord[] = [];
    const stop = this.runtime.traces.subscribe(tenant.id, conversationId, (trace) => calls.push(...trace.tools));
    let result: SpecialistResult;
    try {
      result = specialist
        ? await specialist.handle(turn, { tenant, crew, specialist: selection.specialist, state })
        : { replies: [], handoff: { reason: 'no_specialist', note: `The ${selection.specialist} specialist is not enabled for this tenant.` } };
    } finally {
      stop();
    }
    await this.runtime.state.save(tenant.id, conversationId, remember(state, crew.name, selection.specialist, request.message, result));
    // A back-office user reads the handoff note itself: it says what was done and why the crew stopped.
    const text = result.replies.length > 0 ? result.replies.join('\n\n') : (result.handoff?.note ?? '');
    const reply = applyChannelPolicy(text, crew.policy, { businessName: tenant.name, language: crew.language, customerName: request.user.name }).join('\n');
    this.runtime.logger.info({ tenant: tenant.id, odooUser: request.user.id, specialist: selection.specialist, tools: calls.map((c) => c.tool) }, 'copilot request handled');
    return { reply, records: touchedRecords(calls), session_id: sessionId, ...(result.handoff ? { handoff: result.handoff.reason } : {}) };
  }
}

function toTurn(tenant: TenantConfig, conversationId: number, request: CopilotRequest): Turn {
  const now = Date.now();
  const message: InboundMessage = {
    tenantId: tenant.id,
    deliveryId: `odoo-copilot:${randomUUID()}`,
    accountId: 0,
    conversationId,
    inboxId: 0,
    messageId: now,
    channel: 'Odoo::Copilot',
    channelAttributes: request.context ? { odoo_record: request.context } : {},
    content: request.message,
    contentType: 'text',
    // Name only: the user's login (often an e-mail) must not be taken for a customer's contact data.
    sender: { id: request.user.id, name: request.user.name },
    createdAt: new Date(now).toISOString(),
    receivedAt: now,
  };
  return { tenantId: tenant.id, conversationId, messages: [message] };
}

function remember(state: ConversationState, crew: ConversationState['crew'], specialist: ConversationState['specialist'], text: string, result: SpecialistResult): ConversationState {
  const at = new Date().toISOString();
  const history = [...state.history, { role: 'customer' as const, text, at }, ...result.replies.map((reply) => ({ role: 'bot' as const, text: reply, at }))].slice(-HISTORY_LIMIT);
  return { ...state, ...result.state, crew, specialist, history, updatedAt: at };
}
