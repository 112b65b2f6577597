import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { CHATWOOT_FIXTURE_DIR, loadChatwootFixture } from './chatwoot-fixtures.js';
import { loadOdooFixtures } from './odoo-fixtures.js';

// The recordings ship with the repository: a plain clone must find every one of them.
describe('recorded fixtures in the repository', () => {
  it('holds all 97 Odoo 18 exchanges, each complete', () => {
    const fixtures = loadOdooFixtures();
    expect(fixtures).toHaveLength(97);
    for (const fx of fixtures) {
      expect(['xmlrpc', 'jsonrpc']).toContain(fx.protocol);
      expect(fx.endpoint).toMatch(/^\//);
      expect(typeof fx.request_body).toBe('string');
      expect(typeof fx.response_body).toBe('string');
      expect(fx.response_status).toBeGreaterThanOrEqual(200);
    }
  });

  it('holds the 5 Chatwoot deliveries with their signing headers', () => {
    const names = readdirSync(CHATWOOT_FIXTURE_DIR)
      .filter((f) => f.endsWith('.json') && !f.endsWith('.headers.json'))
      .map((f) => f.replace(/\.json$/, ''));
    expect(names.sort()).toEqual([
      'email_incoming',
      'whatsapp_human_owns',
      'whatsapp_incoming_text',
      'whatsapp_outgoing_echo',
      'whatsapp_private_note',
    ]);
    for (const name of names) {
      const f = loadChatwootFixture(name);
      expect(f.headers['x-chatwoot-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
      expect(f.body['event']).toBe('message_created');
    }
  });
});
