import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake Chatwoot received, as it arrived. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, or `undefined` for none. */
  body: unknown;
  /** When it arrived (epoch ms). */
  at: number;
}

/** A conversation as the fake keeps it (Chatwoot's field names). */
export interface FakeConversation {
  id: number;
  accountId: number;
  status: 'open' | 'pending' | 'resolved' | 'snoozed';
  labels: string[];
  customAttributes: Record<string, unknown>;
  inboxId: number;
  channel: string;
  /** The bot's typing indicator as last toggled (`off` until toggled). */
  typing: 'on' | 'off' | 'recording';
  /** The assigned agent (`assignments` with `assignee_id`), if any. */
  assigneeId?: number;
  /** The assigned team (`assignments` with `team_id`), if any. */
  teamId?: number;
}

/** An agent of the account, as `GET …/agents` lists it. */
export interface FakeAgent {
  id: number;
  name: string;
  email: string;
  availability?: 'online' | 'busy' | 'offline';
  role?: 'agent' | 'administrator';
}

/** A scripted answer for the next matching request (to test retries and errors). */
export interface ScriptedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Only requests with this method match (default: any). */
  method?: string;
  /** Only paths ending with this match (default: any). */
  pathEndsWith?: string;
  /** Never answer (the socket stays open until the client gives up or the server closes). */
  hang?: boolean;
}

export interface FakeChatwootOptions {
  /** When set, requests without this `api_access_token` get 401 like a real Chatwoot. */
  botToken?: string;
  /** Unknown conversations are created as `pending` on first use (default); `false` answers 404. */
  autoCreate?: boolean;
  /**
   * An administrator's access token: the only one that may read agents, team members and the live report
   * (the bot token gets Chatwoot's 401 "not authorized for bots" there).
   */
  agentToken?: string;
}

export interface FakeChatwoot {
  url: string;
  requests: RecordedRequest[];
  /** Creates or updates a conversation (account 1 unless given). */
  setConversation(conversation: Partial<FakeConversation> & { id: number }): FakeConversation;
  conversation(id: number, accountId?: number): FakeConversation | undefined;
  /** Queues a scripted answer, used once by the next matching request. */
  respondNext(response: ScriptedResponse): void;
  /** The account's agents (account 1 unless given). */
  setAgents(agents: FakeAgent[], accountId?: number): void;
  /** A team and its members (agent ids). */
  setTeam(teamId: number, memberIds: number[], accountId?: number): void;
  /** Open conversations each agent already has elsewhere (added to the conversations the fake holds). */
  setOpenLoad(load: Record<number, number>, accountId?: number): void;
  /**
   * Serves an attachment at `path` like Active Storage's redirect route: the request (with the bot token)
   * is redirected to `/storage/...`, which answers the bytes without a token.
   */
  setFile(path: string, file: { bytes: Uint8Array; contentType: string }): void;
  close(): Promise<void>;
}

/**
 * A recording fake of the parts of Chatwoot's application API an Agent Bot uses: messages, labels,
 * custom attributes, toggle_status, toggle_typing_status and conversation reads, answering with the same JSON shapes as
 * Chatwoot 4.x (`messages/create`, `labels` `{payload}`, `toggle_status` `{meta, payload}`, conversation).
 * Listens on 127.0.0.1 on an ephemeral port.
 */
