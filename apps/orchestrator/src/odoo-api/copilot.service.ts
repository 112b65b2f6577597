import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  applyChannelPolicy,
  COPILOT_CHANNEL,
  CrewError,
  type ConversationStateStore,
  type CrewDefinition,
  type CrewName,
  type InboundMessage,
  type TenantConfig,
  type Turn,
} from '@mcp-crew/core';
import { RespondToTurn } from '@mcp-crew/pipeline';
import { newTurnScope, runInTurnScope } from '@mcp-crew/reliability';
import type { Logger } from 'pino';
import { withLogContext } from '../observability/log-context.js';
import { CONVERSATION_STATE, CREWS, LOGGER } from '../runtime/providers.js';
import type { CopilotAnswer, CopilotRequest } from './copilot-schemas.js';
import { copilotConversationId, internalCrew } from './copilot-session.js';

/**
 * Runs an Odoo user's request through the internal-operations crew: the same specialists and MCP tools as
 * the customer crews, memory per Odoo user session, the records written reported back. The specialists'
 * guards stay on (a committing action still needs an explicit "sí" to a summary): they live in the agents,
 * and a back-office user can also confirm in Odoo directly.
 */
@Injectable()
export class CopilotService {
  constructor(
    @Inject(RespondToTurn) private readonly respond: RespondToTurn,
    @Inject(CREWS) private readonly crews: ReadonlyMap<CrewName, CrewDefinition>,
    @Inject(CONVERSATION_STATE) private readonly state: ConversationStateStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** `trackingId`: the job running the request, named in the turn's delivery id (logs, effect keys). */
  async ask(tenant: TenantConfig, request: CopilotRequest, trackingId?: string): Promise<CopilotAnswer> {
    const crew = internalCrew(this.crews, tenant);
    if (!crew)
      throw new CrewError('COPILOT_UNAVAILABLE', 'no crew is loaded', {
        domain: 'copilot',
        category: 'system',
      });
    const sessionId = request.session_id ?? randomUUID();
    const conversationId = copilotConversationId(request.user.id, sessionId);
    const job = trackingId ?? randomUUID();
    const turn = toTurn(tenant, conversationId, request, job);
    const state = await this.state.load(tenant.id, conversationId);
    // Its Odoo writes are keyed by the job (`{turn key}:{tool}:{n}`, as a Chatwoot turn's): a write is recorded
    // under its key and never made twice for one request. No deadline: the caller's budget is the job's wait.
    const scope = newTurnScope({
      tenantId: tenant.id,
      turnKey: `${tenant.id}:${conversationId}:d:${turn.messages[0]!.deliveryId}`,
      deadlineAt: Number.MAX_SAFE_INTEGER,
      signal: new AbortController().signal,
    });
    // In the tenant's context, as a Chatwoot turn runs: its log lines and tool/model metrics carry the tenant.
    const result = await withLogContext({ tenant: tenant.id, conversation: conversationId }, () =>
      runInTurnScope(scope, () => this.respond.respond({ turn, tenant, crew, state })),
    );
    await this.state.save(tenant.id, conversationId, result.state);
    // A back-office user reads the handoff note itself: it says what was done and why the crew stopped.
    const text = result.replies.length > 0 ? result.replies.join('\n\n') : (result.handoff?.note ?? '');
    const reply = applyChannelPolicy(text, crew.policy, {
      businessName: tenant.name,
      language: crew.language,
      customerName: request.user.name,
    }).join('\n');
    const tools = result.trace?.tools.map((c) => c.tool) ?? [];
    this.logger.info(
      { tenant: tenant.id, odooUser: request.user.id, specialist: result.selection.specialist, tools },
      'copilot request handled',
    );
    const records = result.touched.map((r) => ({
      model: r.model,
      id: r.id,
      display_name: r.displayName,
      ...(r.url ? { url: r.url } : {}),
    }));
    return {
      reply,
      records,
      session_id: sessionId,
      ...(result.handoff ? { handoff: result.handoff.reason } : {}),
    };
  }
}

function toTurn(
  tenant: TenantConfig,
  conversationId: number,
  request: CopilotRequest,
  trackingId: string,
): Turn {
  const now = Date.now();
  const message: InboundMessage = {
    tenantId: tenant.id,
    deliveryId: `odoo-copilot:${trackingId}`,
    accountId: 0,
    conversationId,
    inboxId: 0,
    messageId: now,
    channel: COPILOT_CHANNEL,
    // The user's language and own Odoo access rights, for the staff guard and the replies (staff-context).
    channelAttributes: {
      odoo_user: {
        ...(request.user.lang ? { lang: request.user.lang } : {}),
        ...(request.user.permissions ? { permissions: request.user.permissions } : {}),
      },
      ...(request.context ? { odoo_record: request.context } : {}),
    },
    content: request.message,
    contentType: 'text',
    // Name only: the user's login (often an e-mail) must not be taken for a customer's contact data.
    sender: { id: request.user.id, name: request.user.name },
    createdAt: new Date(now).toISOString(),
    receivedAt: now,
  };
  return { tenantId: tenant.id, conversationId, messages: [message] };
}
