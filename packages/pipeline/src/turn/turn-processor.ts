import {
  applyChannelPolicy,
  EMPTY_CONVERSATION_STATE,
  turnKey,
  detectLanguage,
  effectiveCrewSettings,
  isCrewError,
  lastMessage,
  pickCrew,
  turnText,
  type BusinessHoursSource,
  type ChatwootGateway,
  type ConversationRef,
  type ConversationState,
  type ConversationStateStore,
  type CrewDefinition,
  type CrewName,
  type Handoff,
  type Language,
  type SpecialistRegistry,
  type SpecialistSelector,
  type TenantConfig,
  type TenantDirectory,
  type Turn,
  type TurnAttempt,
  type TurnWorker,
} from '@mcp-crew/core';
import { handOver, type HandoffPlan } from './handoff.js';
import { handoffMessage } from './handoff-texts.js';
import { hoursNow, type HoursNow } from '../hours/hours-now.js';
import { outOfHours, type OutOfHours } from '../hours/out-of-hours.js';
import { deadlineNote } from './deadline-note.js';
import { currentTurnScope, newTurnScope, runInTurnScope } from '@mcp-crew/reliability';
import type { DeadlineReport } from '../reliability/deadline-worker.js';
import { handoffNote } from './handoff-note.js';
import { budgetSpentNote } from './budget-note.js';
import { setTyping, whileTyping } from './typing.js';
import { botOwns, currentStatus, droppedReplyNote, handBackToBot, handOverIfOwned } from './ownership.js';
import { splitHandbackRequests } from './handback-request.js';
import { RespondToTurn } from './respond-to-turn.js';
import { buildConversationSummary } from '../summary/build-summary.js';
import { splitSummaryRequests } from '../summary/summary-request.js';
import type { SummaryWriter } from '../summary/summary-writer.js';
import type { HandoffRouter } from '../routing/handoff-router.js';
import type { MediaReader } from '../media/media-reader.js';
import { mediaFallback } from '../media/media-fallback.js';

export interface PipelineLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface TurnMetrics {
  turn(
    tenantId: string,
    crew: string,
    specialist: string,
    outcome: 'answered' | 'handoff' | 'failed' | 'dropped',
  ): void;
  /** A conversation handed to a human, by reason. */
  handoff?(tenantId: string, reason: string): void;
  /** A conversation spent its model token budget (once per conversation). */
  modelBudgetSpent?(tenantId: string): void;
}

export interface TurnProcessorDeps {
  tenants: TenantDirectory;
  crews: ReadonlyMap<CrewName, CrewDefinition>;
  selector: SpecialistSelector;
  specialists: SpecialistRegistry;
  gateway(tenant: TenantConfig): ChatwootGateway;
  state: ConversationStateStore;
  logger: PipelineLogger;
  metrics?: TurnMetrics;
  /** Stores the summary of a resolved conversation; without it, summary requests are logged and dropped. */
  summaries?: SummaryWriter;
  /** Each tenant's business hours (its `opening_hours` business data); without it every hour counts as open. */
  hours?: BusinessHoursSource;
  /** The clock business hours are read with (tests set it). */
  now?: () => number;
  /** Sends hand-overs to the right person (salesperson, least-loaded team member) and leaves CRM leads. */
  router?: HandoffRouter;
  /** Reads voice notes and photos into the turn; without it, attachments are only mentioned in hand-over notes. */
  media?: MediaReader;
}

/**
 * The worker side of the pipeline: for one turn, pick the crew and the specialist, let it answer,
 * shape every reply with the channel's policy, send it through Chatwoot, and hand over when needed.
 */
export class TurnProcessor implements TurnWorker {
  readonly #respond: RespondToTurn;

  constructor(private readonly deps: TurnProcessorDeps) {
    this.#respond = new RespondToTurn({ selector: deps.selector, specialists: deps.specialists });
  }

