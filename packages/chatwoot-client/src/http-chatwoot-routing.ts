import type {
  AssignmentTarget,
  ChatwootAgent,
  ChatwootRouting,
  ConversationRef,
  Secret,
} from '@mcp-crew/core';
import { ChatwootHttp, type RetryOptions } from './chatwoot-http.js';
import { CrewError } from '@mcp-crew/core';

export interface HttpChatwootRoutingOptions {
  baseUrl: string;
  /** The Agent Bot's token: assignments (`POST …/assignments` is among the calls a bot may make). */
  botToken: Secret;
  /** An administrator's access token: the agent list, team members and the live report. */
  agentToken?: Secret;
  fetch?: typeof fetch;
  retry?: RetryOptions;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** An agent in Chatwoot's `agent` JSON (agents list, team members). */
interface AgentJson {
  id: number;
  name?: string;
  available_name?: string;
  email?: string;
  availability_status?: string;
}

/**
 * Hand-over routing over Chatwoot's application API (4.x): `GET /api/v1/accounts/{a}/agents`,
 * `GET /api/v1/accounts/{a}/teams/{t}/team_members`, `GET /api/v2/accounts/{a}/live_reports/grouped_conversation_metrics?group_by=assignee_id`
 * (open conversations per assignee; administrators only) and `POST /api/v1/accounts/{a}/conversations/{c}/assignments`.
 */
export class HttpChatwootRouting implements ChatwootRouting {
  readonly canReadAgents: boolean;
  readonly #bot: ChatwootHttp;
  readonly #admin: ChatwootHttp | undefined;

  constructor(options: HttpChatwootRoutingOptions) {
    this.#bot = new ChatwootHttp(options);
    this.#admin = options.agentToken
      ? new ChatwootHttp({ ...options, botToken: options.agentToken })
      : undefined;
    this.canReadAgents = this.#admin !== undefined;
  }

  async agents(accountId: number): Promise<ChatwootAgent[]> {
    return toAgents(await this.#reader().request<AgentJson[]>('GET', `/api/v1/accounts/${accountId}/agents`));
  }

  async teamMembers(accountId: number, teamId: number): Promise<ChatwootAgent[]> {
    const path = `/api/v1/accounts/${accountId}/teams/${teamId}/team_members`;
    return toAgents(await this.#reader().request<AgentJson[]>('GET', path));
  }

  async openByAssignee(accountId: number): Promise<Map<number, number>> {
    const path = `/api/v2/accounts/${accountId}/live_reports/grouped_conversation_metrics?group_by=assignee_id`;
    const rows = await this.#reader().request<Array<{ assignee_id?: number | null; open?: number }>>(
      'GET',
      path,
    );
    const counts = new Map<number, number>();
    for (const row of Array.isArray(rows) ? rows : []) {
      if (typeof row.assignee_id === 'number') counts.set(row.assignee_id, Number(row.open ?? 0));
    }
    return counts;
  }

  async assign(ref: ConversationRef, target: AssignmentTarget): Promise<void> {
    const body = 'agentId' in target ? { assignee_id: target.agentId } : { team_id: target.teamId };
    await this.#bot.request(
      'POST',
      `/api/v1/accounts/${ref.accountId}/conversations/${ref.conversationId}/assignments`,
      body,
    );
  }

  #reader(): ChatwootHttp {
    if (this.#admin) return this.#admin;
    throw new CrewError(
      'CHATWOOT_AGENT_TOKEN_MISSING',
      'no administrator token (chatwoot.agentToken) is configured: an Agent Bot token may not read agents, teams or reports',
      { domain: 'chatwoot', category: 'user' },
    );
  }
}

function toAgents(rows: AgentJson[] | undefined): ChatwootAgent[] {
  return (Array.isArray(rows) ? rows : []).map((a) => ({
    id: a.id,
    name: a.available_name || a.name || `agent ${a.id}`,
    email: a.email ?? '',
    availability: a.availability_status ?? 'offline',
  }));
}
