import { describe, expect, it } from '@jest/globals';
import {
  businessHoursFromDataset,
  type BusinessHoursSource,
  type ChatwootGateway,
  type CrewDefinition,
  type Specialist,
} from '@mcp-crew/core';
import { ATTEMPT, turnProcessor, webchatCrew, webTurn as turn } from './testing/turn-fixture.js';

// Monday to Friday 7:30–18:00 in Bogotá (UTC−5), closed on 2026-12-08.
const SHOP: BusinessHoursSource = {
  forTenant: async () =>
    businessHoursFromDataset(
      { timezone: 'America/Bogota', holidays: [{ date: '2026-12-08' }] },
      (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, opens: '07:30', closes: '18:00' })),
    ),
};
const MONDAY_NIGHT = Date.parse('2026-11-30T23:10:00-05:00');
const MONDAY_NOON = Date.parse('2026-11-30T12:00:00-05:00');
const HOLIDAY_EVE = Date.parse('2026-12-07T19:00:00-05:00');

function recordingGateway() {
  const calls: string[] = [];
  const gateway: ChatwootGateway = {
    sendMessage: async (_ref, m) => (calls.push(`message:${m.content}`), { id: 1 }),
    addPrivateNote: async (_ref, note) => (calls.push(`note:${note}`), { id: 2 }),
    addLabels: async (_ref, labels) => (calls.push(`labels:${labels.join(',')}`), labels),
    setCustomAttributes: async () => void calls.push('attributes'),
    toggleStatus: async (_ref, status) => void calls.push(`status:${status}`),
    getConversation: async (ref) => (
      calls.push('read'),
      { id: ref.conversationId, status: 'pending', labels: [], customAttributes: {}, inboxId: 1 }
    ),
    toggleTyping: async (_ref, status) => void calls.push(`typing:${status}`),
  };
  return { gateway, calls };
}

function setup(now: number, options: { specialist?: Specialist; crew?: CrewDefinition } = {}) {
  const { gateway, calls } = recordingGateway();
  let ran = 0;
  const specialist: Specialist = options.specialist ?? {
    handle: async () => (ran++, { replies: ['Tenemos esmalte blanco.'] }),
  };
  const processor = turnProcessor({
    specialists: { get: () => specialist },
    gateway: () => gateway,
    hours: SHOP,
    now: () => now,
    ...(options.crew ? { crews: new Map([['webchat', options.crew]]) } : {}),
  });
  return { processor, calls, ran: () => ran };
}

const nightShift = (): CrewDefinition => ({
  ...webchatCrew(),
  hours: { mode: 'night_shift', outOfHoursLabels: ['out-of-hours'] },
});

describe('TurnProcessor: business hours', () => {
  it('out of hours, a hand-over tells the customer when a person answers and labels it for the morning', async () => {
    const { processor, calls } = setup(MONDAY_NIGHT);
    await processor.handle(turn('quiero hablar con una persona'), ATTEMPT);
    expect(calls.filter((c) => !c.startsWith('note:'))).toEqual([
      'typing:on',
      'read',
      'message:Te comunico con una persona de nuestro equipo. Ahora estamos fuera del horario de atención: una persona de nuestro equipo te responderá mañana, martes, 1 de diciembre, a las 7:30 a. m. (hora estándar de Colombia).',
      'labels:bot-handoff,out-of-hours',
      'status:open',
      'typing:off',
    ]);
    expect(calls.find((c) => c.startsWith('note:'))).toContain(
      'Outside business hours (mon 2026-11-30 23:10 America/Bogota); next opening: tue 2026-12-01 07:30.',
    );
  });

  it('skips a holiday when it says when a person answers', async () => {
    const { processor, calls } = setup(HOLIDAY_EVE);
    await processor.handle(turn('quiero hablar con una persona'), ATTEMPT);
    expect(calls).toContainEqual(
      expect.stringContaining('te responderá el miércoles, 9 de diciembre, a las 7:30'),
    );
  });

  it('adds the out-of-hours notice after the reply the bot already gave', async () => {
    const { processor, calls } = setup(MONDAY_NIGHT, {
      specialist: {
        handle: async () => ({
          replies: ['Para ese pedido te paso con un asesor.'],
          handoff: { reason: 'out_of_scope', note: 'big order' },
        }),
      },
    });
    await processor.handle(turn('necesito 200 galones'), ATTEMPT);
    expect(calls.filter((c) => c.startsWith('message:'))).toEqual([
      'message:Para ese pedido te paso con un asesor.',
      'message:Ahora estamos fuera del horario de atención: una persona de nuestro equipo te responderá mañana, martes, 1 de diciembre, a las 7:30 a. m. (hora estándar de Colombia).',
    ]);
  });

  it('in business hours the hand-over is the usual one, and out of hours the bot still answers what it can', async () => {
    const day = setup(MONDAY_NOON);
    await day.processor.handle(turn('quiero hablar con una persona'), ATTEMPT);
    expect(day.calls).toContain(
      'message:Te comunico con una persona de nuestro equipo. Te responderá en breve.',
    );
    expect(day.calls).toContain('labels:bot-handoff');
    const night = setup(MONDAY_NIGHT);
    await night.processor.handle(turn('¿tienen esmalte blanco?'), ATTEMPT);
    expect(night.calls).toEqual(['typing:on', 'read', 'message:Tenemos esmalte blanco.', 'typing:off']);
  });

  it('a night-shift crew stays silent in business hours and leaves the conversation to people', async () => {
    const { processor, calls, ran } = setup(MONDAY_NOON, { crew: nightShift() });
    await processor.handle(turn('¿tienen esmalte blanco?'), ATTEMPT);
    expect(ran()).toBe(0);
    expect(calls.map((c) => c.split('\n')[0])).toEqual([
      'read',
      'note:MCP-Crew handed this conversation to a human (webchat crew).',
      'status:open',
    ]);
    expect(calls[1]).toContain('works the night shift: in business hours people answer');
  });

  it('a night-shift crew answers outside business hours', async () => {
    const { processor, calls, ran } = setup(MONDAY_NIGHT, { crew: nightShift() });
    await processor.handle(turn('¿tienen esmalte blanco?'), ATTEMPT);
    expect(ran()).toBe(1);
    expect(calls).toEqual(['typing:on', 'read', 'message:Tenemos esmalte blanco.', 'typing:off']);
  });

  it('the failure hand-over out of hours says when a person answers too', async () => {
    const { processor, calls } = setup(MONDAY_NIGHT);
    await processor.exhausted(turn('hola'), new Error('boom'));
    expect(calls).toContain(
      'message:Disculpa, tuvimos un problema al procesar tu mensaje. Ahora estamos fuera del horario de atención: una persona de nuestro equipo te responderá mañana, martes, 1 de diciembre, a las 7:30 a. m. (hora estándar de Colombia).',
    );
    expect(calls).toContain('labels:bot-handoff,out-of-hours');
  });
});