  async handle(turn: Turn, attempt: TurnAttempt): Promise<void> {
    // An agent's hand-back comes first: the customer's messages in the same burst are then the bot's to answer.
    const handback = splitHandbackRequests(turn);
    if (handback.requests.length > 0) await this.handBack({ ...turn, messages: handback.requests });
    if (handback.rest.length === 0) return;
    // A burst may hold customer messages and a "resolved" notice: answer the messages first, then summarize.
    const { messages, request } = splitSummaryRequests({ ...turn, messages: handback.rest });
    if (messages.length > 0) await this.answer({ ...turn, messages }, attempt);
    if (request) await this.summarize({ ...turn, messages: [request] });
  }

  private async answer(turn: Turn, attempt: TurnAttempt): Promise<void> {
    const { tenant, crew } = await this.resolve(turn);
    const ref = refOf(turn);
    const gateway = this.deps.gateway(tenant);
    const hours = await this.hoursOf(tenant);
    const { hours: crewHours } = effectiveCrewSettings(crew, tenant.crewSettings?.[crew.name]);
    // A night-shift crew leaves conversations to people while they are at work.
    if (crewHours.mode === 'night_shift' && hours?.open)
      return this.leaveToPeople(turn, tenant, crew, gateway);
    // The customer sees "typing…" while the turn works; it is cleared however the turn ends.
    await whileTyping(gateway, ref, this.deps.logger, () =>
      this.reply(turn, attempt, tenant, crew, gateway, ref, hours),
    );
  }

  private async reply(
    received: Turn,
    attempt: TurnAttempt,
    tenant: TenantConfig,
    crew: CrewDefinition,
    gateway: ChatwootGateway,
    ref: ConversationRef,
    hours: HoursNow | undefined,
  ): Promise<void> {
    const state = await this.deps.state.load(received.tenantId, received.conversationId);
    // Voice notes and photos become text first; one nothing could read gets the crew's media fallback.
    const read = this.deps.media
      ? await this.deps.media.read(received, tenant, crew, customerLanguage(received, crew))
      : { turn: received };
    const turn = read.turn;
    const answered = read.unread
      ? mediaFallback(
          turn,
          crew,
          state,
          read.unread,
          customerLanguage(turn, crew),
          effectiveCrewSettings(crew, tenant.crewSettings?.[crew.name]).media,
        )
      : await this.#respond.respond({ turn, tenant, crew, state });
    // Odoo failed during the turn (down, too slow, breaker open): whatever was answered, a person takes over.
    const outage = answered.handoff ? undefined : odooOutageHandoff(turn, crew);
    const result = outage ? { ...answered, handoff: outage } : answered;
    const specialist = result.selection.specialist;

    // A person may have taken the conversation while the turn worked: checked right before speaking.
    const speaks = result.replies.length > 0 || result.handoff || result.attributes || result.labels?.length;
    const status = speaks ? await currentStatus(gateway, ref) : 'pending';
    if (!botOwns(status)) {
      await gateway.addPrivateNote(ref, droppedReplyNote(status, result.replies));
      this.deps.metrics?.turn(tenant.id, crew.name, specialist, 'dropped');
      this.deps.logger.warn(
        { tenant: tenant.id, conversation: turn.conversationId, crew: crew.name, specialist, status },
        'reply dropped: a person took the conversation over during the turn',
      );
      return;
    }

    const shape = (reply: string) => applyChannelPolicy(reply, crew.policy, shapeContext(turn, tenant, crew));
    for (const reply of result.replies) {
      for (const part of shape(reply)) await gateway.sendMessage(ref, { content: part });
    }
    if (result.attributes) await gateway.setCustomAttributes(ref, result.attributes);
    if (result.labels?.length) await gateway.addLabels(ref, result.labels);
    if (result.handoff)
      await this.handOff(turn, tenant, crew, hours, {
        handoff: result.handoff,
        say: 'handoff',
        answered: result.replies.length > 0,
        state: result.state,
        // A lead is the sales specialist's own hand-over; a photo or voice note nobody read is not one.
        sales: specialist === 'sales' && !read.unread,
        ifOwned: false,
      });

    // The turn that used up the budget says so once: the state remembers it, so later turns never trip it again.
    const spent = result.trace?.budgetSpent;
    if (spent) {
      await gateway.addPrivateNote(ref, budgetSpentNote(spent));
      this.deps.metrics?.modelBudgetSpent?.(tenant.id);
      this.deps.logger.warn(
        { tenant: tenant.id, conversation: turn.conversationId, spent: spent.spent, budget: spent.budget },
        'model token budget spent; the offline engine answers this conversation from now on',
      );
    }

    await this.deps.state.save(turn.tenantId, turn.conversationId, result.state);
    const outcome = result.handoff ? 'handoff' : 'answered';
    this.deps.metrics?.turn(tenant.id, crew.name, specialist, outcome);
    const trace = result.trace;
    this.deps.logger.info(
      {
        tenant: tenant.id,
        conversation: turn.conversationId,
        crew: crew.name,
        specialist,
        attempt: attempt.attempt,
        // Taken over from a worker that died or stopped mid-turn.
        ...(attempt.resumed ? { resumed: true } : {}),
        outcome,
        handoff: result.handoff?.reason,
        ...(trace
          ? {
              model: trace.model,
              tokens: trace.tokens,
              tools: trace.tools.map((t) => `${t.tool}:${t.ok ? 'ok' : t.refused ? 'refused' : 'failed'}`),
            }
          : {}),
        ...(trace?.budgetExceeded ? { budgetExceeded: true } : {}),
      },
      'turn handled',
    );
  }

