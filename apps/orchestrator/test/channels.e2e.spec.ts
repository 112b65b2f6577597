import type { OdooSandbox } from '@mcp-crew/odoo-sandbox';
import type { OdooClient } from '@mcp-crew/odoo-client';
import { startSandboxWithClient } from '@mcp-crew/odoo-sandbox/testing';
import { startFakeChatwoot, type FakeChatwoot } from '@mcp-crew/testing';
import { upsertSource } from '@mcp-crew/knowledge';
import { tenantId } from '@mcp-crew/core';
import { eventually, post, signedFixture, startApp, writeTenantsFile } from './support.js';

/**
 * Every channel crew end to end on the embedded defaults (offline engine, embedded knowledge, the Odoo
 * sandbox over HTTP, a local fake Chatwoot): what each channel's customer gets, in that channel's form.
 */
describe('channel crews end to end', () => {
  let chatwoot: FakeChatwoot;
  let sandbox: OdooSandbox;
  let odoo: OdooClient;
  let app: Awaited<ReturnType<typeof startApp>>;
  let messageId = 80_000;

  beforeAll(async () => {
    ({ sandbox, odoo } = await startSandboxWithClient());
    chatwoot = await startFakeChatwoot();
    const odooLine = `    odoo: {url: "${sandbox.url}", db: sandbox, user: admin, apiKey: sandbox-admin-key, protocol: jsonrpc, allowWrites: true}\n`;
    app = await startApp({ tenantsFile: writeTenantsFile(chatwoot.url, odooLine) });
  }, 30_000);
  afterAll(async () => {
    await app.close();
    await chatwoot.close();
    await sandbox.close();
  });

  interface Channel {
    conversation: number;
    channel: string;
    inbox: number;
    attributes?: Record<string, unknown>;
    sender?: { name: string; phone?: string; email?: string };
  }

  /** A customer message on a channel: the recorded WhatsApp delivery, re-shaped as that channel sends it. */
  const say = (on: Channel, content: string) =>
    post(
      `${app.url}/webhooks/chatwoot/demo`,
      signedFixture('whatsapp_incoming_text', (body) => {
        const conversation = body['conversation'] as Record<string, unknown> & {
          meta: { sender: Record<string, unknown> };
        };
        body['content'] = content;
        body['id'] = ++messageId;
        body['inbox'] = { id: on.inbox, name: `inbox ${on.inbox}` };
        conversation['id'] = on.conversation;
        conversation['inbox_id'] = on.inbox;
        conversation['channel'] = on.channel;
        conversation['additional_attributes'] = on.attributes ?? {};
        if (on.sender) {
          conversation.meta.sender = {
            ...conversation.meta.sender,
            name: on.sender.name,
            phone_number: on.sender.phone ?? null,
            email: on.sender.email ?? null,
          };
        }
      }),
    );
  const replies = (conversation: number) =>
    chatwoot.requests
      .filter(
        (r) =>
          r.method === 'POST' &&
          r.path === `/api/v1/accounts/3/conversations/${conversation}/messages` &&
          (r.body as { private?: boolean }).private === false,
      )
      .map((r) => String((r.body as { content: string }).content));
  const firstReply = async (conversation: number, count = 1) =>
    (await eventually(() => replies(conversation).length >= count && replies(conversation)))[count - 1]!;
  const handedOver = (conversation: number) =>
    chatwoot.requests.some((r) => r.path.endsWith(`/conversations/${conversation}/toggle_status`));

  it('Facebook: answers a product question with prices from Odoo, plain text, at most 2000 characters', async () => {
    await say({ conversation: 2001, channel: 'Channel::FacebookPage', inbox: 21 }, '¿tienen esmalte blanco?');
    const reply = await firstReply(2001);
    expect(reply).toContain('Esmalte Sintético Blanco');
    expect(reply).toMatch(/\$\d{1,3}(\.\d{3})+/);
    expect(reply.length).toBeLessThanOrEqual(2000);
    expect(reply).not.toMatch(/[*_`#]/);
    expect(handedOver(2001)).toBe(false);
  });

  it('Instagram (through a Facebook page): answers in at most 1000 characters', async () => {
    await say(
      {
        conversation: 2002,
        channel: 'Channel::FacebookPage',
        inbox: 22,
        attributes: { type: 'instagram_direct_message' },
      },
      '¿cuánto cuesta el vinilo blanco?',
    );
    const reply = await firstReply(2002);
    expect(reply).toContain('Vinilo');
    expect(reply.length).toBeLessThanOrEqual(1000);
    expect(
      chatwoot.requests.filter((r) => r.path.endsWith('/conversations/2002/messages')).length,
    ).toBeGreaterThanOrEqual(1);
  });

  it('Email: a business-rules answer inside the greeting and the signature', async () => {
    await say(
      {
        conversation: 2003,
        channel: 'Channel::Email',
        inbox: 23,
        sender: { name: 'Luisa Martínez', email: 'luisa.martinez@example.com' },
      },
      'Buenos días, ¿qué medios de pago aceptan?',
    );
    const reply = await firstReply(2003);
    expect(reply).toMatch(/^Hola Luisa/);
    expect(reply).toContain('Nequi');
    expect(reply).toMatch(/Cordialmente,\nEquipo de servicio al cliente\nPinturas El Arcoíris\s*$/);
  });

  it('Mercado Livre (API inbox mapped in the tenant file): a stock question, no phone, e-mail or link even from the knowledge', async () => {
    const ml = { conversation: 2004, channel: 'Channel::Api', inbox: 77 };
    await say(ml, '¿tienen stock de esmalte blanco galón?');
    const stock = await firstReply(2004);
    expect(stock).toContain('Esmalte Sintético Blanco Galón');
    expect(stock).toMatch(/disponibles|agotado/);
    // A rules document that names contact channels, as many businesses' do: the marketplace reply must not.
    const knowledge = app.runtime.knowledge!;
    const text =
      '# Horario de atención y contacto\n\nAtendemos de lunes a viernes de 7:30 a. m. a 6:00 p. m. Escríbanos a ventas@pinturaselarcoiris.example.com, al WhatsApp +57 300 555 1234 o en https://pinturaselarcoiris.example.com/contacto.';
    await upsertSource(
      {
        tenantId: tenantId('demo'),
        collection: 'business_rules',
        store: knowledge.store,
        embedder: knowledge.embedder,
      },
      undefined,
      {
        source: 'business_rules/contacto.md',
        language: 'es',
        content: text,
        chunks: () => [{ text, title: 'Horario de atención y contacto', metadata: {} }],
      },
    );
    await say(ml, '¿cuál es el horario de atención y cómo los contacto?');
    const rules = await firstReply(2004, 2);
    expect(rules).toContain('lunes a viernes de 7:30 a. m. a 6:00 p. m.');
    expect(rules).toContain('Escríbanos a');
    for (const reply of [stock, rules]) {
      expect(reply).not.toMatch(/https?:\/\/|www\.|@[a-z0-9-]+\.[a-z]/i);
      expect(reply).not.toMatch(/\+?\d[\d\s-]{8,}\d/);
    }
  });

  it("Web chat: business hours answered from the tenant's hours data", async () => {
    await say(
      { conversation: 2005, channel: 'Channel::WebWidget', inbox: 25 },
      '¿a qué hora abren los sábados?',
    );
    const reply = await firstReply(2005);
    expect(reply).toMatch(/^Sábado atendemos de 08:00 a 14:00\./);
    expect(handedOver(2005)).toBe(false);
  });

  it('WhatsApp booking: offers free slots, books the one picked on "sí, el de las 9"', async () => {
    const wa = {
      conversation: 2006,
      channel: 'Channel::Whatsapp',
      inbox: 11,
      sender: { name: 'Ana Gómez', phone: '+57 300 123 4567' },
    };
    await say(wa, '¿me pueden agendar una visita técnica el martes en la mañana?');
    const offer = await firstReply(2006);
    expect(offer).toMatch(/martes \d+ de \w+ a las 08:00, 09:00 o 10:00/);
    await say(wa, 'sí, el de las 9');
    const done = await firstReply(2006, 2);
    expect(done).toMatch(/quedó agendada para el martes \d+ de \w+ a las 09:00/);
    const events = await odoo.searchRead('calendar.event', [['name', '=', 'Visita técnica — Ana Gómez']], {
      fields: ['start', 'partner_ids'],
    });
    expect(events).toEqual([
      expect.objectContaining({ start: expect.stringMatching(/ 14:00:00$/), partner_ids: [5] }),
    ]);
  });

  it('WhatsApp support: the procedure for peeling paint and a ticket for the customer', async () => {
    const wa = {
      conversation: 2007,
      channel: 'Channel::Whatsapp',
      inbox: 11,
      sender: { name: 'Carlos Pérez', phone: '+57 311 234 5678' },
    };
    await say(wa, 'la pintura del muro se está descascarando, ¿qué hago?');
    const reply = await firstReply(2007);
    expect(reply).toContain('Pintura que se descascara');
    const id = Number(/caso #(\d+)/.exec(reply)?.[1]);
    const [task] = await odoo.read('project.task', [id], ['partner_id']);
    expect(task?.['partner_id']).toEqual([6, expect.stringContaining('Carlos Pérez')]);
  });
});
