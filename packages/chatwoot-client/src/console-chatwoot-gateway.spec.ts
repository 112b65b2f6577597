import { describe, expect, it } from '@jest/globals';
import { ConsoleChatwootGateway } from './console-chatwoot-gateway.js';

describe('ConsoleChatwootGateway', () => {
  const ref = { accountId: 1, conversationId: 1532 };

  it('prints one readable line per action, tagged with the tenant', async () => {
    const lines: string[] = [];
    const gateway = new ConsoleChatwootGateway({ tenantId: 'demo', write: (l) => lines.push(l) });
    await gateway.sendMessage(ref, { content: 'Hola\n¿Qué color buscas?' });
    await gateway.addPrivateNote(ref, 'Cliente pide asesor');
    await gateway.toggleStatus(ref, 'open');
    expect(lines).toEqual([
      '[chatwoot:demo] conversation 1532 <- reply: "Hola\\n¿Qué color buscas?"',
      '[chatwoot:demo] conversation 1532 <- private note: "Cliente pide asesor"',
      '[chatwoot:demo] conversation 1532 status: open (handed to a human)',
    ]);
  });

  it('keeps status, labels and attributes so reads agree with writes', async () => {
    const gateway = new ConsoleChatwootGateway({ tenantId: 'demo', write: () => undefined });
    expect((await gateway.getConversation(ref)).status).toBe('pending');
    await gateway.addLabels(ref, ['ventas']);
    expect(await gateway.addLabels(ref, ['handoff', 'ventas'])).toEqual(['ventas', 'handoff']);
    await gateway.setCustomAttributes(ref, { city: 'Medellín' });
    await gateway.setCustomAttributes(ref, { order: 'S00001' });
    await gateway.toggleStatus(ref, 'open');
    expect(await gateway.getConversation(ref)).toEqual({
      id: 1532,
      status: 'open',
      labels: ['ventas', 'handoff'],
      customAttributes: { city: 'Medellín', order: 'S00001' },
      inboxId: 0,
      channel: 'console',
    });
    expect((await gateway.getConversation({ accountId: 1, conversationId: 2 })).labels).toEqual([]);
  });

  it('gives each message its own id', async () => {
    const gateway = new ConsoleChatwootGateway({ tenantId: 'demo', write: () => undefined });
    const a = await gateway.sendMessage(ref, { content: 'a' });
    const b = await gateway.addPrivateNote(ref, 'b');
    expect(a.id).not.toBe(b.id);
  });
});