  /** The last resort: the customer hears that something went wrong, and a person gets the conversation. */
  async exhausted(turn: Turn, error: unknown): Promise<void> {
    if (splitSummaryRequests(turn).messages.length === 0) {
      // Only the summary failed: the conversation is already resolved, so nobody is told and nothing is handed over.
      const failure = isCrewError(error)
        ? `${error.code}: ${error.message}`
        : error instanceof Error
          ? error.message
          : 'unknown error';
      this.deps.logger.error(
        { tenant: turn.tenantId, conversation: turn.conversationId, error: failure },
        'conversation summary failed after its retries',
      );
      return;
    }
    const { tenant, crew } = await this.resolve(turn);
    const failure = isCrewError(error) ? `${error.code}: ${error.message}` : 'an unexpected internal error';
    const known = await this.knownMedia(turn);
    // Its own scope: the route's choice is recorded once, and an Odoo that made the turn fail is not asked again.
    const scope = newTurnScope({
      tenantId: turn.tenantId,
      turnKey: `${turnKey(turn)}:exhausted`,
      deadlineAt: Number.MAX_SAFE_INTEGER,
      signal: new AbortController().signal,
    });
    if (isCrewError(error) && error.domain === 'odoo') scope.failedDependencies.add('odoo');
    await runInTurnScope(scope, async () =>
      this.handOff(known, tenant, crew, await this.hoursOf(tenant), {
        handoff: {
          reason: 'processing_failed',
          note: handoffNote(
            known,
            crew,
            `MCP-Crew could not process this conversation after its retries (${failure}).`,
          ),
        },
        say: 'failure',
        answered: false,
        state: await this.stateOf(turn),
        sales: false,
        ifOwned: true,
      }),
    );
    this.deps.metrics?.turn(tenant.id, crew.name, 'none', 'failed');
    this.deps.logger.error(
      { tenant: tenant.id, conversation: turn.conversationId, error: failure },
      'turn failed; handed to a human',
    );
  }

  /** The turn ran out of time: an honest short message, a note of what was being done and what failed, status `open`. */
  async deadlinePassed(turn: Turn, what: DeadlineReport): Promise<void> {
    const { tenant, crew } = await this.resolve(turn);
    const known = await this.knownMedia(turn);
    const gateway = this.deps.gateway(tenant);
    await this.handOff(known, tenant, crew, await this.hoursOf(tenant), {
      handoff: { reason: 'deadline_passed', note: handoffNote(known, crew, deadlineNote(what)) },
      say: 'deadline',
      answered: what.answered,
      state: await this.stateOf(turn),
      sales: false,
      ifOwned: true,
    });
    // The abandoned turn clears "typing…" when it stops; this covers a turn still stuck in a call.
    await setTyping(gateway, refOf(turn), 'off', this.deps.logger);
    this.deps.metrics?.turn(tenant.id, crew.name, 'none', 'failed');
    this.deps.logger.warn(
      { tenant: tenant.id, conversation: turn.conversationId, failures: what.failures },
      'turn deadline passed; handed to a human',
    );
  }

