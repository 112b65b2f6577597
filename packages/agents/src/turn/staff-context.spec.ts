import { describe, expect, it } from '@jest/globals';
import { COPILOT_CHANNEL, type CrewDefinition, type Turn } from '@mcp-crew/core';
import { staffContext } from './staff-context.js';

const crew = { name: 'webchat', language: 'es' } as CrewDefinition;
const staffCrew = { ...crew, audience: 'staff' } as CrewDefinition;

function turn(channel: string, channelAttributes: Record<string, unknown>): Turn {
  return {
    messages: [{ channel, channelAttributes, sender: { id: 2, name: 'Laura Admin' } }],
  } as unknown as Turn;
}

describe('staffContext', () => {
  const attrs = {
    odoo_user: { lang: 'pt_BR', permissions: { 'sale.order': ['read', 'approve'] } },
    odoo_record: { model: 'res.partner', id: 10 },
  };

  it('reads the Odoo user of a copilot turn of the staff crew', () => {
    expect(staffContext(turn(COPILOT_CHANNEL, attrs), staffCrew)).toEqual({
      name: 'Laura Admin',
      language: 'pt',
      permissions: { 'sale.order': ['read'] },
      record: { model: 'res.partner', id: 10 },
    });
  });

  it('never applies to a customer crew or to another channel', () => {
    expect(staffContext(turn(COPILOT_CHANNEL, attrs), crew)).toBeUndefined();
    expect(staffContext(turn('Channel::WebWidget', attrs), staffCrew)).toBeUndefined();
  });
});
