import type { ConversationRef } from './chatwoot.js';

/** A Chatwoot agent as the account's agent list and a team's member list show it. */
export interface ChatwootAgent {
  id: number;
  name: string;
  email: string;
  /** `online`, `busy` or `offline`. */
  availability: string;
}

/** Where a handed-over conversation goes: one agent, or a team (whose own settings then pick the agent). */
export type AssignmentTarget = { agentId: number } | { teamId: number };

/**
 * Who can take a conversation in a Chatwoot account, and handing it to them. The reads (agents, team members,
 * open conversations per agent) need an administrator's access token, which an Agent Bot token is not;
 * `assign` is one of the calls a bot token may make.
 */
export interface ChatwootRouting {
  /** False when no administrator token is configured: only `assign` to a team works then. */
  readonly canReadAgents: boolean;
  /** `GET /api/v1/accounts/{account}/agents`. */
  agents(accountId: number): Promise<ChatwootAgent[]>;
  /** `GET /api/v1/accounts/{account}/teams/{team}/team_members`. */
  teamMembers(accountId: number, teamId: number): Promise<ChatwootAgent[]>;
  /** Open conversations per assignee (`GET /api/v2/accounts/{account}/live_reports/grouped_conversation_metrics?group_by=assignee_id`). */
  openByAssignee(accountId: number): Promise<Map<number, number>>;
  /** `POST …/conversations/{id}/assignments` with `assignee_id` or `team_id`. */
  assign(ref: ConversationRef, target: AssignmentTarget): Promise<void>;
}