  /**
   * Every hand-over but the night shift's takes this one path: the customer is told (when a person answers,
   * out of hours), the conversation goes to the right person (salesperson of a known customer or quotation,
   * else the team's least-loaded member), the note says why (and where it went), the labels mark it (the
   * morning queue out of hours). `ifOwned`: the pipeline's own hand-overs leave a person's conversation alone.
   */
  private async handOff(
    turn: Turn,
    tenant: TenantConfig,
    crew: CrewDefinition,
    hours: HoursNow | undefined,
    h: {
      handoff: Handoff;
      say: 'handoff' | 'failure' | 'deadline';
      answered: boolean;
      state: ConversationState;
      sales: boolean;
      ifOwned: boolean;
    },
  ): Promise<void> {
    const language = customerLanguage(turn, crew);
    const closed = this.outOfHours(hours, tenant, crew, language);
    const message = handoffMessage(h.say, language, closed?.when, h.answered);
    const router = this.deps.router;
    const settings = effectiveCrewSettings(crew, tenant.crewSettings?.[crew.name]).handoff;
    const ref = refOf(turn);
    const route = () => router!.route({ tenant, crew, settings, ref, turn, state: h.state, sales: h.sales });
    const plan: HandoffPlan = {
      handoff: withNoteLine(h.handoff, closed),
      labels: [...crew.escalation.labels, ...(closed?.labels ?? [])],
      customerParts: message
        ? applyChannelPolicy(message, crew.policy, shapeContext(turn, tenant, crew))
        : [],
      ...(router ? { route } : {}),
    };
    const gateway = this.deps.gateway(tenant);
    if (h.ifOwned) await handOverIfOwned(gateway, ref, plan, this.deps.logger);
    else await handOver(gateway, ref, plan);
    this.deps.metrics?.handoff?.(tenant.id, h.handoff.reason);
  }

  /** The conversation's state for a failure's hand-over; a store that fails too leaves only the team to route to. */
  private async stateOf(turn: Turn): Promise<ConversationState> {
    return this.deps.state.load(turn.tenantId, turn.conversationId).catch((error: unknown) => {
      this.deps.logger.warn(
        { tenant: turn.tenantId, conversation: turn.conversationId, err: describeError(error) },
        'conversation state unreadable for the hand-over; routing without it',
      );
      return EMPTY_CONVERSATION_STATE;
    });
  }

  /** The turn with what is already known of its voice notes (no waiting, no model call), for the person's note. */
  private async knownMedia(turn: Turn): Promise<Turn> {
    if (!this.deps.media) return turn;
    return this.deps.media.known(turn).catch(() => turn);
  }

  private async handBack(turn: Turn): Promise<void> {
    const { tenant, crew } = await this.resolve(turn);
    const gateway = this.deps.gateway(tenant);
    await handBackToBot(
      gateway,
      refOf(turn),
      turn.messages,
      crew.escalation.handbackCommand,
      this.deps.logger,
    );
  }

  /** Writes the resolved conversation's summary from its stored state (one point per conversation). */
  private async summarize(turn: Turn): Promise<void> {
    const { tenant, crew } = await this.resolve(turn);
    const log = { tenant: tenant.id, conversation: turn.conversationId, crew: crew.name };
    const state = await this.deps.state.load(turn.tenantId, turn.conversationId);
    if (!this.deps.summaries || state.history.length === 0) {
      this.deps.logger.info(
        { ...log, reason: this.deps.summaries ? 'no_history' : 'no_summary_store' },
        'conversation resolved; no summary written',
      );
      return;
    }
    const request = lastMessage(turn);
    const resolvedAt = request.createdAt;
    const text = buildConversationSummary({
      conversationId: turn.conversationId,
      contactId: request.sender.id,
      channel: request.channel,
      crew: crew.name,
      language: crew.language,
      resolvedAt,
      state,
    });
    await this.deps.summaries.write({
      tenantId: tenant.id,
      conversationId: turn.conversationId,
      language: crew.language,
      text,
      metadata: { channel: request.channel, crew: crew.name, contactId: request.sender.id, resolvedAt },
    });
    this.deps.logger.info(log, 'conversation summary written');
  }

