import {
  isCrewError,
  lastMessage,
  type AssignmentTarget,
  type ChatwootRouting,
  type ConversationRef,
  type ConversationState,
  type CrewDefinition,
  type HandoffRouting,
  type IdempotencyStore,
  type SalesCrm,
  type TenantConfig,
  type Turn,
} from '@mcp-crew/core';
import { currentTurnScope, nextEffectKey } from '@mcp-crew/reliability';
import { buildConversationSummary } from '../summary/build-summary.js';
import { leastLoaded } from './least-loaded.js';

export interface HandoffRouterDeps {
  /** The tenant's Chatwoot routing (assignments; agent reads with an administrator token). */
  routing(tenant: TenantConfig): ChatwootRouting | undefined;
  /** The tenant's CRM side (its Odoo); undefined without one. */
  crm(tenant: TenantConfig): SalesCrm | undefined;
  /** Where the choice and the lead of a turn's hand-over are recorded, so a retried turn repeats neither. */
  records: IdempotencyStore;
  logger: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
}

export interface RouteRequest {
  tenant: TenantConfig;
  crew: CrewDefinition;
  settings: HandoffRouting;
  ref: ConversationRef;
  turn: Turn;
  /** The conversation's state after the turn (partner, quotation, history for the summary). */
  state: ConversationState;
  /** A hand-over by the sales specialist: to the customer's salesperson, with a CRM lead. */
  sales: boolean;
}

interface Choice {
  target?: AssignmentTarget;
  /** Who, and why, for the private note. */
  label?: string;
  /** The ERP user the conversation went to, when there is one (the lead's salesperson). */
  odooUserId?: number;
}

interface Recorded {
  choice: Choice;
  lead?: { id: number; created: boolean };
}

/**
 * Sends a handed-over conversation to the right person: a sales hand-over to the salesperson Odoo assigns to the
 * quotation, the customer's open lead or the customer (matched to a Chatwoot agent by e-mail), else to the
 * least-loaded member of the crew's team (by open conversations), else to the team; a sales hand-over also
 * creates or updates a CRM lead with the conversation's summary. Exactly once per turn: the choice is recorded
 * before the assignment (a retry assigns the same agent again, which Chatwoot treats as no change) and the lead
 * after its write (a retry whose record was lost finds the lead by its marker). Nothing here stops a hand-over:
 * every failure becomes a line of the private note and a warning. Returns the note's lines.
 */
export class HandoffRouter {
  constructor(private readonly deps: HandoffRouterDeps) {}

  async route(request: RouteRequest): Promise<string[]> {
    const { tenant, settings, sales } = request;
    const wantsLead = sales && settings.salesLead;
    if (!settings.assign && !wantsLead) return [];
    const routing = settings.assign ? this.deps.routing(tenant) : undefined;
    // Odoo already failed this turn (the usual reason for this hand-over): no more calls to it, no lead.
    const odooFailed = currentTurnScope()?.failedDependencies.has('odoo') ?? false;
    const crm = odooFailed ? undefined : this.deps.crm(tenant);
    const lines: string[] = odooFailed && wantsLead ? ['No CRM lead: Odoo failed during this turn.'] : [];
    const problem = (what: string, error: unknown) => {
      const why = isCrewError(error)
        ? `${error.code}: ${error.message}`
        : error instanceof Error
          ? error.message
          : String(error);
      lines.push(`Could not ${what}: ${why}`);
      this.deps.logger.warn(
        { tenant: tenant.id, conversation: request.ref.conversationId, err: why },
        `hand-over routing: could not ${what}`,
      );
    };

    const key = nextEffectKey('handoff_route');
    const recorded = key
      ? ((await this.deps.records.get(tenant.id, key)) as Recorded | undefined)
      : undefined;
    // A sales hand-over identifies the customer by the channel too; any other goes by what the conversation knows.
    const known = request.state.partner?.verified ? request.state.partner.id : undefined;
    const partnerId =
      crm && sales
        ? await this.partnerOf(request, crm).catch(
            (e: unknown) => (problem('identify the customer in Odoo', e), undefined),
          )
        : crm
          ? known
          : undefined;
    const choice =
      recorded?.choice ?? (routing ? await this.choose(request, routing, crm, partnerId, problem) : {});
    if (key && !recorded) await this.deps.records.put(tenant.id, key, { choice } satisfies Recorded);

    if (routing && choice.target) {
      try {
        await routing.assign(request.ref, choice.target);
        lines.push(`Assigned to ${choice.label}.`);
      } catch (error) {
        problem(`assign the conversation to ${choice.label}`, error);
      }
    }
    // A tenant without Odoo simply has no lead; one whose Odoo is read-only is told why there is none.
    if (wantsLead && crm) {
      let lead = recorded?.lead;
      if (!lead && !tenant.odoo?.allowWrites) lines.push('No CRM lead: Odoo writes are off for this tenant.');
      else if (!lead) {
        lead = await crm
          .upsertLead(this.lead(request, partnerId, choice.odooUserId))
          .catch((e: unknown) => (problem('create or update the CRM lead in Odoo', e), undefined));
        if (lead && key) await this.deps.records.put(tenant.id, key, { choice, lead } satisfies Recorded);
      }
      if (lead)
        lines.push(
          `CRM lead #${lead.id} ${lead.created ? 'created' : 'updated'} in Odoo with the conversation's summary.`,
        );
    }
    return lines;
  }