export async function startFakeChatwoot(options: FakeChatwootOptions = {}): Promise<FakeChatwoot> {
  const requests: RecordedRequest[] = [];
  const conversations = new Map<string, FakeConversation>();
  const scripted: ScriptedResponse[] = [];
  const agents = new Map<number, FakeAgent[]>();
  const teams = new Map<string, number[]>();
  const openLoad = new Map<number, Record<number, number>>();
  const files = new Map<string, { bytes: Uint8Array; contentType: string }>();
  let nextMessageId = 1000;

  const key = (accountId: number, id: number) => `${accountId}:${id}`;
  const setConversation = (c: Partial<FakeConversation> & { id: number }): FakeConversation => {
    const accountId = c.accountId ?? 1;
    const existing = conversations.get(key(accountId, c.id));
    const merged: FakeConversation = {
      accountId,
      status: 'pending',
      labels: [],
      customAttributes: {},
      inboxId: 1,
      channel: 'Channel::Whatsapp',
      typing: 'off',
      ...existing,
      ...c,
    };
    conversations.set(key(accountId, c.id), merged);
    return merged;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const method = req.method ?? 'GET';
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
    );
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    requests.push({ method, path, headers, body, at: Date.now() });

    const script = scripted.findIndex(
      (s) => (!s.method || s.method === method) && (!s.pathEndsWith || path.endsWith(s.pathEndsWith)),
    );
    if (script !== -1) {
      const [answer] = scripted.splice(script, 1);
      if (answer?.hang) return;
      return send(res, answer?.status ?? 500, answer?.body ?? { error: 'scripted failure' }, answer?.headers);
    }
    const directory = directoryRequest(method, path, req.url ?? '');
    if (directory) {
      if (options.botToken !== undefined && headers.api_access_token === options.botToken)
        return send(res, 401, { error: 'Access to this endpoint is not authorized for bots' });
      if (headers.api_access_token !== options.agentToken || !options.agentToken)
        return send(res, 401, { error: 'Invalid Access Token' });
      const accountAgents = agents.get(directory.accountId) ?? [];
      if (directory.kind === 'agents') return send(res, 200, accountAgents.map(agentJson));
      if (directory.kind === 'team_members') {
        const members = teams.get(`${directory.accountId}:${directory.teamId}`);
        if (!members) return send(res, 404, { error: 'Resource could not be found' });
        return send(res, 200, accountAgents.filter((a) => members.includes(a.id)).map(agentJson));
      }
      if (directory.groupBy !== 'assignee_id') return send(res, 422, { error: 'invalid group_by' });
      const open = new Map<number | null, number>(
        Object.entries(openLoad.get(directory.accountId) ?? {}).map(([id, n]) => [Number(id), n]),
      );
      for (const c of conversations.values()) {
        if (c.accountId !== directory.accountId || c.status !== 'open') continue;
        const by = c.assigneeId ?? null;
        open.set(by, (open.get(by) ?? 0) + 1);
      }
      return send(
        res,
        200,
        [...open].map(([assignee, count]) => ({
          open: count,
          unattended: 0,
          unassigned: assignee === null ? count : 0,
          assignee_id: assignee,
        })),
      );
    }
    const stored = path.startsWith('/storage/') ? files.get(path.slice('/storage'.length)) : undefined;
    if (stored) {
      res.writeHead(200, { 'content-type': stored.contentType, 'content-length': stored.bytes.byteLength });
      res.end(Buffer.from(stored.bytes));
      return;
    }
    if (options.botToken !== undefined && headers.api_access_token !== options.botToken) {
      return send(res, 401, { error: 'Invalid Access Token' });
    }
    if (method === 'GET' && files.has(path)) {
      res.writeHead(302, { location: `/storage${path}` }).end();
      return;
    }
    const match =
      /^\/api\/v1\/accounts\/(\d+)\/conversations\/(\d+)(?:\/(messages|labels|custom_attributes|toggle_status|toggle_typing_status|assignments))?$/.exec(
        path,
      );
    if (!match) return send(res, 404, { error: 'Resource could not be found' });
    const accountId = Number(match[1]);
    const id = Number(match[2]);
    let conversation = conversations.get(key(accountId, id));
    if (!conversation) {
      if (options.autoCreate === false) return send(res, 404, { error: 'Resource could not be found' });
      conversation = setConversation({ id, accountId });
    }
    const input = (body ?? {}) as Record<string, unknown>;
    const action = `${method} ${match[3] ?? ''}`;
    switch (action) {
      case 'GET ':
        return send(res, 200, conversationJson(conversation));
      case 'POST messages':
        return send(res, 200, {
          id: nextMessageId++,
          content: input.content ?? null,
          inbox_id: conversation.inboxId,
          echo_id: null,
          conversation_id: conversation.id,
          message_type: input.message_type === 'outgoing' || input.message_type === undefined ? 1 : 0,
          content_type: input.content_type ?? 'text',
          content_attributes: input.content_attributes ?? {},
          created_at: Math.floor(Date.now() / 1000),
          private: input.private === true,
          sender: { id: 1, name: 'MCP-Crew', avatar_url: '', type: 'agent_bot' },
        });
      case 'GET labels':
        return send(res, 200, { payload: conversation.labels });
      case 'POST labels':
        conversation.labels = Array.isArray(input.labels) ? input.labels.map(String) : [];
        return send(res, 200, { payload: conversation.labels });
      case 'POST custom_attributes':
        conversation.customAttributes = (input.custom_attributes ?? {}) as Record<string, unknown>;
        return send(res, 200, { custom_attributes: conversation.customAttributes });
      // Chatwoot answers `head :ok`: 200 with an empty body.
      case 'POST toggle_typing_status': {
        const typing = input.typing_status;
        if (typing !== 'on' && typing !== 'off' && typing !== 'recording') {
          return send(res, 422, { error: `invalid typing_status ${String(typing)}` });
        }
        conversation.typing = typing;
        res.writeHead(200).end();
        return;
      }
      // Chatwoot answers the assigned agent (agent JSON), or the team; `assignee_id` wins over `team_id`.
      case 'POST assignments': {
        if (input.assignee_id !== undefined) {
          const agent = (agents.get(accountId) ?? []).find((a) => a.id === Number(input.assignee_id));
          if (!agent) return send(res, 404, { error: 'Resource could not be found' });
          conversation.assigneeId = agent.id;
          return send(res, 200, agentJson(agent));
        }
        if (input.team_id !== undefined) {
          conversation.teamId = Number(input.team_id);
          return send(res, 200, {
            id: conversation.teamId,
            name: `team ${conversation.teamId}`,
            account_id: accountId,
          });
        }
        return send(res, 200, null);
      }
      case 'POST toggle_status': {
        const status = input.status;
        if (status !== 'open' && status !== 'pending' && status !== 'resolved' && status !== 'snoozed') {
          return send(res, 422, { error: `invalid status ${String(status)}` });
        }
        conversation.status = status;
        return send(res, 200, {
          meta: {},
          payload: {
            success: true,
            conversation_id: conversation.id,
            current_status: status,
            snoozed_until: null,
          },
        });
      }
      default:
        return send(res, 404, { error: 'Resource could not be found' });
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, { error: 'fake failed' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setConversation,
    conversation: (id, accountId = 1) => conversations.get(key(accountId, id)),
    respondNext: (response) => scripted.push(response),
    setAgents: (list, accountId = 1) => void agents.set(accountId, list),
    setTeam: (teamId, memberIds, accountId = 1) => void teams.set(`${accountId}:${teamId}`, memberIds),
    setOpenLoad: (load, accountId = 1) => void openLoad.set(accountId, load),
    setFile: (path, file) => void files.set(path, file),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The account-level reads only an administrator's token may make (agents, team members, the live report). */
function directoryRequest(
  method: string,
  path: string,
  url: string,
):
  | { kind: 'agents' | 'live_report'; accountId: number; teamId?: undefined; groupBy?: string | null }
  | { kind: 'team_members'; accountId: number; teamId: number; groupBy?: undefined }
  | undefined {
  if (method !== 'GET') return undefined;
  const agents = /^\/api\/v1\/accounts\/(\d+)\/agents$/.exec(path);
  if (agents) return { kind: 'agents', accountId: Number(agents[1]) };
  const team = /^\/api\/v1\/accounts\/(\d+)\/teams\/(\d+)\/team_members$/.exec(path);
  if (team) return { kind: 'team_members', accountId: Number(team[1]), teamId: Number(team[2]) };
  const report = /^\/api\/v2\/accounts\/(\d+)\/live_reports\/grouped_conversation_metrics$/.exec(path);
  if (report)
    return {
      kind: 'live_report',
      accountId: Number(report[1]),
      groupBy: new URL(url, 'http://fake').searchParams.get('group_by'),
    };
  return undefined;
}

/** Chatwoot's `agent` JSON (app/views/api/v1/models/_agent.json.jbuilder). */
function agentJson(a: FakeAgent): Record<string, unknown> {
  return {
    id: a.id,
    account_id: 1,
    availability_status: a.availability ?? 'online',
    auto_offline: true,
    confirmed: true,
    email: a.email,
    available_name: a.name,
    name: a.name,
    role: a.role ?? 'agent',
    thumbnail: '',
  };
}

function conversationJson(c: FakeConversation): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    meta: {
      sender: { id: 1, name: 'Cliente Demo', phone_number: '+573001234567', type: 'contact' },
      channel: c.channel,
      hmac_verified: false,
    },
    id: c.id,
    messages: [],
    account_id: c.accountId,
    uuid: `00000000-0000-4000-8000-${String(c.id).padStart(12, '0')}`,
    additional_attributes: {},
    agent_last_seen_at: 0,
    assignee_last_seen_at: 0,
    can_reply: true,
    contact_last_seen_at: 0,
    custom_attributes: c.customAttributes,
    inbox_id: c.inboxId,
    labels: c.labels,
    muted: false,
    snoozed_until: null,
    status: c.status,
    created_at: now,
    timestamp: now,
    unread_count: 0,
    last_activity_at: now,
    priority: null,
    waiting_since: 0,
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