  /**
   * Night shift in business hours: the bot says nothing and hands the conversation to people (a private note,
   * status `open`); it answers again once the conversation is `pending` outside business hours.
   */
  private async leaveToPeople(
    turn: Turn,
    tenant: TenantConfig,
    crew: CrewDefinition,
    gateway: ChatwootGateway,
  ): Promise<void> {
    const note = handoffNote(
      turn,
      crew,
      `The ${crew.name} crew works the night shift: in business hours people answer, so MCP-Crew did not reply.`,
    );
    const router = this.deps.router;
    const settings = effectiveCrewSettings(crew, tenant.crewSettings?.[crew.name]).handoff;
    const state = await this.deps.state.load(turn.tenantId, turn.conversationId);
    const route = () =>
      router!.route({ tenant, crew, settings, ref: refOf(turn), turn, state, sales: false });
    await handOverIfOwned(
      gateway,
      refOf(turn),
      {
        handoff: { reason: 'night_shift', note },
        labels: [],
        customerParts: [],
        ...(router ? { route } : {}),
      },
      this.deps.logger,
    );
    this.deps.metrics?.handoff?.(tenant.id, 'night_shift');
    this.deps.metrics?.turn(tenant.id, crew.name, 'none', 'handoff');
    this.deps.logger.info(
      { tenant: tenant.id, conversation: turn.conversationId, crew: crew.name },
      'night shift: business hours, conversation left to people',
    );
  }

  private async hoursOf(tenant: TenantConfig): Promise<HoursNow | undefined> {
    return hoursNow(this.deps.hours, tenant.id, (this.deps.now ?? Date.now)(), (error) =>
      this.deps.logger.warn(
        { tenant: tenant.id, err: error instanceof Error ? error.message : String(error) },
        'business hours could not be read; treating the business as open',
      ),
    );
  }

  private outOfHours(
    hours: HoursNow | undefined,
    tenant: TenantConfig,
    crew: CrewDefinition,
    language: Language,
  ): OutOfHours | undefined {
    return outOfHours(hours, effectiveCrewSettings(crew, tenant.crewSettings?.[crew.name]).hours, language);
  }

  private async resolve(turn: Turn): Promise<{ tenant: TenantConfig; crew: CrewDefinition }> {
    const tenant = await this.deps.tenants.get(turn.tenantId);
    if (!tenant) throw new Error(`tenant "${turn.tenantId}" is no longer configured`);
    const { crew: name } = pickCrew(lastMessage(turn), tenant);
    const crew = this.deps.crews.get(name);
    if (!crew) throw new Error(`crew "${name}" is not loaded`);
    return { tenant, crew };
  }
}

function odooOutageHandoff(turn: Turn, crew: CrewDefinition): Handoff | undefined {
  const scope = currentTurnScope();
  if (!scope?.failedDependencies.has('odoo')) return undefined;
  const failed = scope.failures
    .slice(-3)
    .map((f) => `- ${f}`)
    .join('\n');
  return {
    reason: 'processing_failed',
    note: handoffNote(
      turn,
      crew,
      `The business's Odoo failed during this turn, so MCP-Crew could not complete the request:\n${failed}`,
    ),
  };
}

function describeError(error: unknown): string {
  return isCrewError(error)
    ? `${error.code}: ${error.message}`
    : error instanceof Error
      ? error.message
      : String(error);
}

function withNoteLine(handoff: Handoff, closed: OutOfHours | undefined): Handoff {
  return closed ? { ...handoff, note: `${handoff.note}\n\n${closed.noteLine}` } : handoff;
}

function refOf(turn: Turn): ConversationRef {
  return { accountId: lastMessage(turn).accountId, conversationId: turn.conversationId };
}

function shapeContext(turn: Turn, tenant: TenantConfig, crew: CrewDefinition) {
  return {
    customerName: lastMessage(turn).sender.name || undefined,
    businessName: tenant.name,
    language: customerLanguage(turn, crew),
  };
}

/** The language the customer wrote this turn in, when it can be told; else the crew's. */
function customerLanguage(turn: Turn, crew: CrewDefinition): Language {
  return detectLanguage(turnText(turn)) ?? crew.language;
}
