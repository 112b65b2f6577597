import { describe, expect, it } from '@jest/globals';
import { Secret, tenantId, type TenantConfig } from '@mcp-crew/core';
import { ChatwootAttachments } from './chatwoot-attachments.js';

const tenant: TenantConfig = {
  id: tenantId('acme'),
  name: 'Acme',
  language: 'es',
  timezone: 'America/Bogota',
  enabled: true,
  chatwoot: {
    baseUrl: 'https://chat.acme.test',
    botToken: new Secret('bot-token-123'),
    allowUnsignedWebhooks: false,
  },
  inboxCrews: {},
  defaultCrew: 'webchat',
  enabledSpecialists: ['sales'],
};

/** A fetch that answers from a table by URL and records what it was sent. */
function scriptedFetch(answers: Record<string, () => Response>) {
  const seen: Array<{ url: string; token: string | undefined }> = [];
  const fetch = (async (input: URL | string, init?: RequestInit) => {
    const url = String(input);
    seen.push({ url, token: (init?.headers as Record<string, string> | undefined)?.['api_access_token'] });
    const answer = answers[url];
    return answer ? answer() : new Response('missing', { status: 404 });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

describe('ChatwootAttachments', () => {
  const redirect = 'https://chat.acme.test/rails/active_storage/blobs/redirect/abc/audio.ogg';
  const storage = 'https://bucket.s3.test/abc?X-Amz-Signature=1';

  it("fetches with the bot token on Chatwoot's origin and follows the storage redirect without it", async () => {
    const { fetch, seen } = scriptedFetch({
      [redirect]: () => new Response(null, { status: 302, headers: { location: storage } }),
      [storage]: () => new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'audio/ogg' } }),
    });
    const file = await new ChatwootAttachments({ maxBytes: 1024, fetch }).fetch(tenant, redirect);
    expect([...file.bytes]).toEqual([1, 2, 3]);
    expect(file.contentType).toBe('audio/ogg');
    expect(seen).toEqual([
      { url: redirect, token: 'bot-token-123' },
      { url: storage, token: undefined },
    ]);
  });

  it("refuses a URL outside the tenant's Chatwoot (the payload cannot point the bot elsewhere)", async () => {
    const { fetch, seen } = scriptedFetch({});
    await expect(
      new ChatwootAttachments({ maxBytes: 1024, fetch }).fetch(
        tenant,
        'http://169.254.169.254/latest/meta-data',
      ),
    ).rejects.toMatchObject({ code: 'CHATWOOT_ATTACHMENT_REFUSED' });
    expect(seen).toEqual([]);
  });

  it('refuses a file larger than the limit', async () => {
    const { fetch } = scriptedFetch({
      [redirect]: () => new Response(new Uint8Array(2048), { headers: { 'content-type': 'audio/ogg' } }),
    });
    await expect(
      new ChatwootAttachments({ maxBytes: 1024, fetch }).fetch(tenant, redirect),
    ).rejects.toMatchObject({
      code: 'CHATWOOT_ATTACHMENT_TOO_LARGE',
    });
  });
});
