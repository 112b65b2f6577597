import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { HttpChatwootGateway } from '@mcp-crew/chatwoot-client';
import { Secret } from '@mcp-crew/core';
import { connectInProcess } from '@mcp-crew/mcp-kit';
import { startFakeChatwoot, untypedToolParameters, type FakeChatwoot } from '@mcp-crew/testing';
import { buildChatwootMcpServer } from './server.js';

const TOKEN = 'bot-token-for-tests';
const base = '/api/v1/accounts/3/conversations/77';

describe('MCP-Chatwoot tools (in process, against a recording Chatwoot)', () => {
  let chatwoot: FakeChatwoot;
  let client: Client;

  beforeEach(async () => {
    chatwoot = await startFakeChatwoot({ botToken: TOKEN });
    chatwoot.setConversation({
      id: 77,
      accountId: 3,
      labels: ['whatsapp'],
      customAttributes: { city: 'Cali' },
    });
    const gateway = new HttpChatwootGateway({
      baseUrl: chatwoot.url,
      botToken: new Secret(TOKEN),
      retry: { attempts: 2, baseDelayMs: 1 },
    });
    client = await connectInProcess(buildChatwootMcpServer(gateway, { accountId: 3 }));
  });
  afterEach(async () => {
    await client.close();
    await chatwoot.close();
  });

  it('lists the six tools with output schemas and honest annotations', async () => {
    const { tools } = await client.listTools();
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
    expect(Object.keys(byName)).toEqual([
      'chatwoot_send_message',
      'chatwoot_add_private_note',
      'chatwoot_add_labels',
      'chatwoot_set_custom_attributes',
      'chatwoot_handoff_to_human',
      'chatwoot_get_conversation',
    ]);
    for (const tool of tools) expect(tool.outputSchema?.type).toBe('object');
    // A model following the advertised schemas can fill every parameter.
    expect(untypedToolParameters(tools)).toEqual([]);
    expect(byName.chatwoot_get_conversation?.annotations).toMatchObject({
      readOnlyHint: true,
      destructiveHint: false,
    });
    expect(byName.chatwoot_handoff_to_human?.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
    });
    expect(byName.chatwoot_set_custom_attributes?.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
    });
    expect(byName.chatwoot_send_message?.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: false,
      openWorldHint: true,
    });
  });

  it('sends a reply in the configured account', async () => {
    const result = await client.callTool({
      name: 'chatwoot_send_message',
      arguments: { conversation_id: 77, content: 'Claro, tenemos vinilo blanco.' },
    });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({ conversation_id: 77, message_id: expect.any(Number) });
    expect(chatwoot.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: `${base}/messages`,
        body: {
          content: 'Claro, tenemos vinilo blanco.',
          message_type: 'outgoing',
          private: false,
          content_type: 'text',
          content_attributes: {},
        },
      }),
    ]);
  });

  it('hands off: private note, labels (union), then status open', async () => {
    const result = await client.callTool({
      name: 'chatwoot_handoff_to_human',
      arguments: {
        conversation_id: 77,
        reason: 'El cliente quiere hablar con un asesor',
        labels: ['Ventas'],
      },
    });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({
      conversation_id: 77,
      status: 'open',
      note_id: expect.any(Number),
      labels: ['whatsapp', 'bot-handoff', 'ventas'],
    });
    expect(chatwoot.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      [
        'POST',
        `${base}/messages`,
        {
          content: 'Handoff from the bot: El cliente quiere hablar con un asesor',
          message_type: 'outgoing',
          private: true,
          content_type: 'text',
          content_attributes: {},
        },
      ],
      ['GET', `${base}/labels`, undefined],
      ['POST', `${base}/labels`, { labels: ['whatsapp', 'bot-handoff', 'ventas'] }],
      ['POST', `${base}/toggle_status`, { status: 'open' }],
    ]);
    expect(chatwoot.conversation(77, 3)?.status).toBe('open');
  });

  it('sets attributes and reads the conversation back', async () => {
    await client.callTool({
      name: 'chatwoot_set_custom_attributes',
      arguments: { conversation_id: 77, attributes: { order_ref: 'S00042' } },
    });
    const read = await client.callTool({
      name: 'chatwoot_get_conversation',
      arguments: { conversation_id: 77 },
    });
    expect(read.structuredContent).toEqual({
      conversation_id: 77,
      status: 'pending',
      labels: ['whatsapp'],
      custom_attributes: { city: 'Cali', order_ref: 'S00042' },
      inbox_id: 1,
      channel: 'Channel::Whatsapp',
    });
    expect(read.content).toEqual([
      { type: 'text', text: 'Conversation 77: status pending, labels whatsapp, channel Channel::Whatsapp.' },
    ]);
  });

  it('adds labels and a private note', async () => {
    const labels = await client.callTool({
      name: 'chatwoot_add_labels',
      arguments: { conversation_id: 77, labels: ['pintura'] },
    });
    expect(labels.structuredContent).toEqual({ conversation_id: 77, labels: ['whatsapp', 'pintura'] });
    const note = await client.callTool({
      name: 'chatwoot_add_private_note',
      arguments: { conversation_id: 77, content: 'Pidió cotización' },
    });
    expect(note.isError).toBeFalsy();
    expect(chatwoot.requests.at(-1)?.body).toMatchObject({ private: true, content: 'Pidió cotización' });
  });

  it('returns Chatwoot failures as isError results with the code', async () => {
    chatwoot.respondNext({ status: 404, body: { error: 'Resource could not be found' } });
    const result = await client.callTool({
      name: 'chatwoot_send_message',
      arguments: { conversation_id: 77, content: 'hola' },
    });
    expect(result.isError).toBe(true);
    expect(result.content).toEqual([
      { type: 'text', text: expect.stringMatching(/^CHATWOOT_NOT_FOUND: .*Resource could not be found/) },
    ]);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('rejects bad input before touching Chatwoot', async () => {
    const result = await client.callTool({
      name: 'chatwoot_add_labels',
      arguments: { conversation_id: 77, labels: ['no spaces'] },
    });
    expect(result.isError).toBe(true);
    const empty = await client.callTool({
      name: 'chatwoot_send_message',
      arguments: { conversation_id: -1, content: '' },
    });
    expect(empty.isError).toBe(true);
    expect(chatwoot.requests).toHaveLength(0);
  });
});
