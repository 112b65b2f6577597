import type { Specialist, SpecialistRegistry, Turn } from '@mcp-crew/core';
import { startFakeChatwoot, type FakeChatwoot } from '@mcp-crew/testing';
import { eventually, post, signedFixture, startApp, writeTenantsFile, sendText } from './support.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const BASE = '/api/v1/accounts/3/conversations/1532';

/** Answers with what it was given; `during` runs while the "model" works (to flip the status mid-turn). */
class EchoSpecialist implements Specialist {
  during: (() => void) | undefined;
  async handle(turn: Turn) {
    this.during?.();
    return { replies: [`Recibido: ${turn.messages.map((m) => m.content).join(' / ')}`] };
  }
}

/**
 * A person takes the conversation over between two customer messages; the second webhook still says
 * `pending` (sent before the flip reached the bot), so only the read right before sending can stop the reply.
 */
describe('bot and human taking turns: webhook → Redis queue → crew → recording Chatwoot', () => {
  let chatwoot: FakeChatwoot;
  let app: Awaited<ReturnType<typeof startApp>>;
  let specialist: EchoSpecialist;
  let nextId = 90_000;

  beforeEach(async () => {
    chatwoot = await startFakeChatwoot({ botToken: 'bot-token-e2e-123' });
    chatwoot.setConversation({ id: 1532, accountId: 3, status: 'pending' });
    specialist = new EchoSpecialist();
    const specialists: SpecialistRegistry = { get: () => specialist };
    app = await startApp({ tenantsFile: writeTenantsFile(chatwoot.url), redisUrl: REDIS_URL, specialists });
  });

  afterEach(async () => {
    await app.close();
    await chatwoot.close();
  });

  const say = (content: string) => sendText(app.url, ++nextId, content);
  const calls = () =>
    chatwoot.requests
      .filter((r) => r.path.startsWith(BASE))
      .map((r) => [r.method, r.path.slice(BASE.length), r.body] as const);
  const typingOff = () =>
    calls().filter(
      ([, p, b]) => p === '/toggle_typing_status' && (b as { typing_status: string }).typing_status === 'off',
    ).length;

  it('answers the first message, drops the reply to the second once a person took over, and notes the draft', async () => {
    expect((await say('hola')).status).toBe(200);
    await eventually(() => typingOff() === 1);
    // The agent takes the conversation while the bot works on the second message.
    specialist.during = () => chatwoot.setConversation({ id: 1532, accountId: 3, status: 'open' });
    expect((await say('¿tienen esmalte blanco?')).status).toBe(200);
    await eventually(() => typingOff() === 2);

    expect(calls()).toEqual([
      ['POST', '/toggle_typing_status', { typing_status: 'on' }],
      ['GET', '', undefined],
      [
        'POST',
        '/messages',
        {
          content: 'Recibido: hola',
          message_type: 'outgoing',
          private: false,
          content_type: 'text',
          content_attributes: {},
        },
      ],
      ['POST', '/toggle_typing_status', { typing_status: 'off' }],
      ['POST', '/toggle_typing_status', { typing_status: 'on' }],
      ['GET', '', undefined],
      [
        'POST',
        '/messages',
        {
          content:
            'MCP-Crew did not send its reply: a person took this conversation over (status open) while the bot was working.\nDraft, for reference only:\nRecibido: ¿tienen esmalte blanco?',
          message_type: 'outgoing',
          private: true,
          content_type: 'text',
          content_attributes: {},
        },
      ],
      ['POST', '/toggle_typing_status', { typing_status: 'off' }],
    ]);
    // Nothing changed the status the person set.
    expect(chatwoot.conversation(1532, 3)?.status).toBe('open');
  });

  const agentNote = (content: string) =>
    post(
      `${app.url}/webhooks/chatwoot/demo`,
      signedFixture('whatsapp_private_note', (body) => {
        body['id'] = ++nextId;
        body['content'] = content;
        (body['conversation'] as Record<string, unknown>)['status'] = 'open';
      }),
    );

  it("takes the conversation back on the crew's hand-back command in an agent's private note (/bot), then answers", async () => {
    chatwoot.setConversation({ id: 1532, accountId: 3, status: 'open' });
    expect((await agentNote('Revisar stock en depósito 2')).json).toEqual({
      status: 'ignored',
      reason: 'outgoing',
    });
    expect((await agentNote('/bot')).json).toMatchObject({ status: 'queued' });
    await eventually(() => chatwoot.conversation(1532, 3)?.status === 'pending');
    await eventually(() => calls().length >= 3);
    expect(calls()).toEqual([
      ['GET', '', undefined],
      ['POST', '/toggle_status', { status: 'pending' }],
      [
        'POST',
        '/messages',
        {
          content:
            "MCP-Crew has this conversation again (handed back by an agent): it answers the customer's next message.",
          message_type: 'outgoing',
          private: true,
          content_type: 'text',
          content_attributes: {},
        },
      ],
    ]);
    // Chatwoot now sends the customer's messages as `pending`: the bot answers again.
    expect((await say('¿siguen ahí?')).status).toBe(200);
    await eventually(() => typingOff() === 1);
    expect(
      calls()
        .slice(3)
        .map(([m, p]) => `${m} ${p}`),
    ).toEqual(['POST /toggle_typing_status', 'GET ', 'POST /messages', 'POST /toggle_typing_status']);
  });

  it('ignores another command, and the hand-back command on a conversation that is not open', async () => {
    chatwoot.setConversation({ id: 1532, accountId: 3, status: 'open' });
    expect((await agentNote('/nota')).json).toMatchObject({ status: 'queued' });
    chatwoot.setConversation({ id: 1532, accountId: 3, status: 'resolved' });
    expect((await agentNote('/bot')).json).toMatchObject({ status: 'queued' });
    await eventually(() => calls().length >= 1);
    await new Promise((r) => setTimeout(r, 500)); // both items are worked by now; nothing else may come
    expect(calls()).toEqual([['GET', '', undefined]]);
    expect(chatwoot.conversation(1532, 3)?.status).toBe('resolved');
  });

  it('takes the conversation back when it returns to pending (resolved, then reopened by the customer)', async () => {
    chatwoot.setConversation({ id: 1532, accountId: 3, status: 'open' });
    // While a person has it, Chatwoot's webhook says `open` and the bot stays silent.
    const silent = await post(
      `${app.url}/webhooks/chatwoot/demo`,
      signedFixture('whatsapp_incoming_text', (body) => {
        body['id'] = ++nextId;
        (body['conversation'] as Record<string, unknown>)['status'] = 'open';
      }),
    );
    expect(silent.json).toEqual({ status: 'ignored', reason: 'human_owns_conversation' });
    // The person resolves it; the customer writes again and Chatwoot reopens it as `pending` for the bot.
    chatwoot.setConversation({ id: 1532, accountId: 3, status: 'pending' });
    expect((await say('hola de nuevo')).status).toBe(200);
    await eventually(() => typingOff() === 1);
    expect(
      calls()
        .filter(([m, p]) => m === 'POST' && p === '/messages')
        .map(([, , b]) => (b as { content: string }).content),
    ).toEqual(['Recibido: hola de nuevo']);
  });
});
