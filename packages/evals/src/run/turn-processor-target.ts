import type {
  CrewDefinition,
  CrewName,
  InboundMessage,
  SpecialistRegistry,
  SpecialistSelector,
  TenantConfig,
} from '@mcp-crew/core';
import { TurnProcessor, type PipelineLogger } from '@mcp-crew/pipeline';
import { MemoryConversationStateStore } from '@mcp-crew/state-memory';
import type { EvalChannel, LoadedScenario } from '../scenario/schema.js';
import { RecordingChatwoot } from './recording-chatwoot.js';
import type { EvalConversation, EvalErpReader, EvalTarget, EvalTurnOutcome } from './target.js';

/** How each channel reaches the bot from Chatwoot: the inbox kind and its conversation attributes. */
const INBOXES: Record<
  EvalChannel,
  { inboxId: number; channel: string; attributes: Record<string, unknown> }
> = {
  whatsapp: { inboxId: 9001, channel: 'Channel::Whatsapp', attributes: {} },
  instagram: {
    inboxId: 9002,
    channel: 'Channel::FacebookPage',
    attributes: { type: 'instagram_direct_message' },
  },
  facebook: { inboxId: 9003, channel: 'Channel::FacebookPage', attributes: {} },
  email: { inboxId: 9004, channel: 'Channel::Email', attributes: { mail_subject: 'Consulta' } },
  webchat: { inboxId: 9005, channel: 'Channel::WebWidget', attributes: {} },
  mercadolivre: { inboxId: 9006, channel: 'Channel::Api', attributes: {} },
};

export interface TurnProcessorTargetOptions {
  description: string;
  tenant: TenantConfig;
  crews: ReadonlyMap<CrewName, CrewDefinition>;
  selector: SpecialistSelector;
  specialists: SpecialistRegistry;
  erp: EvalErpReader;
  logger: PipelineLogger;
  /** Puts the ERP (and anything caching it) back to its seed before each scenario; absent for a real Odoo. */
  reset?: () => Promise<void> | void;
  /** Readies what a scenario brings along (its model script) before its conversation starts. */
  prepare?: (scenario: LoadedScenario) => void;
  /** Problems around the crew since the last call (a model script's misses), reported with the turn. */
  drainProblems?: () => string[];
}

/**
 * Runs scenarios through the Chatwoot turn processor, exactly as the queue worker calls it for a webhook:
 * router, selector, specialist, channel policy, handoff. Chatwoot is a recorder; each scenario run gets its own
 * conversation id and conversation state, so nothing carries over between runs.
 */
export class TurnProcessorTarget implements EvalTarget {
  readonly description: string;
  readonly erp: EvalErpReader;
  private conversationId = 700_000;
  private messageId = 0;

  constructor(private readonly options: TurnProcessorTargetOptions) {
    this.description = options.description;
    this.erp = options.erp;
  }

  async begin(scenario: LoadedScenario): Promise<EvalConversation> {
    await this.options.reset?.();
    this.options.prepare?.(scenario);
    const inbox = INBOXES[scenario.channel];
    // The eval's inboxes are mapped to their channel's crew, the way a business maps its Mercado Livre API inbox.
    const tenant: TenantConfig = {
      ...this.options.tenant,
      inboxCrews: {
        ...this.options.tenant.inboxCrews,
        [String(inbox.inboxId)]: scenario.channel as CrewName,
      },
    };
    const chatwoot = new RecordingChatwoot();
    const processor = new TurnProcessor({
      tenants: { get: async (id) => (id === tenant.id ? tenant : undefined), list: async () => [tenant] },
      crews: this.options.crews,
      selector: this.options.selector,
      specialists: this.options.specialists,
      gateway: () => chatwoot,
      state: new MemoryConversationStateStore(),
      logger: this.options.logger,
    });
    const conversationId = ++this.conversationId;
    const sender = {
      id: conversationId,
      name: scenario.contact.name,
      ...(scenario.contact.phone ? { phone: scenario.contact.phone } : {}),
      ...(scenario.contact.email ? { email: scenario.contact.email } : {}),
    };
    return {
      send: async (text: string): Promise<EvalTurnOutcome> => {
        // A conversation a person owns is no longer sent to the bot (Chatwoot status `open`).
        if (chatwoot.handedOver) return { replies: [], handoff: false, notes: [] };
        const messageId = ++this.messageId;
        const message: InboundMessage = {
          tenantId: tenant.id,
          deliveryId: `eval-${conversationId}-${messageId}`,
          accountId: tenant.chatwootAccountId ?? 1,
          conversationId,
          inboxId: inbox.inboxId,
          messageId,
          channel: inbox.channel,
          channelAttributes: inbox.attributes,
          content: text,
          contentType: 'text',
          ...(scenario.channel === 'email' ? { subject: 'Consulta' } : {}),
          sender,
          createdAt: new Date().toISOString(),
          receivedAt: Date.now(),
        };
        const turn = { tenantId: tenant.id, conversationId, messages: [message] };
        // As the queue does when a turn's attempts are spent: the customer is told, a person takes over.
        await processor
          .handle(turn, { attempt: 1, maxAttempts: 1 })
          .catch((error: unknown) => processor.exhausted(turn, error));
        const { replies, notes } = chatwoot.drain();
        const problems = this.options.drainProblems?.() ?? [];
        return { replies, notes, handoff: chatwoot.handedOver, ...(problems.length ? { problems } : {}) };
      },
    };
  }
}
