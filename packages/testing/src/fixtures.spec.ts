import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { CHATWOOT_FIXTURE_DIR, FIXTURE_SECRET, loadChatwootFixture } from './chatwoot-fixtures.js';
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

  it('holds the 8 Chatwoot deliveries with their signing headers, each valid for its signature', () => {
    const names = readdirSync(CHATWOOT_FIXTURE_DIR)
      .filter((f) => f.endsWith('.json') && !f.endsWith('.headers.json'))
      .map((f) => f.replace(/\.json$/, ''));
    expect(names.sort()).toEqual([
      'email_incoming',
      'whatsapp_human_owns',
      'whatsapp_image',
      'whatsapp_incoming_text',
      'whatsapp_outgoing_echo',
      'whatsapp_private_note',
      'whatsapp_voice_note',
      'whatsapp_voice_note_transcribed',
    ]);
    for (const name of names) {
      const f = loadChatwootFixture(name);
      const expected = createHmac('sha256', FIXTURE_SECRET)
        .update(`${f.headers['x-chatwoot-timestamp']}.`)
        .update(f.rawBody)
        .digest('hex');
      expect(f.headers['x-chatwoot-signature']).toBe(`sha256=${expected}`);
      expect(f.body['event']).toBe(name.endsWith('_transcribed') ? 'message_updated' : 'message_created');
    }
  });

  it("shapes attachments as Chatwoot 4.x's Attachment#push_event_data (audio with transcribed_text)", () => {
    const [note, update, photo] = [
      'whatsapp_voice_note',
      'whatsapp_voice_note_transcribed',
      'whatsapp_image',
    ].map((name) => (loadChatwootFixture(name).body['attachments'] as Array<Record<string, unknown>>)[0]);
    expect(note).toMatchObject({ file_type: 'audio', transcribed_text: '', message_id: 48230 });
    expect(update).toMatchObject({
      id: note!['id'],
      file_type: 'audio',
      transcribed_text: expect.stringMatching(/esmalte/),
    });
    expect(photo).toMatchObject({ file_type: 'image', content_type: 'image/jpeg' });
    expect(Object.keys(photo!)).not.toContain('transcribed_text');
  });
});