  private async choose(
    request: RouteRequest,
    routing: ChatwootRouting,
    crm: SalesCrm | undefined,
    partnerId: number | undefined,
    problem: (what: string, error: unknown) => void,
  ): Promise<Choice> {
    const { ref, settings, state, sales } = request;
    // Every hand-over goes to the salesperson when the customer or the quotation is known, else to the team.
    if ((sales || partnerId || state.quotation) && crm && routing.canReadAgents) {
      try {
        const salespeople = await crm.salespeople({
          ...(partnerId ? { partnerId } : {}),
          ...(state.quotation ? { quotationId: state.quotation.id } : {}),
        });
        if (salespeople.length > 0) {
          const agents = await routing.agents(ref.accountId);
          for (const person of salespeople) {
            const agent = person.email ? agents.find((a) => sameEmail(a.email, person.email!)) : undefined;
            if (agent)
              return {
                target: { agentId: agent.id },
                label: `${agent.name}, the ${person.source === 'customer' ? "customer's" : `${person.source}'s`} salesperson in Odoo`,
                odooUserId: person.userId,
              };
          }
        }
      } catch (error) {
        problem("find the customer's salesperson", error);
      }
    }
    if (!settings.teamId) return {};
    if (routing.canReadAgents) {
      try {
        const members = await routing.teamMembers(ref.accountId, settings.teamId);
        const best = leastLoaded(members, await routing.openByAssignee(ref.accountId));
        if (best) {
          const user =
            sales && crm ? await crm.userByEmail(best.agent.email).catch(() => undefined) : undefined;
          return {
            target: { agentId: best.agent.id },
            label: `${best.agent.name}, the least-loaded member of team ${settings.teamId} (${best.open} open)`,
            ...(user ? { odooUserId: user.userId } : {}),
          };
        }
      } catch (error) {
        problem(`choose a member of team ${settings.teamId}`, error);
      }
    }
    return { target: { teamId: settings.teamId }, label: `team ${settings.teamId}` };
  }

  /** The customer by the channel's identity only: the verified partner, else the contact's phone or e-mail. */
  private async partnerOf(request: RouteRequest, crm: SalesCrm): Promise<number | undefined> {
    const partner = request.state.partner;
    if (partner?.verified) return partner.id;
    const { phone, email } = lastMessage(request.turn).sender;
    return crm.findPartner({ ...(phone ? { phone } : {}), ...(email ? { email } : {}) });
  }

  private lead(request: RouteRequest, partnerId: number | undefined, userId: number | undefined) {
    const { turn, crew, tenant, ref, state } = request;
    const message = lastMessage(turn);
    const contact = message.sender;
    const name = contact.name || `#${contact.id}`;
    const summary = buildConversationSummary({
      conversationId: turn.conversationId,
      contactId: contact.id,
      channel: message.channel,
      crew: crew.name,
      language: tenant.language,
      resolvedAt: new Date().toISOString(),
      state,
    });
    return {
      // Per conversation: a later hand-over of the same conversation updates the same lead.
      marker: `MCP-Crew · Chatwoot conversation ${ref.accountId}/${ref.conversationId}`,
      title: LEAD_TITLE[tenant.language](crew.name, name),
      ...(partnerId ? { partnerId } : {}),
      ...(contact.name ? { contactName: contact.name } : {}),
      ...(contact.email ? { email: contact.email } : {}),
      ...(contact.phone ? { phone: contact.phone } : {}),
      summary,
      ...(userId ? { userId } : {}),
    };
  }
}

const LEAD_TITLE: Record<TenantConfig['language'], (channel: string, name: string) => string> = {
  es: (channel, name) => `Conversación por ${channel} con ${name}`,
  pt: (channel, name) => `Conversa por ${channel} com ${name}`,
  en: (channel, name) => `${channel} conversation with ${name}`,
};

function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase() && a.trim() !== '';
}
